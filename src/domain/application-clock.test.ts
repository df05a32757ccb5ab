import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { WorkingCalendar } from './calendar.js';
import type { HolidayYear } from './calendar.js';
import {
  APPLICATION_RULE_DEFAULTS,
  ApplicationClockError,
  clockChangeNote,
  computeApplicationClock,
  extensionProblem,
  ruleSettingsProblems,
  trafficLight,
} from './application-clock.js';
import type { ApplicationClockFacts, ApplicationRuleSettings } from './application-clock.js';

// The real arrangements shipped in resources/holiday-cn (the State Council notices 2007–2026).
const SHIPPED_DIR = new URL('../../resources/holiday-cn/', import.meta.url);
const cal = new WorkingCalendar(
  readdirSync(SHIPPED_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(new URL(f, SHIPPED_DIR), 'utf8')) as HolidayYear),
);

/** Far enough after every fact below that no pause is still open unless a test says so. */
const LATER = '2026-12-31';

function clock(facts: ApplicationClockFacts, today = LATER, settings?: ApplicationRuleSettings) {
  return computeApplicationClock(facts, today, cal, settings);
}

function due(facts: ApplicationClockFacts, today = LATER, settings?: ApplicationRuleSettings): string | null {
  return clock(facts, today, settings).dueOn;
}

function refusal(facts: ApplicationClockFacts, today = LATER, settings?: ApplicationRuleSettings): ApplicationClockError {
  try {
    clock(facts, today, settings);
  } catch (e) {
    expect(e).toBeInstanceOf(ApplicationClockError);
    return e as ApplicationClockError;
  }
  throw new Error('expected a refusal');
}

describe('RULES.md worked examples A–I', () => {
  it('A: received Fri 2024-09-27 across 国庆 (Sun 09-29 and Sat 10-12 worked) → 2024-10-30', () => {
    expect(due({ receivedOn: '2024-09-27' })).toBe('2024-10-30');
  });

  it('B: received Fri 2025-01-24 across 春节 (Sun 01-26 and Sat 02-08 worked) → 2025-02-27', () => {
    expect(due({ receivedOn: '2025-01-24' })).toBe('2025-02-27');
  });

  it('C: as B, correction notice 2025-01-27, corrected request 2025-02-10 → 2025-03-10', () => {
    const r = clock({ receivedOn: '2025-01-24', correction: { noticeSentOn: '2025-01-27', correctedReceivedOn: '2025-02-10' } });
    expect(r.dueOn).toBe('2025-03-10');
    expect(r.startOn).toBe('2025-02-10');
    expect(r.state).toBe('running');
    expect(r.warnings).toEqual([]);
  });

  it('D: received 2024-04-03, 20 working days of extension (清明, 劳动节 with 调休) → 2024-05-31; without → 2024-05-06', () => {
    expect(due({ receivedOn: '2024-04-03', extensions: [{ approvedOn: '2024-04-29', days: 20 }] })).toBe('2024-05-31');
    expect(due({ receivedOn: '2024-04-03' })).toBe('2024-05-06');
  });

  it('E: received 2024-09-02, third party consulted 09-10, answer 09-20 → 2024-10-15; without → 2024-09-30', () => {
    const r = clock({ receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', sentOn: '2024-09-10', answeredOn: '2024-09-20' }] });
    expect(r.dueOn).toBe('2024-10-15');
    expect(r.pauses).toEqual([
      { kind: 'third_party', label: '征求第三方意见', from: '2024-09-10', to: '2024-09-20', end: 'answered', open: false, workingDays: 7 },
    ]);
    expect(due({ receivedOn: '2024-09-02' })).toBe('2024-09-30');
  });

  it('F: received 2024-04-26, third party consulted 05-06 and silent, its 15 working days end 05-24 → 2024-06-18; without → 2024-05-27', () => {
    const r = clock({ receivedOn: '2024-04-26', consultations: [{ kind: 'third_party', sentOn: '2024-05-06' }] });
    expect(r.dueOn).toBe('2024-06-18');
    expect(r.deadlines.consultations).toEqual([{ kind: 'third_party', sentOn: '2024-05-06', lastDay: '2024-05-24' }]);
    expect(r.pauses[0]).toMatchObject({ to: '2024-05-24', end: 'expired', open: false, workingDays: 15 });
    expect(due({ receivedOn: '2024-04-26' })).toBe('2024-05-27');
  });

  it('G: received 2024-09-27, last day for a correction notice (7 working days, Sun 09-29 and Sat 10-12 worked) → 2024-10-12', () => {
    expect(clock({ receivedOn: '2024-09-27' }).deadlines.correctionNoticeLastDay).toBe('2024-10-12');
  });

  it('H: received 2023-12-25 across 元旦 (2024-01-01 off) → 2024-01-23', () => {
    expect(due({ receivedOn: '2023-12-25' })).toBe('2024-01-23');
  });

  it('I: received on the worked Saturday 2024-10-12 → 2024-11-08', () => {
    expect(due({ receivedOn: '2024-10-12' })).toBe('2024-11-08');
  });
});

describe('more real dates, counted by hand from the holiday data', () => {
  it.each([
    ['Mon 2023-09-25: 中秋国庆 09-29…10-06 off, Sat 10-07 and Sun 10-08 worked: 3 before, 2 调休, then 15 → 2023-10-27', '2023-09-25', '2023-10-27'],
    ['Fri 2023-01-20: 春节 01-21…27 off, Sat 01-28 and Sun 01-29 counted as days 1 and 2 → 2023-02-22', '2023-01-20', '2023-02-22'],
    ['Thu 2022-09-29: Fri 09-30 is day 1, 国庆 10-01…07 off, Sat 10-08 and Sun 10-09 days 2 and 3 → 2022-11-01', '2022-09-29', '2022-11-01'],
    ['Tue 2021-02-09: 02-10 day 1, 春节 02-11…17 off, Sat 02-20 worked as day 4 → 2021-03-15', '2021-02-09', '2021-03-15'],
    ['Mon 2020-01-20: 春节 extended to 02-02 (01-24…02-02 off), 3 days before it → 2020-02-25', '2020-01-20', '2020-02-25'],
    ['Wed 2025-12-31: 元旦 2026-01-01…03 off, Sun 01-04 worked is day 1 → 2026-01-29', '2025-12-31', '2026-01-29'],
    ['Thu 2021-12-30: Fri 12-31 day 1, 元旦 2022-01-01…03 off (Mon 01-03 included) → 2022-01-28', '2021-12-30', '2022-01-28'],
    ['Fri 2026-02-06: Sat 02-14 worked (day 6), 春节 02-15…23 off (9 days), Sat 02-28 worked (day 11) → 2026-03-12', '2026-02-06', '2026-03-12'],
    ['Fri 2026-09-18: Sun 09-20 worked, 中秋 09-25…27 off, 国庆 10-01…07 off, Sat 10-10 worked → 2026-10-22', '2026-09-18', '2026-10-22'],
    ['Tue 2024-10-01, received on a holiday (online, confirmed that day): nothing counts until Tue 10-08 → 2024-11-01', '2024-10-01', '2024-11-01'],
    ['Sun 2024-04-07, received on the 清明 调休 Sunday: 劳动节 05-01…05 off, Sun 04-28 worked → 2024-05-07', '2024-04-07', '2024-05-07'],
    ['Mon 2019-09-23: Sun 09-29 worked (day 5), 国庆 10-01…07 off, Sat 10-12 worked (day 11) → 2019-10-24', '2019-09-23', '2019-10-24'],
    ['Fri 2021-09-17: Sat 09-18 worked, 中秋 09-19…21 off, Sun 09-26 worked, 国庆 10-01…07 off, Sat 10-09 worked → 2021-10-21', '2021-09-17', '2021-10-21'],
    ['Wed 2020-09-23: Sun 09-27 worked, 国庆中秋 10-01…08 off (8 days), Sat 10-10 worked → 2020-10-27', '2020-09-23', '2020-10-27'],
    ['Mon 2025-09-01: the 20th working day is the worked Sunday 2025-09-28 (国庆 调休)', '2025-09-01', '2025-09-28'],
    ['Fri 2024-02-02: Sun 02-04 worked (day 1), 春节 02-10…17 off, Sun 02-18 worked (day 7) → 2024-03-06', '2024-02-02', '2024-03-06'],
  ])('%s', (_name, receivedOn, expected) => {
    const r = clock({ receivedOn });
    expect(r.dueOn).toBe(expected);
    expect(r.missingYears).toEqual([]);
  });

  it('a due date in a year without an arrangement (2027) assumes plain weekends and says so: Thu 2026-12-10 → 2027-01-07', () => {
    const r = clock({ receivedOn: '2026-12-10' });
    expect(r.dueOn).toBe('2027-01-07');
    expect(r.missingYears).toEqual([2027]);
    expect(r.steps.find((s) => s.kind === 'count')!.text).toContain('尚未录入2027年的节假日安排');
  });

  it('a local reply period of 15 working days (settings are data): 2024-09-27 → 2024-10-23', () => {
    expect(due({ receivedOn: '2024-09-27' }, LATER, { ...APPLICATION_RULE_DEFAULTS, replyDays: 15 })).toBe('2024-10-23');
  });
});

describe('correction (第三十条)', () => {
  const received = '2024-02-01';
  const notice = { noticeSentOn: '2024-02-06' };

  it('notice deadline 7 working days from Thu 2024-02-01 (Sun 02-04 worked) → 2024-02-09; correction period 15 working days from 02-06 across 春节 (Sun 02-18 worked) → 2024-03-04', () => {
    const r = clock({ receivedOn: received, correction: notice }, '2024-02-20');
    expect(r.deadlines.correctionNoticeLastDay).toBe('2024-02-09');
    expect(r.deadlines.correctionLastDay).toBe('2024-03-04');
    expect(r.state).toBe('awaiting_correction');
    expect(r.dueOn).toBeNull();
    expect(r.startOn).toBeNull();
    expect(r.steps[r.steps.length - 1]!.text).toBe('等待申请人补正，补正期限至2024年3月4日；收到补正的申请后开始计算答复期限。');
  });

  it('corrected request received Fri 2024-03-01: 20 working days restart from it → 2024-03-29', () => {
    const r = clock({ receivedOn: received, correction: { ...notice, correctedReceivedOn: '2024-03-01' } });
    expect(r.dueOn).toBe('2024-03-29');
    expect(r.startOn).toBe('2024-03-01');
  });

  it('still awaited on the last day of the period (2024-03-04), lapsed the day after: the case ends other.no_correction', () => {
    expect(clock({ receivedOn: received, correction: notice }, '2024-03-04').state).toBe('awaiting_correction');
    const r = clock({ receivedOn: received, correction: notice }, '2024-03-05');
    expect(r.state).toBe('ended');
    expect(r.ended).toEqual({ outcome: 'other.no_correction', lastDay: '2024-03-04' });
    expect(r.dueOn).toBeNull();
    expect(r.steps.some((s) => s.kind === 'ended' && s.text.includes('视为放弃申请'))).toBe(true);
  });

  it('a period of 10 working days set in the notice: from 2024-10-08 (Sat 10-12 worked) → 2024-10-21', () => {
    const r = clock({ receivedOn: '2024-09-27', correction: { noticeSentOn: '2024-10-08', periodDays: 10 } }, '2024-10-10');
    expect(r.deadlines.correctionLastDay).toBe('2024-10-21');
    const viaSettings = clock({ receivedOn: '2024-09-27', correction: { noticeSentOn: '2024-10-08' } }, '2024-10-10', {
      ...APPLICATION_RULE_DEFAULTS,
      correctionPeriodDays: 10,
    });
    expect(viaSettings.deadlines.correctionLastDay).toBe('2024-10-21');
  });

  it('across 国庆 2025 (10-01…08 off): received Thu 09-25, notice deadline Sat 10-11; corrected Thu 10-09 → 2025-11-05', () => {
    const r = clock({ receivedOn: '2025-09-25', correction: { noticeSentOn: '2025-09-26', correctedReceivedOn: '2025-10-09' } });
    expect(r.deadlines.correctionNoticeLastDay).toBe('2025-10-11');
    expect(r.dueOn).toBe('2025-11-05');
  });

  it('a late notice and a late corrected request are kept on record as warnings', () => {
    const r = clock({ receivedOn: '2024-09-27', correction: { noticeSentOn: '2024-10-14', correctedReceivedOn: '2024-11-20' } });
    expect(r.warnings).toEqual([
      '补正通知于2024年10月14日发出，晚于收到申请后 7 个工作日的期限（2024年10月12日）',
      '补正的申请于2024年11月20日收到，已超过补正期限（2024年11月4日）',
    ]);
    expect(r.startOn).toBe('2024-11-20');
  });

  it('C with an extension of 5 working days on top → 2025-03-17', () => {
    const r = clock({
      receivedOn: '2025-01-24',
      correction: { noticeSentOn: '2025-01-27', correctedReceivedOn: '2025-02-10' },
      extensions: [{ approvedOn: '2025-03-03', days: 5 }],
    });
    expect(r.dueOn).toBe('2025-03-17');
    expect(r.extensionDays).toBe(5);
  });
});

describe('extension (第三十三条第二款)', () => {
  it('two extensions of 10 add up like one of 20 (D → 2024-05-31)', () => {
    expect(
      due({ receivedOn: '2024-04-03', extensions: [{ approvedOn: '2024-04-25', days: 10 }, { approvedOn: '2024-05-06', days: 10 }] }),
    ).toBe('2024-05-31');
  });

  it('across 国庆 2025: 2025-09-01 + 20 + 20 → 2025-10-31 (08 days off, Sat 10-11 worked)', () => {
    expect(due({ receivedOn: '2025-09-01', extensions: [{ approvedOn: '2025-09-26', days: 20 }] })).toBe('2025-10-31');
  });

  it('more than 20 working days in total is refused', () => {
    const e = refusal({ receivedOn: '2024-04-03', extensions: [{ approvedOn: '2024-04-25', days: 15 }, { approvedOn: '2024-05-06', days: 6 }] });
    expect(e.code).toBe('extension_limit');
    expect(e.message).toBe('延长答复期限合计不得超过 20 个工作日（条例第三十三条第二款），已登记 21 个工作日');
    expect(extensionProblem([{ approvedOn: '2024-04-25', days: 15 }], 6)).toBe(
      '延长答复期限合计不得超过 20 个工作日（条例第三十三条第二款）：已延长 15 个工作日，本次申请延长 6 个工作日',
    );
    expect(extensionProblem([{ approvedOn: '2024-04-25', days: 15 }], 5)).toBeNull();
    expect(extensionProblem([], 0)).toBe('延长的期限须为正整数个工作日：0');
  });

  it('an extension approved after the original due date is noted', () => {
    const r = clock({ receivedOn: '2024-04-03', extensions: [{ approvedOn: '2024-05-07', days: 5 }] });
    expect(r.warnings).toEqual(['延期于2024年5月7日批准，晚于原答复期限（2024年5月6日）']);
  });
});

describe('pauses for consultation (第三十二、三十三、三十四条)', () => {
  it('another agency consulted Fri 2025-04-25, answered Wed 05-07 (劳动节 05-01…05, Sun 04-27 worked): 6 days not counted → 2025-05-29; without → 2025-05-21', () => {
    const r = clock({ receivedOn: '2025-04-21', consultations: [{ kind: 'other_agency', party: '市自然资源局', sentOn: '2025-04-25', answeredOn: '2025-05-07' }] });
    expect(r.dueOn).toBe('2025-05-29');
    expect(r.pauses[0]).toMatchObject({ kind: 'other_agency', label: '征求其他行政机关意见（市自然资源局）', workingDays: 6 });
    expect(r.deadlines.consultations).toEqual([{ kind: 'other_agency', party: '市自然资源局', sentOn: '2025-04-25', lastDay: '2025-05-20' }]);
    expect(due({ receivedOn: '2025-04-21' })).toBe('2025-05-21');
  });

  it('overlapping pauses count the shared days once: E plus another agency 09-13…09-25 → 10 days not counted → 2024-10-18', () => {
    const r = clock({
      receivedOn: '2024-09-02',
      consultations: [
        { kind: 'third_party', sentOn: '2024-09-10', answeredOn: '2024-09-20' },
        { kind: 'other_agency', sentOn: '2024-09-13', answeredOn: '2024-09-25' },
      ],
    });
    expect(r.dueOn).toBe('2024-10-18');
    expect(r.pauses.map((p) => p.workingDays)).toEqual([7, 7]);
    expect(r.steps.some((s) => s.text === '上述暂停期间有重叠，重叠的工作日只扣除一次，合计 10 个工作日不计入答复期限。')).toBe(true);
  });

  it('an open consultation counts to its last day (2024-10-08) and flags the case paused → 2024-10-25; once expired it stays 2024-10-25, running', () => {
    const facts: ApplicationClockFacts = { receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', sentOn: '2024-09-10' }] };
    const open = clock(facts, '2024-09-20');
    expect(open.state).toBe('paused');
    expect(open.paused).toBe(true);
    expect(open.pauses[0]).toMatchObject({ to: '2024-10-08', end: 'open', open: true });
    expect(open.dueOn).toBe('2024-10-25');
    expect(open.steps[open.steps.length - 1]!.text).toContain('暂停中');
    const lastDay = clock(facts, '2024-10-08');
    expect(lastDay.state).toBe('paused');
    const expired = clock(facts, '2024-10-09');
    expect(expired.state).toBe('running');
    expect(expired.pauses[0]).toMatchObject({ end: 'expired', open: false });
    expect(expired.dueOn).toBe('2024-10-25');
  });

  it('an answer after the 15 working days does not stretch the pause (F answered 05-28 → still 2024-06-18)', () => {
    const r = clock({ receivedOn: '2024-04-26', consultations: [{ kind: 'third_party', sentOn: '2024-05-06', answeredOn: '2024-05-28' }] });
    expect(r.dueOn).toBe('2024-06-18');
    expect(r.warnings[0]).toContain('晚于15个工作日的答复期限（2024年5月24日）');
  });

  it('a consultation sent after the due date does not move it (due 2024-09-30, letter 10-08)', () => {
    const r = clock({ receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', sentOn: '2024-10-08', answeredOn: '2024-10-10' }] });
    expect(r.dueOn).toBe('2024-09-30');
    expect(r.warnings).toEqual(['征求第三方意见于2024年10月8日开始，答复期限（2024年9月30日）已届至']);
  });
});

describe('fee notice pause (收费办法)', () => {
  const facts: ApplicationClockFacts = { receivedOn: '2025-03-03', feeNotice: { noticeSentOn: '2025-03-10' } };

  it('notice Mon 2025-03-10, paid Fri 03-21: 9 days not counted, 清明 04-04 off → 2025-04-14; without → 2025-03-31', () => {
    const r = clock({ ...facts, feeNotice: { noticeSentOn: '2025-03-10', paidOn: '2025-03-21' } });
    expect(r.dueOn).toBe('2025-04-14');
    expect(r.pauses).toEqual([
      { kind: 'fee', label: '信息处理费收费通知至缴费', from: '2025-03-10', to: '2025-03-21', end: 'paid', open: false, workingDays: 9 },
    ]);
    expect(r.deadlines.feePaymentLastDay).toBe('2025-04-08');
    expect(due({ receivedOn: '2025-03-03' })).toBe('2025-03-31');
  });

  it('unpaid on the last day (2025-04-08): paused, counted to that day, the 劳动节 调休 Sun 04-27 included → 2025-04-28; the day after: ended other.unpaid_fee', () => {
    const open = clock(facts, '2025-04-08');
    expect(open.state).toBe('paused');
    expect(open.dueOn).toBe('2025-04-28');
    const lapsed = clock(facts, '2025-04-09');
    expect(lapsed.state).toBe('ended');
    expect(lapsed.ended).toEqual({ outcome: 'other.unpaid_fee', lastDay: '2025-04-08' });
    expect(lapsed.dueOn).toBeNull();
  });

  it('a payment period of 10 working days (settings) ends 2025-03-24', () => {
    const r = clock(facts, '2025-03-12', { ...APPLICATION_RULE_DEFAULTS, feePaymentDays: 10 });
    expect(r.deadlines.feePaymentLastDay).toBe('2025-03-24');
  });
});

describe('第三十五条 later date', () => {
  it('replaces the statutory due date (2024-03-29) and says so', () => {
    const r = clock({ receivedOn: '2024-03-01', laterDate: { decidedOn: '2024-03-05', dueOn: '2024-06-28' } });
    expect(r.dueOn).toBe('2024-06-28');
    expect(r.statutoryDueOn).toBe('2024-03-29');
    expect(r.steps.find((s) => s.kind === 'later_date')!.text).toContain('条例第三十五条');
  });

  it('one not later than the statutory date is noted; one before its decision is refused', () => {
    expect(clock({ receivedOn: '2024-03-01', laterDate: { decidedOn: '2024-03-05', dueOn: '2024-03-20' } }).warnings).toEqual([
      '按第三十五条确定的延迟答复期限（2024年3月20日）并不晚于法定答复期限（2024年3月29日）',
    ]);
    expect(refusal({ receivedOn: '2024-03-01', laterDate: { decidedOn: '2024-03-05', dueOn: '2024-03-05' } }).code).toBe('out_of_order');
  });
});

describe('reopened by a decision that corrects the handling (复议纠正、判决纠正)', () => {
  const E: ApplicationClockFacts = { receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', sentOn: '2024-09-10', answeredOn: '2024-09-20' }] };

  it('the date the decision sets replaces E’s 2024-10-15; the first account stays as history', () => {
    const r = clock({ ...E, reopened: { decidedOn: '2024-12-20', authority: '示例县人民政府', dueOn: '2025-01-24' } });
    expect(r.dueOn).toBe('2025-01-24');
    expect(r.statutoryDueOn).toBe('2024-10-15');
    expect(r.state).toBe('running');
    expect(r.steps.map((s) => s.kind)).toEqual(['start', 'count', 'pause', 'count', 'reopened', 'due']);
    expect(r.steps.find((s) => s.kind === 'reopened')!.text).toBe(
      '2024年12月20日示例县人民政府作出纠正决定，本机关重新处理该申请，按决定确定的期限于2025年1月24日前重新答复（以上原答复期限的计算仅为办理记录）。',
    );
    expect(r.steps.at(-1)!.text).toBe('答复期限为2025年1月24日。');
  });

  it('opens again a case that had ended by a lapsed correction, and is no longer paused by an unanswered consultation', () => {
    const lapsed: ApplicationClockFacts = { receivedOn: '2024-09-02', correction: { noticeSentOn: '2024-09-04' } };
    expect(clock(lapsed).state).toBe('ended');
    const r = clock({ ...lapsed, reopened: { decidedOn: '2024-11-29', dueOn: '2024-12-27' } });
    expect(r).toMatchObject({ state: 'running', dueOn: '2024-12-27', paused: false });
    expect(r.ended).toBeUndefined();
    expect(r.steps.find((s) => s.kind === 'reopened')!.text).toContain('复议机关或人民法院作出纠正决定');
    const waiting = clock({ receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', sentOn: '2024-09-10' }], reopened: { decidedOn: '2024-09-20', dueOn: '2024-10-30' } }, '2024-09-24');
    expect(waiting).toMatchObject({ state: 'running', paused: false, dueOn: '2024-10-30' });
  });

  it('refuses a new due date not after the decision, a decision in the future or before the application', () => {
    expect(refusal({ ...E, reopened: { decidedOn: '2024-12-20', dueOn: '2024-12-20' } }).code).toBe('out_of_order');
    expect(refusal({ ...E, reopened: { decidedOn: '2024-12-20', dueOn: '2025-01-24' } }, '2024-12-19').code).toBe('future_date');
    expect(refusal({ ...E, reopened: { decidedOn: '2024-08-30', dueOn: '2024-09-30' } }).message).toBe('纠正决定作出日期（2024年8月30日）早于收到申请之日（2024年9月2日）');
    expect(refusal({ ...E, reopened: { decidedOn: '2024-12-20', dueOn: '2025-02-30' } }).code).toBe('invalid_date');
  });

  it('the change note names the moved due date', () => {
    const before = clock(E);
    const after = clock({ ...E, reopened: { decidedOn: '2024-12-20', dueOn: '2025-01-24' } });
    expect(clockChangeNote(before, after, '纠正后重新办理')).toBe('纠正后重新办理：答复期限由2024年10月15日改为2025年1月24日。');
  });
});

describe('the explanation', () => {
  it('tells E step by step in Chinese: start, counted days, the pause, the holidays and 调休 of the rest, the due date', () => {
    const r = clock({ receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', party: '某置业有限公司', sentOn: '2024-09-10', answeredOn: '2024-09-20' }] });
    expect(r.steps.map((s) => s.kind)).toEqual(['start', 'count', 'pause', 'count', 'due']);
    expect(r.steps.map((s) => s.text)).toEqual([
      '2024年9月2日收到申请（当日不计入）。不能当场答复的，应当自收到申请之日起 20 个工作日内答复（《中华人民共和国政府信息公开条例》（以下简称条例）第三十三条第二款）。',
      '暂停前计算 6 个工作日（累计 6 个）：自2024年9月2日（星期一，当日不计入）起算第6个工作日为2024年9月10日（星期二），共 8 个日历日。期间跳过周末 2 天。',
      '2024年9月10日起征求第三方意见（某置业有限公司），2024年9月20日收到答复；期间 7 个工作日不计入答复期限（条例第三十二条、第三十三条第三款）。',
      '自暂停结束之日续算剩余 14 个工作日：自2024年9月20日（星期五，当日不计入）起算第14个工作日为2024年10月15日（星期二），共 25 个日历日。期间跳过周末 4 天、法定节假日 7 天（国庆节 10月1日至10月7日），调休上班 2 天（国庆节 9月29日、10月12日）计入工作日。',
      '答复期限为2024年10月15日。',
    ]);
  });

  it('puts corrections, extensions and pauses in date order', () => {
    const r = clock({
      receivedOn: '2025-01-24',
      correction: { noticeSentOn: '2025-01-27', correctedReceivedOn: '2025-02-10' },
      consultations: [{ kind: 'third_party', sentOn: '2025-02-20', answeredOn: '2025-02-25' }],
      extensions: [{ approvedOn: '2025-03-05', days: 5 }],
    });
    expect(r.steps.map((s) => s.kind)).toEqual(['start', 'correction', 'correction', 'count', 'pause', 'extension', 'count', 'due']);
    const dated = r.steps.filter((s) => s.date).map((s) => s.date!);
    expect(dated).toEqual([...dated].sort());
  });
});

describe('refusals', () => {
  it('refuses facts in the future, out of order, or invalid', () => {
    expect(refusal({ receivedOn: '2024-09-02' }, '2024-09-01').code).toBe('future_date');
    expect(refusal({ receivedOn: '2024-02-30' }).message).toBe('收到申请之日不是有效日期：2024-02-30');
    const e = refusal({ receivedOn: '2024-09-02', consultations: [{ kind: 'third_party', sentOn: '2024-09-10', answeredOn: '2024-09-09' }] });
    expect(e.code).toBe('out_of_order');
    expect(e.message).toBe('征求第三方意见的答复日期（2024年9月9日）早于征求第三方意见函发出日期（2024年9月10日）');
    expect(refusal({ receivedOn: '2024-09-02', correction: { noticeSentOn: '2024-09-01' } }).code).toBe('out_of_order');
    expect(refusal({ receivedOn: '2024-09-02', extensions: [{ approvedOn: '2024-09-05', days: 0 }] }).code).toBe('invalid_days');
    expect(refusal({ receivedOn: '2024-09-02', feeNotice: { noticeSentOn: '2024-09-05', paidOn: '2024-09-04' } }).code).toBe('out_of_order');
  });

  it('refuses unusable settings', () => {
    expect(ruleSettingsProblems(APPLICATION_RULE_DEFAULTS)).toEqual([]);
    expect(ruleSettingsProblems({ ...APPLICATION_RULE_DEFAULTS, replyDays: 0, dueSoonDays: 0 })).toEqual([
      '答复期限须为 1 至 1000 之间的整数个工作日：0',
    ]);
    expect(refusal({ receivedOn: '2024-09-02' }, LATER, { ...APPLICATION_RULE_DEFAULTS, consultationDays: 1.5 }).code).toBe('invalid_settings');
  });
});

describe('settings defaults', () => {
  it('are the values of RULES.md', () => {
    expect(APPLICATION_RULE_DEFAULTS).toEqual({
      replyDays: 20,
      correctionNoticeDays: 7,
      correctionPeriodDays: 15,
      maxExtensionDays: 20,
      consultationDays: 15,
      feePaymentDays: 20,
      dueSoonDays: 5,
    });
  });
});

describe('trafficLight', () => {
  it.each([
    ['2024-10-22', 'on_track', '6 working days left before A’s due date 2024-10-30'],
    ['2024-10-23', 'due_soon', '5 working days left'],
    ['2024-10-30', 'due_soon', 'due today'],
    ['2024-10-31', 'overdue', 'the day after'],
  ] as const)('today %s → %s (%s)', (today, light, _why) => {
    expect(trafficLight('2024-10-30', today, cal)).toBe(light);
  });

  it('counts working days, not calendar days: due 2024-10-08 is due soon on 09-27 (only 09-29, 09-30, 10-08 left), on track on 09-20', () => {
    expect(trafficLight('2024-10-08', '2024-09-27', cal)).toBe('due_soon');
    expect(trafficLight('2024-10-08', '2024-09-20', cal)).toBe('on_track');
  });

  it('follows the configured warning period', () => {
    expect(trafficLight('2024-10-30', '2024-10-22', cal, { ...APPLICATION_RULE_DEFAULTS, dueSoonDays: 6 })).toBe('due_soon');
  });
});

describe('clockChangeNote', () => {
  it('records what a changed arrangement moved, and nothing when nothing moved', () => {
    const facts: ApplicationClockFacts = { receivedOn: '2024-09-27' };
    const before = clock(facts);
    // The same case on a calendar that never heard of the 2024 notice: plain weekends all year.
    const bare = new WorkingCalendar([]);
    const after = computeApplicationClock(facts, LATER, bare);
    expect(after.dueOn).toBe('2024-10-25');
    expect(after.missingYears).toEqual([2024]);
    expect(clockChangeNote(before, after, '2024年节假日安排变更')).toBe(
      '2024年节假日安排变更：答复期限由2024年10月30日改为2024年10月25日；补正告知期限由2024年10月12日改为2024年10月8日。',
    );
    expect(clockChangeNote(before, clock(facts), '重新计算')).toBeNull();
  });
});
