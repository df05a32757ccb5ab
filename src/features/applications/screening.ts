// The screening hints of a case (src/domain/application-screening.ts) from the database: the
// applicant's earlier applications anywhere in the government (for the month's and quarter's count;
// their wording only when they went to this organization), and the organization's applications of
// the past year (near-duplicates, also of other applicants: 第四十四条). Hints; the handler decides.
import { and, desc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { addDays } from '../../domain/dates.js';
import { screenApplication, type EarlierApplication } from '../../domain/application-screening.js';
import { governmentOf } from '../orgs/organizations.js';
import { organizations } from '../orgs/schema.js';
import { applicantKey, sameApplicant } from './applicant-store.js';
import type { LoadedCase } from './records.js';
import { applications } from './schema.js';
import { loadScreeningSettings } from './settings.js';

const RECENT_LIMIT = 500;

const requestText = (r: { description: string; docTitle: string; docNumber: string }) => [r.docTitle, r.docNumber, r.description].filter(Boolean).join(' ');

export async function screenCase(db: Db, kase: LoadedCase) {
  const settings = await loadScreeningSettings(db);
  const government = await governmentOf(db, kase.orgPath);
  const since = addDays(kase.receivedOn, -365);
  const earlierThanThis = or(sql`${applications.receivedOn} < ${kase.receivedOn}`, and(eq(applications.receivedOn, kase.receivedOn), sql`${applications.id} < ${kase.id}`))!;
  const columns = {
    id: applications.id,
    number: applications.number,
    orgId: applications.orgId,
    receivedOn: applications.receivedOn,
    outcome: applications.outcome,
    description: applications.description,
    docTitle: applications.docTitle,
    docNumber: applications.docNumber,
    same: sql<boolean>`(${sameApplicant(kase.applicant)})`,
  };
  const base = and(ne(applications.id, kase.id), isNull(applications.transferredToId), gte(applications.receivedOn, since), earlierThanThis);
  const [mine, recent] = await Promise.all([
    db
      .select(columns)
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.orgId))
      .where(and(base, sameApplicant(kase.applicant), sql`${organizations.path} like ${`${government?.path ?? kase.orgPath}%`}`)),
    db
      .select(columns)
      .from(applications)
      .where(and(base, eq(applications.orgId, kase.orgId), lte(applications.receivedOn, kase.receivedOn)))
      .orderBy(desc(applications.receivedOn))
      .limit(RECENT_LIMIT),
  ]);
  const key = applicantKey(kase.applicant);
  const byId = new Map<number, (typeof mine)[number]>();
  for (const r of [...mine, ...recent]) byId.set(r.id, r);
  const earlier: EarlierApplication[] = [...byId.values()].map((r) => ({
    id: r.id,
    // Other applicants stay anonymous: only "the same applicant or not" matters.
    applicantKey: r.same ? key : `other:${r.id}`,
    receivedOn: r.receivedOn,
    // Another organization's applications count, but their wording is not this organization's to read.
    text: r.orgId === kase.orgId ? requestText(r) : '',
    outcome: r.outcome,
  }));
  const result = screenApplication({ applicantKey: key, receivedOn: kase.receivedOn, text: requestText(kase), earlier }, settings);
  const numberOf = (id: string | number) => byId.get(Number(id))?.number ?? '';
  const withNumbers = <T extends { id: string | number }>(list: T[]) => list.map((s) => ({ ...s, number: numberOf(s.id) }));
  return {
    countInMonth: result.countInMonth,
    countInQuarter: result.countInQuarter,
    similar: withNumbers(result.similar),
    hints: result.hints.map((h) => (h.similar ? { ...h, similar: withNumbers(h.similar) } : h)),
  };
}
