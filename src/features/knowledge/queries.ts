// Reading the knowledge base: the staff view (every state, within the user's scope) and the public
// view (published entries only, each with the policies it rests on as their current public versions).
import { and, asc, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { can } from '../../domain/policy.js';
import { variantList } from '../../domain/knowledge.js';
import { findTopic } from '../../domain/topics.js';
import { authorize } from '../authorize.js';
import { documentHref } from '../documents/pages.js';
import { documents, documentVersions } from '../documents/schema.js';
import { escapeLike } from '../orgs/audit.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations } from '../orgs/schema.js';
import { entryTarget, requireEntry } from './entries.js';
import { knowledgeGrants } from './policy.js';
import { knowledgeEntries, knowledgeSources, type KnowledgeStatus } from './schema.js';

export const KNOWLEDGE_PAGE_SIZE = 20;

const sourceCount = sql<number>`(select count(*)::int from ${knowledgeSources} s where s.knowledge_id = ${knowledgeEntries.id})`;

export interface StaffKnowledgeQuery {
  q?: string;
  status?: KnowledgeStatus;
  orgId?: number;
  page?: number;
}

/** Entries within the user's scope, most recently changed first; q matches question, variants and answer. */
export async function listEntries(db: Db, ctx: ActionContext, q: StaffKnowledgeQuery) {
  const scope = authorize(ctx, knowledgeGrants, 'knowledge.read', null, '没有查看政务知识库的权限');
  const conds: SQL[] = [orgScopeCondition(scope, knowledgeEntries.orgId)];
  if (q.status) conds.push(eq(knowledgeEntries.status, q.status));
  if (q.orgId) conds.push(eq(knowledgeEntries.orgId, q.orgId));
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    conds.push(or(ilike(knowledgeEntries.question, like), ilike(knowledgeEntries.variants, like), ilike(knowledgeEntries.answer, like))!);
  }
  const where = and(...conds);
  const page = Math.max(q.page ?? 1, 1);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: knowledgeEntries.id,
        orgId: knowledgeEntries.orgId,
        orgName: organizations.name,
        question: knowledgeEntries.question,
        topic: knowledgeEntries.topic,
        status: knowledgeEntries.status,
        publishedAt: knowledgeEntries.publishedAt,
        updatedAt: knowledgeEntries.updatedAt,
        sourceCount,
      })
      .from(knowledgeEntries)
      .innerJoin(organizations, eq(organizations.id, knowledgeEntries.orgId))
      .where(where)
      .orderBy(desc(knowledgeEntries.updatedAt), desc(knowledgeEntries.id))
      .limit(KNOWLEDGE_PAGE_SIZE)
      .offset((page - 1) * KNOWLEDGE_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(knowledgeEntries).where(where),
  ]);
  return { items, total, page, pageSize: KNOWLEDGE_PAGE_SIZE };
}

/** An entry as staff see it: its sources (working titles for documents since withdrawn), and what the user may do. */
export async function getEntryForStaff(db: Db, ctx: ActionContext, id: number) {
  const entry = await requireEntry(db, id);
  authorize(ctx, knowledgeGrants, 'knowledge.read', entryTarget(entry), '无权查看该问答');
  const sources = await db
    .select({
      documentId: knowledgeSources.documentId,
      note: knowledgeSources.note,
      title: sql<string>`coalesce(${documentVersions.title}, ${documents.title})`,
      docNumber: sql<string>`coalesce(${documentVersions.docNumber}, ${documents.docNumber})`,
      orgName: organizations.name,
      isPublic: sql<boolean>`${documentVersions.documentId} is not null`,
    })
    .from(knowledgeSources)
    .innerJoin(documents, eq(documents.id, knowledgeSources.documentId))
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(documentVersions, and(eq(documentVersions.documentId, knowledgeSources.documentId), eq(documentVersions.isCurrent, true)))
    .where(eq(knowledgeSources.knowledgeId, id))
    .orderBy(asc(documents.id));
  const { orgPath: _path, ...rest } = entry;
  const allowed = (action: 'knowledge.manage' | 'knowledge.publish') => !ctx.system && ctx.actor !== null && can(knowledgeGrants, ctx.actor, action, entryTarget(entry));
  return {
    ...rest,
    sources,
    canEdit: allowed(entry.status === 'published' ? 'knowledge.publish' : 'knowledge.manage'),
    canPublish: allowed('knowledge.publish'),
  };
}

/**
 * Published documents of any organization that an answer may cite, by title or 文号 (or number):
 * staff of a department cite county and higher policies too, which their own document list does not show.
 */
export async function findCitableDocuments(db: Db, ctx: ActionContext, q: string) {
  authorize(ctx, knowledgeGrants, 'knowledge.manage', null, '没有编写政务知识库的权限');
  const text = q.trim();
  const conds: SQL[] = [eq(documentVersions.isCurrent, true)];
  if (/^\d+$/.test(text)) conds.push(eq(documentVersions.documentId, Number(text)));
  else if (text) {
    const like = `%${escapeLike(text)}%`;
    conds.push(or(ilike(documentVersions.title, like), ilike(documentVersions.docNumber, like))!);
  }
  const items = await db
    .select({ id: documentVersions.documentId, title: documentVersions.title, docNumber: documentVersions.docNumber, orgName: organizations.name, validity: documentVersions.validity })
    .from(documentVersions)
    .innerJoin(organizations, eq(organizations.id, documentVersions.orgId))
    .where(and(...conds))
    .orderBy(desc(documentVersions.publishedAt), desc(documentVersions.documentId))
    .limit(20);
  return { items };
}

const publicEntryColumns = {
  id: knowledgeEntries.id,
  question: knowledgeEntries.question,
  topic: knowledgeEntries.topic,
  orgName: organizations.name,
  orgCode: organizations.code,
  publishedAt: knowledgeEntries.publishedAt,
  updatedAt: knowledgeEntries.updatedAt,
};

/** The public sources of entries: the current public version of each cited document (withdrawn ones are left out). */
async function publicSources(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      knowledgeId: knowledgeSources.knowledgeId,
      documentId: knowledgeSources.documentId,
      note: knowledgeSources.note,
      title: documentVersions.title,
      docNumber: documentVersions.docNumber,
      issuer: organizations.name,
      validity: documentVersions.validity,
    })
    .from(knowledgeSources)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, knowledgeSources.documentId), eq(documentVersions.isCurrent, true)))
    .innerJoin(organizations, eq(organizations.id, documentVersions.orgId))
    .where(inArray(knowledgeSources.knowledgeId, ids))
    .orderBy(asc(knowledgeSources.knowledgeId), asc(documentVersions.publishedAt));
}

/** A published entry with its answer and where it comes from (404 for drafts and withdrawn entries). */
export async function getPublishedEntry(db: Db, id: number) {
  const [row] = await db
    .select({ ...publicEntryColumns, variants: knowledgeEntries.variants, answer: knowledgeEntries.answer })
    .from(knowledgeEntries)
    .innerJoin(organizations, eq(organizations.id, knowledgeEntries.orgId))
    .where(and(eq(knowledgeEntries.id, id), eq(knowledgeEntries.status, 'published')));
  if (!row) throw notFound('找不到该问答，或该问答已下线');
  const sources = await publicSources(db, [id]);
  return {
    ...row,
    publishedAt: row.publishedAt!,
    variants: variantList(row.variants),
    topicPath: findTopic(row.topic)?.path ?? '',
    sources: sources.map(({ knowledgeId: _k, ...s }) => ({ ...s, url: documentHref(s.documentId) })),
  };
}

/** Every published entry, grouped by the first level of its topic (entries without one under 其他), oldest first. */
export async function listPublishedEntries(db: Db) {
  const rows = await db
    .select(publicEntryColumns)
    .from(knowledgeEntries)
    .innerJoin(organizations, eq(organizations.id, knowledgeEntries.orgId))
    .where(and(eq(knowledgeEntries.status, 'published'), isNotNull(knowledgeEntries.publishedAt)))
    .orderBy(asc(knowledgeEntries.topic), asc(knowledgeEntries.id));
  const groups = new Map<string, { code: string; name: string; items: typeof rows }>();
  for (const r of rows) {
    const top = findTopic(r.topic.split('.')[0] ?? '');
    const key = top?.code ?? '';
    if (!groups.has(key)) groups.set(key, { code: key, name: top?.name ?? '其他', items: [] });
    groups.get(key)!.items.push(r);
  }
  // Entries without a topic come last.
  return [...groups.values()].sort((a, b) => (a.code === '' ? 1 : b.code === '' ? -1 : a.code.localeCompare(b.code)));
}
