// Use cases for the organization tree: list, read, create, update (including moving a branch).
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { validateIndexPattern } from '../../domain/index-number.js';
import { authorize } from '../authorize.js';
import { recordAudit } from './audit.js';
import { orgGrants } from './policy.js';
import { orgScopeCondition } from './scope-sql.js';
import { ORG_KINDS, organizations, type Organization, type OrgKind } from './schema.js';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇（街道）',
  village: '村（社区）',
  institution: '事业单位',
};

/** The fields of the 公开指南 an administrator keeps current. */
type GuideFields = Partial<
  Pick<Organization, 'officeName' | 'address' | 'postcode' | 'officeHours' | 'phone' | 'fax' | 'email' | 'website' | 'guideNote'>
> & {
  /** 索引号 pattern; null or empty means the default (RULES.md §3). */
  indexPattern?: string | null;
  /** A government's setting: may a normative document go public without its interpretation, with a reason? */
  interpretationExemptionAllowed?: boolean;
};

export interface OrgInput extends GuideFields {
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  sortOrder?: number;
}

export type OrgPatch = Partial<OrgInput>;

const target = (o: Organization) => ({ orgId: o.id, orgPath: o.path });

export async function listOrgs(db: Db, ctx: ActionContext): Promise<Organization[]> {
  const scope = authorize(ctx, orgGrants, 'org.read', null, '没有查看机构的权限');
  return db
    .select()
    .from(organizations)
    .where(orgScopeCondition(scope, organizations.id))
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
}

export async function findOrg(db: Db, id: number): Promise<Organization | undefined> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  return org;
}

/** The organization, or a 404 in Chinese. */
export async function requireOrg(db: Db, id: number): Promise<Organization> {
  const org = await findOrg(db, id);
  if (!org) throw notFound('找不到该机构');
  return org;
}

export async function findOrgByCode(db: Db, code: string): Promise<Organization | undefined> {
  const [org] = await db.select().from(organizations).where(eq(organizations.code, code));
  return org;
}

/** The organizations directly below one, for the public guide and the portal navigation. */
export async function childOrgs(db: Db, parentId: number): Promise<Organization[]> {
  return db
    .select()
    .from(organizations)
    .where(eq(organizations.parentId, parentId))
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
}

/** An organization and everything below it, in the tree's order (the materialized path's prefix). */
export async function subtreeOrgs(db: Db, org: Pick<Organization, 'path'>): Promise<Organization[]> {
  return db
    .select()
    .from(organizations)
    .where(like(organizations.path, `${org.path}%`))
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
}

/** The top of the tree: the government the portal belongs to. */
export async function rootOrg(db: Db, code?: string): Promise<Organization | undefined> {
  if (code) return findOrgByCode(db, code);
  const [org] = await db
    .select()
    .from(organizations)
    .where(sql`${organizations.parentId} is null`)
    .orderBy(asc(organizations.id))
    .limit(1);
  return org;
}

/** The nearest government at or above an organization (given its path): its settings apply below it. */
export async function governmentOf(db: Db, orgPath: string): Promise<Organization | undefined> {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  if (!ids.length) return undefined;
  const rows = await db
    .select()
    .from(organizations)
    .where(and(inArray(organizations.id, ids), eq(organizations.kind, 'government')));
  return rows.sort((a, b) => b.path.length - a.path.length)[0];
}

export async function getOrg(db: Db, ctx: ActionContext, id: number): Promise<Organization> {
  const org = await findOrg(db, id);
  if (!org) throw notFound('找不到该机构');
  authorize(ctx, orgGrants, 'org.read', target(org), '无权查看该机构');
  return org;
}

function checkIndexPattern(pattern: string | null | undefined): string | null {
  if (!pattern) return null;
  const problem = validateIndexPattern(pattern);
  if (problem) throw invalid(problem);
  return pattern;
}

function checkKind(kind: OrgKind, hasParent: boolean) {
  if (!ORG_KINDS.includes(kind)) throw invalid('机构类型无效');
  if (!hasParent && kind !== 'government') throw invalid('顶级机构必须是人民政府');
}

async function assertCodeFree(db: Db, code: string, exceptId?: number) {
  const existing = await findOrgByCode(db, code);
  if (existing && existing.id !== exceptId) throw conflict(`机构代码“${code}”已被“${existing.name}”使用`);
}

export async function createOrg(db: Db, ctx: ActionContext, input: OrgInput): Promise<Organization> {
  return db.transaction(async (tx) => {
    const parent = input.parentId === null ? undefined : await findOrg(tx, input.parentId);
    if (input.parentId !== null && !parent) throw invalid('上级机构不存在');
    checkKind(input.kind, Boolean(parent));
    // Creating a branch is managing the parent: the parent must lie in the actor's scope.
    // A new top-level government can only be created by the system (command line).
    if (parent) authorize(ctx, orgGrants, 'org.manage', target(parent), '无权在该机构下新建机构');
    else if (!ctx.system) authorize(ctx, orgGrants, 'org.manage', { orgId: -1, orgPath: '/' }, '只有系统命令行可以新建顶级机构');
    await assertCodeFree(tx, input.code);
    const [row] = await tx
      .insert(organizations)
      .values({ ...input, indexPattern: checkIndexPattern(input.indexPattern), parentId: parent?.id ?? null, path: '/' })
      .returning();
    const [org] = await tx
      .update(organizations)
      .set({ path: `${parent?.path ?? '/'}${row.id}/` })
      .where(eq(organizations.id, row.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'org.create',
      orgId: org.id,
      targetType: 'organization',
      targetId: org.id,
      summary: `新建机构“${org.name}”（${org.code}，${ORG_KIND_LABELS[org.kind]}）${parent ? `，上级为“${parent.name}”` : ''}`,
    });
    return org;
  });
}

export async function updateOrg(db: Db, ctx: ActionContext, id: number, patch: OrgPatch): Promise<Organization> {
  return db.transaction(async (tx) => {
    const org = await findOrg(tx, id);
    if (!org) throw notFound('找不到该机构');
    const { interpretationExemptionAllowed: exemption, ...rest } = patch;
    if (exemption !== undefined) {
      authorize(ctx, orgGrants, 'org.exemption_setting', target(org), '无权修改该机构的解读同步发布设置');
      if (org.kind !== 'government') throw invalid('解读同步发布的豁免设置只能在人民政府一级设置，部门和乡镇随所属政府');
    }
    // The exemption setting alone may be changed by the supervising office; everything else is the administrator's.
    if (exemption === undefined || Object.values(rest).some((v) => v !== undefined)) authorize(ctx, orgGrants, 'org.manage', target(org), '无权修改该机构');
    if (patch.code !== undefined && patch.code !== org.code) await assertCodeFree(tx, patch.code, id);

    let path = org.path;
    if (patch.parentId !== undefined && patch.parentId !== org.parentId) {
      if (patch.parentId === null) throw invalid('不能把机构移为顶级机构');
      const parent = await findOrg(tx, patch.parentId);
      if (!parent) throw invalid('上级机构不存在');
      if (parent.path.startsWith(org.path)) throw invalid('不能把机构移到它自己或它的下级机构之下');
      authorize(ctx, orgGrants, 'org.manage', target(parent), '无权把机构移到该上级机构之下');
      path = `${parent.path}${org.id}/`;
      // Re-root the whole branch in one statement: every descendant keeps its place below.
      await tx
        .update(organizations)
        .set({ path: sql`${path}::text || substring(${organizations.path} from ${org.path.length + 1}::int)` })
        .where(like(organizations.path, `${org.path}%`));
    }
    if (patch.kind !== undefined) checkKind(patch.kind, org.parentId !== null);
    if (patch.indexPattern !== undefined) patch = { ...patch, indexPattern: checkIndexPattern(patch.indexPattern) };
    const changed = Object.entries(patch)
      .filter(([k, v]) => v !== undefined && (org as Record<string, unknown>)[k] !== v)
      .map(([k]) => k);
    const [updated] = await tx
      .update(organizations)
      .set({ ...patch, path, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'org.update',
      orgId: id,
      targetType: 'organization',
      targetId: id,
      summary: `修改机构“${updated.name}”：${changed.length ? changed.join('、') : '无变化'}`,
    });
    return updated;
  });
}
