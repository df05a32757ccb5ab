// Use cases of columns (栏目): arrange an organization's tree (create, edit, move, delete), read it
// with each column's last publication and where it stands on its update rule, and list the columns
// that are late across the actor's scope (the supervising office sees who is late).
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { describeRule, ruleProblem, updateState, type UpdateRule, type UpdateState } from '../../domain/column-update.js';
import { COLUMN_KIND_LABELS } from '../../domain/special-fields.js';
import { authorize } from '../authorize.js';
import { documentVersions } from '../documents/schema.js';
import { recordAudit } from '../orgs/audit.js';
import { findOrg } from '../orgs/organizations.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations } from '../orgs/schema.js';
import { columnGrants } from './policy.js';
import { columns, documentColumns, type Column, type ColumnKind, type UpdateUnit } from './schema.js';

export interface ColumnInput {
  orgId: number;
  parentId?: number | null;
  code: string;
  name: string;
  kind?: ColumnKind;
  description?: string;
  updateEvery?: number | null;
  updateUnit?: UpdateUnit | null;
  catalogItemCode?: string;
  sortOrder?: number;
}

export type ColumnPatch = Partial<Omit<ColumnInput, 'orgId'>>;

const CODE_RE = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const ruleOf = (c: Pick<Column, 'updateEvery' | 'updateUnit'>): UpdateRule | null =>
  c.updateEvery && c.updateUnit ? { every: c.updateEvery, unit: c.updateUnit } : null;

async function requireOrg(db: Db, orgId: number) {
  const org = await findOrg(db, orgId);
  if (!org) throw invalid('机构不存在');
  return org;
}

async function requireColumn(db: Db, id: number) {
  const [row] = await db
    .select({ column: columns, orgPath: organizations.path })
    .from(columns)
    .innerJoin(organizations, eq(organizations.id, columns.orgId))
    .where(eq(columns.id, id));
  if (!row) throw notFound('找不到该栏目');
  return row;
}

/** A parent must be a column of the same organization (and, when moving, not the column itself or below it). */
async function checkParent(db: Db, orgId: number, parentId: number, moving?: Column): Promise<Column> {
  const [parent] = await db.select().from(columns).where(eq(columns.id, parentId));
  if (!parent || parent.orgId !== orgId) throw invalid('上级栏目不存在，或不属于本机构');
  if (moving && parent.path.startsWith(moving.path)) throw invalid('不能把栏目移到它自己或它的下级栏目之下');
  return parent;
}

function checkFields(f: ColumnPatch, current?: Column) {
  if (f.code !== undefined && !CODE_RE.test(f.code)) throw invalid('栏目代码只能由小写字母、数字和连字符组成（不超过40个字符），用于网址');
  if (f.name !== undefined && !f.name.trim()) throw invalid('请填写栏目名称');
  const every = f.updateEvery !== undefined ? f.updateEvery : (current?.updateEvery ?? null);
  const unit = f.updateUnit !== undefined ? f.updateUnit : (current?.updateUnit ?? null);
  const problem = ruleProblem(every, unit);
  if (problem) throw invalid(problem);
}

async function assertCodeFree(db: Db, orgId: number, code: string, exceptId?: number) {
  const [existing] = await db.select({ id: columns.id, name: columns.name }).from(columns).where(and(eq(columns.orgId, orgId), eq(columns.code, code)));
  if (existing && existing.id !== exceptId) throw conflict(`本机构已有代码为“${code}”的栏目（${existing.name}）`);
}

const ruleText = (c: Pick<Column, 'updateEvery' | 'updateUnit'>) => describeRule(ruleOf(c)) || '不要求定期更新';

export async function createColumn(db: Db, ctx: ActionContext, input: ColumnInput): Promise<Column> {
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, input.orgId);
    authorize(ctx, columnGrants, 'column.manage', { orgId: org.id, orgPath: org.path }, '无权管理该机构的栏目');
    checkFields(input);
    const parent = input.parentId ? await checkParent(tx, org.id, input.parentId) : undefined;
    await assertCodeFree(tx, org.id, input.code);
    const [row] = await tx
      .insert(columns)
      .values({ ...input, name: input.name.trim(), parentId: parent?.id ?? null, path: '/' })
      .returning();
    const [column] = await tx
      .update(columns)
      .set({ path: `${parent?.path ?? '/'}${row.id}/` })
      .where(eq(columns.id, row.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'column.create',
      orgId: org.id,
      targetType: 'column',
      targetId: column.id,
      summary: `新建栏目“${column.name}”（${column.code}，${COLUMN_KIND_LABELS[column.kind]}，${ruleText(column)}）${parent ? `，上级栏目为“${parent.name}”` : ''}`,
    });
    return column;
  });
}

export async function updateColumn(db: Db, ctx: ActionContext, id: number, patch: ColumnPatch): Promise<Column> {
  return db.transaction(async (tx) => {
    const { column, orgPath } = await requireColumn(tx, id);
    authorize(ctx, columnGrants, 'column.manage', { orgId: column.orgId, orgPath }, '无权修改该栏目');
    checkFields(patch, column);
    if (patch.code !== undefined && patch.code !== column.code) await assertCodeFree(tx, column.orgId, patch.code, id);
    let path = column.path;
    if (patch.parentId !== undefined && patch.parentId !== column.parentId) {
      const parent = patch.parentId === null ? undefined : await checkParent(tx, column.orgId, patch.parentId, column);
      path = `${parent?.path ?? '/'}${column.id}/`;
      // Re-root the whole branch in one statement, as for organizations.
      await tx
        .update(columns)
        .set({ path: sql`${path}::text || substring(${columns.path} from ${column.path.length + 1}::int)` })
        .where(like(columns.path, `${column.path}%`));
    }
    const changed = Object.entries(patch)
      .filter(([k, v]) => v !== undefined && (column as Record<string, unknown>)[k] !== v)
      .map(([k]) => k);
    const [updated] = await tx
      .update(columns)
      .set({ ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), path, updatedAt: new Date() })
      .where(eq(columns.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'column.update',
      orgId: column.orgId,
      targetType: 'column',
      targetId: id,
      summary: `修改栏目“${updated.name}”：${changed.length ? changed.join('、') : '无变化'}`,
    });
    return updated;
  });
}

/** Only an empty column goes: no documents and no sub-columns (their history would lose its place). */
export async function deleteColumn(db: Db, ctx: ActionContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { column, orgPath } = await requireColumn(tx, id);
    authorize(ctx, columnGrants, 'column.manage', { orgId: column.orgId, orgPath }, '无权删除该栏目');
    const [child] = await tx.select({ id: columns.id }).from(columns).where(eq(columns.parentId, id)).limit(1);
    if (child) throw conflict(`栏目“${column.name}”下还有子栏目，请先删除或移走子栏目`);
    const [doc] = await tx.select({ id: documentColumns.documentId }).from(documentColumns).where(eq(documentColumns.columnId, id)).limit(1);
    if (doc) throw conflict(`栏目“${column.name}”中还有文件，不能删除`);
    await tx.delete(columns).where(eq(columns.id, id));
    await recordAudit(tx, ctx, { action: 'column.delete', orgId: column.orgId, targetType: 'column', targetId: id, summary: `删除栏目“${column.name}”（${column.code}）` });
  });
}

// ---- reading ---------------------------------------------------------------------------------

/** The newest publication among the current versions of documents in the column or below it. */
const lastPublishedSql = sql<Date | null>`(
  select max(v.published_at) from ${documentColumns} dc
  join ${columns} c2 on c2.id = dc.column_id
  join ${documentVersions} v on v.document_id = dc.document_id and v.is_current
  where c2.path like ${columns.path} || '%')`;

export async function columnRows(db: Db, where: SQL) {
  const rows = await db
    .select({ column: columns, orgName: organizations.name, orgCode: organizations.code, lastPublishedAt: lastPublishedSql })
    .from(columns)
    .innerJoin(organizations, eq(organizations.id, columns.orgId))
    .where(where)
    .orderBy(asc(columns.sortOrder), asc(columns.id));
  // Raw subqueries come back as strings on some drivers.
  return rows.map((r) => ({ ...r, lastPublishedAt: r.lastPublishedAt ? new Date(r.lastPublishedAt) : null }));
}

export type ColumnView = Omit<Column, 'path'> & {
  orgName: string;
  orgCode: string;
  kindLabel: string;
  ruleText: string;
  lastPublishedAt: Date | null;
  update: UpdateState;
};

export function presentColumn(row: Awaited<ReturnType<typeof columnRows>>[number], today: IsoDate): ColumnView {
  const { path: _path, ...c } = row.column;
  return {
    ...c,
    orgName: row.orgName,
    orgCode: row.orgCode,
    kindLabel: COLUMN_KIND_LABELS[c.kind],
    ruleText: ruleText(c),
    lastPublishedAt: row.lastPublishedAt,
    update: updateState(ruleOf(c), row.lastPublishedAt ? chinaDate(row.lastPublishedAt) : null, chinaDate(c.createdAt), today),
  };
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** Nests rows by parentId, keeping their order; a row whose parent is not in the list is a root. */
export function buildTree<T extends { id: number; parentId: number | null }>(rows: T[]): TreeNode<T>[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** An organization's column tree as staff see it, with last publication and update status per column. */
export async function listColumnTree(db: Db, ctx: ActionContext, orgId: number, today: IsoDate = chinaDate(new Date())) {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('找不到该机构');
  authorize(ctx, columnGrants, 'column.read', { orgId: org.id, orgPath: org.path }, '无权查看该机构的栏目');
  const rows = await columnRows(db, eq(columns.orgId, org.id));
  return { org: { id: org.id, code: org.code, name: org.name }, items: buildTree(rows.map((r) => presentColumn(r, today))) };
}

/** Columns past their update rule across the actor's scope, the latest first (检查指标: who is late). */
export async function listOverdueColumns(db: Db, ctx: ActionContext, today: IsoDate = chinaDate(new Date())) {
  const scope = authorize(ctx, columnGrants, 'column.read', null, '没有查看栏目的权限');
  const rows = await columnRows(db, and(orgScopeCondition(scope, columns.orgId), sql`${columns.updateEvery} is not null`)!);
  const items = rows
    .map((r) => presentColumn(r, today))
    .filter((c) => c.update.status === 'overdue')
    .sort((a, b) => b.update.daysOverdue - a.update.daysOverdue || a.id - b.id);
  return { today, items };
}
