// The clock of an application for government information (依申请公开): its reply due date computed
// from the case's recorded facts, with every step explained in Chinese (RULES.md §1–2). Pure: the
// calendar, the settings and `today` are parameters, so a changed holiday arrangement or setting is
// applied by computing again.
//
// 《中华人民共和国政府信息公开条例》:
// - 第三十三条: reply within 20 working days of receipt; an extension approved by the head of the
//   disclosure office, told to the applicant, at most 20 working days; time spent consulting third
//   parties and other agencies is not counted.
// - 第三十条: a correction notice within 7 working days of receipt, once, with a reasonable period; the
//   reply period counts from the day the corrected request is received; not corrected in time → the
//   application is no longer processed (`other.no_correction`).
// - 第三十二、三十四条: a third party / another agency has 15 working days to answer. For a pause from S
//   (letter sent) to E (answer received or period expired) working days d with S < d ≤ E are not counted.
// - 第三十五条: for an excessive request the agency may set a reasonable later date instead.
// - 《政府信息公开信息处理费管理办法》: the reply period stops from the fee notice to payment; unpaid
//   within the payment period → the application is no longer processed (`other.unpaid_fee`).
// - 《行政复议法》第六十四条, 《行政诉讼法》第七十条: a reconsideration decision or a judgment that
//   corrects the handling orders the agency to handle the request again, within the period it sets;
//   that date replaces whatever the first handling's clock said (and ends nothing: the case is open).
import { MAX_WORKING_DAYS, type WorkingCalendar, type WorkingDayResult } from './calendar.js';
import { compareDates, formatChineseDate, isIsoDate, type IsoDate } from './dates.js';

// ---- settings: data with defaults, an administrator may change them (RULES.md: never buried constants) ----

export interface ApplicationRuleSettings {
  /** 第三十三条第二款: working days to reply. */
  replyDays: number;
  /** 第三十条: working days after receipt within which the one correction notice is sent. */
  correctionNoticeDays: number;
  /** 第三十条: the applicant's correction period when the notice names none ("合理的补正期限"). */
  correctionPeriodDays: number;
  /** 第三十三条第二款: the most all extensions together may add. */
  maxExtensionDays: number;
  /** 第三十二、三十四条: a third party's or another agency's time to answer. */
  consultationDays: number;
  /** 收费办法: the applicant's time to pay after the fee notice. */
  feePaymentDays: number;
  /** The workspace shows a case as due soon this many working days before it is due. */
  dueSoonDays: number;
}

export const APPLICATION_RULE_DEFAULTS: Readonly<ApplicationRuleSettings> = Object.freeze({
  replyDays: 20,
  correctionNoticeDays: 7,
  correctionPeriodDays: 15,
  maxExtensionDays: 20,
  consultationDays: 15,
  feePaymentDays: 20,
  dueSoonDays: 5,
});

const SETTING_LABELS: Readonly<Record<keyof ApplicationRuleSettings, string>> = {
  replyDays: '答复期限',
  correctionNoticeDays: '补正告知期限',
  correctionPeriodDays: '补正期限',
  maxExtensionDays: '延长答复期限上限',
  consultationDays: '征求意见答复期限',
  feePaymentDays: '缴费期限',
  dueSoonDays: '即将到期提示',
};

/** Chinese problems with a settings object (empty when usable). dueSoonDays may be 0 (no warning period). */
export function ruleSettingsProblems(s: ApplicationRuleSettings): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(SETTING_LABELS) as (keyof ApplicationRuleSettings)[]) {
    const v = s[key];
    const min = key === 'dueSoonDays' ? 0 : 1;
    if (!Number.isInteger(v) || v < min || v > MAX_WORKING_DAYS) {
      problems.push(`${SETTING_LABELS[key]}须为 ${min} 至 ${MAX_WORKING_DAYS} 之间的整数个工作日：${String(v)}`);
    }
  }
  return problems;
}

// ---- the facts a case records ----

export interface CorrectionFacts {
  /** The day the one correction notice was sent. */
  noticeSentOn: IsoDate;
  /** The period the notice gave, in working days; settings.correctionPeriodDays when not given. */
  periodDays?: number | null;
  /** The day the corrected request was received; the reply period restarts from it. */
  correctedReceivedOn?: IsoDate | null;
}

export interface ExtensionFacts {
  /** The day the head of the disclosure office approved it. */
  approvedOn: IsoDate;
  /** Working days added. */
  days: number;
}

/** 第三十二条 third party (silence leaves the decision to the agency), 第三十四条 another agency (silence is consent). */
export type ConsultationKind = 'third_party' | 'other_agency';

export interface ConsultationFacts {
  kind: ConsultationKind;
  /** Who was consulted, for the explanation. */
  party?: string | null;
  /** S: the day the letter asking for its opinion was sent. */
  sentOn: IsoDate;
  /** The day its answer was received; null while none came. */
  answeredOn?: IsoDate | null;
}

export interface FeeNoticeFacts {
  noticeSentOn: IsoDate;
  paidOn?: IsoDate | null;
}

/** 第三十五条: a reasonable later date set by the agency and told to the applicant. */
export interface LaterDateFacts {
  decidedOn: IsoDate;
  dueOn: IsoDate;
}

/**
 * A reconsideration decision (复议机关) or a judgment (人民法院) corrected the handling: the agency
 * handles the request again and replies by the date the decision sets. The latest one counts.
 */
export interface ReopenedFacts {
  /** The day the decision or judgment was made. */
  decidedOn: IsoDate;
  /** 复议机关 or 人民法院, for the explanation. */
  authority?: string | null;
  /** The date by which the decision requires the new reply. */
  dueOn: IsoDate;
}

export interface ApplicationClockFacts {
  receivedOn: IsoDate;
  correction?: CorrectionFacts | null;
  extensions?: readonly ExtensionFacts[];
  consultations?: readonly ConsultationFacts[];
  feeNotice?: FeeNoticeFacts | null;
  laterDate?: LaterDateFacts | null;
  reopened?: ReopenedFacts | null;
}

// ---- what the clock says ----

export type ClockState = 'running' | 'paused' | 'awaiting_correction' | 'ended';
export type PauseKind = ConsultationKind | 'fee';

export interface ClockPause {
  kind: PauseKind;
  label: string;
  /** S: the day the letter or notice went out (itself counted). */
  from: IsoDate;
  /** E: the answer, payment or expiry; for an open pause the day it will end at the latest. */
  to: IsoDate;
  /** Why it ended (or, when open, that it has not). */
  end: 'answered' | 'expired' | 'paid' | 'open';
  open: boolean;
  /** Working days d with from < d ≤ to. */
  workingDays: number;
}

export interface ConsultationDeadline {
  kind: ConsultationKind;
  party?: string;
  sentOn: IsoDate;
  /** The last day for the consulted party to answer. */
  lastDay: IsoDate;
}

export interface ClockDeadlines {
  /** 第三十条: the last day to send the correction notice. */
  correctionNoticeLastDay: IsoDate;
  /** The last day for the applicant to correct, once a notice was sent. */
  correctionLastDay?: IsoDate;
  /** The last day to pay, once a fee notice was sent. */
  feePaymentLastDay?: IsoDate;
  consultations: ConsultationDeadline[];
}

export type ClockStepKind = 'start' | 'correction' | 'count' | 'pause' | 'extension' | 'fee' | 'later_date' | 'reopened' | 'due' | 'ended';

export interface ClockStep {
  kind: ClockStepKind;
  date?: IsoDate;
  text: string;
}

export type ClockEndOutcome = 'other.no_correction' | 'other.unpaid_fee';

export interface ApplicationClock {
  state: ClockState;
  /** The reply due date; null while awaiting the correction, and once the case ended by itself. */
  dueOn: IsoDate | null;
  /** The due date by 第三十三条 before a 第三十五条 later date or a reopening replaced it. */
  statutoryDueOn: IsoDate | null;
  /** The day after which the reply days are counted: receipt, or receipt of the corrected request. */
  startOn: IsoDate | null;
  replyDays: number;
  extensionDays: number;
  pauses: ClockPause[];
  /** True while a consultation or a fee notice is open: the clock stands still. */
  paused: boolean;
  /** Set when the case ended by itself: the outcome to record and the last day that passed. */
  ended?: { outcome: ClockEndOutcome; lastDay: IsoDate };
  deadlines: ClockDeadlines;
  steps: ClockStep[];
  /** Lapses the facts show, in Chinese (the dates stand; the lapse stays on record). */
  warnings: string[];
  /** Years whose holiday arrangement is not entered yet: dates then assume plain weekends. */
  missingYears: number[];
}

export type ApplicationClockErrorCode = 'invalid_date' | 'out_of_order' | 'future_date' | 'invalid_days' | 'extension_limit' | 'invalid_settings';

/** Refusal with a Chinese message: the recorded facts cannot be right. */
export class ApplicationClockError extends Error {
  constructor(
    readonly code: ApplicationClockErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApplicationClockError';
  }
}

const LAW = '条例';

function d(date: IsoDate): string {
  return formatChineseDate(date);
}

function requireDate(date: IsoDate | null | undefined, label: string, today: IsoDate, notBefore?: { date: IsoDate; label: string }): void {
  if (date == null) return;
  if (!isIsoDate(date)) throw new ApplicationClockError('invalid_date', `${label}不是有效日期：${String(date)}`);
  if (compareDates(date, today) > 0) throw new ApplicationClockError('future_date', `${label}（${d(date)}）晚于今天（${d(today)}）`);
  if (notBefore && compareDates(date, notBefore.date) < 0) {
    throw new ApplicationClockError('out_of_order', `${label}（${d(date)}）早于${notBefore.label}（${d(notBefore.date)}）`);
  }
}

function requireDays(n: unknown, label: string): void {
  if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_WORKING_DAYS) {
    throw new ApplicationClockError('invalid_days', `${label}须为 1 至 ${MAX_WORKING_DAYS} 之间的整数个工作日：${String(n)}`);
  }
}

/** Null when an extension of `days` may be approved beside those already approved, otherwise why not (Chinese). */
export function extensionProblem(
  approved: readonly ExtensionFacts[],
  days: number,
  settings: ApplicationRuleSettings = APPLICATION_RULE_DEFAULTS,
): string | null {
  if (!Number.isInteger(days) || days < 1) return `延长的期限须为正整数个工作日：${String(days)}`;
  const before = approved.reduce((sum, e) => sum + e.days, 0);
  if (before + days > settings.maxExtensionDays) {
    const already = before > 0 ? `已延长 ${before} 个工作日，` : '';
    return `延长答复期限合计不得超过 ${settings.maxExtensionDays} 个工作日（${LAW}第三十三条第二款）：${already}本次申请延长 ${days} 个工作日`;
  }
  return null;
}

function validate(facts: ApplicationClockFacts, today: IsoDate, settings: ApplicationRuleSettings): void {
  const problems = ruleSettingsProblems(settings);
  if (problems.length > 0) throw new ApplicationClockError('invalid_settings', problems.join('；'));
  if (!isIsoDate(today)) throw new ApplicationClockError('invalid_date', `今天的日期无效：${String(today)}`);
  if (!isIsoDate(facts.receivedOn)) throw new ApplicationClockError('invalid_date', `收到申请之日不是有效日期：${String(facts.receivedOn)}`);
  requireDate(facts.receivedOn, '收到申请之日', today);
  const received = { date: facts.receivedOn, label: '收到申请之日' };
  const c = facts.correction;
  if (c) {
    requireDate(c.noticeSentOn, '补正通知发出日期', today, received);
    if (c.periodDays != null) requireDays(c.periodDays, '补正期限');
    requireDate(c.correctedReceivedOn, '收到补正申请的日期', today, { date: c.noticeSentOn, label: '补正通知发出日期' });
  }
  for (const e of facts.extensions ?? []) {
    requireDate(e.approvedOn, '延期批准日期', today, received);
    requireDays(e.days, '延长的期限');
  }
  const total = (facts.extensions ?? []).reduce((sum, e) => sum + e.days, 0);
  if (total > settings.maxExtensionDays) {
    throw new ApplicationClockError('extension_limit', `延长答复期限合计不得超过 ${settings.maxExtensionDays} 个工作日（${LAW}第三十三条第二款），已登记 ${total} 个工作日`);
  }
  for (const k of facts.consultations ?? []) {
    const what = CONSULTATION_LABELS[k.kind];
    requireDate(k.sentOn, `${what}函发出日期`, today, received);
    requireDate(k.answeredOn, `${what}的答复日期`, today, { date: k.sentOn, label: `${what}函发出日期` });
  }
  const f = facts.feeNotice;
  if (f) {
    requireDate(f.noticeSentOn, '收费通知发出日期', today, received);
    requireDate(f.paidOn, '缴费日期', today, { date: f.noticeSentOn, label: '收费通知发出日期' });
  }
  const l = facts.laterDate;
  if (l) {
    requireDate(l.decidedOn, '确定延迟答复期限的日期', today, received);
    if (!isIsoDate(l.dueOn)) throw new ApplicationClockError('invalid_date', `延迟答复的期限不是有效日期：${String(l.dueOn)}`);
    if (compareDates(l.dueOn, l.decidedOn) <= 0) {
      throw new ApplicationClockError('out_of_order', `延迟答复的期限（${d(l.dueOn)}）须晚于确定之日（${d(l.decidedOn)}）`);
    }
  }
  const r = facts.reopened;
  if (r) {
    requireDate(r.decidedOn, '纠正决定作出日期', today, received);
    if (!isIsoDate(r.dueOn)) throw new ApplicationClockError('invalid_date', `重新答复的期限不是有效日期：${String(r.dueOn)}`);
    if (compareDates(r.dueOn, r.decidedOn) <= 0) {
      throw new ApplicationClockError('out_of_order', `重新答复的期限（${d(r.dueOn)}）须晚于纠正决定作出日期（${d(r.decidedOn)}）`);
    }
  }
}

const CONSULTATION_LABELS: Readonly<Record<ConsultationKind, string>> = {
  third_party: '征求第三方意见',
  other_agency: '征求其他行政机关意见',
};

const CONSULTATION_ARTICLE: Readonly<Record<ConsultationKind, string>> = { third_party: '第三十二条', other_agency: '第三十四条' };

/** Collects missing years from every working-day count the clock makes. */
class Counter {
  readonly missing = new Set<number>();
  constructor(private readonly cal: WorkingCalendar) {}
  add(from: IsoDate, n: number): WorkingDayResult {
    const r = this.cal.addWorkingDays(from, n);
    for (const y of r.missingYears) this.missing.add(y);
    return r;
  }
  between(a: IsoDate, b: IsoDate): number {
    return this.cal.workingDaysBetween(a, b);
  }
}

interface PauseSpec extends ClockPause {
  /** What the explanation says about its end. */
  endText: string;
}

function consultationPause(k: ConsultationFacts, today: IsoDate, s: ApplicationRuleSettings, c: Counter, warnings: string[]): { pause: PauseSpec; lastDay: IsoDate } {
  const lastDay = c.add(k.sentOn, s.consultationDays).date;
  const name = `${CONSULTATION_LABELS[k.kind]}${k.party ? `（${k.party}）` : ''}`;
  const silence = k.kind === 'third_party' ? '由本机关依法决定是否公开' : '视为同意公开';
  let to: IsoDate;
  let end: ClockPause['end'];
  let endText: string;
  if (k.answeredOn && compareDates(k.answeredOn, lastDay) <= 0) {
    [to, end, endText] = [k.answeredOn, 'answered', `${d(k.answeredOn)}收到答复`];
  } else if (k.answeredOn || compareDates(today, lastDay) > 0) {
    // A late answer does not stretch the pause: only the 15 working days the law gives are not counted.
    if (k.answeredOn) warnings.push(`${name}的答复于${d(k.answeredOn)}收到，晚于${s.consultationDays}个工作日的答复期限（${d(lastDay)}），暂停计算至期限届满之日`);
    [to, end, endText] = [lastDay, 'expired', `逾期未提出意见，${s.consultationDays}个工作日的期限于${d(lastDay)}届满，${silence}`];
  } else {
    [to, end, endText] = [lastDay, 'open', `尚未答复，答复期限至${d(lastDay)}，暂按该日计算`];
  }
  const pause: PauseSpec = { kind: k.kind, label: name, from: k.sentOn, to, end, open: end === 'open', workingDays: c.between(k.sentOn, to), endText };
  return { pause, lastDay };
}

interface Interval {
  from: IsoDate;
  to: IsoDate;
}

/** The union of the pauses' (from, to] intervals after `start`: overlapping days are excluded once. */
function mergeIntervals(pauses: readonly ClockPause[], start: IsoDate): Interval[] {
  const clipped = pauses
    .map((p) => ({ from: compareDates(p.from, start) < 0 ? start : p.from, to: p.to }))
    .filter((i) => compareDates(i.to, i.from) > 0)
    .sort((a, b) => compareDates(a.from, b.from));
  const merged: Interval[] = [];
  for (const i of clipped) {
    const last = merged[merged.length - 1];
    if (last && compareDates(i.from, last.to) <= 0) {
      if (compareDates(i.to, last.to) > 0) last.to = i.to;
    } else merged.push({ ...i });
  }
  return merged;
}

/** Counts `days` working days after `start`, skipping the pause intervals; the explanation of each stretch. */
function countAround(start: IsoDate, days: number, intervals: readonly Interval[], c: Counter): { due: IsoDate; steps: ClockStep[] } {
  const steps: ClockStep[] = [];
  let cursor = start;
  let remaining = days;
  let counted = 0;
  for (const i of intervals) {
    const k = c.between(cursor, i.from);
    if (k >= remaining) break;
    if (k > 0) {
      const part = c.add(cursor, k);
      counted += k;
      steps.push({ kind: 'count', date: part.date, text: `暂停前计算 ${k} 个工作日（累计 ${counted} 个）：${part.text}` });
    }
    remaining -= k;
    cursor = i.to;
  }
  const last = c.add(cursor, remaining);
  const resumed = cursor === start ? '' : `自暂停结束之日续算剩余 ${remaining} 个工作日：`;
  steps.push({ kind: 'count', date: last.date, text: `${resumed}${last.text}` });
  return { due: last.date, steps };
}

function stateOf(ended: boolean, awaiting: boolean, paused: boolean): ClockState {
  if (ended) return 'ended';
  if (awaiting) return 'awaiting_correction';
  return paused ? 'paused' : 'running';
}

/** What one computation accumulates as it goes through the facts. */
interface Run {
  c: Counter;
  s: ApplicationRuleSettings;
  today: IsoDate;
  steps: ClockStep[];
  warnings: string[];
  deadlines: ClockDeadlines;
  ended?: ApplicationClock['ended'];
}

/** 第三十条: where counting starts, or null while the correction is awaited or after it lapsed. */
function correctionPhase(facts: ApplicationClockFacts, run: Run): { start: IsoDate | null; awaiting: boolean } {
  const { c, s, steps, warnings } = run;
  const corr = facts.correction;
  if (!corr) return { start: facts.receivedOn, awaiting: false };
  const noticeLast = run.deadlines.correctionNoticeLastDay;
  const period = corr.periodDays ?? s.correctionPeriodDays;
  const lastDay = c.add(corr.noticeSentOn, period).date;
  run.deadlines.correctionLastDay = lastDay;
  if (compareDates(corr.noticeSentOn, noticeLast) > 0) {
    warnings.push(`补正通知于${d(corr.noticeSentOn)}发出，晚于收到申请后 ${s.correctionNoticeDays} 个工作日的期限（${d(noticeLast)}）`);
  }
  steps.push({
    kind: 'correction',
    date: corr.noticeSentOn,
    text: `${d(corr.noticeSentOn)}一次性告知申请人补正（应于${d(noticeLast)}前发出，${LAW}第三十条），补正期限 ${period} 个工作日，至${d(lastDay)}。答复期限自收到补正的申请之日起计算。`,
  });
  const corrected = corr.correctedReceivedOn;
  if (corrected) {
    if (compareDates(corrected, lastDay) > 0) warnings.push(`补正的申请于${d(corrected)}收到，已超过补正期限（${d(lastDay)}）`);
    steps.push({ kind: 'correction', date: corrected, text: `${d(corrected)}收到补正的申请（当日不计入），自该日起重新计算 ${s.replyDays} 个工作日。` });
    return { start: corrected, awaiting: false };
  }
  if (compareDates(run.today, lastDay) <= 0) return { start: null, awaiting: true };
  run.ended = { outcome: 'other.no_correction', lastDay };
  steps.push({ kind: 'ended', date: lastDay, text: `申请人未在补正期限（${d(lastDay)}）内补正，视为放弃申请，不再处理该政府信息公开申请（${LAW}第三十条）。` });
  return { start: null, awaiting: false };
}

/** 收费办法: the pause from the fee notice to payment, or the end of the case when the payment period lapsed. */
function feePause(fee: FeeNoticeFacts, run: Run): PauseSpec | null {
  const { c, s } = run;
  const lastDay = c.add(fee.noticeSentOn, s.feePaymentDays).date;
  run.deadlines.feePaymentLastDay = lastDay;
  const base = { kind: 'fee' as const, label: '信息处理费收费通知至缴费', from: fee.noticeSentOn };
  if (fee.paidOn) {
    if (compareDates(fee.paidOn, lastDay) > 0) run.warnings.push(`信息处理费于${d(fee.paidOn)}缴纳，晚于缴费期限（${d(lastDay)}）`);
    return { ...base, to: fee.paidOn, end: 'paid', open: false, workingDays: c.between(fee.noticeSentOn, fee.paidOn), endText: `${d(fee.paidOn)}缴费` };
  }
  if (compareDates(run.today, lastDay) <= 0) {
    return { ...base, to: lastDay, end: 'open', open: true, workingDays: c.between(fee.noticeSentOn, lastDay), endText: `尚未缴费，缴费期限至${d(lastDay)}，暂按该日计算` };
  }
  if (!run.ended) {
    run.ended = { outcome: 'other.unpaid_fee', lastDay };
    run.steps.push({
      kind: 'ended',
      date: lastDay,
      text: `申请人未在缴费期限（${d(lastDay)}）内缴纳信息处理费，不再处理该政府信息公开申请（《政府信息公开信息处理费管理办法》）。`,
    });
  }
  return null;
}

/** The explanation of each pause as it bears on the due date, and a note when pauses overlap. */
function pauseSteps(pauses: readonly PauseSpec[], intervals: readonly Interval[], due: IsoDate, run: Run): ClockStep[] {
  const steps: ClockStep[] = [];
  for (const p of pauses) {
    const article = p.kind === 'fee' ? '《政府信息公开信息处理费管理办法》' : `${LAW}${CONSULTATION_ARTICLE[p.kind]}、第三十三条第三款`;
    const after = compareDates(p.from, due) >= 0;
    const effect = after ? `发出时答复期限（${d(due)}）已届至，不影响答复期限` : `期间 ${p.workingDays} 个工作日不计入答复期限（${article}）`;
    steps.push({ kind: p.kind === 'fee' ? 'fee' : 'pause', date: p.from, text: `${d(p.from)}起${p.label}，${p.endText}；${effect}。` });
    if (after) run.warnings.push(`${p.label}于${d(p.from)}开始，答复期限（${d(due)}）已届至`);
  }
  const effective = pauses.filter((p) => compareDates(p.from, due) < 0);
  const sumOfPauses = effective.reduce((sum, p) => sum + p.workingDays, 0);
  const excluded = intervals.filter((i) => compareDates(i.from, due) < 0).reduce((sum, i) => sum + run.c.between(i.from, i.to), 0);
  if (sumOfPauses > excluded) {
    steps.push({
      kind: 'pause',
      date: effective[effective.length - 1]!.from,
      text: `上述暂停期间有重叠，重叠的工作日只扣除一次，合计 ${excluded} 个工作日不计入答复期限。`,
    });
  }
  return steps;
}

/** 第三十三条第二款: each extension, and a warning when one was approved after the period it extends. */
function extensionSteps(extensions: readonly ExtensionFacts[], start: IsoDate, intervals: readonly Interval[], run: Run): ClockStep[] {
  if (extensions.length === 0) return [];
  const original = countAround(start, run.s.replyDays, intervals, run.c).due;
  return extensions.map((e) => {
    if (compareDates(e.approvedOn, original) > 0) run.warnings.push(`延期于${d(e.approvedOn)}批准，晚于原答复期限（${d(original)}）`);
    return {
      kind: 'extension' as const,
      date: e.approvedOn,
      text: `${d(e.approvedOn)}经政府信息公开工作机构负责人同意，延长答复期限 ${e.days} 个工作日（${LAW}第三十三条第二款，合计不超过 ${run.s.maxExtensionDays} 个工作日）。`,
    };
  });
}

/** 第三十五条: the later date replaces the statutory one. */
function laterDateStep(later: LaterDateFacts, statutory: IsoDate, run: Run): ClockStep {
  if (compareDates(later.dueOn, statutory) <= 0) {
    run.warnings.push(`按第三十五条确定的延迟答复期限（${d(later.dueOn)}）并不晚于法定答复期限（${d(statutory)}）`);
  }
  return {
    kind: 'later_date',
    date: later.decidedOn,
    text: `${d(later.decidedOn)}因申请数量、频次明显超过合理范围，确定延迟答复的合理期限为${d(later.dueOn)}并告知申请人（${LAW}第三十五条），替代按第三十三条计算的${d(statutory)}。`,
  };
}

/** The decision that corrected the handling sets the new due date. */
function reopenedStep(r: ReopenedFacts): ClockStep {
  const who = r.authority ? r.authority : '复议机关或人民法院';
  return {
    kind: 'reopened',
    date: r.decidedOn,
    text: `${d(r.decidedOn)}${who}作出纠正决定，本机关重新处理该申请，按决定确定的期限于${d(r.dueOn)}前重新答复（以上原答复期限的计算仅为办理记录）。`,
  };
}

/**
 * The clock of one application as of `today`. Throws ApplicationClockError (Chinese message) when the
 * facts contradict each other, lie in the future, or exceed the extension limit.
 */
export function computeApplicationClock(
  facts: ApplicationClockFacts,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: ApplicationRuleSettings = APPLICATION_RULE_DEFAULTS,
): ApplicationClock {
  validate(facts, today, settings);
  const c = new Counter(calendar);
  const s = settings;
  const run: Run = {
    c,
    s,
    today,
    steps: [],
    warnings: [],
    deadlines: { correctionNoticeLastDay: c.add(facts.receivedOn, s.correctionNoticeDays).date, consultations: [] },
  };
  run.steps.push({
    kind: 'start',
    date: facts.receivedOn,
    text: `${d(facts.receivedOn)}收到申请（当日不计入）。不能当场答复的，应当自收到申请之日起 ${s.replyDays} 个工作日内答复（《中华人民共和国政府信息公开条例》（以下简称条例）第三十三条第二款）。`,
  });
  const { start, awaiting: awaitingCorrection } = correctionPhase(facts, run);

  const pauses: PauseSpec[] = [];
  for (const k of facts.consultations ?? []) {
    const { pause, lastDay } = consultationPause(k, today, s, c, run.warnings);
    run.deadlines.consultations.push({ kind: k.kind, ...(k.party ? { party: k.party } : {}), sentOn: k.sentOn, lastDay });
    pauses.push(pause);
  }
  const fee = facts.feeNotice ? feePause(facts.feeNotice, run) : null;
  if (fee) pauses.push(fee);
  pauses.sort((a, b) => compareDates(a.from, b.from));

  const extensions = facts.extensions ?? [];
  const extensionDays = extensions.reduce((sum, e) => sum + e.days, 0);
  let statutoryDueOn: IsoDate | null = null;
  if (start && !run.ended) {
    const intervals = mergeIntervals(pauses, start);
    const counted = countAround(start, s.replyDays + extensionDays, intervals, c);
    statutoryDueOn = counted.due;
    const events = [...pauseSteps(pauses, intervals, counted.due, run), ...extensionSteps(extensions, start, intervals, run)];
    // One chronological account: each counting stretch ends on or before the pause that interrupts it,
    // and the stable sort keeps a stretch ahead of an event of the same day.
    run.steps.push(...[...counted.steps, ...events].sort((x, y) => compareDates(x.date!, y.date!)));
  }

  let dueOn = facts.laterDate && statutoryDueOn ? facts.laterDate.dueOn : statutoryDueOn;
  if (facts.laterDate && statutoryDueOn) run.steps.push(laterDateStep(facts.laterDate, statutoryDueOn, run));
  let paused = !run.ended && pauses.some((p) => p.open);
  let awaiting = awaitingCorrection;
  const reopened = facts.reopened;
  if (reopened) {
    // The first handling's account stays as history; the decision's date is what now binds, and a
    // case that had ended by a lapse is open again.
    run.steps.push(reopenedStep(reopened));
    dueOn = reopened.dueOn;
    paused = false;
    awaiting = false;
    delete run.ended;
  }
  if (dueOn) {
    const note = paused ? '（暂停中：未结束的暂停按其最迟结束日计算，实际结束后重新计算）' : '';
    run.steps.push({ kind: 'due', date: dueOn, text: `答复期限为${d(dueOn)}${note}。` });
  } else if (awaiting) {
    run.steps.push({ kind: 'correction', text: `等待申请人补正，补正期限至${d(run.deadlines.correctionLastDay!)}；收到补正的申请后开始计算答复期限。` });
  }

  return {
    state: stateOf(Boolean(run.ended), awaiting, paused),
    dueOn,
    statutoryDueOn,
    startOn: start,
    replyDays: s.replyDays,
    extensionDays,
    pauses: pauses.map(({ endText: _endText, ...p }) => p),
    paused,
    ...(run.ended ? { ended: run.ended } : {}),
    deadlines: run.deadlines,
    steps: run.steps,
    warnings: run.warnings,
    missingYears: [...c.missing].sort((a, b) => a - b),
  };
}

// ---- traffic light for the inbox ----

export type TrafficLight = 'on_track' | 'due_soon' | 'overdue';

export const TRAFFIC_LIGHT_LABELS: Readonly<Record<TrafficLight, string>> = { on_track: '正常', due_soon: '即将到期', overdue: '已超期' };

/** Overdue after the due day; due soon when at most `dueSoonDays` working days remain (the due day itself included). */
export function trafficLight(
  dueOn: IsoDate,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: ApplicationRuleSettings = APPLICATION_RULE_DEFAULTS,
): TrafficLight {
  if (compareDates(today, dueOn) > 0) return 'overdue';
  return calendar.workingDaysBetween(today, dueOn) <= settings.dueSoonDays ? 'due_soon' : 'on_track';
}

// ---- recomputation (RULES.md §1: a changed arrangement recomputes every open deadline, on record) ----

/**
 * The history note when recomputing a case (after a holiday arrangement or a setting changed) moves a
 * date it shows; null when nothing moved.
 */
export function clockChangeNote(before: ApplicationClock, after: ApplicationClock, reason: string): string | null {
  const moved: string[] = [];
  const show = (date: IsoDate | null | undefined) => (date ? d(date) : '无');
  const compare = (label: string, a: IsoDate | null | undefined, b: IsoDate | null | undefined) => {
    if ((a ?? null) !== (b ?? null)) moved.push(`${label}由${show(a)}改为${show(b)}`);
  };
  compare('答复期限', before.dueOn, after.dueOn);
  compare('补正告知期限', before.deadlines.correctionNoticeLastDay, after.deadlines.correctionNoticeLastDay);
  compare('补正期限', before.deadlines.correctionLastDay, after.deadlines.correctionLastDay);
  compare('缴费期限', before.deadlines.feePaymentLastDay, after.deadlines.feePaymentLastDay);
  after.deadlines.consultations.forEach((k, i) => compare(`${CONSULTATION_LABELS[k.kind]}的答复期限`, before.deadlines.consultations[i]?.lastDay, k.lastDay));
  return moved.length > 0 ? `${reason}：${moved.join('；')}。` : null;
}
