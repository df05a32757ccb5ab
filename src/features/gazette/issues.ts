// Use cases of the gazette (政府公报): create an issue, edit it while it is a draft, compose its
// table of contents from documents already published here (同源发布), publish it, delete a draft.
// Each runs in one transaction, checks role + organization scope, and writes the audit log.
import { and, asc, eq, max, ne } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import type { IsoDate } from '../../domain/dates.js';
import { changeProblem, defaultTotalNo, issueLabel, nextIssueNo, publishProblem, reorderProblem } from '../../domain/gazette.js';
import { authorize } from '../authorize.js';
import { loadDocument, requirePublishedDocument } from '../documents/records.js';
import { recordAudit } from '../orgs/audit.js';
import { organizations } from '../orgs/schema.js';
import { gazetteGrants } from './policy.js';
import { gazetteEntries, gazetteIssues, type GazetteIssue } from './schema.js';

export type LoadedIssue = GazetteIssue & { orgPath: string; orgName: string };

export async function loadIssue(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedIssue | undefined> {
  const query = db
    .select({ issue: gazetteIssues, orgPath: organizations.path, orgName: organizations.name })
    .from(gazetteIssues)
    .innerJoin(organizations, eq(organizations.id, gazetteIssues.orgId))
    .where(eq(gazetteIssues.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: gazetteIssues }) : await query;
  return row && { ...row.issue, orgPath: row.orgPath, orgName: row.orgName };
}

export async function requireIssue(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedIssue> {
  const issue = await loadIssue(db, id, opts);
  if (!issue) throw notFound('找不到该期公报');
  return issue;
}

export const issueTarget = (i: { orgId: number; orgPath: string }) => ({ orgId: i.orgId, orgPath: i.orgPath });

/** Loads a draft issue for a change by ctx: in scope, not yet published. */
async function draftForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedIssue> {
  const issue = await requireIssue(tx, id, { forUpdate: true });
  authorize(ctx, gazetteGrants, 'gazette.compose', issueTarget(issue), `无权${what}`);
  const problem = changeProblem(issue.status);
  if (problem) throw conflict(problem);
  return issue;
}

/** One audit row per change, on the issue. */
const auditIssue = (tx: Db, ctx: ActionContext, issue: { id: number; orgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `gazette.${action}`, orgId: issue.orgId, targetType: 'gazette_issue', targetId: issue.id, summary });

const touch = (tx: Db, id: number) => tx.update(gazetteIssues).set({ updatedAt: new Date() }).where(eq(gazetteIssues.id, id));

/** Numbers taken by the organization's other issues; refuses a 期号 or 总期号 already in use. */
async function checkNumbersFree(tx: Db, orgId: number, n: { year: number; issueNo: number; totalNo: number | null }, exceptId?: number) {
  const others = await tx
    .select({ year: gazetteIssues.year, issueNo: gazetteIssues.issueNo, totalNo: gazetteIssues.totalNo })
    .from(gazetteIssues)
    .where(and(eq(gazetteIssues.orgId, orgId), exceptId ? ne(gazetteIssues.id, exceptId) : undefined));
  if (others.some((o) => o.year === n.year && o.issueNo === n.issueNo)) throw conflict(`${n.year}年第${n.issueNo}期公报已存在`);
  if (n.totalNo !== null && others.some((o) => o.totalNo === n.totalNo)) throw conflict(`总第${n.totalNo}期已被另一期公报使用`);
  return others;
}

/** Serializes numbering per organization: two editors creating issues at once get different numbers. */
const lockOrg = (tx: Db, orgId: number) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('update');

export interface IssueInput {
  year: number;
  /** 期号; the next free one in the year when left out. */
  issueNo?: number;
  /** 总期号; the previous issue's + 1 when left out (none if no earlier issue has one). */
  totalNo?: number | null;
  title?: string;
}

export async function createIssue(db: Db, ctx: ActionContext, orgId: number, input: IssueInput): Promise<GazetteIssue> {
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
    if (!org) throw invalid('编印公报的机构不存在');
    authorize(ctx, gazetteGrants, 'gazette.compose', { orgId: org.id, orgPath: org.path }, '无权为该机构编印公报');
    await lockOrg(tx, org.id);
    const existing = await tx
      .select({ year: gazetteIssues.year, issueNo: gazetteIssues.issueNo, totalNo: gazetteIssues.totalNo })
      .from(gazetteIssues)
      .where(eq(gazetteIssues.orgId, org.id));
    const issueNo = input.issueNo ?? nextIssueNo(existing.filter((i) => i.year === input.year).map((i) => i.issueNo));
    const totalNo = input.totalNo === undefined ? defaultTotalNo(existing, input.year, issueNo) : input.totalNo;
    await checkNumbersFree(tx, org.id, { year: input.year, issueNo, totalNo });
    const [issue] = await tx
      .insert(gazetteIssues)
      .values({ orgId: org.id, year: input.year, issueNo, totalNo, title: (input.title ?? '').trim(), createdBy: ctx.actor?.userId ?? null })
      .returning();
    await auditIssue(tx, ctx, issue, 'create', `新建政府公报 ${issueLabel(issue)}`);
    return issue;
  });
}

export async function updateIssue(db: Db, ctx: ActionContext, id: number, patch: Partial<IssueInput>): Promise<GazetteIssue> {
  return db.transaction(async (tx) => {
    const issue = await draftForChange(tx, ctx, id, '修改该期公报');
    await lockOrg(tx, issue.orgId);
    const next = {
      year: patch.year ?? issue.year,
      issueNo: patch.issueNo ?? issue.issueNo,
      totalNo: patch.totalNo === undefined ? issue.totalNo : patch.totalNo,
    };
    await checkNumbersFree(tx, issue.orgId, next, issue.id);
    const [updated] = await tx
      .update(gazetteIssues)
      .set({ ...next, ...(patch.title !== undefined ? { title: patch.title.trim() } : {}), updatedAt: new Date() })
      .where(eq(gazetteIssues.id, id))
      .returning();
    await auditIssue(tx, ctx, issue, 'update', `修改政府公报 ${issueLabel(issue)}${issueLabel(updated) !== issueLabel(issue) ? ` → ${issueLabel(updated)}` : ''}：${Object.keys(patch).join('、')}`);
    return updated;
  });
}

export async function deleteIssue(db: Db, ctx: ActionContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const issue = await draftForChange(tx, ctx, id, '删除该期公报');
    await tx.delete(gazetteIssues).where(eq(gazetteIssues.id, id));
    await auditIssue(tx, ctx, issue, 'delete', `删除政府公报草稿 ${issueLabel(issue)}`);
  });
}

/** Adds a published document (its current public version) of the issue's organization or one below it. */
export async function addEntry(db: Db, ctx: ActionContext, issueId: number, input: { documentId: number; section?: string }) {
  return db.transaction(async (tx) => {
    const issue = await draftForChange(tx, ctx, issueId, '编辑该期公报');
    const doc = await requirePublishedDocument(tx, input.documentId, '收录已发布的文件');
    if (!doc.orgPath.startsWith(issue.orgPath)) throw invalid(`只能收录${issue.orgName}及所属机构发布的文件`);
    const [dup] = await tx
      .select({ id: gazetteEntries.id })
      .from(gazetteEntries)
      .where(and(eq(gazetteEntries.issueId, issueId), eq(gazetteEntries.documentId, doc.id)));
    if (dup) throw conflict(`《${doc.title}》已收录在本期公报中`);
    const [{ last }] = await tx.select({ last: max(gazetteEntries.sortOrder) }).from(gazetteEntries).where(eq(gazetteEntries.issueId, issueId));
    const section = (input.section ?? '').trim();
    const [entry] = await tx
      .insert(gazetteEntries)
      .values({ issueId, documentId: doc.id, section, sortOrder: (last ?? 0) + 1 })
      .returning();
    await touch(tx, issueId);
    await auditIssue(tx, ctx, issue, 'entry_add', `政府公报 ${issueLabel(issue)} 收录《${doc.title}》${section ? `（${section}）` : ''}`);
    return entry;
  });
}

/** A draft issue, one of its entries and the entry's document title, for a change by ctx. */
async function entryForChange(tx: Db, ctx: ActionContext, issueId: number, entryId: number) {
  const issue = await draftForChange(tx, ctx, issueId, '编辑该期公报');
  const [entry] = await tx
    .select()
    .from(gazetteEntries)
    .where(and(eq(gazetteEntries.id, entryId), eq(gazetteEntries.issueId, issueId)));
  if (!entry) throw notFound('本期公报中没有该条目');
  const title = (await loadDocument(tx, entry.documentId))?.title ?? String(entry.documentId);
  return { issue, entry, title };
}

export async function removeEntry(db: Db, ctx: ActionContext, issueId: number, entryId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { issue, title } = await entryForChange(tx, ctx, issueId, entryId);
    await tx.delete(gazetteEntries).where(eq(gazetteEntries.id, entryId));
    await touch(tx, issueId);
    await auditIssue(tx, ctx, issue, 'entry_remove', `政府公报 ${issueLabel(issue)} 移除《${title}》`);
  });
}

export async function setEntrySection(db: Db, ctx: ActionContext, issueId: number, entryId: number, section: string) {
  return db.transaction(async (tx) => {
    const { issue, title } = await entryForChange(tx, ctx, issueId, entryId);
    const [updated] = await tx.update(gazetteEntries).set({ section: section.trim() }).where(eq(gazetteEntries.id, entryId)).returning();
    await touch(tx, issueId);
    await auditIssue(tx, ctx, issue, 'entry_section', `政府公报 ${issueLabel(issue)}：《${title}》归入栏目“${updated.section || '（无栏目）'}”`);
    return updated;
  });
}

/** The table of contents in a new order: every entry of the issue, each once. */
export async function reorderEntries(db: Db, ctx: ActionContext, issueId: number, entryIds: number[]): Promise<void> {
  await db.transaction(async (tx) => {
    const issue = await draftForChange(tx, ctx, issueId, '编辑该期公报');
    const current = await tx.select({ id: gazetteEntries.id }).from(gazetteEntries).where(eq(gazetteEntries.issueId, issueId)).orderBy(asc(gazetteEntries.sortOrder));
    const problem = reorderProblem(
      current.map((e) => e.id),
      entryIds,
    );
    if (problem) throw invalid(problem);
    for (const [i, id] of entryIds.entries()) await tx.update(gazetteEntries).set({ sortOrder: i + 1 }).where(eq(gazetteEntries.id, id));
    await touch(tx, issueId);
    await auditIssue(tx, ctx, issue, 'reorder', `调整政府公报 ${issueLabel(issue)} 的目录顺序`);
  });
}

/** Publishes the issue: it needs contents and a date not before its year; afterwards it never changes. */
export async function publishIssue(db: Db, ctx: ActionContext, id: number, publishedOn: IsoDate): Promise<GazetteIssue> {
  return db.transaction(async (tx) => {
    const issue = await requireIssue(tx, id, { forUpdate: true });
    authorize(ctx, gazetteGrants, 'gazette.publish', issueTarget(issue), '无权发布该期公报');
    const entries = await tx.select({ id: gazetteEntries.id }).from(gazetteEntries).where(eq(gazetteEntries.issueId, id));
    const problem = publishProblem(issue, entries.length, publishedOn);
    if (problem) throw issue.status === 'published' ? conflict(problem) : invalid(problem);
    const [updated] = await tx.update(gazetteIssues).set({ status: 'published', publishedOn, updatedAt: new Date() }).where(eq(gazetteIssues.id, id)).returning();
    await auditIssue(tx, ctx, issue, 'publish', `发布政府公报 ${issueLabel(issue)}（${entries.length} 件文件，发布日期 ${publishedOn}）`);
    return updated;
  });
}
