// Keeps search_entries equal to what is public (issue #4 item 1): called in the same transaction
// as every publication, withdrawal, validity change and knowledge-base change, so a search never
// finds what the public cannot read, nor misses what it can.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { DOC_TYPE_LABELS } from '../../domain/document-metadata.js';
import { tsvectorLiteral } from '../../domain/search-text.js';
import { facetLexeme, facetVectorLiteral, type FacetValues } from '../../domain/search-facets.js';
import { chinaDate } from '../../domain/dates.js';
import { htmlToPlainText } from '../../domain/text-checks.js';
import { VALIDITY_LABELS, type Validity } from '../../domain/validity.js';
import { attachments, documentVersions } from '../documents/schema.js';
import { knowledgeEntries } from '../knowledge/schema.js';
import { organizations } from '../orgs/schema.js';
import { indexChanged } from './recent-counts.js';
import { searchEntries, type SearchKind } from './schema.js';

/** Body and attachment text beyond this is not indexed (a 300-page annex adds little to ranking). */
const MAX_INDEXED_CHARS = 200_000;

const POLICY_TYPES = new Set(['normative', 'regulation', 'policy']);

/** The prior of an entry, before any query: what a citizen most likely wants among equal matches. */
export function staticScore(kind: SearchKind, validity: Validity | null): number {
  if (kind === 'answer') return 1;
  if (kind === 'interpretation') return 0.6;
  if (kind === 'information') return 0.4;
  return validity === 'in_force' ? 0.9 : validity === 'amended' ? 0.6 : 0.2;
}

export function kindOf(v: { docType: string; interpretationOf: number | null }): SearchKind {
  return v.interpretationOf ? 'interpretation' : POLICY_TYPES.has(v.docType) ? 'policy' : 'information';
}

type VersionRow = typeof documentVersions.$inferSelect & { orgName: string };

const publishedYear = (at: Date) => Number(chinaDate(at).slice(0, 4));

/** The vector with its facet lexemes (src/domain/search-facets.ts): filters and counts from the index alone. */
const withFacets = (tsv: string, facets: FacetValues) => [tsv, facetVectorLiteral(facets)].filter(Boolean).join(' ');

// Constants of our own (no input): written into the statement as an array literal.
const VALIDITY_LEXEMES = sql.raw(`array[${Object.keys(VALIDITY_LABELS).map((v) => `'${facetLexeme('v', v)}'`).join(', ')}]::text[]`);

/** The row of search_entries for a current public version (attachment texts given). */
export function documentEntry(v: VersionRow, attachmentText: string) {
  const kind = kindOf(v);
  const body = `${htmlToPlainText(v.body)}\n${attachmentText}`.slice(0, MAX_INDEXED_CHARS);
  const tsv = tsvectorLiteral([
    { text: v.title, weight: 'A' },
    { text: [v.docNumber, v.orgName, ...v.coIssuers].join(' '), weight: 'B' },
    // The type and genre in words, so 规范性文件 finds normative files whose titles do not say so.
    { text: [v.summary, ...v.keywords, DOC_TYPE_LABELS[v.docType], v.genre].join(' '), weight: 'C' },
    { text: body, weight: 'D' },
  ]);
  const facets = {
    kind,
    orgId: v.orgId,
    docType: v.docType,
    topic: v.topic,
    year: v.writtenOn ? Number(v.writtenOn.slice(0, 4)) : null,
    validity: kind === 'policy' ? v.validity : null,
  };
  return {
    ...facets,
    documentId: v.documentId,
    knowledgeId: null,
    title: v.title,
    docNumber: v.docNumber,
    publishedAt: v.publishedAt,
    staticScore: staticScore(kind, v.validity),
    tsv: withFacets(tsv, { ...facets, publishedYear: publishedYear(v.publishedAt), sampleKey: v.documentId }),
    indexedAt: new Date(),
  };
}

async function currentVersions(db: Db, documentIds: number[]): Promise<VersionRow[]> {
  const rows = await db
    .select({ v: documentVersions, orgName: organizations.name })
    .from(documentVersions)
    .innerJoin(organizations, eq(organizations.id, documentVersions.orgId))
    .where(and(inArray(documentVersions.documentId, documentIds), eq(documentVersions.isCurrent, true)));
  return rows.map((r) => ({ ...r.v, orgName: r.orgName }));
}

async function attachmentTexts(db: Db, versions: VersionRow[]): Promise<Map<number, string>> {
  const ids = versions.flatMap((v) => v.attachments.map((a) => a.id));
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const rows = await db.select({ id: attachments.id, text: attachments.textContent }).from(attachments).where(inArray(attachments.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.text]));
  for (const v of versions) out.set(v.documentId, v.attachments.map((a) => byId.get(a.id) ?? '').filter(Boolean).join('\n'));
  return out;
}

async function upsert(db: Db, rows: ReturnType<typeof documentEntry>[]) {
  if (!rows.length) return;
  const values = rows.map(({ tsv, ...r }) => ({ ...r, tsv: sql`${tsv}::tsvector` as unknown as string }));
  await db
    .insert(searchEntries)
    .values(values)
    .onConflictDoUpdate({
      target: searchEntries.documentId,
      targetWhere: sql`${searchEntries.documentId} is not null`,
      set: {
        kind: sql`excluded.kind`,
        orgId: sql`excluded.org_id`,
        title: sql`excluded.title`,
        docNumber: sql`excluded.doc_number`,
        docType: sql`excluded.doc_type`,
        topic: sql`excluded.topic`,
        year: sql`excluded.year`,
        validity: sql`excluded.validity`,
        publishedAt: sql`excluded.published_at`,
        staticScore: sql`excluded.static_score`,
        tsv: sql`excluded.tsv`,
        indexedAt: sql`excluded.indexed_at`,
      },
    });
}

/** Indexes the documents' current public versions; removes the entries of those with none. */
export async function indexDocuments(db: Db, documentIds: number[]): Promise<void> {
  if (!documentIds.length) return;
  indexChanged();
  const versions = await currentVersions(db, documentIds);
  const texts = await attachmentTexts(db, versions);
  await upsert(db, versions.map((v) => documentEntry(v, texts.get(v.documentId) ?? '')));
  const gone = documentIds.filter((id) => !versions.some((v) => v.documentId === id));
  if (gone.length) await db.delete(searchEntries).where(inArray(searchEntries.documentId, gone));
}

export async function indexDocument(db: Db, documentId: number): Promise<void> {
  await indexDocuments(db, [documentId]);
}

/** Validity changed without a new version (a repeal took effect, an expiry passed): facets and prior only. */
export async function reindexValidity(db: Db, documentIds: number[], validity: Validity): Promise<void> {
  if (!documentIds.length) return;
  indexChanged();
  await db
    .update(searchEntries)
    .set({
      validity,
      staticScore: staticScore('policy', validity),
      tsv: sql`ts_delete(${searchEntries.tsv}, ${VALIDITY_LEXEMES}) || array_to_tsvector(array[${facetLexeme('v', validity)}]::text[])`,
    })
    .where(and(inArray(searchEntries.documentId, documentIds), eq(searchEntries.kind, 'policy')));
}

/** A published knowledge-base entry is searchable by its question, its variants and its answer. */
export async function indexKnowledgeEntry(db: Db, knowledgeId: number): Promise<void> {
  indexChanged();
  const [k] = await db.select().from(knowledgeEntries).where(eq(knowledgeEntries.id, knowledgeId));
  if (!k || k.status !== 'published') {
    await db.delete(searchEntries).where(eq(searchEntries.knowledgeId, knowledgeId));
    return;
  }
  const tsv = tsvectorLiteral([
    { text: k.question, weight: 'A' },
    { text: k.variants, weight: 'B' },
    { text: htmlToPlainText(k.answer), weight: 'C' },
  ]);
  const publishedAt = k.publishedAt ?? k.updatedAt;
  const facets = { kind: 'answer' as const, orgId: k.orgId, docType: null, topic: k.topic, year: null, validity: null };
  const row = {
    ...facets,
    documentId: null,
    knowledgeId: k.id,
    title: k.question,
    docNumber: '',
    publishedAt,
    staticScore: staticScore('answer', null),
    tsv: sql`${withFacets(tsv, { ...facets, publishedYear: publishedYear(publishedAt), sampleKey: k.id })}::tsvector` as unknown as string,
    indexedAt: new Date(),
  };
  const { knowledgeId: _k, kind: _kind, documentId: _d, ...set } = row;
  await db.insert(searchEntries).values(row).onConflictDoUpdate({ target: searchEntries.knowledgeId, targetWhere: sql`${searchEntries.knowledgeId} is not null`, set });
}

/**
 * Indexes every current version that has no entry yet, in batches: after a bulk load (the generated
 * demo documents, a benchmark corpus) or, with `all`, every one again (reindex.ts). Returns how many it indexed.
 */
export async function indexMissing(db: Db, opts: { batch?: number; all?: boolean; onProgress?: (done: number) => void } = {}): Promise<number> {
  const batch = opts.batch ?? 500;
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await db
        .select({ id: documentVersions.documentId })
        .from(documentVersions)
        .where(
          and(
            eq(documentVersions.isCurrent, true),
            sql`${documentVersions.documentId} > ${after}`,
            opts.all ? undefined : sql`not exists (select 1 from ${searchEntries} s where s.document_id = ${documentVersions.documentId})`,
          ),
        )
        .orderBy(documentVersions.documentId)
        .limit(batch)
    ).map((r) => r.id);
    if (!ids.length) return done;
    await db.transaction((tx) => indexDocuments(tx, ids));
    done += ids.length;
    after = ids[ids.length - 1];
    opts.onProgress?.(done);
  }
}
