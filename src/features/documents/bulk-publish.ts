// Published documents stored in bulk, in the caller's transaction: what an import or the demo
// generator has already checked goes in with a handful of statements for any number of documents
// (the use cases take about sixty queries a document). What publication keeps is kept here too:
// version 1 as the current public version, the timeline, the audit trail, index numbers from each
// organization's pattern with its serial counters advanced, and the search entries. Acts as the
// system (系统), like the command line and the demo seeding.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { DEFAULT_INDEX_PATTERN, formatIndexNumber, serialScope } from '../../domain/index-number.js';
import type { Validity } from '../../domain/validity.js';
import { documentEntry } from '../search/indexer.js';
import { indexChanged } from '../search/recent-counts.js';
import type { Document } from './schema.js';

export type PublishedContent = Pick<
  Document,
  | 'title'
  | 'docNumber'
  | 'writtenOn'
  | 'effectiveOn'
  | 'expiresOn'
  | 'formedOn'
  | 'genre'
  | 'docType'
  | 'topic'
  | 'keywords'
  | 'coIssuers'
  | 'summary'
  | 'body'
  | 'disclosure'
  | 'disclosureReason'
  | 'interpretationOf'
  | 'interpretationForm'
>;

export interface BulkEvent {
  action: string;
  note: string;
  findings?: unknown[];
  /** Default: now, as the use cases record it. */
  at?: Date;
}

export interface BulkDocument extends PublishedContent {
  /** From reserveDocumentIds: interpretations and relations can name a document before it is stored. */
  id: number;
  org: { id: number; code: string; name: string; indexPattern: string | null };
  /** A historical 索引号 to keep; null: the next number of the organization's pattern on the day of publication. */
  indexNo: string | null;
  sourceKey?: string | null;
  publishedAt: Date;
  /** Default: now. */
  createdAt?: Date;
  /** Published more than 20 working days after the information was formed. */
  late?: boolean;
  validity?: Validity;
  validityNextChange?: IsoDate | null;
  events: BulkEvent[];
  /** An audit entry of its own; the demo generator writes one for the whole run instead. */
  audit?: { action: string; summary: string };
}

/** Ids from the documents' sequence, one round trip for any number. */
export async function reserveDocumentIds(db: Db, n: number): Promise<number[]> {
  if (n < 1) return [];
  const rows = await queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('documents', 'id'))::int as id from generate_series(1, ${n})`);
  return rows.map((r) => r.id);
}

export interface SerialMark {
  scope: string;
  serial: number;
}

/**
 * The counter a kept historical index number belongs to, when it follows the organization's pattern
 * for one of the given days (publication, then written date), with its serial.
 */
export function keptSerial(org: { code: string; indexPattern: string | null }, indexNo: string, dates: IsoDate[]): SerialMark | null {
  const pattern = org.indexPattern || DEFAULT_INDEX_PATTERN;
  for (const date of dates) {
    const scope = serialScope(pattern, { orgCode: org.code, date });
    const re = new RegExp(`^${scope.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('#', '(\\d+)')}$`);
    const m = re.exec(indexNo);
    if (m) return { scope, serial: Number(m[1]) };
  }
  return null;
}

/** Moves counters past kept numbers, so later publications never get the same number. One statement. */
export async function advanceSerials(tx: Db, marks: SerialMark[]): Promise<void> {
  const highest = new Map<string, number>();
  for (const m of marks) highest.set(m.scope, Math.max(highest.get(m.scope) ?? 0, m.serial));
  if (!highest.size) return;
  // Sorted, so two imports at once lock counters in the same order and never deadlock.
  const rows = [...highest].sort(([a], [b]) => (a < b ? -1 : 1)).map(([scope, last]) => ({ scope, last }));
  await tx.execute(sql`
    insert into index_serials (scope, last)
    select scope, last from json_to_recordset(${JSON.stringify(rows)}::json) as x(scope text, last int) order by scope
    on conflict (scope) do update set last = greatest(index_serials.last, excluded.last)`);
}

/**
 * Numbers for the documents without one, as publication gives them (pattern filled with the
 * organization code and the day of publication). Each counter is advanced once by the number it
 * hands out (last = last + n), so concurrent publications never get the same serial.
 */
async function allocateIndexNumbers(tx: Db, docs: BulkDocument[]): Promise<void> {
  const byScope = new Map<string, { doc: BulkDocument; pattern: string; date: IsoDate }[]>();
  for (const doc of docs) {
    if (doc.indexNo) continue;
    const pattern = doc.org.indexPattern || DEFAULT_INDEX_PATTERN;
    const date = chinaDate(doc.publishedAt);
    const scope = serialScope(pattern, { orgCode: doc.org.code, date });
    byScope.set(scope, [...(byScope.get(scope) ?? []), { doc, pattern, date }]);
  }
  if (!byScope.size) return;
  const counts = [...byScope].sort(([a], [b]) => (a < b ? -1 : 1)).map(([scope, list]) => ({ scope, n: list.length }));
  const lasts = await queryRows<{ scope: string; last: number }>(
    tx,
    sql`insert into index_serials (scope, last)
        select scope, n from json_to_recordset(${JSON.stringify(counts)}::json) as x(scope text, n int) order by scope
        on conflict (scope) do update set last = index_serials.last + excluded.last
        returning scope, last`,
  );
  for (const { scope, last } of lasts) {
    const list = byScope.get(scope)!;
    list.forEach(({ doc, pattern, date }, i) => {
      doc.indexNo = formatIndexNumber(pattern, { orgCode: doc.org.code, date, serial: last - list.length + 1 + i });
    });
  }
}

const ROW_TYPE = sql.raw(`id int, org_id int, title text, doc_number text, written_on date, effective_on date, expires_on date, formed_on date, genre text,
  doc_type text, topic text, keywords json, co_issuers json, summary text, body text, disclosure text, disclosure_reason text, interpretation_of int,
  interpretation_form text, index_no text, source_key text, published_at timestamptz, created_at timestamptz, late boolean, validity text,
  validity_next_change date, events json, audit_action text, audit_summary text`);

function jsonRow(d: BulkDocument) {
  return {
    id: d.id,
    org_id: d.org.id,
    title: d.title,
    doc_number: d.docNumber,
    written_on: d.writtenOn,
    effective_on: d.effectiveOn,
    expires_on: d.expiresOn,
    formed_on: d.formedOn,
    genre: d.genre,
    doc_type: d.docType,
    topic: d.topic,
    keywords: d.keywords,
    co_issuers: d.coIssuers,
    summary: d.summary,
    body: d.body,
    disclosure: d.disclosure,
    disclosure_reason: d.disclosureReason,
    interpretation_of: d.interpretationOf,
    interpretation_form: d.interpretationForm,
    index_no: d.indexNo,
    source_key: d.sourceKey ?? null,
    published_at: d.publishedAt.toISOString(),
    created_at: d.createdAt?.toISOString() ?? null,
    late: d.late ?? false,
    validity: d.validity ?? 'in_force',
    validity_next_change: d.validityNextChange ?? null,
    events: d.events.map((e) => ({ action: e.action, note: e.note, findings: e.findings ?? [], at: e.at?.toISOString() ?? null })),
    audit_action: d.audit?.action ?? null,
    audit_summary: d.audit?.summary ?? null,
  };
}

/**
 * The search entries, built from the documents in hand by the indexer's own documentEntry, in one
 * statement: indexDocuments would read every version back and bind thirteen values a row, which
 * costs as much again as the rest of a bulk publication.
 */
async function insertSearchEntries(tx: Db, docs: BulkDocument[]): Promise<void> {
  const rows = docs.map((d) => {
    const e = documentEntry(
      {
        ...d,
        documentId: d.id,
        version: 1,
        orgId: d.org.id,
        orgName: d.org.name,
        indexNo: d.indexNo!,
        specialFields: {},
        changeNote: '',
        attachments: [],
        publishedBy: null,
        late: d.late ?? false,
        isCurrent: true,
        validity: d.validity ?? 'in_force',
        validityNextChange: d.validityNextChange ?? null,
      },
      '',
    );
    return { kind: e.kind, document_id: e.documentId, org_id: e.orgId, title: e.title, doc_number: e.docNumber, doc_type: e.docType, topic: e.topic, year: e.year, validity: e.validity, published_at: e.publishedAt.toISOString(), static_score: e.staticScore, tsv: e.tsv };
  });
  indexChanged();
  await tx.execute(sql`
    insert into search_entries (kind, document_id, org_id, title, doc_number, doc_type, topic, year, validity, published_at, static_score, tsv)
    select kind, document_id, org_id, title, doc_number, doc_type, topic, year, validity, published_at, static_score, tsv::tsvector
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(kind text, document_id int, org_id int, title text, doc_number text, doc_type text, topic text,
         year smallint, validity text, published_at timestamptz, static_score real, tsv text)`);
}

export interface BulkOptions {
  /** Search entries in the same transaction (default). The generator indexes after its own validity pass. */
  index?: boolean;
}

/**
 * Stores the documents as published, in the caller's transaction: one statement for documents,
 * versions, events and audit entries (one JSON parameter, unpacked by the database), one for the
 * index-number counters of each kind, one batch of search entries. Sets indexNo on the documents
 * that had none.
 */
export async function bulkPublish(tx: Db, docs: BulkDocument[], opts: BulkOptions = {}): Promise<void> {
  if (!docs.length) return;
  const kept = docs.flatMap((d) => {
    const mark = d.indexNo ? keptSerial(d.org, d.indexNo, [chinaDate(d.publishedAt), ...(d.writtenOn ? [d.writtenOn] : [])]) : null;
    return mark ? [mark] : [];
  });
  await advanceSerials(tx, kept);
  await allocateIndexNumbers(tx, docs);
  await tx.execute(sql`
    with x as (select * from json_to_recordset(${JSON.stringify(docs.map(jsonRow))}::json) as x(${ROW_TYPE})),
    d as (
      insert into documents (id, org_id, title, doc_number, written_on, effective_on, expires_on, formed_on, genre, doc_type, topic, keywords, co_issuers,
                             summary, body, disclosure, disclosure_reason, interpretation_of, interpretation_form, status, index_no, published_version,
                             first_published_at, source_key, created_at, updated_at)
      select id, org_id, title, doc_number, written_on, effective_on, expires_on, formed_on, genre, doc_type, topic,
             array(select json_array_elements_text(keywords)), array(select json_array_elements_text(co_issuers)),
             summary, body, disclosure, disclosure_reason, interpretation_of, interpretation_form, 'published', index_no, 1,
             published_at, source_key, coalesce(created_at, now()), published_at
      from x
    ),
    v as (
      insert into document_versions (document_id, version, org_id, index_no, title, doc_number, written_on, effective_on, expires_on, formed_on, genre,
                                     doc_type, topic, keywords, co_issuers, summary, body, disclosure, disclosure_reason, interpretation_of,
                                     interpretation_form, published_at, late, is_current, validity, validity_next_change)
      select id, 1, org_id, index_no, title, doc_number, written_on, effective_on, expires_on, formed_on, genre, doc_type, topic,
             array(select json_array_elements_text(keywords)), array(select json_array_elements_text(co_issuers)),
             summary, body, disclosure, disclosure_reason, interpretation_of, interpretation_form, published_at, late, true, validity, validity_next_change
      from x
    ),
    a as (
      insert into audit_log (actor_name, org_id, action, target_type, target_id, summary)
      select '系统', org_id, audit_action, 'document', id::text, audit_summary from x where audit_action is not null order by id
    )
    insert into document_events (document_id, at, actor_name, action, note, findings)
    select x.id, coalesce(e.at, now()), '系统', e.action, e.note, e.findings
    from x cross join lateral rows from (json_to_recordset(x.events) as (action text, note text, findings jsonb, at timestamptz)) with ordinality as e(action, note, findings, at, n)
    order by x.id, e.n`);
  if (opts.index !== false) await insertSearchEntries(tx, docs);
}
