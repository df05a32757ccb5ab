// Reading documents: the staff view (working copy, findings, timeline) within the user's scope,
// and the public view (current published version, validity, interpretations) for everyone.
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { chinaDate } from '../../domain/dates.js';
import { DOCUMENT_TRANSITIONS, editProblem, NEEDS_REASON, reviseProblem, transitionProblem, type DocumentStatus, type DocumentTransition } from '../../domain/document-workflow.js';
import { can } from '../../domain/policy.js';
import type { Validity } from '../../domain/validity.js';
import { authorize } from '../authorize.js';
import { columnIdsOf } from '../columns/placement.js';
import { escapeLike } from '../orgs/audit.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations } from '../orgs/schema.js';
import { listAttachments } from './attachments.js';
import { findingsFor } from './findings.js';
import { documentGrants, type DocumentAction } from './policy.js';
import { requireDocument, scopeTarget } from './records.js';
import { validityOf } from './relations.js';
import { documentEvents, documents, documentVersions } from './schema.js';
import { metadataOf } from './workflow.js';

export interface StaffListQuery {
  status?: DocumentStatus;
  orgId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function listDocuments(db: Db, ctx: ActionContext, q: StaffListQuery) {
  const scope = authorize(ctx, documentGrants, 'document.read', null, '没有查看文件的权限');
  const conds: SQL[] = [orgScopeCondition(scope, documents.orgId)];
  if (q.status) conds.push(eq(documents.status, q.status));
  if (q.orgId) conds.push(eq(documents.orgId, q.orgId));
  if (q.q) conds.push(or(ilike(documents.title, `%${escapeLike(q.q)}%`), ilike(documents.docNumber, `%${escapeLike(q.q)}%`))!);
  const pageSize = Math.min(q.pageSize ?? 20, 100);
  const page = Math.max(q.page ?? 1, 1);
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: documents.id,
        title: documents.title,
        docNumber: documents.docNumber,
        docType: documents.docType,
        status: documents.status,
        indexNo: documents.indexNo,
        orgId: documents.orgId,
        orgName: organizations.name,
        interpretationOf: documents.interpretationOf,
        publishedVersion: documents.publishedVersion,
        updatedAt: documents.updatedAt,
      })
      .from(documents)
      .innerJoin(organizations, eq(organizations.id, documents.orgId))
      .where(where)
      .orderBy(desc(documents.updatedAt), desc(documents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(documents).where(where),
  ]);
  return { items, total, page, pageSize };
}

/** The working copy with what stands in the way of publishing it, and its timeline. */
export async function getDocumentForStaff(db: Db, ctx: ActionContext, id: number) {
  const doc = await requireDocument(db, id);
  authorize(ctx, documentGrants, 'document.read', scopeTarget(doc), '无权查看该文件');
  const [events, interpretations, files, columnIds] = await Promise.all([
    db.select().from(documentEvents).where(eq(documentEvents.documentId, id)).orderBy(asc(documentEvents.at), asc(documentEvents.id)),
    db.select({ id: documents.id, title: documents.title, status: documents.status, form: documents.interpretationForm }).from(documents).where(eq(documents.interpretationOf, id)),
    listAttachments(db, id),
    columnIdsOf(db, id),
  ]);
  const { orgPath: _orgPath, indexPattern: _pattern, ...rest } = doc;
  // What this user may do with it now: the workbench shows exactly these buttons.
  const allowed = (action: DocumentAction) => !ctx.system && ctx.actor !== null && can(documentGrants, ctx.actor, action, scopeTarget(doc));
  const actions = (Object.keys(DOCUMENT_TRANSITIONS) as DocumentTransition[])
    .filter((name) => transitionProblem(doc.status, name) === null && allowed(`document.${name}`))
    .map((name) => ({ name, label: DOCUMENT_TRANSITIONS[name].label, needsReason: NEEDS_REASON.has(name) }));
  return {
    ...rest,
    findings: await findingsFor(db, metadataOf(doc), chinaDate(new Date())),
    events,
    interpretations,
    columnIds,
    attachments: files.map(({ id: fileId, fileName, kind, size }) => ({ id: fileId, fileName, kind, size })),
    actions,
    canEdit: editProblem(doc.status) === null && allowed('document.edit'),
    canRevise: reviseProblem(doc.status) === null && allowed('document.edit'),
  };
}

/** A published document as the public sees it: the current version, validity with its history, links both ways. */
export async function getPublishedDocument(db: Db, id: number) {
  const [row] = await db
    .select({ v: documentVersions, orgName: organizations.name, orgCode: organizations.code, firstPublishedAt: documents.firstPublishedAt })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(organizations, eq(organizations.id, documentVersions.orgId))
    .where(and(eq(documentVersions.documentId, id), eq(documentVersions.isCurrent, true)));
  if (!row) throw notFound('找不到该文件，或该文件已撤回');
  const v = row.v;
  const [validity, interpretations, policy, versions] = await Promise.all([
    validityOf(db, [{ id, effectiveOn: v.effectiveOn, expiresOn: v.expiresOn }]),
    db
      .select({ id: documentVersions.documentId, title: documentVersions.title, form: documentVersions.interpretationForm })
      .from(documentVersions)
      .where(and(eq(documentVersions.interpretationOf, id), eq(documentVersions.isCurrent, true))),
    v.interpretationOf
      ? db
          .select({ id: documentVersions.documentId, title: documentVersions.title, docNumber: documentVersions.docNumber })
          .from(documentVersions)
          .where(and(eq(documentVersions.documentId, v.interpretationOf), eq(documentVersions.isCurrent, true)))
      : Promise.resolve([]),
    db
      .select({ version: documentVersions.version, publishedAt: documentVersions.publishedAt, changeNote: documentVersions.changeNote })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, id))
      .orderBy(asc(documentVersions.version)),
  ]);
  const { disclosureReason: _r, formedOn: _f, publishedBy: _p, isCurrent: _c, attachments: files, ...pub } = v;
  return {
    ...pub,
    id,
    attachments: files.map(({ id: fileId, fileName, kind, size }) => ({ id: fileId, fileName, kind, size })),
    issuer: { name: row.orgName, code: row.orgCode },
    firstPublishedAt: row.firstPublishedAt,
    ...validity.get(id)!,
    interpretations,
    policy: policy[0] ?? null,
    versions,
  };
}

export interface LibraryQuery {
  org?: string;
  year?: number;
  docType?: 'normative' | 'regulation' | 'policy';
  /** A first-level code ('11') matches its whole branch; a second-level code ('11.02') itself. */
  topic?: string;
  validity?: Validity;
  q?: string;
  sort?: 'published' | 'written';
  page?: number;
}

export const LIBRARY_PAGE_SIZE = 20;

/** 政策文件库: the current versions of published policy files (not interpretations), filtered and paged. */
export async function listLibrary(db: Db, q: LibraryQuery) {
  const v = documentVersions;
  const conds: SQL[] = [eq(v.isCurrent, true), sql`${v.docType} in ('normative','regulation','policy')`, sql`${v.interpretationOf} is null`];
  if (q.org) conds.push(eq(organizations.code, q.org));
  if (q.year) conds.push(sql`${v.writtenOn} >= ${`${q.year}-01-01`}::date and ${v.writtenOn} <= ${`${q.year}-12-31`}::date`);
  if (q.docType) conds.push(eq(v.docType, q.docType));
  if (q.topic) conds.push(q.topic.includes('.') ? eq(v.topic, q.topic) : sql`${v.topic} like ${`${q.topic}.%`}`);
  if (q.validity) conds.push(eq(v.validity, q.validity));
  if (q.q) conds.push(or(ilike(v.title, `%${escapeLike(q.q)}%`), ilike(v.docNumber, `%${escapeLike(q.q)}%`))!);
  const where = and(...conds);
  const page = Math.max(q.page ?? 1, 1);
  const order = q.sort === 'written' ? [desc(v.writtenOn), desc(v.publishedAt)] : [desc(v.publishedAt)];
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: v.documentId,
        title: v.title,
        docNumber: v.docNumber,
        indexNo: v.indexNo,
        docType: v.docType,
        writtenOn: v.writtenOn,
        publishedAt: v.publishedAt,
        validity: v.validity,
        orgName: organizations.name,
        coIssuers: v.coIssuers,
      })
      .from(v)
      .innerJoin(organizations, eq(organizations.id, v.orgId))
      .where(where)
      .orderBy(...order)
      .limit(LIBRARY_PAGE_SIZE)
      .offset((page - 1) * LIBRARY_PAGE_SIZE),
    // The join is only needed to filter by issuer code; without it the count can use the library index.
    q.org
      ? db.select({ total: sql<number>`count(*)::int` }).from(v).innerJoin(organizations, eq(organizations.id, v.orgId)).where(where)
      : db.select({ total: sql<number>`count(*)::int` }).from(v).where(where),
  ]);
  return { items, total, page, pageSize: LIBRARY_PAGE_SIZE };
}

/** Organizations that have public documents, for the issuer filter: one index probe per organization. */
export async function libraryIssuers(db: Db) {
  return db
    .select({ code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(sql`exists (select 1 from ${documentVersions} v where v.org_id = ${organizations.id} and v.is_current)`)
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
}

export const CATALOG_PAGE_SIZE = 50;

/** 公开目录 (条例第十二条): every current public document with index number, title, summary and date. */
export async function listCatalog(db: Db, q: { org?: string; page?: number }) {
  const v = documentVersions;
  const conds: SQL[] = [eq(v.isCurrent, true)];
  if (q.org) conds.push(eq(organizations.code, q.org));
  const where = and(...conds);
  const page = Math.max(q.page ?? 1, 1);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ id: v.documentId, indexNo: v.indexNo, title: v.title, summary: v.summary, publishedAt: v.publishedAt, orgName: organizations.name })
      .from(v)
      .innerJoin(organizations, eq(organizations.id, v.orgId))
      .where(where)
      .orderBy(desc(v.publishedAt), desc(v.documentId))
      .limit(CATALOG_PAGE_SIZE)
      .offset((page - 1) * CATALOG_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(v).innerJoin(organizations, eq(organizations.id, v.orgId)).where(where),
  ]);
  return { items, total, page, pageSize: CATALOG_PAGE_SIZE };
}

/** The newest publications, for feeds and the sitemap. */
export async function latestPublished(db: Db, limit: number, org?: string) {
  const v = documentVersions;
  return db
    .select({ id: v.documentId, title: v.title, summary: v.summary, publishedAt: v.publishedAt, orgName: organizations.name })
    .from(v)
    .innerJoin(organizations, eq(organizations.id, v.orgId))
    .where(and(eq(v.isCurrent, true), org ? eq(organizations.code, org) : undefined))
    .orderBy(desc(v.publishedAt))
    .limit(limit);
}
