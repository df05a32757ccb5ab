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

/** A case's history event: kind, date, and the outcome a reply gave. */
type HistoryEvent = [kind: string, on: IsoDate, replied: OutcomeKey | null];
/** A case as the database gives it: applicant kind, received on, outcome and closing date (set on the case by an import), events. */
type HistoryRow = [ApplicantKind, IsoDate, OutcomeKey | null, IsoDate | null, HistoryEvent[]];

/**
 * The histories of the cases that can count in `year`, each case's events grouped by the database and
 * all cases in one JSON value: PGlite spends some microseconds on every row it hands over, so 50,000
 * rows of cases cost more than the query (a row per event cost twice that again). The events are
 * joined, never listed by id — an organization's 100,000 cases would be more parameters than
 * PostgreSQL takes in a statement (65,535).
 *
 * Left out: the cases settled before the year — their last change is a decision made before 1
 * January after its last receipt or reopening (one on the day of the decision keeps the case here, and
 * the tally orders that day), so they are neither carried in nor changed in the year nor carried out;
 * over the years they are most cases, and reading them made a 100,000-case report take seconds.
 * Transferred cases are counted by the agency they went to (with the same receipt date).
 */
async function caseHistories(db: Db, orgIds: number[], year: number): Promise<CaseHistory[]> {
  const decisions = Object.keys(DECISION_EVENTS);
  const lastDecision = sql`coalesce(max(e.on) filter (where e.kind in (${list(decisions)})), case when bool_or(e.kind = 'imported') and a.outcome is not null then a.closed_on end)`;
  const lastOpening = sql`greatest(a.received_on, max(e.on) filter (where e.kind = 'reopened'))`;
  const [row] = await queryRows<{ cases: HistoryRow[] | null }>(
    db,
    sql`select json_agg(json_build_array(c.applicant_kind, c.received_on, c.outcome, c.closed_on, c.events)) as cases from (
      select a.applicant_kind, a.received_on, a.outcome, a.closed_on,
        coalesce(json_agg(json_build_array(e.kind, e.on, e.data->>'outcome')) filter (where e.kind is not null), '[]') as events
      from ${applications} a
      left join ${applicationEvents} e on e.application_id = a.id and e.kind in (${list(HISTORY_EVENTS)})
      where a.org_id in (${list(orgIds)}) and a.transferred_to_id is null and a.received_on <= ${`${year}-12-31`}
      group by a.id
      having not coalesce(${lastDecision} < ${`${year}-01-01`} and ${lastDecision} > ${lastOpening}, false)
    ) c`,
  );
  return (row?.cases ?? []).map(([applicantKind, receivedOn, outcome, closedOn, events]) => {
    const h: CaseHistory = { applicantKind, receivedOn, decisions: [], reopenings: [] };
    for (const [kind, on, replied] of events) {
      if (kind === 'reopened') h.reopenings.push(on);
      else if (kind !== 'imported') h.decisions.push({ on, outcome: DECISION_EVENTS[kind] === 'data' ? replied! : (DECISION_EVENTS[kind] as OutcomeKey) });
    }
    // An imported case's decision is on the case itself (the old system's steps are not known).
    if (outcome && closedOn && !h.decisions.length && events.some(([kind]) => kind === 'imported')) h.decisions.push({ on: closedOn, outcome });
    return h;
  });
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
  // One after another: inside a transaction they share one connection, where queries sent together
  // only queue (and pg deprecates sending them so).
  const histories = await caseHistories(db, orgIds, year);
  const issued = await issuedCounts(db, orgIds, year);
  const appeals = await appealCounts(db, orgIds, year);
  return {
    proactive: { regulations: issued.regulation, normativeDocuments: issued.normative, licensing: null, penalties: null, enforcement: null, feesTenThousandYuan: null },
    applications: tallyApplications(histories, year),
    appeals,
  };
}
