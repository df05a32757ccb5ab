// The working-day calendar (RULES.md §1). Pure: built from holiday arrangements given as data
// (resources/holiday-cn, or a year an administrator entered), never from the clock.
//
// - A working day is Monday–Friday, except official holidays (放假), plus the weekend days the
//   State Council declares working days (调休上班).
// - "N working days from D" is the N-th working day strictly after D: the day of the triggering
//   event is not counted (《民法典》第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算).
// - Every computed date carries its explanation (skipped weekends and holidays, 调休 days counted).

import { addDays, compareDates, dayOfWeek, daysBetween, formatChineseDate, isIsoDate, weekdayName } from './dates.js';
import type { IsoDate } from './dates.js';

/** One day of a State Council holiday notice, in the holiday-cn format. */
export interface HolidayDay {
  name: string;
  date: IsoDate;
  /** true = 放假 (day off); false = 调休上班 (a weekend day worked). */
  isOffDay: boolean;
}

/**
 * One year's arrangement, in the holiday-cn format. `year` is the year in the notice's title, so
 * December dates of year − 1 can sit in it (e.g. 2008.json holds 2007-12-29…31).
 */
export interface HolidayYear {
  year: number;
  papers?: string[];
  days: HolidayDay[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name, for 'holiday' and 'makeup_workday' days. */
  name?: string;
}

export interface SkippedDay {
  date: IsoDate;
  kind: 'weekend' | 'holiday';
  name?: string;
}

export interface MakeupWorkday {
  date: IsoDate;
  name: string;
}

export interface WorkingDayResult {
  /** The day of the triggering event (not counted). */
  from: IsoDate;
  /** N, the number of working days counted. */
  days: number;
  /** The N-th working day after `from`: the due date. */
  date: IsoDate;
  /** Days between `from` and `date` that were not counted, in date order. */
  skipped: SkippedDay[];
  /** Weekend days counted because they are 调休上班, in date order. */
  makeupWorkdays: MakeupWorkday[];
  /** Calendar days from `from` to `date`. */
  calendarDays: number;
  /**
   * Years whose arrangement the count depends on but which were not given (a December date also
   * depends on next year's notice). The result then assumes plain weekends: callers must warn,
   * and recompute once the arrangement is entered.
   */
  missingYears: number[];
  /** Chinese explanation for staff and applicants. */
  text: string;
}

/** Upper bound for N in addWorkingDays (no deadline in the rules comes near it). */
export const MAX_WORKING_DAYS = 1000;

/** The statutory holidays (《全国年节及纪念日放假办法》), as names an administrator picks from. */
export const holidayNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

function requireDate(d: IsoDate, what: string): void {
  if (!isIsoDate(d)) throw new RangeError(`${what}不是有效日期：${String(d)}`);
}

export class WorkingCalendar {
  private readonly byDate = new Map<IsoDate, HolidayDay>();
  private readonly arranged = new Set<number>();

  /** Merges all given years into one date map; when two years list the same date, the later one wins. */
  constructor(years: readonly HolidayYear[]) {
    for (const y of years) {
      if (y.days.length > 0) this.arranged.add(y.year);
      for (const day of y.days) {
        requireDate(day.date, `${y.year} 年安排中的日期`);
        this.byDate.set(day.date, { name: day.name, date: day.date, isOffDay: day.isOffDay });
      }
    }
  }

  /** True when an arrangement with at least one day was given for this notice year. */
  hasArrangementFor(year: number): boolean {
    return this.arranged.has(year);
  }

  /** The notice years given (with at least one day), ascending. */
  arrangedYears(): number[] {
    return [...this.arranged].sort((a, b) => a - b);
  }

  dayInfo(d: IsoDate): DayInfo {
    requireDate(d, '');
    const listed = this.byDate.get(d);
    const dow = dayOfWeek(d);
    const weekend = dow === 0 || dow === 6;
    if (listed?.isOffDay) return { date: d, working: false, kind: 'holiday', name: listed.name };
    if (weekend) {
      if (listed) return { date: d, working: true, kind: 'makeup_workday', name: listed.name };
      return { date: d, working: false, kind: 'weekend' };
    }
    // A weekday listed with isOffDay=false (2020-02-03 in 2020.json) is a working day anyway.
    return { date: d, working: true, kind: 'workday' };
  }

  isWorkingDay(d: IsoDate): boolean {
    return this.dayInfo(d).working;
  }

  /** The N-th working day strictly after `from` (《民法典》第二百零一条), with its explanation. */
  addWorkingDays(from: IsoDate, n: number): WorkingDayResult {
    requireDate(from, '起算日');
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`工作日数必须是 1 至 ${MAX_WORKING_DAYS} 之间的整数：${n}`);
    }
    const skipped: SkippedDay[] = [];
    const makeupWorkdays: MakeupWorkday[] = [];
    const touchedYears = new Set<number>();
    let d = from;
    let counted = 0;
    while (counted < n) {
      d = addDays(d, 1);
      const y = yearOf(d);
      touchedYears.add(y);
      if (d.slice(5, 7) === '12') touchedYears.add(y + 1);
      const info = this.dayInfo(d);
      if (info.working) {
        counted++;
        if (info.kind === 'makeup_workday') makeupWorkdays.push({ date: d, name: info.name ?? '' });
      } else if (info.kind === 'holiday') {
        skipped.push({ date: d, kind: 'holiday', name: info.name });
      } else {
        skipped.push({ date: d, kind: 'weekend' });
      }
    }
    const missingYears = [...touchedYears].filter((y) => !this.arranged.has(y)).sort((a, b) => a - b);
    const result: Omit<WorkingDayResult, 'text'> = {
      from,
      days: n,
      date: d,
      skipped,
      makeupWorkdays,
      calendarDays: daysBetween(from, d),
      missingYears,
    };
    return { ...result, text: explain(result) };
  }

  /** = addWorkingDays(d, 1).date */
  nextWorkingDay(d: IsoDate): IsoDate {
    return this.addWorkingDays(d, 1).date;
  }

  /**
   * The day n working days before `date`: the D with exactly n working days in (D, date], itself a
   * working day (for n = 0, `date`). Counting back, for placing cases and examples in the past.
   */
  workingDaysBefore(date: IsoDate, n: number): IsoDate {
    requireDate(date, '日期');
    let d = date;
    let counted = 0;
    while (counted < n) {
      if (this.isWorkingDay(d)) counted++;
      d = addDays(d, -1);
    }
    while (n > 0 && !this.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  /** The number of working days d with a < d ≤ b (0 when b ≤ a). Inverse of addWorkingDays. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    requireDate(a, '起始日');
    requireDate(b, '截止日');
    if (compareDates(b, a) <= 0) return 0;
    let count = 0;
    for (let d = addDays(a, 1); compareDates(d, b) <= 0; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return count;
  }
}

// ---- explanation text ----

/** 'M月D日' when in the same year as `ref`, else the full date. */
function short(d: IsoDate, ref: IsoDate): string {
  if (yearOf(d) !== yearOf(ref)) return formatChineseDate(d);
  return formatChineseDate(d).replace(/^\d+年/, '');
}

/** Groups consecutive dates with the same name into 'name 起至止' ranges. */
function holidayRanges(days: readonly SkippedDay[], ref: IsoDate): string[] {
  const groups: { name: string; start: IsoDate; end: IsoDate }[] = [];
  for (const day of days) {
    const last = groups[groups.length - 1];
    const name = day.name ?? '';
    if (last && last.name === name && addDays(last.end, 1) === day.date) last.end = day.date;
    else groups.push({ name, start: day.date, end: day.date });
  }
  return groups.map((g) =>
    g.start === g.end ? `${g.name} ${short(g.start, ref)}` : `${g.name} ${short(g.start, ref)}至${short(g.end, ref)}`,
  );
}

/** Groups 调休 days by name: '国庆节 9月29日、10月12日'. */
function makeupList(days: readonly MakeupWorkday[], ref: IsoDate): string[] {
  const groups: { name: string; dates: IsoDate[] }[] = [];
  for (const day of days) {
    const last = groups[groups.length - 1];
    if (last && last.name === day.name) last.dates.push(day.date);
    else groups.push({ name: day.name, dates: [day.date] });
  }
  return groups.map((g) => `${g.name ? `${g.name} ` : ''}${g.dates.map((d) => short(d, ref)).join('、')}`);
}

function explain(r: Omit<WorkingDayResult, 'text'>): string {
  const { from, date } = r;
  let text =
    `自${formatChineseDate(from)}（${weekdayName(from)}，当日不计入）起算第${r.days}个工作日为` +
    `${formatChineseDate(date)}（${weekdayName(date)}），共 ${r.calendarDays} 个日历日。`;
  const weekends = r.skipped.filter((s) => s.kind === 'weekend').length;
  const holidays = r.skipped.filter((s) => s.kind === 'holiday');
  const parts: string[] = [];
  if (weekends > 0) parts.push(`周末 ${weekends} 天`);
  if (holidays.length > 0) parts.push(`法定节假日 ${holidays.length} 天（${holidayRanges(holidays, from).join('；')}）`);
  if (parts.length > 0) text += `期间跳过${parts.join('、')}`;
  if (r.makeupWorkdays.length > 0) {
    text += `${parts.length > 0 ? '，' : '期间'}调休上班 ${r.makeupWorkdays.length} 天（${makeupList(r.makeupWorkdays, from).join('；')}）计入工作日`;
  }
  if (parts.length === 0 && r.makeupWorkdays.length === 0) text += '期间没有周末或节假日';
  text += '。';
  if (r.missingYears.length > 0) {
    text +=
      `注意：尚未录入${r.missingYears.map((y) => `${y}年`).join('、')}的节假日安排，相关日期按普通周末计算，` +
      '安排公布后须重新计算。';
  }
  return text;
}
