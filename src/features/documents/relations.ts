// Dated relations between documents (a later one amends, repeals or replaces an earlier one) and
// the validity (有效性) that follows from them — derived, never typed in.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { relationProblem, validityHistory, validityOn, RELATION_LABELS, type RelationKind, type Validity, type ValidityEvent, type ValidityRelation } from '../../domain/validity.js';
import { authorize } from '../authorize.js';
import { recordAudit } from '../orgs/audit.js';
import { documentGrants } from './policy.js';
import { recordEvent, requireDocument, scopeTarget, type LoadedDocument } from './records.js';
import { documentRelations, documents, documentVersions } from './schema.js';
import { refreshValidity } from './validity-refresh.js';

/** The relations acting on each document, counting only those whose acting document is public. */
export async function relationsActingOn(db: Db, ids: number[]): Promise<Map<number, ValidityRelation[]>> {
  const out = new Map<number, ValidityRelation[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db
    .select({
      toId: documentRelations.toDocumentId,
      kind: documentRelations.kind,
      effectiveOn: documentRelations.effectiveOn,
      byDocumentId: documentRelations.fromDocumentId,
      byTitle: documentVersions.title,
      byDocNumber: documentVersions.docNumber,
    })
    .from(documentRelations)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, documentRelations.fromDocumentId), eq(documentVersions.isCurrent, true)))
    .where(inArray(documentRelations.toDocumentId, ids));
  for (const r of rows) out.get(r.toId)!.push({ kind: r.kind, byDocumentId: r.byDocumentId, byTitle: r.byTitle, byDocNumber: r.byDocNumber || undefined, effectiveOn: r.effectiveOn });
  return out;
}

export interface ValidityView {
  validity: Validity;
  history: ValidityEvent[];
}

export async function validityOf(
  db: Db,
  docs: { id: number; effectiveOn: IsoDate | null; expiresOn: IsoDate | null }[],
  on: IsoDate = chinaDate(new Date()),
): Promise<Map<number, ValidityView>> {
  const relations = await relationsActingOn(db, docs.map((d) => d.id));
  return new Map(
    docs.map((d) => {
      const input = { effectiveOn: d.effectiveOn, expiresOn: d.expiresOn, relations: relations.get(d.id) ?? [] };
      return [d.id, { validity: validityOn(input, on), history: validityHistory(input) }];
    }),
  );
}

export interface RelationInput {
  toDocumentId: number;
  kind: RelationKind;
  effectiveOn: IsoDate;
}

/** Records that the (later) document `fromId` amends, repeals or replaces a published document. */
export async function addRelation(db: Db, ctx: ActionContext, fromId: number, input: RelationInput) {
  return db.transaction(async (tx) => {
    const from = await requireDocument(tx, fromId, { forUpdate: true });
    authorize(ctx, documentGrants, 'document.edit', scopeTarget(from), '无权修改该文件');
    return addRelationInTx(tx, ctx, from, input);
  });
}

/** addRelation inside the caller's transaction, once the caller has authorized acting on `from`. */
export async function addRelationInTx(tx: Db, ctx: ActionContext, from: LoadedDocument, input: RelationInput) {
  const fromId = from.id;
  if (input.toDocumentId === fromId) throw invalid('文件不能修改或废止自身');
  const [target] = await tx
    .select({ id: documents.id, title: documents.title, effectiveOn: documents.effectiveOn, expiresOn: documents.expiresOn })
    .from(documents)
    .where(and(eq(documents.id, input.toDocumentId), isNotNull(documents.publishedVersion)));
  if (!target) throw invalid('被修改或废止的文件不存在或尚未发布');
  const current = (await validityOf(tx, [target], input.effectiveOn)).get(target.id)!;
  const problem = relationProblem(input.kind, current.validity, input.effectiveOn, target.effectiveOn);
  if (problem) throw invalid(problem);
  const inserted = await tx.insert(documentRelations).values({ fromDocumentId: fromId, ...input }).onConflictDoNothing().returning();
  if (!inserted.length) throw conflict('已登记过相同的关系');
  if (from.publishedVersion !== null) await refreshValidity(tx, [target.id], chinaDate(new Date()));
  const summary = `《${from.title}》自 ${input.effectiveOn} 起${RELATION_LABELS[input.kind]}《${target.title}》`;
  await recordEvent(tx, ctx, fromId, 'relate', summary);
  await recordAudit(tx, ctx, { action: 'document.relate', orgId: from.orgId, targetType: 'document', targetId: fromId, summary });
  return inserted[0];
}
