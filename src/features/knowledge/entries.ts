// Use cases of the knowledge base (政务知识库): draft an entry (question, variants, answer, topic),
// link it to the published policies it rests on, publish it (only with a source: every answer shows
// where it comes from), take it off the portal, and edit it — a published entry stays published.
// Each runs in one transaction, checks role + organization scope, writes the audit log, and keeps
// the search index in step (indexKnowledgeEntry) whenever the public view changes.
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { answerIsEmpty, archiveProblem, normalizeVariants, publishProblem, removeSourceProblem } from '../../domain/knowledge.js';
import { findTopic } from '../../domain/topics.js';
import { authorize } from '../authorize.js';
import { loadDocument, requirePublishedDocument } from '../documents/records.js';
import { sanitizeBody } from '../documents/sanitize.js';
import { documents } from '../documents/schema.js';
import { recordAudit } from '../orgs/audit.js';
import { findOrg } from '../orgs/organizations.js';
import { organizations } from '../orgs/schema.js';
import { indexKnowledgeEntry } from '../search/indexer.js';
import { knowledgeGrants } from './policy.js';
import { knowledgeEntries, knowledgeSources, type KnowledgeEntry } from './schema.js';

export type LoadedEntry = KnowledgeEntry & { orgPath: string; orgName: string };

export async function loadEntry(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedEntry | undefined> {
  const query = db
    .select({ entry: knowledgeEntries, orgPath: organizations.path, orgName: organizations.name })
    .from(knowledgeEntries)
    .innerJoin(organizations, eq(organizations.id, knowledgeEntries.orgId))
    .where(eq(knowledgeEntries.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: knowledgeEntries }) : await query;
  return row && { ...row.entry, orgPath: row.orgPath, orgName: row.orgName };
}

export async function requireEntry(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedEntry> {
  const entry = await loadEntry(db, id, opts);
  if (!entry) throw notFound('找不到该问答');
  return entry;
}

export const entryTarget = (e: { orgId: number; orgPath: string }) => ({ orgId: e.orgId, orgPath: e.orgPath });

/**
 * Loads an entry for a change by ctx. A published entry is what the public reads, so changing it
 * takes the right to publish; a draft or a withdrawn entry, the right to manage.
 */
async function entryForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedEntry> {
  const entry = await requireEntry(tx, id, { forUpdate: true });
  authorize(ctx, knowledgeGrants, entry.status === 'published' ? 'knowledge.publish' : 'knowledge.manage', entryTarget(entry), `无权${what}`);
  return entry;
}

const audit = (tx: Db, ctx: ActionContext, entry: { id: number; orgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `knowledge.${action}`, orgId: entry.orgId, targetType: 'knowledge_entry', targetId: entry.id, summary });

/** Sources whose document the public can read now (a current public version). */
async function publicSourceCount(tx: Db, id: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(knowledgeSources)
    .innerJoin(documents, eq(documents.id, knowledgeSources.documentId))
    .where(and(eq(knowledgeSources.knowledgeId, id), isNotNull(documents.publishedVersion)));
  return n;
}

export interface EntryFields {
  question: string;
  /** Other ways people ask, one per line. */
  variants?: string;
  /** Rich text; sanitized here whatever arrives. */
  answer: string;
  /** 主题分类 code or path; '' for none. */
  topic?: string;
}

/** Trimmed question, normalized variants, sanitized answer, a known topic stored as its code. */
function clean(f: Partial<EntryFields>, currentQuestion = ''): Partial<EntryFields> {
  const out: Partial<EntryFields> = {};
  if (f.question !== undefined) {
    out.question = f.question.replace(/\s+/g, ' ').trim();
    if (!out.question) throw invalid('请填写问题');
  }
  if (f.variants !== undefined) out.variants = normalizeVariants(f.variants, out.question ?? currentQuestion);
  if (f.answer !== undefined) {
    out.answer = sanitizeBody(f.answer);
    if (answerIsEmpty(out.answer)) throw invalid('请填写答复内容');
  }
  if (f.topic !== undefined) {
    if (f.topic.trim() === '') out.topic = '';
    else {
      const topic = findTopic(f.topic);
      if (!topic) throw invalid(`未知的主题分类：${f.topic}`);
      out.topic = topic.code;
    }
  }
  return out;
}

const short = (q: string) => (q.length > 40 ? `${q.slice(0, 40)}…` : q);

export async function createEntry(db: Db, ctx: ActionContext, orgId: number, fields: EntryFields): Promise<KnowledgeEntry> {
  return db.transaction(async (tx) => {
    const org = await findOrg(tx, orgId);
    if (!org) throw invalid('所属机构不存在');
    authorize(ctx, knowledgeGrants, 'knowledge.manage', { orgId: org.id, orgPath: org.path }, '无权为该机构编写问答');
    const values = clean({ variants: '', topic: '', ...fields });
    const [entry] = await tx
      .insert(knowledgeEntries)
      .values({ ...(values as EntryFields), orgId: org.id, status: 'draft', createdBy: ctx.actor?.userId ?? null })
      .returning();
    await audit(tx, ctx, entry, 'create', `新建问答“${short(entry.question)}”`);
    return entry;
  });
}

/** Edits an entry in any state; a published one stays published and is indexed again at once. */
export async function updateEntry(db: Db, ctx: ActionContext, id: number, patch: Partial<EntryFields>): Promise<KnowledgeEntry> {
  return db.transaction(async (tx) => {
    const entry = await entryForChange(tx, ctx, id, '修改该问答');
    const values = clean(patch, entry.question);
    // A new question may now equal a stored variant.
    if (values.question !== undefined && values.variants === undefined) values.variants = normalizeVariants(entry.variants, values.question);
    const [updated] = await tx
      .update(knowledgeEntries)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(knowledgeEntries.id, id))
      .returning();
    if (updated.status === 'published') await indexKnowledgeEntry(tx, id);
    await audit(tx, ctx, entry, 'update', `修改${updated.status === 'published' ? '已发布的' : ''}问答“${short(updated.question)}”：${Object.keys(patch).join('、')}`);
    return updated;
  });
}

/** Links a published policy (of any organization: answers cite county and higher policies), with an optional note (第三条). */
export async function addSource(db: Db, ctx: ActionContext, id: number, input: { documentId: number; note?: string }) {
  return db.transaction(async (tx) => {
    const entry = await entryForChange(tx, ctx, id, '修改该问答的依据');
    const doc = await requirePublishedDocument(tx, input.documentId, '引用已发布的文件作为依据');
    const [dup] = await tx
      .select({ id: knowledgeSources.documentId })
      .from(knowledgeSources)
      .where(and(eq(knowledgeSources.knowledgeId, id), eq(knowledgeSources.documentId, doc.id)));
    if (dup) throw conflict(`《${doc.title}》已是该问答的依据`);
    const note = (input.note ?? '').trim();
    const [source] = await tx.insert(knowledgeSources).values({ knowledgeId: id, documentId: doc.id, note }).returning();
    await tx.update(knowledgeEntries).set({ updatedAt: new Date() }).where(eq(knowledgeEntries.id, id));
    if (entry.status === 'published') await indexKnowledgeEntry(tx, id);
    await audit(tx, ctx, entry, 'source_add', `问答“${short(entry.question)}”增加依据《${doc.title}》${note ? `（${note}）` : ''}`);
    return source;
  });
}

/** Changes the note of a source (第三条 → 第四条). */
export async function setSourceNote(db: Db, ctx: ActionContext, id: number, documentId: number, note: string) {
  return db.transaction(async (tx) => {
    const entry = await entryForChange(tx, ctx, id, '修改该问答的依据');
    const [source] = await tx
      .update(knowledgeSources)
      .set({ note: note.trim() })
      .where(and(eq(knowledgeSources.knowledgeId, id), eq(knowledgeSources.documentId, documentId)))
      .returning();
    if (!source) throw notFound('该问答没有这件依据');
    if (entry.status === 'published') await indexKnowledgeEntry(tx, id);
    await audit(tx, ctx, entry, 'source_note', `问答“${short(entry.question)}”的依据（文件编号 ${documentId}）注明“${source.note || '（无）'}”`);
    return source;
  });
}

export async function removeSource(db: Db, ctx: ActionContext, id: number, documentId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const entry = await entryForChange(tx, ctx, id, '修改该问答的依据');
    const [source] = await tx
      .delete(knowledgeSources)
      .where(and(eq(knowledgeSources.knowledgeId, id), eq(knowledgeSources.documentId, documentId)))
      .returning();
    if (!source) throw notFound('该问答没有这件依据');
    const problem = removeSourceProblem(entry.status, await publicSourceCount(tx, id));
    if (problem) throw conflict(problem); // the transaction rolls the delete back
    const title = (await loadDocument(tx, documentId))?.title ?? String(documentId);
    await tx.update(knowledgeEntries).set({ updatedAt: new Date() }).where(eq(knowledgeEntries.id, id));
    if (entry.status === 'published') await indexKnowledgeEntry(tx, id);
    await audit(tx, ctx, entry, 'source_remove', `问答“${short(entry.question)}”移除依据《${title}》`);
  });
}

/** Publishes a draft or a withdrawn entry: it needs at least one source the public can read. */
export async function publishEntry(db: Db, ctx: ActionContext, id: number, at = new Date()): Promise<KnowledgeEntry> {
  return db.transaction(async (tx) => {
    const entry = await requireEntry(tx, id, { forUpdate: true });
    authorize(ctx, knowledgeGrants, 'knowledge.publish', entryTarget(entry), '无权发布该问答');
    const problem = publishProblem(entry.status, await publicSourceCount(tx, id));
    if (problem) throw entry.status === 'published' ? conflict(problem) : invalid(problem);
    const [updated] = await tx.update(knowledgeEntries).set({ status: 'published', publishedAt: at, updatedAt: at }).where(eq(knowledgeEntries.id, id)).returning();
    await indexKnowledgeEntry(tx, id);
    await audit(tx, ctx, entry, 'publish', `发布问答“${short(entry.question)}”`);
    return updated;
  });
}

/** Takes a published entry off the portal (and out of search); staff keep it and may publish it again. */
export async function archiveEntry(db: Db, ctx: ActionContext, id: number, reason = ''): Promise<KnowledgeEntry> {
  return db.transaction(async (tx) => {
    const entry = await requireEntry(tx, id, { forUpdate: true });
    authorize(ctx, knowledgeGrants, 'knowledge.publish', entryTarget(entry), '无权下线该问答');
    const problem = archiveProblem(entry.status);
    if (problem) throw conflict(problem);
    const [updated] = await tx.update(knowledgeEntries).set({ status: 'archived', updatedAt: new Date() }).where(eq(knowledgeEntries.id, id)).returning();
    await indexKnowledgeEntry(tx, id);
    await audit(tx, ctx, entry, 'archive', `下线问答“${short(entry.question)}”${reason.trim() ? `：${reason.trim()}` : ''}`);
    return updated;
  });
}

/** Deletes a draft that was never published (a published or withdrawn entry keeps its record). */
export async function deleteEntry(db: Db, ctx: ActionContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const entry = await entryForChange(tx, ctx, id, '删除该问答');
    if (entry.status !== 'draft' || entry.publishedAt) throw conflict('只能删除从未发布过的草稿；已发布过的问答请下线');
    await tx.delete(knowledgeEntries).where(eq(knowledgeEntries.id, id));
    await audit(tx, ctx, entry, 'delete', `删除问答草稿“${short(entry.question)}”`);
  });
}
