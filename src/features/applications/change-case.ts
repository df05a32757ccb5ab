// The frame every fact about a case is recorded in: one transaction; the case locked; the actor's
// right checked for the case's organization; the case's status allowing the fact; the fact stored;
// the clock recomputed from all the case's facts (the timeline notes a date that moved); the audit
// entry written. Each operation supplies only what is its own.
import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import type { ApplicationClock } from '../../domain/application-clock.js';
import { compareDates, formatChineseDate, isIsoDate, type IsoDate } from '../../domain/dates.js';
import { loadClockEnv, refreshClock, type ClockEnv } from './clock.js';
import { STATUS_LABELS } from './events.js';
import { authorizeCase, type ApplicationAction } from './policy.js';
import { auditCase, caseEvents, caseTarget, requireCase, type LoadedCase } from './records.js';
import { applications, type ApplicationEvent, type ApplicationStatus } from './schema.js';

export interface CaseChange {
  tx: Db;
  ctx: ActionContext;
  kase: LoadedCase;
  events: ApplicationEvent[];
  env: ClockEnv;
}

export interface ChangeOutcome<T> {
  /** For the audit entry (after "申请 2026-zfb-0012："): what happened, without personal data. */
  summary: string;
  /** Names the fact in the timeline's note when it moved a date ("延长答复期限"). */
  clockReason?: string;
  /** The fact's legal date, for that note. */
  on?: IsoDate;
  result?: T;
}

export interface ChangeRule {
  action: ApplicationAction;
  /** The audit action after 'application.': 'correction_notice', 'extension' … */
  audit: string;
  /** What is refused, in Chinese: "无权…" follows. */
  what: string;
  /** The statuses in which the fact may be recorded. */
  statuses: readonly ApplicationStatus[];
  /** False for facts that do not take the case up (an internal note). */
  startsHandling?: boolean;
}

export interface ChangedCase<T> {
  id: number;
  number: string;
  status: ApplicationStatus;
  dueOn: string | null;
  clockState: string;
  clock: ApplicationClock | null;
  result?: T;
}

export async function changeCase<T = undefined>(
  db: Db,
  ctx: ActionContext,
  id: number,
  rule: ChangeRule,
  fn: (c: CaseChange) => Promise<ChangeOutcome<T>>,
): Promise<ChangedCase<T>> {
  return db.transaction(async (tx) => {
    const kase = await requireCase(tx, id, { forUpdate: true });
    await authorizeCase(tx, ctx, rule.action, caseTarget(kase), `无权${rule.what}`);
    if (!rule.statuses.includes(kase.status)) throw conflict(`该申请${STATUS_LABELS[kase.status]}，不能${rule.what}`);
    const env = await loadClockEnv(tx);
    const out = await fn({ tx, ctx, kase, events: await caseEvents(tx, id), env });
    // Taken up: unless the fact itself moved the case on (a reply on the first day).
    if (kase.status === 'registered' && rule.startsHandling !== false) {
      await tx.update(applications).set({ status: 'in_progress' }).where(and(eq(applications.id, id), eq(applications.status, 'registered')));
    }
    const now = await requireCase(tx, id);
    const clock = await refreshClock(tx, ctx, now, env, out.clockReason ? { reason: out.clockReason, on: out.on } : undefined);
    await auditCase(tx, ctx, kase, rule.audit, out.summary);
    const after = await requireCase(tx, id);
    return { id, number: after.number, status: after.status, dueOn: after.dueOn, clockState: after.clockState, clock, ...(out.result !== undefined ? { result: out.result } : {}) };
  });
}

/** A fact's date: a real day, not before the application was received, not later than today. */
export function factDate(on: string | undefined, kase: { receivedOn: IsoDate }, env: ClockEnv, label: string, notBefore?: { date: IsoDate; label: string }): IsoDate {
  const date = on ?? env.today;
  if (!isIsoDate(date)) throw invalid(`${label}不是有效日期：${date}，应为 YYYY-MM-DD`);
  if (compareDates(date, env.today) > 0) throw invalid(`${label}（${formatChineseDate(date)}）晚于今天，不能登记`);
  const floor = notBefore ?? { date: kase.receivedOn, label: '收到申请之日' };
  if (compareDates(date, floor.date) < 0) throw invalid(`${label}（${formatChineseDate(date)}）早于${floor.label}（${formatChineseDate(floor.date)}）`);
  return date;
}

/** Trimmed text of at most `max` characters; required unless told otherwise. */
export function factText(value: string | undefined, label: string, max: number, required = true): string {
  const v = (value ?? '').trim();
  if (required && !v) throw invalid(`请填写${label}`);
  if (v.length > max) throw invalid(`${label}不能超过 ${max} 个字`);
  return v;
}
