// One case as staff see it: the case, the full timeline (internal events included), the clock with
// its explanation, the screening hints, the letters issued, what the user may do — and the
// applicant's identity only for staff who handle the organization.
import { asc, eq, inArray } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inScope } from '../../domain/policy.js';
import { APPLICANT_KIND_LABELS, OUTCOMES } from '../../domain/application-outcomes.js';
import { APPLICATION_CHANNEL_LABELS } from '../../domain/received-on.js';
import { users } from '../orgs/schema.js';
import { computeClock, loadClockEnv } from './clock.js';
import { EVENT_KINDS, isOpen, STATUS_LABELS, type EventKind } from './events.js';
import { lightOf } from './inbox.js';
import { authorizeCase, caseScope, seesApplicant, type ApplicationAction } from './policy.js';
import { caseEvents, caseTarget, requireCase } from './records.js';
import { applicationLetters, applications } from './schema.js';
import { screenCase } from './screening.js';

const label = (kind: string) => EVENT_KINDS[kind as EventKind]?.label ?? kind;

async function linkedNumbers(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = ids.filter((id): id is number => id !== null);
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: applications.id, number: applications.number }).from(applications).where(inArray(applications.id, wanted));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function caseDetail(db: Db, ctx: ActionContext, id: number) {
  const kase = await requireCase(db, id);
  const target = caseTarget(kase);
  await authorizeCase(db, ctx, 'applications.read', target, '无权查看该申请');
  const env = await loadClockEnv(db);
  const events = await caseEvents(db, id);
  // An open case's clock as of today (an open pause or a correction period may have run out since it was stored).
  const clock = isOpen(kase.status) ? computeClock(kase.receivedOn, events, env) : kase.clock;
  const [assignee] = kase.assigneeId ? await db.select({ name: users.name }).from(users).where(eq(users.id, kase.assigneeId)) : [];
  const letters = await db
    .select({ id: applicationLetters.id, kind: applicationLetters.kind, number: applicationLetters.number, title: applicationLetters.title, issuedOn: applicationLetters.issuedOn, toApplicant: applicationLetters.toApplicant })
    .from(applicationLetters)
    .where(eq(applicationLetters.applicationId, id))
    .orderBy(asc(applicationLetters.issuedOn), asc(applicationLetters.id));
  const links = await linkedNumbers(db, [kase.transferredFromId, kase.transferredToId]);
  const may = async (action: ApplicationAction) => !ctx.system && ctx.actor !== null && inScope(await caseScope(db, ctx, action), target);
  const { queryCodeHash: _hash, applicant, orgPath: _path, ...rest } = kase;
  return {
    ...rest,
    statusLabel: STATUS_LABELS[kase.status],
    channelLabel: APPLICATION_CHANNEL_LABELS[kase.channel],
    applicantKindLabel: APPLICANT_KIND_LABELS[kase.applicantKind],
    applicant: seesApplicant(ctx, target) ? applicant : null,
    assigneeName: assignee?.name ?? null,
    outcomeLabel: kase.outcome ? OUTCOMES[kase.outcome].shortLabel : null,
    transferredFrom: kase.transferredFromId ? { id: kase.transferredFromId, number: links.get(kase.transferredFromId) ?? '' } : null,
    transferredTo: kase.transferredToId ? { id: kase.transferredToId, number: links.get(kase.transferredToId) ?? '' } : null,
    clock,
    dueOn: isOpen(kase.status) ? (clock?.dueOn ?? null) : kase.dueOn,
    trafficLight: lightOf({ status: kase.status, dueOn: clock?.dueOn ?? null }, env),
    today: env.today,
    timeline: events.map((e) => ({ id: e.id, kind: e.kind, label: label(e.kind), on: e.on, at: e.at, actorName: e.actorName, internal: e.internal, note: e.note, data: e.data, letterId: e.letterId })),
    screening: await screenCase(db, kase),
    letters,
    permissions: {
      handle: await may('applications.handle'),
      assign: await may('applications.assign'),
      extend: await may('applications.extend'),
      legalReview: await may('applications.legal_review'),
    },
  };
}
