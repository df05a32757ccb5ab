// The repeal relations an import's rows declare ("废止《…》" by doc number), recorded once every
// document is in. In chunks, each one transaction with a handful of queries: the targets, the
// relations already acting on them and the rows' own are read once, each repeal is judged by the
// same rule as in the workbench (relationProblem, against the validity on its effective date,
// counting the repeals recorded earlier in the run), and the relations, the documents' events and
// the audit entries are written in bulk. A chunk the database refuses is done again relation by
// relation through addRelation, so that one bad relation costs a warning, not the chunk.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { systemContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { chinaDate } from '../../../domain/dates.js';
import { relationProblem, RELATION_LABELS, validityOn } from '../../../domain/validity.js';
import { auditLog } from '../../orgs/schema.js';
import { addRelation, relationsActingOn } from '../relations.js';
import { documentEvents, documentRelations, documents, documentVersions } from '../schema.js';
import { refreshValidity } from '../validity-refresh.js';
import type { publishedByDocNumber } from './import-row.js';
import type { ImportRow } from './row.js';
import { reasonOf, type RowProblem } from './run.js';

export type PublishedLookup = Awaited<ReturnType<typeof publishedByDocNumber>>;

export interface ImportedRow {
  row: ImportRow;
  id: number;
  orgId: number;
}

/** Rows per transaction: short enough to keep locks brief, long enough that queries are few. */
const CHUNK = 500;

interface Wanted {
  from: ImportedRow;
  targetId: number;
  docNumber: string;
  effectiveOn: string;
}

/** The repeals the rows name, resolved to documents; names that resolve to nothing are warned about. */
function resolve(rows: ImportedRow[], published: PublishedLookup, warn: (row: ImportRow, reason: string) => void): Wanted[] {
  const out: Wanted[] = [];
  for (const d of rows) {
    const effectiveOn = d.row.fields.effectiveOn ?? d.row.fields.writtenOn ?? d.row.publishedOn;
    for (const docNumber of d.row.repeals) {
      const target = published(docNumber, d.orgId) ?? published(docNumber, null);
      if (target === undefined || target === d.id) warn(d.row, `找不到文号为“${docNumber}”的已发布文件，未登记废止关系`);
      else out.push({ from: d, targetId: target, docNumber, effectiveOn });
    }
  }
  return out;
}

async function chunkInBulk(tx: Db, wanted: Wanted[], warn: (row: ImportRow, reason: string) => void): Promise<void> {
  const fromIds = [...new Set(wanted.map((w) => w.from.id))];
  const targetIds = [...new Set(wanted.map((w) => w.targetId))];
  const [targets, froms, known, acting] = await Promise.all([
    tx
      .select({ id: documents.id, title: documents.title, effectiveOn: documents.effectiveOn, expiresOn: documents.expiresOn })
      .from(documents)
      .where(and(inArray(documents.id, targetIds), isNotNull(documents.publishedVersion))),
    tx
      .select({ id: documentVersions.documentId, title: documentVersions.title, docNumber: documentVersions.docNumber })
      .from(documentVersions)
      .where(and(inArray(documentVersions.documentId, fromIds), eq(documentVersions.isCurrent, true))),
    tx
      .select({ from: documentRelations.fromDocumentId, to: documentRelations.toDocumentId })
      .from(documentRelations)
      .where(and(inArray(documentRelations.fromDocumentId, fromIds), eq(documentRelations.kind, 'repeals'))),
    relationsActingOn(tx, targetIds),
  ]);
  const target = new Map(targets.map((t) => [t.id, t]));
  const from = new Map(froms.map((f) => [f.id, f]));
  const recorded = new Set(known.map((k) => `${k.from}>${k.to}`));
  const relations: (typeof documentRelations.$inferInsert)[] = [];
  const events: (typeof documentEvents.$inferInsert)[] = [];
  const audits: (typeof auditLog.$inferInsert)[] = [];
  for (const w of wanted) {
    const key = `${w.from.id}>${w.targetId}`;
    if (recorded.has(key)) continue;
    const t = target.get(w.targetId);
    const f = from.get(w.from.id);
    if (!t || !f) {
      warn(w.from.row, `未登记对“${w.docNumber}”的废止关系：被修改或废止的文件不存在或尚未发布`);
      continue;
    }
    const acts = acting.get(t.id)!;
    const problem = relationProblem('repeals', validityOn({ effectiveOn: t.effectiveOn, expiresOn: t.expiresOn, relations: acts }, w.effectiveOn), w.effectiveOn, t.effectiveOn);
    if (problem) {
      warn(w.from.row, `未登记对“${w.docNumber}”的废止关系：${problem}`);
      continue;
    }
    recorded.add(key);
    // Later repeals of the same document in this run are judged with this one counted.
    acts.push({ kind: 'repeals', byDocumentId: f.id, byTitle: f.title, byDocNumber: f.docNumber || undefined, effectiveOn: w.effectiveOn });
    relations.push({ fromDocumentId: f.id, toDocumentId: t.id, kind: 'repeals', effectiveOn: w.effectiveOn });
    // The same words as addRelation, so the history reads alike however the relation came.
    const summary = `《${f.title}》自 ${w.effectiveOn} 起${RELATION_LABELS.repeals}《${t.title}》`;
    events.push({ documentId: f.id, actorId: null, actorName: '系统', action: 'relate', note: summary, findings: [] });
    audits.push({ actorId: null, actorName: '系统', orgId: w.from.orgId, action: 'document.relate', targetType: 'document', targetId: String(f.id), summary, ip: systemContext.ip });
  }
  if (!relations.length) return;
  await tx.insert(documentRelations).values(relations);
  await tx.insert(documentEvents).values(events);
  await tx.insert(auditLog).values(audits);
  await refreshValidity(tx, [...new Set(relations.map((r) => r.toDocumentId))], chinaDate(new Date()));
}

/** One relation at a time, each its own transaction (the fallback for a chunk the database refused). */
async function oneByOne(db: Db, wanted: Wanted[], warn: (row: ImportRow, reason: string) => void): Promise<void> {
  for (const w of wanted) {
    const [known] = await db
      .select({ id: documentRelations.id })
      .from(documentRelations)
      .where(and(eq(documentRelations.fromDocumentId, w.from.id), eq(documentRelations.toDocumentId, w.targetId), eq(documentRelations.kind, 'repeals')));
    if (known) continue;
    try {
      await addRelation(db, systemContext, w.from.id, { toDocumentId: w.targetId, kind: 'repeals', effectiveOn: w.effectiveOn });
    } catch (err) {
      warn(w.from.row, `未登记对“${w.docNumber}”的废止关系：${reasonOf(err)}`);
    }
  }
}

export async function recordRepeals(db: Db, rows: ImportedRow[], published: PublishedLookup, warnings: RowProblem[]): Promise<void> {
  const warn = (row: ImportRow, reason: string) => warnings.push({ rowNo: row.rowNo, title: row.fields.title, reason });
  const wanted = resolve(rows, published, warn);
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    const chunkWarnings: RowProblem[] = [];
    try {
      await db.transaction((tx) => chunkInBulk(tx, chunk, (row, reason) => chunkWarnings.push({ rowNo: row.rowNo, title: row.fields.title, reason })));
      warnings.push(...chunkWarnings);
    } catch {
      await oneByOne(db, chunk, warn);
    }
  }
}
