// Reading the gazette: the staff view (drafts and published issues within the user's scope) and
// the public view (published issues only, their contents as the current public versions).
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { can } from '../../domain/policy.js';
import { changeProblem } from '../../domain/gazette.js';
import { authorize } from '../authorize.js';
import { documents, documentVersions } from '../documents/schema.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations } from '../orgs/schema.js';
import { issueTarget, requireIssue } from './issues.js';
import { gazetteGrants } from './policy.js';
import { gazetteEntries, gazetteIssues, type GazetteStatus } from './schema.js';

const entryCount = sql<number>`(select count(*)::int from ${gazetteEntries} e where e.issue_id = ${gazetteIssues.id})`;

const issueColumns = {
  id: gazetteIssues.id,
  orgId: gazetteIssues.orgId,
  orgName: organizations.name,
  year: gazetteIssues.year,
  issueNo: gazetteIssues.issueNo,
  totalNo: gazetteIssues.totalNo,
  title: gazetteIssues.title,
  publishedOn: gazetteIssues.publishedOn,
  status: gazetteIssues.status,
};

export async function listIssues(db: Db, ctx: ActionContext, q: { year?: number; orgId?: number; status?: GazetteStatus }) {
  const scope = authorize(ctx, gazetteGrants, 'gazette.read', null, '没有查看政府公报的权限');
  const conds: SQL[] = [orgScopeCondition(scope, gazetteIssues.orgId)];
  if (q.year) conds.push(eq(gazetteIssues.year, q.year));
  if (q.orgId) conds.push(eq(gazetteIssues.orgId, q.orgId));
  if (q.status) conds.push(eq(gazetteIssues.status, q.status));
  const items = await db
    .select({ ...issueColumns, entryCount, updatedAt: gazetteIssues.updatedAt })
    .from(gazetteIssues)
    .innerJoin(organizations, eq(organizations.id, gazetteIssues.orgId))
    .where(and(...conds))
    .orderBy(desc(gazetteIssues.year), desc(gazetteIssues.issueNo), asc(gazetteIssues.orgId))
    .limit(500);
  return { items };
}

/** An issue with its contents as staff see them (working titles for documents since withdrawn), and what the user may do. */
export async function getIssueForStaff(db: Db, ctx: ActionContext, id: number) {
  const issue = await requireIssue(db, id);
  authorize(ctx, gazetteGrants, 'gazette.read', issueTarget(issue), '无权查看该期公报');
  const entries = await db
    .select({
      id: gazetteEntries.id,
      documentId: gazetteEntries.documentId,
      section: gazetteEntries.section,
      sortOrder: gazetteEntries.sortOrder,
      title: sql<string>`coalesce(${documentVersions.title}, ${documents.title})`,
      docNumber: sql<string>`coalesce(${documentVersions.docNumber}, ${documents.docNumber})`,
      orgName: organizations.name,
      isPublic: sql<boolean>`${documentVersions.documentId} is not null`,
    })
    .from(gazetteEntries)
    .innerJoin(documents, eq(documents.id, gazetteEntries.documentId))
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(documentVersions, and(eq(documentVersions.documentId, gazetteEntries.documentId), eq(documentVersions.isCurrent, true)))
    .where(eq(gazetteEntries.issueId, id))
    .orderBy(asc(gazetteEntries.sortOrder), asc(gazetteEntries.id));
  const { orgPath: _path, ...rest } = issue;
  const allowed = (action: 'gazette.compose' | 'gazette.publish') => !ctx.system && ctx.actor !== null && can(gazetteGrants, ctx.actor, action, issueTarget(issue));
  const editable = changeProblem(issue.status) === null;
  return { ...rest, entries, canEdit: editable && allowed('gazette.compose'), canPublish: editable && allowed('gazette.publish') };
}

const published = eq(gazetteIssues.status, 'published');

/** The public archive: published issues, newest first, optionally one year; and every year that has one. */
export async function listPublishedIssues(db: Db, q: { year?: number }) {
  const [items, years] = await Promise.all([
    db
      .select({ ...issueColumns, entryCount })
      .from(gazetteIssues)
      .innerJoin(organizations, eq(organizations.id, gazetteIssues.orgId))
      .where(and(published, q.year ? eq(gazetteIssues.year, q.year) : undefined))
      .orderBy(desc(gazetteIssues.year), desc(gazetteIssues.issueNo), asc(organizations.sortOrder)),
    db.selectDistinct({ year: gazetteIssues.year }).from(gazetteIssues).where(published).orderBy(desc(gazetteIssues.year)),
  ]);
  return { years: years.map((y) => y.year), items };
}

/** A published issue with its table of contents: each document's current public version (withdrawn ones are left out). */
export async function getPublishedIssue(db: Db, id: number) {
  const [issue] = await db
    .select(issueColumns)
    .from(gazetteIssues)
    .innerJoin(organizations, eq(organizations.id, gazetteIssues.orgId))
    .where(and(eq(gazetteIssues.id, id), published));
  if (!issue) throw notFound('找不到该期公报');
  const entries = await db
    .select({
      section: gazetteEntries.section,
      documentId: gazetteEntries.documentId,
      title: documentVersions.title,
      docNumber: documentVersions.docNumber,
      indexNo: documentVersions.indexNo,
      writtenOn: documentVersions.writtenOn,
      issuer: organizations.name,
    })
    .from(gazetteEntries)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, gazetteEntries.documentId), eq(documentVersions.isCurrent, true)))
    .innerJoin(organizations, eq(organizations.id, documentVersions.orgId))
    .where(eq(gazetteEntries.issueId, id))
    .orderBy(asc(gazetteEntries.sortOrder), asc(gazetteEntries.id));
  return { ...issue, entries };
}

/** The published issues a document appears in (刊登于), oldest first. */
export async function issuesOfDocument(db: Db, documentId: number) {
  return db
    .select({ id: gazetteIssues.id, year: gazetteIssues.year, issueNo: gazetteIssues.issueNo, totalNo: gazetteIssues.totalNo })
    .from(gazetteEntries)
    .innerJoin(gazetteIssues, eq(gazetteIssues.id, gazetteEntries.issueId))
    .where(and(eq(gazetteEntries.documentId, documentId), published))
    .orderBy(asc(gazetteIssues.year), asc(gazetteIssues.issueNo));
}

/** Published issues for sitemap.xml. */
export async function publishedIssueIds(db: Db) {
  return db.select({ id: gazetteIssues.id, publishedOn: gazetteIssues.publishedOn }).from(gazetteIssues).where(published).orderBy(desc(gazetteIssues.publishedOn));
}
