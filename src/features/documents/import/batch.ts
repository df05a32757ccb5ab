// Step 3 of an import, for many rows at once: the rules of importRow (import-row.ts) and of the
// publication it runs — the same outcomes and the same reasons — with a handful of queries for a
// whole batch instead of about sixty a row: what the database knows (source keys, index numbers,
// the policies an interpretation names) is asked once for the batch, the checks the workflow would
// run are run here with the rules and the calendar loaded once, and the documents that pass are
// stored by bulkPublish in one transaction. Rows with attachments still go through importRow (files
// need their type checked and their text read), and so does every row of a batch whose bulk insert
// fails unexpectedly, so that only the bad row is rejected and nothing is left half-written.
import { and, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import { invalid } from '../../../errors.js';
import type { WorkingCalendar } from '../../../domain/calendar.js';
import { EXEMPTION_MARK } from '../../../domain/coverage.js';
import type { IsoDate } from '../../../domain/dates.js';
import { nextValidityChange, validityOn } from '../../../domain/validity.js';
import type { CheckRules } from '../../../domain/text-checks.js';
import { findTopic } from '../../../domain/topics.js';
import { loadCalendar } from '../../calendar/service.js';
import { governmentOf } from '../../orgs/organizations.js';
import type { Organization } from '../../orgs/schema.js';
import { loadCheckRules } from '../../settings/check-rules.js';
import { bulkPublish, reserveDocumentIds, type BulkDocument } from '../bulk-publish.js';
import { blockedError, blocking, documentFindings, type DocumentFinding } from '../findings.js';
import { linkFindingsFor } from '../link-check.js';
import { sanitizeBody } from '../sanitize.js';
import { documents } from '../schema.js';
import { LATE_NOTE, publishedLate } from '../../../domain/publish-on-time.js';
import { HISTORICAL_EXEMPTION, importRow, importSummary, indexNoTaken, keyOf, missingPolicy, publishedByDocNumber, rowBody, unknownOrg, type ImportRowOptions, type RowOutcome } from './import-row.js';
import type { ImportRow } from './row.js';

export type BatchOutcome = { row: ImportRow; outcome: RowOutcome } | { row: ImportRow; error: unknown };

/** What the checks need from the database, loaded once per run. */
export class ImportChecks {
  private rules?: CheckRules;
  private calendar?: WorkingCalendar;
  private lz4?: boolean;
  private readonly exemption = new Map<number, boolean>();
  constructor(private readonly db: Db) {}

  async load(): Promise<{ rules: CheckRules; calendar: WorkingCalendar; lz4: boolean }> {
    this.rules ??= await loadCheckRules(this.db);
    this.calendar ??= await loadCalendar(this.db);
    this.lz4 ??= await lz4Available(this.db);
    return { rules: this.rules, calendar: this.calendar, lz4: this.lz4 };
  }

  /** Whether the organization's government lets a normative file go out without its interpretation. */
  async exemptionAllowed(org: Organization): Promise<boolean> {
    if (!this.exemption.has(org.id)) {
      const government = await governmentOf(this.db, org.path);
      this.exemption.set(org.id, !government || government.interpretationExemptionAllowed);
    }
    return this.exemption.get(org.id)!;
  }
}

export interface BatchOptions extends ImportRowOptions {
  checks: ImportChecks;
  /** For the stored validity (an imported notice whose expiry has passed is 失效 at once). */
  today: IsoDate;
}

/**
 * Imports the rows, in their order. An interpretation must come in a later batch than the policy
 * it names (the run puts all policies first), since it is looked up among published documents.
 */
export async function importBatch(db: Db, rows: ImportRow[], opts: BatchOptions): Promise<BatchOutcome[]> {
  const outcomes = new Map<ImportRow, BatchOutcome>();
  for (const o of await inBulk(db, rows.filter((r) => !r.attachments.length), opts)) outcomes.set(o.row, o);
  for (const row of rows.filter((r) => r.attachments.length)) outcomes.set(row, await oneByOne(db, row, opts));
  return rows.map((r) => outcomes.get(r)!);
}

async function oneByOne(db: Db, row: ImportRow, opts: ImportRowOptions): Promise<BatchOutcome> {
  try {
    return { row, outcome: await importRow(db, row, opts) };
  } catch (error) {
    return { row, error };
  }
}

async function inBulk(db: Db, rows: ImportRow[], opts: BatchOptions): Promise<BatchOutcome[]> {
  if (!rows.length) return [];
  // Asked outside the transaction: on PGlite a query on the run's handle waits for the transaction.
  const { rules, calendar, lz4 } = await opts.checks.load();
  const orgOf = new Map<ImportRow, Organization | null>();
  const exemption = new Map<number, boolean>();
  for (const row of rows) {
    const org = await opts.orgs.find(row.org);
    orgOf.set(row, org);
    if (org && row.fields.docType === 'normative' && !row.interpretationOf) exemption.set(org.id, await opts.checks.exemptionAllowed(org));
  }
  let planned: Awaited<ReturnType<typeof plan>>;
  try {
    planned = await db.transaction(async (tx) => {
      // Bodies and search vectors run to kilobytes and are compressed when stored: with lz4 instead
      // of pglz the server spends about a fifth less CPU on a batch of long bodies (PostgreSQL
      // built with lz4; PGlite is not). Only this transaction's values; reading either is transparent.
      if (lz4) await tx.execute(sql`set local default_toast_compression = 'lz4'`);
      const p = await plan(tx, rows, { ...opts, rules, calendar, orgOf, exemption });
      await bulkPublish(tx, p.docs);
      return p;
    });
  } catch {
    // Unexpected (a number taken meanwhile, a value the checks let through that the database
    // refuses): the batch rolled back; row by row, only the bad row is rejected, with its reason.
    const outcomes: BatchOutcome[] = [];
    for (const row of rows) outcomes.push(await oneByOne(db, row, opts));
    return outcomes;
  }
  for (const row of planned.workflow) planned.outcomes.push(await oneByOne(db, row, opts));
  return planned.outcomes;
}

const pair = (orgId: number, s: string) => `${orgId}\n${s}`;

/** Whether the server can compress stored values with lz4 (a build option of PostgreSQL). */
async function lz4Available(db: Db): Promise<boolean> {
  const rows = await queryRows<{ lz4: boolean }>(db, sql`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`);
  return rows[0]?.lz4 ?? false;
}

/** Documents of the organizations with these source keys, one query. */
async function existingKeys(db: Db, wanted: { org_id: number; key: string }[]): Promise<Map<string, number>> {
  if (!wanted.length) return new Map();
  const rows = await queryRows<{ id: number; org_id: number; source_key: string }>(
    db,
    sql`select d.id, d.org_id, d.source_key from documents d
        join json_to_recordset(${JSON.stringify(wanted)}::json) as k(org_id int, key text) on d.org_id = k.org_id and d.source_key = k.key`,
  );
  return new Map(rows.map((r) => [pair(r.org_id, r.source_key), r.id]));
}

/** Index numbers already used in the organizations, one query. */
async function takenIndexNumbers(db: Db, wanted: { org_id: number; index_no: string }[]): Promise<Set<string>> {
  if (!wanted.length) return new Set();
  const rows = await queryRows<{ org_id: number; index_no: string }>(
    db,
    sql`select d.org_id, d.index_no from documents d
        join json_to_recordset(${JSON.stringify(wanted)}::json) as k(org_id int, index_no text) on d.org_id = k.org_id and d.index_no = k.index_no`,
  );
  return new Set(rows.map((r) => pair(r.org_id, r.index_no)));
}

/** What the use cases would do with each row, decided in memory: the documents to store and every row's outcome. */
interface Loaded {
  folder: string;
  today: IsoDate;
  rules: CheckRules;
  calendar: WorkingCalendar;
  orgOf: Map<ImportRow, Organization | null>;
  /** By organization id: whether a normative file may go out without its interpretation. */
  exemption: Map<number, boolean>;
}

async function plan(tx: Db, rows: ImportRow[], opts: Loaded): Promise<{ outcomes: BatchOutcome[]; docs: BulkDocument[]; workflow: ImportRow[] }> {
  const { orgOf } = opts;
  const resolved = rows.flatMap((row) => {
    const org = orgOf.get(row);
    return org ? [{ row, org, key: keyOf(row, org) }] : [];
  });
  const existing = await existingKeys(tx, resolved.map((r) => ({ org_id: r.org.id, key: r.key })));
  const taken = await takenIndexNumbers(tx, resolved.flatMap((r) => (r.row.indexNo ? [{ org_id: r.org.id, index_no: r.row.indexNo }] : [])));
  const policies = await publishedByDocNumber(tx, resolved.flatMap((r) => (r.row.interpretationOf ? [r.row.interpretationOf] : [])));

  const outcomes: BatchOutcome[] = [];
  const docs: Omit<BulkDocument, 'id'>[] = [];
  /** Outcomes that take the id of the n-th accepted document, known once ids are reserved. */
  const pending: { outcome: RowOutcome; n: number }[] = [];
  /** Rows accepted earlier in this batch, by source key: a repeated row is 已存在, as it would be a row later. */
  const batchKeys = new Map<string, number>();
  const workflow: ImportRow[] = [];
  for (const row of rows) {
    const org = orgOf.get(row);
    if (!org) {
      outcomes.push({ row, error: unknownOrg(row) });
      continue;
    }
    const key = keyOf(row, org);
    const known = existing.get(pair(org.id, key));
    const earlier = batchKeys.get(pair(org.id, key));
    if (known !== undefined || earlier !== undefined) {
      const outcome: RowOutcome = { outcome: 'exists', id: known ?? 0, orgId: org.id, key };
      if (earlier !== undefined) pending.push({ outcome, n: earlier });
      outcomes.push({ row, outcome });
      continue;
    }
    try {
      docs.push(await decide(tx, row, org, key, { ...opts, policies, taken }));
      const outcome: RowOutcome = { outcome: 'imported', id: 0, orgId: org.id, key };
      pending.push({ outcome, n: docs.length - 1 });
      batchKeys.set(pair(org.id, key), docs.length - 1);
      if (row.indexNo) taken.add(pair(org.id, row.indexNo));
      outcomes.push({ row, outcome });
    } catch (error) {
      if (error instanceof NeedsWorkflow) workflow.push(row);
      else outcomes.push({ row, error });
    }
  }
  const ids = await reserveDocumentIds(tx, docs.length);
  for (const p of pending) p.outcome.id = ids[p.n];
  return { outcomes, docs: docs.map((d, i) => ({ ...d, id: ids[i] })), workflow };
}

interface Known extends Loaded {
  /** The published policy a doc number names in an organization. */
  policies: (docNumber: string, orgId: number) => number | undefined;
  taken: Set<string>;
}

/** One row through the checks of importRow, createDraft's clean-up and the publication; throws the reason it is refused. */
async function decide(tx: Db, row: ImportRow, org: Organization, key: string, k: Known): Promise<Omit<BulkDocument, 'id'>> {
  const body = sanitizeBody(rowBody(row, k.folder));
  let interpretationOf: number | null = null;
  if (row.interpretationOf) {
    const policy = k.policies(row.interpretationOf, org.id);
    if (policy === undefined) throw missingPolicy(row, org);
    interpretationOf = policy;
  }
  if (row.indexNo && k.taken.has(pair(org.id, row.indexNo))) throw indexNoTaken(row, org);
  const f = row.fields;
  let topic = '';
  if (f.topic) {
    const found = findTopic(f.topic);
    if (!found) throw invalid(`未知的主题分类：${f.topic}`);
    topic = found.code;
  }
  const content = {
    title: f.title.trim(),
    docNumber: (f.docNumber ?? '').trim(),
    writtenOn: f.writtenOn ?? null,
    effectiveOn: f.effectiveOn ?? null,
    expiresOn: f.expiresOn ?? null,
    formedOn: f.formedOn ?? null,
    genre: f.genre ?? '',
    docType: f.docType,
    topic,
    keywords: [...new Set((f.keywords ?? []).map((w) => w.trim()).filter(Boolean))],
    coIssuers: [...new Set((f.coIssuers ?? []).map((w) => w.trim()).filter(Boolean))],
    summary: f.summary ?? '',
    body,
    disclosure: f.disclosure ?? 'proactive',
    disclosureReason: f.disclosureReason ?? '',
    interpretationOf,
    interpretationForm: f.interpretationForm ?? (interpretationOf ? 'text' : null),
  };
  const findings: DocumentFinding[] = [...documentFindings(content, row.publishedOn, k.rules), ...(body.includes('<a') ? await linkFindingsFor(tx, body) : [])];
  const blocked = blocking(findings);
  // The refusal the workflow gives at its first step, 提交审核.
  if (blocked.length) throw blockedError('提交审核', blocked);
  let exemption = '';
  if (content.docType === 'normative' && !interpretationOf) {
    // Rare (a government setting): the workflow refuses it with its own words, row by row.
    if (!k.exemption.get(org.id)) throw new NeedsWorkflow();
    exemption = `${EXEMPTION_MARK}${HISTORICAL_EXEMPTION}`;
  }
  const formed = content.formedOn ?? content.writtenOn;
  const late = publishedLate(k.calendar, formed, row.publishedOn);
  const validity = { effectiveOn: content.effectiveOn, expiresOn: content.expiresOn, relations: [] };
  // The publication's timeline note, as publishInTx (workflow.ts) writes it for a first version.
  const note = [late ? LATE_NOTE : '', exemption].filter(Boolean).join('；');
  return {
    ...content,
    org,
    indexNo: row.indexNo,
    sourceKey: key,
    publishedAt: new Date(`${row.publishedOn}T10:00:00+08:00`),
    late,
    validity: validityOn(validity, k.today),
    validityNextChange: nextValidityChange(validity, k.today),
    events: [
      { action: 'publish', note, findings },
      { action: 'import', note: `来源编号 ${key}` },
    ],
    audit: { action: 'document.import', summary: importSummary(content.title, key, row) },
  };
}

/** A row the bulk path leaves to the use cases. */
class NeedsWorkflow extends Error {}
