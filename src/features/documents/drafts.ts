// Use cases of the working copy: create a draft, edit it, start a revision of a published document.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { editProblem, reviseProblem } from '../../domain/document-workflow.js';
import { findTopic } from '../../domain/topics.js';
import { authorize } from '../authorize.js';
import { checkPlacement, columnIdsOf, saveColumnIds } from '../columns/placement.js';
import { recordAudit } from '../orgs/audit.js';
import { findOrg } from '../orgs/organizations.js';
import { documentGrants } from './policy.js';
import { loadDocument, recordEvent, requireDocument, scopeTarget } from './records.js';
import { sanitizeBody } from './sanitize.js';
import { documents, type Document, type DocType, type Disclosure, type InterpretationForm } from './schema.js';

export interface DocumentFields {
  title: string;
  docNumber?: string;
  writtenOn?: string | null;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  formedOn?: string | null;
  genre?: string;
  docType: DocType;
  topic?: string;
  keywords?: string[];
  coIssuers?: string[];
  summary?: string;
  body?: string;
  disclosure?: Disclosure;
  disclosureReason?: string;
  interpretationOf?: number | null;
  interpretationForm?: InterpretationForm | null;
  /** 栏目: columns of the document's organization; special columns require specialFields. */
  columnIds?: number[];
  specialFields?: Record<string, string>;
}

/** Normalizes what an editor sent: sanitized body, a known topic, trimmed text, an interpretation's target in the same organization. */
async function clean(db: Db, orgId: number, f: Partial<DocumentFields>): Promise<Partial<DocumentFields>> {
  const out: Partial<DocumentFields> = { ...f };
  if (f.title !== undefined) out.title = f.title.trim();
  if (f.docNumber !== undefined) out.docNumber = f.docNumber.trim();
  if (f.body !== undefined) out.body = sanitizeBody(f.body);
  if (f.keywords !== undefined) out.keywords = [...new Set(f.keywords.map((k) => k.trim()).filter(Boolean))];
  if (f.coIssuers !== undefined) out.coIssuers = [...new Set(f.coIssuers.map((k) => k.trim()).filter(Boolean))];
  if (f.topic) {
    const topic = findTopic(f.topic);
    if (!topic) throw invalid(`未知的主题分类：${f.topic}`);
    out.topic = topic.code;
  }
  if (f.interpretationOf) {
    const target = await loadDocument(db, f.interpretationOf);
    // 谁起草谁解读: the interpretation comes from the organization that drafted the policy.
    if (!target || target.orgId !== orgId) throw invalid('被解读的政策文件不存在，或不属于本机构');
    if (target.interpretationOf) throw invalid('不能为解读材料再作解读');
    if (!f.interpretationForm) out.interpretationForm = 'text';
  }
  return out;
}

export async function createDraft(db: Db, ctx: ActionContext, orgId: number, fields: DocumentFields): Promise<Document> {
  return db.transaction(async (tx) => {
    const org = await findOrg(tx, orgId);
    if (!org) throw invalid('发布机构不存在');
    authorize(ctx, documentGrants, 'document.edit', { orgId: org.id, orgPath: org.path }, '无权在该机构起草文件');
    return insertDraft(tx, ctx, org.id, fields);
  });
}

/** createDraft inside the caller's transaction, once the caller has authorized it (a clean-up campaign drafts its result notice). */
export async function insertDraft(tx: Db, ctx: ActionContext, orgId: number, fields: DocumentFields): Promise<Document> {
  const { columnIds = [], ...rest } = fields;
  const values = await clean(tx, orgId, rest);
  const placed = await checkPlacement(tx, orgId, columnIds, values.specialFields);
  const [doc] = await tx
    .insert(documents)
    .values({ ...(values as DocumentFields), specialFields: placed.specialFields, orgId, status: 'draft', createdBy: ctx.actor?.userId ?? null })
    .returning();
  await saveColumnIds(tx, doc.id, placed.columnIds);
  await recordEvent(tx, ctx, doc.id, 'create', '');
  await recordAudit(tx, ctx, { action: 'document.create', orgId, targetType: 'document', targetId: doc.id, summary: `起草文件《${doc.title}》` });
  return doc;
}

export async function updateDraft(db: Db, ctx: ActionContext, id: number, patch: Partial<DocumentFields>): Promise<Document> {
  return db.transaction(async (tx) => {
    const doc = await requireDocument(tx, id, { forUpdate: true });
    authorize(ctx, documentGrants, 'document.edit', scopeTarget(doc), '无权修改该文件');
    const problem = editProblem(doc.status);
    if (problem) throw invalid(problem);
    const { columnIds, ...rest } = patch;
    const values = await clean(tx, doc.orgId, rest);
    if (columnIds !== undefined || values.specialFields !== undefined) {
      const placed = await checkPlacement(tx, doc.orgId, columnIds ?? (await columnIdsOf(tx, id)), values.specialFields ?? doc.specialFields);
      values.specialFields = placed.specialFields;
      if (columnIds !== undefined) await saveColumnIds(tx, id, placed.columnIds);
    }
    const [updated] = await tx
      .update(documents)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(documents.id, id))
      .returning();
    await recordEvent(tx, ctx, id, 'edit', Object.keys(patch).join('、'));
    await recordAudit(tx, ctx, { action: 'document.update', orgId: doc.orgId, targetType: 'document', targetId: id, summary: `修改文件《${updated.title}》：${Object.keys(patch).join('、')}` });
    return updated;
  });
}

/** A published or withdrawn document gets a new working copy; the public keeps seeing its current version. */
export async function reviseDocument(db: Db, ctx: ActionContext, id: number): Promise<Document> {
  return db.transaction(async (tx) => {
    const doc = await requireDocument(tx, id, { forUpdate: true });
    authorize(ctx, documentGrants, 'document.edit', scopeTarget(doc), '无权修订该文件');
    const problem = reviseProblem(doc.status);
    if (problem) throw invalid(problem);
    const [updated] = await tx.update(documents).set({ status: 'draft', updatedAt: new Date() }).where(eq(documents.id, id)).returning();
    await recordEvent(tx, ctx, id, 'revise', '');
    await recordAudit(tx, ctx, { action: 'document.revise', orgId: doc.orgId, targetType: 'document', targetId: id, summary: `发起修订《${doc.title}》` });
    return updated;
  });
}
