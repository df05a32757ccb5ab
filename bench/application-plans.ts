// The life of one generated application (bench/generate-applications.ts): its facts in the order
// staff would record them, each date checked by the same rules the use cases apply — the received-on
// rule, the clock (correction within 7 working days, extensions, consultations, fees, lapses), the
// reply with its outcome and lateness, delivery, closing, archiving, and the appeals with a
// correction reopening the case and its second reply. Pure: no database, ids filled in by the caller.
import { OUTCOMES, OUTCOME_KEYS, type ApplicantKind, type OutcomeKey } from '../src/domain/application-outcomes.js';
import { appealProblem, APPEAL_KIND_LABELS, appealBodyLabel } from '../src/domain/appeals.js';
import type { WorkingCalendar } from '../src/domain/calendar.js';
import { addDays, compareDates, formatChineseDate, type IsoDate } from '../src/domain/dates.js';
import { determineReceivedOn, type ApplicationChannel } from '../src/domain/received-on.js';
import { idCheckDigit } from '../src/domain/id-number.js';
import { processingFee, type ProcessingFeeSchedule } from '../src/domain/processing-fee.js';
import { computeClock, type ClockEnv } from '../src/features/applications/clock.js';
import { EVENT_KINDS, type EventKind } from '../src/features/applications/events.js';
import type { AppealKind, AppealResult, ApplicantDetails, ApplicationEvent, ApplicationStatus } from '../src/features/applications/schema.js';

/** A small seeded generator (splitmix32), so a seed gives the same applications. */
export function seeded(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s ^ (s >>> 16);
    z = Math.imul(z, 0x21f0aaad);
    z ^= z >>> 15;
    z = Math.imul(z, 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number) => rng() < p;
function weighted<T extends string>(rng: Rng, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = rng() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}

/** Per thousand, as a county department's year of requests runs: most disclosed or not held; every key present. */
const OUTCOME_WEIGHTS: Readonly<Record<OutcomeKey, number>> = {
  disclosed: 430,
  partly_disclosed: 90,
  'withheld.state_secret': 3,
  'withheld.prohibited_by_law': 5,
  'withheld.security_stability': 4,
  'withheld.third_party': 15,
  'withheld.internal_affairs': 12,
  'withheld.process_info': 15,
  'withheld.enforcement_file': 8,
  'withheld.inquiry_matter': 6,
  'unavailable.not_held': 220,
  'unavailable.needs_creation': 30,
  'unavailable.still_unclear': 15,
  'not_processed.petition_complaint': 25,
  'not_processed.repeated': 20,
  'not_processed.publication': 5,
  'not_processed.excessive': 4,
  'not_processed.confirmation': 8,
  'other.no_correction': 50,
  'other.unpaid_fee': 5,
  'other.other': 30,
};
if (OUTCOME_KEYS.some((k) => !OUTCOME_WEIGHTS[k])) throw new Error('every outcome key needs a weight');

const KIND_WEIGHTS: Readonly<Record<ApplicantKind, number>> = { person: 850, business: 80, research: 10, nonprofit: 10, legal_services: 30, other: 20 };
const CHANNEL_WEIGHTS: Readonly<Record<ApplicationChannel, number>> = { online: 55, in_person: 15, registered_post: 12, ordinary_letter: 5, email: 8, fax: 5 };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕玉兰红梅文斌晓东丽娟春梅';
const MATTERS = [
  '某村集体土地征收的批准文件及补偿安置方案',
  '本人房屋所在地块的国有土地使用权出让合同',
  '某小区规划设计条件及建设工程规划许可证',
  '某路段拓宽工程的征地红线图',
  '宅基地审批的相关档案材料',
  '某企业采矿许可证及其年度检查情况',
  '某地块土地利用总体规划图斑',
  '耕地占补平衡项目验收材料',
  '村庄规划的批复文件',
  '不动产登记簿中某宗地的登记信息',
];

/** An applicant of the pool: people and organizations ask again, so `index` repeats across cases. */
export function applicantOf(kind: ApplicantKind, n: number): ApplicantDetails {
  const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}${n % 3 ? GIVEN[(n * 13) % GIVEN.length] : ''}`;
  if (kind === 'person') {
    const first17 = `330${String(100 + (n % 900))}19${String(50 + (n % 50))}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
    return { name, idType: '居民身份证', idNumber: first17 + idCheckDigit(first17), phone: `139${String(n).padStart(8, '0').slice(-8)}` };
  }
  const org = { business: '有限公司', research: '研究院', nonprofit: '公益服务中心', legal_services: '律师事务所', other: '合作社' }[kind];
  return { name: `示例${name}${org}`, creditCode: `91330000MA${String(n).padStart(8, '0')}`, contactName: name, phone: `0571${String(n).padStart(8, '0').slice(-8)}` };
}

export interface PlannedEvent {
  kind: EventKind;
  on: IsoDate;
  internal: boolean;
  note: string;
  data: Record<string, unknown>;
  /** Filled by the caller once ids are reserved. */
  id?: number;
  /** consultation_answered: its letter; reopened: the appeal that corrected the handling. */
  sent?: PlannedEvent;
  appeal?: PlannedAppeal;
}

export interface PlannedAppeal {
  id?: number;
  kind: AppealKind;
  filedOn: IsoDate;
  authority: string;
  caseNumber: string;
  result: AppealResult;
  decidedOn: IsoDate | null;
}

export interface PlannedCase {
  channel: ApplicationChannel;
  channelFacts: Record<string, string | null>;
  applicantKind: ApplicantKind;
  applicant: ApplicantDetails;
  description: string;
  receivedOn: IsoDate;
  receivedExplanation: string;
  status: ApplicationStatus;
  dueOn: IsoDate | null;
  clockState: string;
  clock: ReturnType<typeof computeClock> | null;
  outcome: OutcomeKey | null;
  outcomeBasis: string;
  repliedOn: IsoDate | null;
  closedOn: IsoDate | null;
  archivedAt: Date | null;
  events: PlannedEvent[];
  appeals: PlannedAppeal[];
  /** Transferred: the case the agency that holds the information registered (counted there, not here). */
  transferredTo?: PlannedCase;
  transferredFrom?: PlannedCase;
}

export interface PlanEnv extends ClockEnv {
  feeSchedule: ProcessingFeeSchedule;
  /** The working days receipts are spread over. */
  days: readonly IsoDate[];
}

const later = (a: IsoDate, b: IsoDate) => (compareDates(a, b) >= 0 ? a : b);

/** A working day at least `from`, at most `to` when it can be (the due date is a working day). */
function dayBetween(rng: Rng, cal: WorkingCalendar, from: IsoDate, to: IsoDate): IsoDate {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  const d = cal.nextWorkingDay(addDays(from, int(rng, 0, span) - 1));
  return compareDates(d, to) > 0 && compareDates(from, to) <= 0 ? to : d;
}

/** Facts as the clock reads them from the timeline (ids only link a consultation to its answer). */
function asEvents(events: readonly PlannedEvent[]): ApplicationEvent[] {
  return events.map((e, i) => ({ ...e, id: i + 1, data: e.sent ? { ...e.data, sentEventId: events.indexOf(e.sent) + 1 } : e.data }) as unknown as ApplicationEvent);
}

class CaseBuilder {
  readonly events: PlannedEvent[] = [];
  constructor(
    readonly rng: Rng,
    readonly env: PlanEnv,
    readonly receivedOn: IsoDate,
  ) {}
  add(kind: EventKind, on: IsoDate, note: string, data: Record<string, unknown> = {}, link: Partial<Pick<PlannedEvent, 'sent' | 'appeal'>> = {}): PlannedEvent {
    const e = { kind, on, internal: EVENT_KINDS[kind].internal, note, data, ...link };
    this.events.push(e);
    return e;
  }
  /** The clock as of `today`, from the facts so far. */
  clock(today: IsoDate = this.env.today) {
    return computeClock(this.receivedOn, asEvents(this.events), { ...this.env, today });
  }
  get last(): IsoDate {
    return this.events.reduce((m, e) => later(m, e.on), this.receivedOn);
  }
  workingDaysAfter(d: IsoDate, n: number): IsoDate {
    return n === 0 ? d : this.env.calendar.addWorkingDays(d, n).date;
  }
}

/** What happens before the reply: correction, consultation, fee, extension. Returns the outcome if the case lapses. */
function handling(b: CaseBuilder, outcome: OutcomeKey): void {
  const { rng, env } = b;
  const needsCorrection = outcome === 'other.no_correction' || outcome === 'unavailable.still_unclear' || chance(rng, 0.04);
  if (needsCorrection) {
    const on = b.workingDaysAfter(b.receivedOn, int(rng, 1, env.rules.correctionNoticeDays));
    const periodDays = env.rules.correctionPeriodDays;
    b.add('correction_notice', on, `一次性告知申请人补正：所需信息的具体名称、文号或者地块位置。补正期限为 ${periodDays} 个工作日。`, { periodDays, items: '所需信息的具体名称、文号或者地块位置' });
    if (outcome === 'other.no_correction') return;
    b.add('correction_received', b.workingDaysAfter(on, int(rng, 1, periodDays)), '收到申请人补正的申请，答复期限自该日起重新计算。');
  }
  if (outcome === 'withheld.third_party' || chance(rng, 0.03)) {
    const kind = outcome === 'withheld.third_party' || chance(rng, 0.5) ? 'third_party' : 'other_agency';
    const party = kind === 'third_party' ? '某房地产开发有限公司' : '示例县住房和城乡建设局';
    const sent = b.add('consultation_sent', b.workingDaysAfter(b.last, int(rng, 1, 4)), `就申请公开的信息征求${party}的意见。`, { consultation: kind, party });
    if (chance(rng, 0.8)) b.add('consultation_answered', b.workingDaysAfter(sent.on, int(rng, 2, env.rules.consultationDays)), `${party}收到答复。`, { party, gist: '不同意公开' }, { sent });
  }
  if (outcome === 'other.unpaid_fee' || chance(rng, 0.01)) {
    const pages = int(rng, 120, 600);
    const fee = processingFee({ scheme: 'per_page', pages }, env.feeSchedule);
    const on = b.workingDaysAfter(b.last, int(rng, 1, 3));
    const payBy = b.workingDaysAfter(on, env.rules.feePaymentDays);
    b.add('fee_notice', on, `${fee.text}依据：${fee.basis}。请于${formatChineseDate(payBy)}前缴纳。`, { scheme: 'per_page', pages, amountYuan: fee.amountYuan, basis: fee.basis, lines: fee.lines });
    if (outcome === 'other.unpaid_fee') return;
    b.add('fee_paid', b.workingDaysAfter(on, int(rng, 1, env.rules.feePaymentDays)), `申请人缴纳信息处理费 ${fee.amountYuan} 元。`);
  }
  // Approved before the period runs out (extendDeadline refuses later ones).
  const due = chance(rng, 0.08) ? b.clock(b.last).dueOn! : null;
  if (due && compareDates(b.last, due) < 0) {
    const on = dayBetween(rng, env.calendar, later(b.last, env.calendar.workingDaysBefore(due, 5)), due);
    const days = [5, 10, 15, 20][int(rng, 0, 3)]!;
    b.add('extension', on, `经政府信息公开工作机构负责人同意，延长答复期限 ${days} 个工作日。延期理由：需调取档案。`, { days, reason: '需调取档案' });
  }
}

/**
 * The reply (sometimes late), delivery and closing; null when the dates would pass today (the case
 * stays open). `due` is the clock's as of the last fact: what the case page showed when staff replied.
 */
function reply(b: CaseBuilder, outcome: OutcomeKey, due: IsoDate): { repliedOn: IsoDate; closedOn: IsoDate } | null {
  const { rng, env } = b;
  const late = chance(rng, 0.04);
  const on = late ? env.calendar.nextWorkingDay(addDays(due, int(rng, 1, 10))) : dayBetween(rng, env.calendar, b.workingDaysAfter(b.last, 1), due);
  const closedOn = b.workingDaysAfter(on, int(rng, 0, 3));
  if (compareDates(closedOn, env.today) > 0) return null;
  const info = OUTCOMES[outcome];
  b.add('replied', on, `答复：${info.shortLabel}。`, { outcome, basis: info.legalBasis, late: compareDates(on, due) > 0, dueOn: due });
  b.add('delivered', on, '答复以电子邮件方式送达申请人。', { method: 'email' });
  b.add('closed', closedOn, `${formatChineseDate(closedOn)}办结。`);
  return { repliedOn: on, closedOn };
}

/** The day a lapse is recorded: the first working day after the last day to correct or pay. */
function lapse(b: CaseBuilder, outcome: 'other.no_correction' | 'other.unpaid_fee'): IsoDate | null {
  const lastDay = outcome === 'other.no_correction' ? b.clock().deadlines.correctionLastDay! : b.clock().deadlines.feePaymentLastDay!;
  const on = b.env.calendar.nextWorkingDay(lastDay);
  if (compareDates(on, b.env.today) > 0) return null;
  const clock = b.clock(on);
  if (clock.ended?.outcome !== outcome) throw new Error(`the clock did not end the case by ${outcome}`);
  b.add(outcome === 'other.no_correction' ? 'correction_lapsed' : 'fee_lapsed', on, clock.steps.find((s) => s.kind === 'ended')!.text, { lastDay: clock.ended.lastDay });
  return on;
}

const AUTHORITY: Record<AppealKind, string> = { reconsideration: '示例市人民政府', litigation_direct: '示例县人民法院', litigation_after_reconsideration: '示例县人民法院' };

/** One appeal filed after the reply; a correction reopens the case, which is answered again. */
function appeal(b: CaseBuilder, c: PlannedCase, serial: number): void {
  const { rng, env } = b;
  const direct = chance(rng, 0.25);
  const kind: AppealKind = direct ? 'litigation_direct' : 'reconsideration';
  const filedOn = b.env.calendar.nextWorkingDay(addDays(c.repliedOn!, int(rng, 5, direct ? 170 : 55)));
  if (compareDates(filedOn, env.today) > 0) return;
  const decide = (a: PlannedAppeal, days: [number, number]) => {
    const on = env.calendar.nextWorkingDay(addDays(a.filedOn, int(rng, ...days)));
    if (compareDates(on, env.today) > 0) return;
    a.result = weighted(rng, { upheld: 65, corrected: 15, other: 20 });
    a.decidedOn = on;
  };
  const year = filedOn.slice(0, 4);
  const first: PlannedAppeal = { kind, filedOn, authority: AUTHORITY[kind], caseNumber: `（${year}）示${direct ? '行初' : '复'}${serial}号`, result: 'pending', decidedOn: null };
  decide(first, direct ? [60, 300] : [30, 90]);
  c.appeals.push(first);
  if (kind === 'reconsideration' && first.decidedOn && first.result !== 'corrected' && chance(rng, 0.2)) {
    const sued = env.calendar.nextWorkingDay(addDays(first.decidedOn, int(rng, 3, 14)));
    if (compareDates(sued, env.today) <= 0) {
      const second: PlannedAppeal = { kind: 'litigation_after_reconsideration', filedOn: sued, authority: AUTHORITY.litigation_after_reconsideration, caseNumber: `（${sued.slice(0, 4)}）示行初${serial}号`, result: 'pending', decidedOn: null };
      decide(second, [60, 300]);
      c.appeals.push(second);
    }
  }
  for (const a of c.appeals) {
    const problem = appealProblem({ ...a, reopenDueOn: a.result === 'corrected' ? addDays(a.decidedOn!, 30) : null }, { today: env.today, floor: { date: c.repliedOn!, label: '答复日期' }, reconsiderationsFiledOn: c.appeals.filter((x) => x.kind === 'reconsideration').map((x) => x.filedOn) });
    if (problem) throw new Error(problem);
  }
  const corrected = c.appeals.find((a) => a.result === 'corrected');
  if (!corrected) return;
  const dueOn = b.workingDaysAfter(corrected.decidedOn!, 15);
  const previous = { status: c.status, outcome: c.outcome, repliedOn: c.repliedOn, closedOn: c.closedOn };
  const by = corrected.authority || appealBodyLabel(corrected.kind);
  b.add('reopened', corrected.decidedOn!, `${by}（${corrected.caseNumber}）就${APPEAL_KIND_LABELS[corrected.kind]}作出纠正决定，本机关重新办理该申请，应于${formatChineseDate(dueOn)}前重新答复。`, { appealKind: corrected.kind, authority: corrected.authority, dueOn, previous }, { appeal: corrected });
  Object.assign(c, { status: 'in_progress', outcome: null, outcomeBasis: '', repliedOn: null, closedOn: null, archivedAt: null });
  const again: OutcomeKey = chance(rng, 0.7) ? 'disclosed' : 'partly_disclosed';
  const done = reply(b, again, dueOn);
  if (done) Object.assign(c, { status: 'closed', outcome: again, outcomeBasis: OUTCOMES[again].legalBasis, ...done });
}

/**
 * One application received on `receivedOn`: its facts up to today. `transferTo` is asked of about 1 in
 * 100 cases: they are sent on to the agency that holds the information and registered there.
 */
export function planCase(rng: Rng, env: PlanEnv, receivedOn: IsoDate, n: number, opts: { appealSerial: number; transfer: boolean; transferredFrom?: PlannedCase; transferredOn?: IsoDate }): PlannedCase {
  const channel = weighted(rng, CHANNEL_WEIGHTS);
  const channelFacts = { submittedOn: receivedOn, signedForOn: channel === 'registered_post' ? receivedOn : null, arrivedOn: channel === 'ordinary_letter' ? receivedOn : null, confirmedOn: receivedOn };
  const received = determineReceivedOn({ channel, ...channelFacts }, env.today);
  const applicantKind = weighted(rng, KIND_WEIGHTS);
  const b = new CaseBuilder(rng, env, receivedOn);
  b.add('received', receivedOn, received.text, { channel, basis: received.basis, warnings: received.warnings });
  const c: PlannedCase = {
    channel,
    channelFacts,
    applicantKind,
    applicant: applicantOf(applicantKind, int(rng, 1, 30_000)),
    description: MATTERS[n % MATTERS.length]!,
    receivedOn,
    receivedExplanation: received.text,
    status: 'in_progress',
    dueOn: null,
    clockState: 'running',
    clock: null,
    outcome: null,
    outcomeBasis: '',
    repliedOn: null,
    closedOn: null,
    archivedAt: null,
    events: b.events,
    appeals: [],
    ...(opts.transferredFrom ? { transferredFrom: opts.transferredFrom } : {}),
  };
  if (opts.transferredFrom) b.add('transferred_in', opts.transferredOn!, `由其他机关转来，收到申请之日不变。`);
  const finish = (status: ApplicationStatus, fields: Partial<PlannedCase>) => Object.assign(c, { status, ...fields });
  if (opts.transfer) {
    const on = b.workingDaysAfter(receivedOn, int(rng, 1, 3));
    c.clock = b.clock(on);
    b.add('transferred_out', on, '转送本级政府所属的掌握该信息的行政机关办理。', { reason: '该信息由其他行政机关掌握' });
    c.transferredTo = planCase(rng, env, receivedOn, n + 1, { ...opts, transfer: false, transferredFrom: c, transferredOn: on });
    return finish('closed', { closedOn: on, clockState: 'ended', dueOn: c.clock.dueOn });
  }
  const outcome = weighted(rng, OUTCOME_WEIGHTS);
  handling(b, outcome);
  if (outcome === 'other.no_correction' || outcome === 'other.unpaid_fee') {
    const on = lapse(b, outcome);
    c.clock = b.clock(on ?? env.today);
    if (on) finish('closed', { outcome, outcomeBasis: OUTCOMES[outcome].legalBasis, closedOn: on, clockState: 'ended', dueOn: c.clock.dueOn });
    else finish('in_progress', { clockState: c.clock.state, dueOn: c.clock.dueOn });
    return c;
  }
  c.clock = b.clock(b.last);
  const done = reply(b, outcome, c.clock.dueOn!);
  if (!done) {
    const open = b.clock();
    return finish('in_progress', { clock: open, clockState: open.state, dueOn: open.dueOn });
  }
  finish('closed', { outcome, outcomeBasis: OUTCOMES[outcome].legalBasis, ...done, clockState: 'ended', dueOn: c.clock.dueOn });
  if (chance(rng, 0.025)) appeal(b, c, opts.appealSerial);
  if (c.status === 'closed' && compareDates(addDays(c.closedOn!, 90), env.today) < 0 && chance(rng, 0.7)) {
    const on = addDays(c.closedOn!, int(rng, 30, 90));
    b.add('archived', on, '案卷归档。');
    finish('archived', { archivedAt: new Date(`${on}T10:00:00+08:00`) });
  }
  if (c.status === 'in_progress') {
    const clock = b.clock();
    finish('in_progress', { clock, clockState: clock.state, dueOn: clock.dueOn });
  }
  return c;
}
