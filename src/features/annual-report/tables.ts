// The figures of an organization's annual report computed from the work recorded in Gongkai
// (issue #6 item 1): table 二's 规章 and 行政规范性文件 from the policy library, table 三 from the
// applications' histories (src/domain/annual-report-tally.ts), table 四 from the appeals. The
// figures that come from other systems (行政许可, 行政处罚, 行政强制, 行政事业性收费) are left null for
// staff to enter. A government's report covers its own office and every organization below it.
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { compareDates, type IsoDate } from '../../domain/dates.js';
import { tallyApplications, type ApplicationsTable, type CaseHistory } from '../../domain/annual-report-tally.js';
import type { OutcomeKey } from '../../domain/application-outcomes.js';
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

async function caseHistories(db: Db, orgIds: number[], lastDay: IsoDate): Promise<CaseHistory[]> {
  // Transferred cases are counted by the agency they went to (with the same receipt date).
  const cases = await db
    .select({ id: applications.id, kind: applications.applicantKind, receivedOn: applications.receivedOn, outcome: applications.outcome, closedOn: applications.closedOn })
    .from(applications)
    .where(and(inArray(applications.orgId, orgIds), isNull(applications.transferredToId), lte(applications.receivedOn, lastDay)));
  if (!cases.length) return [];
  const events = await db
    .select({ applicationId: applicationEvents.applicationId, kind: applicationEvents.kind, on: applicationEvents.on, data: applicationEvents.data })
    .from(applicationEvents)
    .where(and(inArray(applicationEvents.applicationId, cases.map((c) => c.id)), inArray(applicationEvents.kind, [...Object.keys(DECISION_EVENTS), 'reopened', 'imported'])));
  const histories = new Map<number, CaseHistory>(cases.map((c) => [c.id, { applicantKind: c.kind, receivedOn: c.receivedOn, decisions: [], reopenings: [] }]));
  const imported = new Set<number>();
  for (const e of events) {
    const h = histories.get(e.applicationId)!;
    if (e.kind === 'reopened') h.reopenings.push(e.on);
    else if (e.kind === 'imported') imported.add(e.applicationId);
    else {
      const outcome = DECISION_EVENTS[e.kind] === 'data' ? (e.data.outcome as OutcomeKey) : (DECISION_EVENTS[e.kind] as OutcomeKey);
      h.decisions.push({ on: e.on, outcome });
    }
  }
  for (const c of cases) {
    if (imported.has(c.id) && c.outcome && c.closedOn && !histories.get(c.id)!.decisions.length) histories.get(c.id)!.decisions.push({ on: c.closedOn, outcome: c.outcome });
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
  const [histories, issued, appeals] = await Promise.all([caseHistories(db, orgIds, `${year}-12-31`), issuedCounts(db, orgIds, year), appealCounts(db, orgIds, year)]);
  return {
    proactive: { regulations: issued.regulation, normativeDocuments: issued.normative, licensing: null, penalties: null, enforcement: null, feesTenThousandYuan: null },
    applications: tallyApplications(histories, year),
    appeals,
  };
}
