// The clock on the database: the facts the timeline records turned into the clock's input, the
// due date computed by src/domain/application-clock.ts with the calendar and settings of the
// database, and cached on the case (due_on, clock_state, clock) for the inbox. When a recomputation
// moves a date the case's timeline says so (RULES.md §1).
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import type { WorkingCalendar } from '../../domain/calendar.js';
import {
  ApplicationClockError,
  clockChangeNote,
  computeApplicationClock,
  type ApplicationClock,
  type ApplicationClockFacts,
  type ApplicationRuleSettings,
  type ConsultationFacts,
  type ConsultationKind,
} from '../../domain/application-clock.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { loadCalendar } from '../calendar/service.js';
import { isOpen } from './events.js';
import { addEvent, caseEvents } from './records.js';
import { applications, type Application, type ApplicationEvent } from './schema.js';
import { loadApplicationRules } from './settings.js';

/** What every computation needs: today in China, the working-day calendar and the settings. */
export interface ClockEnv {
  today: IsoDate;
  calendar: WorkingCalendar;
  rules: ApplicationRuleSettings;
}

export async function loadClockEnv(db: Db, calendar?: WorkingCalendar): Promise<ClockEnv> {
  const [cal, rules] = await Promise.all([calendar ? Promise.resolve(calendar) : loadCalendar(db), loadApplicationRules(db)]);
  return { today: chinaDate(new Date()), calendar: cal, rules };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * The clock's facts from the timeline. `withParties` false leaves the names of those consulted out
 * (the applicant's view: a third party's identity is not theirs to know).
 */
export function clockFacts(receivedOn: IsoDate, events: readonly ApplicationEvent[], withParties = true): ApplicationClockFacts {
  const first = (kind: string) => events.find((e) => e.kind === kind);
  const notice = first('correction_notice');
  const corrected = first('correction_received');
  const fee = first('fee_notice');
  const paid = first('fee_paid');
  const later = first('later_date');
  // A later correction decision supersedes an earlier one.
  const reopened = events.filter((e) => e.kind === 'reopened').at(-1);
  const consultations: ConsultationFacts[] = events
    .filter((e) => e.kind === 'consultation_sent')
    .map((e) => ({
      kind: e.data.consultation as ConsultationKind,
      party: withParties ? str(e.data.party) : null,
      sentOn: e.on,
      answeredOn: events.find((a) => a.kind === 'consultation_answered' && a.data.sentEventId === e.id)?.on ?? null,
    }));
  return {
    receivedOn,
    correction: notice ? { noticeSentOn: notice.on, periodDays: (notice.data.periodDays as number | undefined) ?? null, correctedReceivedOn: corrected?.on ?? null } : null,
    extensions: events.filter((e) => e.kind === 'extension').map((e) => ({ approvedOn: e.on, days: e.data.days as number })),
    consultations,
    feeNotice: fee ? { noticeSentOn: fee.on, paidOn: paid?.on ?? null } : null,
    laterDate: later ? { decidedOn: later.on, dueOn: later.data.dueOn as IsoDate } : null,
    reopened: reopened ? { decidedOn: reopened.on, dueOn: reopened.data.dueOn as IsoDate, authority: str(reopened.data.authority) } : null,
  };
}

/** computeApplicationClock with its refusals as 400s: the facts just recorded cannot be right. */
export function computeClock(receivedOn: IsoDate, events: readonly ApplicationEvent[], env: ClockEnv, withParties = true): ApplicationClock {
  try {
    return computeApplicationClock(clockFacts(receivedOn, events, withParties), env.today, env.calendar, env.rules);
  } catch (err) {
    if (err instanceof ApplicationClockError) throw invalid(err.message);
    throw err;
  }
}

/**
 * Computes the case's clock from all its events and stores it. A case no longer open keeps the clock
 * it had (its due date is history) with the state 'ended'. When `reason` is given and a date moved,
 * the timeline records the change on `on` (default today).
 */
export async function refreshClock(
  tx: Db,
  ctx: ActionContext,
  kase: Pick<Application, 'id' | 'receivedOn' | 'status' | 'clock'>,
  env: ClockEnv,
  change?: { reason: string; on?: IsoDate },
): Promise<ApplicationClock | null> {
  if (!isOpen(kase.status)) {
    await tx.update(applications).set({ clockState: 'ended', updatedAt: new Date() }).where(eq(applications.id, kase.id));
    return kase.clock;
  }
  const after = computeClock(kase.receivedOn, await caseEvents(tx, kase.id), env);
  await tx.update(applications).set({ dueOn: after.dueOn, clockState: after.state, clock: after, updatedAt: new Date() }).where(eq(applications.id, kase.id));
  const note = change && kase.clock ? clockChangeNote(kase.clock, after, change.reason) : null;
  if (note) await addEvent(tx, ctx, kase.id, { kind: 'clock_changed', on: change?.on ?? env.today, note });
  return after;
}
