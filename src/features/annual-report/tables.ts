// The figures of an organization's annual report computed from the work recorded in Gongkai
// (issue #6 item 1): table 二's 规章 and 行政规范性文件 from the policy library, table 三 from the
// applications' histories (src/domain/annual-report-tally.ts), table 四 from the appeals. The
// figures that come from other systems (行政许可, 行政处罚, 行政强制, 行政事业性收费) are left null for
// staff to enter. A government's report covers its own office and every organization below it.
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { compareDates, type IsoDate } from '../../domain/dates.js';
import { tallyApplications, type ApplicationsTable, type CaseHistory } from '../../domain/annual-report-tally.js';
import type { ApplicantKind, OutcomeKey } from '../../domain/application-outcomes.js';
import type { AppealTable } from '../../domain/appeals.js';
import type { IssuedCounts, ProactiveTable } from '../../domain/annual-report-format.js';
import { appealCounts } from '../applications/appeals.js';
import { applicationEvents, applications } from '../applications/schema.js';
import { validityOf } from '../documents/relations.js';
import { documents, documentVersions } from '../documents/schema.js';
import { subtreeOrgs } from '../orgs/organizations.js';
import type { Organization } from '../orgs/schema.js';

// Table 二's shape lives with the national format (the checks and the renderers share it).
export type { IssuedCounts, ProactiveTable } from '../../domain/annual-report-format.js';

export interface ComputedTables {
  proactive: ProactiveTable;
  applications: ApplicationsTable;
  appeals: AppealTable;
}

/** The organizations a report covers: the organization and everything below it. */
export async function coveredOrgIds(db: Db, org: Organization): Promise<number[]> {
  return (await subtreeOrgs(db, org)).map((o) => o.id);
}

/** How a case's decisions show in its timeline; an imported case's decision is on the case itself. */
const DECISION_EVENTS: Record<string, OutcomeKey | 'data'> = { replied: 'data', correction_lapsed: 'other.no_correction', fee_lapsed: 'other.unpaid_fee' };

// The partial covering index application_events_history_idx (migration 0013) lists these kinds: keep them in step.
const HISTORY_EVENTS = [...Object.keys(DECISION_EVENTS), 'reopened', 'imported'];
const list = (xs: readonly (string | number)[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

interface HistoryRow {
  id: number;
  applicantKind: ApplicantKind;
  receivedOn: IsoDate;
  outcome: OutcomeKey | null;
  closedOn: IsoDate | null;
  event: string | null;
  on: IsoDate | null;
  replied: OutcomeKey | null;
}

/**
 * The histories of the cases that can count in `year`. One row per case and event of its history (one
 * with no event for a case without): the events are joined, never listed by id — an organization's
 * 100,000 cases would be more parameters than PostgreSQL takes in a statement (65,535).
 *
 * Left out: the cases settled before the year — their last change is a decision made before 1
 * January after its last receipt or reopening (one on the day of the decision keeps the case here, and
 * the tally orders that day), so
 * they are neither carried in nor changed in the year nor carried out; over the years they are most
 * cases, and reading them made a 100,000-case report take seconds. Transferred cases are counted by
 * the agency they went to (with the same receipt date).
 */
async function caseHistories(db: Db, orgIds: number[], year: number): Promise<CaseHistory[]> {
  const decisions = Object.keys(DECISION_EVENTS);
  const lastDecision = sql`coalesce(max(h.on) filter (where h.event in (${list(decisions)})), case when bool_or(h.event = 'imported') then max(h.closed_on) filter (where h.outcome is not null) end)`;
  const lastOpening = sql`greatest(max(h.received_on), max(h.on) filter (where h.event = 'reopened'))`;
  const rows = await queryRows<HistoryRow>(
    db,
    sql`with h as (
      select a.id, a.applicant_kind, a.received_on, a.outcome, a.closed_on, e.kind as event, e.on, e.data->>'outcome' as replied
      from ${applications} a
      left join ${applicationEvents} e on e.application_id = a.id and e.kind in (${list(HISTORY_EVENTS)})
      where a.org_id in (${list(orgIds)}) and a.transferred_to_id is null and a.received_on <= ${`${year}-12-31`}
    )
    select h.id, h.applicant_kind as "applicantKind", h.received_on::text as "receivedOn", h.outcome, h.closed_on::text as "closedOn", h.event, h.on::text as "on", h.replied
    from h
    where h.id not in (select h.id from h group by h.id having ${lastDecision} < ${`${year}-01-01`} and ${lastDecision} > ${lastOpening})`,
  );
  const histories = new Map<number, CaseHistory>();
  const imported = new Map<number, HistoryRow>();
  for (const r of rows) {
    let h = histories.get(r.id);
    if (!h) histories.set(r.id, (h = { applicantKind: r.applicantKind, receivedOn: r.receivedOn, decisions: [], reopenings: [] }));
    if (!r.event) continue;
    if (r.event === 'reopened') h.reopenings.push(r.on!);
    else if (r.event === 'imported') imported.set(r.id, r);
    else h.decisions.push({ on: r.on!, outcome: DECISION_EVENTS[r.event] === 'data' ? r.replied! : (DECISION_EVENTS[r.event] as OutcomeKey) });
  }
  // An imported case's decision is on the case itself (the old system's steps are not known).
  for (const [id, c] of imported) {
    const h = histories.get(id)!;
    if (c.outcome && c.closedOn && !h.decisions.length) h.decisions.push({ on: c.closedOn, outcome: c.outcome });
  }
  return [...histories.values()];
}

/** 规章 and 行政规范性文件 made (成文 in the year), repealed in the year, in force at its end. */
async function issuedCounts(db: Db, orgIds: number[], year: number): Promise<{ regulation: IssuedCounts; normative: IssuedCounts }> {
  const lastDay = `${year}-12-31`;
  const docs = await db
    .select({
      id: documents.id,
      docType: documentVersions.docType,
      writtenOn: documentVersions.writtenOn,
      publishedOn: sql<string>`(${documentVersions.publishedAt} at time zone 'Asia/Shanghai')::date::text`,
      effectiveOn: documentVersions.effectiveOn,
      expiresOn: documentVersions.expiresOn,
    })
    .from(documents)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, documents.id), eq(documentVersions.isCurrent, true)))
    .where(and(inArray(documents.orgId, orgIds), isNotNull(documents.publishedVersion), isNull(documentVersions.interpretationOf), inArray(documentVersions.docType, ['regulation', 'normative'])));
  const published = docs.filter((d) => compareDates(d.publishedOn, lastDay) <= 0);
  const validity = await validityOf(db, published, lastDay);
  const count = (type: 'regulation' | 'normative'): IssuedCounts => {
    const mine = published.filter((d) => d.docType === type);
    return {
      made: mine.filter((d) => (d.writtenOn ?? d.publishedOn).startsWith(`${year}-`)).length,
      repealed: mine.filter((d) => validity.get(d.id)!.history.some((e) => e.validity === 'repealed' && e.date.startsWith(`${year}-`))).length,
      inForce: mine.filter((d) => ['in_force', 'amended'].includes(validity.get(d.id)!.validity)).length,
    };
  };
  return { regulation: count('regulation'), normative: count('normative') };
}

export async function computeTables(db: Db, org: Organization, year: number): Promise<ComputedTables> {
  const orgIds = await coveredOrgIds(db, org);
  const [histories, issued, appeals] = await Promise.all([caseHistories(db, orgIds, year), issuedCounts(db, orgIds, year), appealCounts(db, orgIds, year)]);
  return {
    proactive: { regulations: issued.regulation, normativeDocuments: issued.normative, licensing: null, penalties: null, enforcement: null, feesTenThousandYuan: null },
    applications: tallyApplications(histories, year),
    appeals,
  };
}
