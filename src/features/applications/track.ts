// The applicant's tracking page (issue #5 item 6): with the number and the query code, the status,
// the timeline without internal events and without staff names (承办机构 acts), the due date with its
// explanation (without the names of third parties consulted), and the letters addressed to them. A
// wrong code gets the same answer as a wrong number, so numbers cannot be probed.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { OUTCOMES } from '../../domain/application-outcomes.js';
import { APPLICATION_CHANNEL_LABELS } from '../../domain/received-on.js';
import { organizations } from '../orgs/schema.js';
import { computeClock, loadClockEnv } from './clock.js';
import { EVENT_KINDS, isOpen, STATUS_LABELS, type EventKind } from './events.js';
import { verifyQueryCode } from './query-code.js';
import { caseEvents } from './records.js';
import { applicationLetters, applications } from './schema.js';

export const TRACK_REFUSAL = '申请编号或查询码不正确，请核对后重新输入';

/** The case the number and code open, or a 404 that does not say which of the two was wrong. */
export async function findTrackedCase(db: Db, number: string, code: string) {
  const wanted = number.trim();
  const [row] = await db
    .select({ id: applications.id, hash: applications.queryCodeHash })
    .from(applications)
    .where(eq(applications.number, wanted));
  if (!verifyQueryCode(wanted, code, row?.hash ?? null)) throw notFound(TRACK_REFUSAL);
  return row!.id;
}

export async function trackApplication(db: Db, number: string, code: string) {
  const id = await findTrackedCase(db, number, code);
  const [kase] = await db
    .select({ a: applications, orgName: organizations.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .where(eq(applications.id, id));
  const { a } = kase!;
  const env = await loadClockEnv(db);
  const events = (await caseEvents(db, id)).filter((e) => !e.internal);
  const clock = computeClock(a.receivedOn, events, env, false);
  const [transferredTo] = a.transferredToId
    ? await db.select({ number: applications.number, orgName: organizations.name }).from(applications).innerJoin(organizations, eq(organizations.id, applications.orgId)).where(eq(applications.id, a.transferredToId))
    : [];
  const letters = await db
    .select({ id: applicationLetters.id, title: applicationLetters.title, number: applicationLetters.number, issuedOn: applicationLetters.issuedOn })
    .from(applicationLetters)
    .where(and(eq(applicationLetters.applicationId, id), eq(applicationLetters.toApplicant, true)))
    .orderBy(asc(applicationLetters.issuedOn), asc(applicationLetters.id));
  return {
    number: a.number,
    orgName: kase!.orgName,
    channelLabel: APPLICATION_CHANNEL_LABELS[a.channel],
    receivedOn: a.receivedOn,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    dueOn: isOpen(a.status) ? clock.dueOn : a.dueOn,
    dueExplanation: clock.steps.map((s) => s.text),
    outcome: a.outcome ? { key: a.outcome, label: OUTCOMES[a.outcome].shortLabel, basis: a.outcomeBasis } : null,
    repliedOn: a.repliedOn,
    closedOn: a.closedOn,
    transferredTo: transferredTo ?? null,
    // A step's letter, when it went to the applicant (a consultation letter went to the third party).
    timeline: events.map((e) => ({
      on: e.on,
      label: EVENT_KINDS[e.kind as EventKind]?.label ?? '',
      by: '承办机构',
      note: e.note,
      letterId: e.letterId !== null && letters.some((l) => l.id === e.letterId) ? e.letterId : null,
    })),
    letters,
  };
}
