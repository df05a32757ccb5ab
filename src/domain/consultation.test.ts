import { describe, expect, it } from 'vitest';
import { shippedYears } from '../features/calendar/shipped.js';
import { WorkingCalendar } from './calendar.js';
import {
  adoptionReminderStage,
  adoptionReportDue,
  adoptionReportOverdue,
  chineseNumeral,
  clauseNumbers,
  consultationPhase,
  daysLeft,
  dispositionProblem,
  draftParts,
  periodDays,
  periodProblem,
  reportProblem,
} from './consultation.js';

describe('consultation period (决策条例第十五条)', () => {
  it('counts both ends: 3月1日 to 3月30日 is 30 days and needs no reason; 3月29日 does', () => {
    expect(periodDays('2026-03-01', '2026-03-30')).toBe(30);
    expect(periodProblem('2026-03-01', '2026-03-30', '')).toBeNull();
    expect(periodProblem('2026-03-01', '2026-03-29', '')).toBe('征求意见期限为 29 天，少于 30 日，须说明理由（理由将向社会公开）');
    expect(periodProblem('2026-03-01', '2026-03-20', '  ')).toMatch(/20 天/);
    expect(periodProblem('2026-03-01', '2026-03-20', '涉及今年汛期前必须实施的防汛措施')).toBeNull();
  });

  it('crosses February and a leap day by calendar days', () => {
    expect(periodDays('2028-02-01', '2028-03-01')).toBe(30);
    expect(periodDays('2027-02-01', '2027-03-02')).toBe(30);
    expect(periodProblem('2026-05-10', '2026-05-09', '')).toBe('截止日期不能早于开始日期');
  });
});

describe('phase and time left', () => {
  const c = { published: true, reported: false, startsOn: '2026-11-01', endsOn: '2026-11-30' };
  it('moves from upcoming to open to closed by China days', () => {
    expect(consultationPhase({ ...c, published: false }, '2026-11-10')).toBe('draft');
    expect(consultationPhase(c, '2026-10-31')).toBe('upcoming');
    expect(consultationPhase(c, '2026-11-01')).toBe('open');
    expect(consultationPhase(c, '2026-11-30')).toBe('open');
    expect(consultationPhase(c, '2026-12-01')).toBe('closed');
    expect(consultationPhase({ ...c, reported: true }, '2026-12-05')).toBe('reported');
  });

  it('counts today among the days left', () => {
    expect(daysLeft('2026-11-30', '2026-11-25')).toBe(6);
    expect(daysLeft('2026-11-30', '2026-11-30')).toBe(1);
    expect(daysLeft('2026-11-30', '2026-12-01')).toBe(0);
  });
});

describe('adoption report (意见采纳情况) within a month of closing', () => {
  it('is due a month after the last day, the month’s end where the day is missing', () => {
    expect(adoptionReportDue('2026-03-10')).toBe('2026-04-10');
    expect(adoptionReportDue('2026-01-31')).toBe('2026-02-28');
    expect(adoptionReportDue('2028-01-31')).toBe('2028-02-29');
    expect(adoptionReportDue('2026-12-15')).toBe('2027-01-15');
  });

  it('is overdue from the day after, until published', () => {
    expect(adoptionReportOverdue('2026-03-10', false, '2026-04-10')).toBe(false);
    expect(adoptionReportOverdue('2026-03-10', false, '2026-04-11')).toBe(true);
    expect(adoptionReportOverdue('2026-03-10', true, '2026-05-11')).toBe(false);
  });

  it('waits for the close, the moderation and a disposition of every comment', () => {
    const base = { endsOn: '2026-03-10', today: '2026-03-11', pending: 0, undisposed: 0 };
    expect(reportProblem({ ...base, today: '2026-03-10' })).toBe('征求意见尚未结束，不能公布采纳情况');
    expect(reportProblem({ ...base, pending: 2 })).toBe('还有 2 条意见未审核');
    expect(reportProblem({ ...base, undisposed: 1 })).toBe('还有 1 条意见未作采纳处理');
    expect(reportProblem(base)).toBeNull();
  });

  it('asks a reason of a partly or not adopted comment', () => {
    expect(dispositionProblem('adopted', '')).toBeNull();
    expect(dispositionProblem('partly_adopted', ' ')).toBe('部分采纳的意见须说明理由');
    expect(dispositionProblem('not_adopted', '')).toBe('未采纳的意见须说明理由');
    expect(dispositionProblem('not_adopted', '超出本办法调整范围')).toBeNull();
  });
});

describe("the draft's clauses", () => {
  it('reads article numbers up to the hundreds', () => {
    expect(['一', '十', '十一', '二十', '二十三', '一百', '一百零五', '一百二十', '一百二十三'].map(chineseNumeral)).toEqual([1, 10, 11, 20, 23, 100, 105, 120, 123]);
    expect(chineseNumeral('条')).toBeNull();
  });

  it('numbers a draft in articles by its articles, with chapter headings apart and later paragraphs kept with their article', () => {
    const draft = ['示例县城乡居民养老补贴办法（征求意见稿）', '第一章 总则', '第一条 为了……制定本办法。', '第二条 本办法适用于本县户籍居民。', '前款所称居民，包括……', '第二章 补贴标准', '第三条 补贴标准为每人每月100元。'].join('\n');
    expect(draftParts(draft)).toEqual([
      { clause: null, text: '示例县城乡居民养老补贴办法（征求意见稿）' },
      { clause: null, text: '第一章 总则' },
      { clause: 1, text: '第一条 为了……制定本办法。' },
      { clause: 2, text: '第二条 本办法适用于本县户籍居民。\n前款所称居民，包括……' },
      { clause: null, text: '第二章 补贴标准' },
      { clause: 3, text: '第三条 补贴标准为每人每月100元。' },
    ]);
    expect(clauseNumbers(draft)).toEqual([1, 2, 3]);
  });

  it('numbers any other draft by paragraph, blank lines ignored', () => {
    expect(draftParts('一、目标\n\n二、措施\r\n三、保障')).toEqual([
      { clause: 1, text: '一、目标' },
      { clause: 2, text: '二、措施' },
      { clause: 3, text: '三、保障' },
    ]);
  });
});

describe('adoption report reminders', () => {
  const cal = new WorkingCalendar(shippedYears());
  it('go 5 working days before the due date, counted past 国庆 2025 and its 调休 Saturday', () => {
    // Closed 20 September 2025, due 20 October. 11 October is a 调休 Saturday (worked): on the 11th and
    // the 12th six working days are left (13–17, 20), on the 13th five.
    expect(adoptionReportDue('2025-09-20')).toBe('2025-10-20');
    expect(adoptionReminderStage('2025-09-20', '2025-09-20', cal)).toBeNull();
    expect(adoptionReminderStage('2025-09-20', '2025-10-08', cal)).toBeNull();
    expect(adoptionReminderStage('2025-09-20', '2025-10-12', cal)).toBeNull();
    expect(adoptionReminderStage('2025-09-20', '2025-10-13', cal)).toBe('final');
    expect(adoptionReminderStage('2025-09-20', '2025-10-20', cal)).toBe('final');
    expect(adoptionReminderStage('2025-09-20', '2025-10-21', cal)).toBe('late');
    expect(adoptionReminderStage('2025-09-20', '2025-11-19', cal)).toBe('late');
    expect(adoptionReminderStage('2025-09-20', '2025-11-20', cal)).toBeNull();
  });

  it('before a due date in the Spring Festival of 2026, count the 调休 Saturday of 14 February', () => {
    // Closed 20 January 2026, due 20 February, inside 15–23 February's holiday: the working days left
    // on 8 February are 9–13 and the 14th (a 调休 Saturday), six; on the 9th five.
    expect(adoptionReminderStage('2026-01-20', '2026-02-08', cal)).toBeNull();
    expect(adoptionReminderStage('2026-01-20', '2026-02-09', cal)).toBe('final');
    expect(adoptionReminderStage('2026-01-20', '2026-02-21', cal)).toBe('late');
  });

  it('count only working days when the due date is a Saturday', () => {
    // Closed 30 April 2026, due Saturday 30 May: on Thursday 21 May six working days are left
    // (22, 25–29), on Friday the 22nd five.
    expect(adoptionReportDue('2026-04-30')).toBe('2026-05-30');
    expect(adoptionReminderStage('2026-04-30', '2026-05-21', cal)).toBeNull();
    expect(adoptionReminderStage('2026-04-30', '2026-05-22', cal)).toBe('final');
  });
});
