import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { WorkingCalendar, MAX_WORKING_DAYS, holidayNames } from './calendar.js';
import type { HolidayDay, HolidayYear } from './calendar.js';
import { addDays, compareDates, dayOfWeek } from './dates.js';

// ---- shipped data (resources/holiday-cn, MIT, from NateScarlet/holiday-cn) ----

const SHIPPED_DIR = new URL('../../resources/holiday-cn/', import.meta.url);

function loadShipped(): HolidayYear[] {
  return readdirSync(SHIPPED_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, SHIPPED_DIR), 'utf8')) as HolidayYear);
}

const shipped = loadShipped();
const cal = new WorkingCalendar(shipped);

/** The raw entry for a date in the shipped JSON (no file lists a date twice). */
function raw(date: string): HolidayDay | undefined {
  const hits = shipped.flatMap((y) => y.days.filter((d) => d.date === date));
  expect(hits.length).toBeLessThanOrEqual(1);
  return hits[0];
}

function dateRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let d = a; compareDates(d, b) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('shipped data', () => {
  it('holds the notice years 2007–2027, 2027 still empty', () => {
    expect(shipped.map((y) => y.year)).toEqual(Array.from({ length: 21 }, (_, i) => 2007 + i));
    expect(shipped.find((y) => y.year === 2027)?.days).toEqual([]);
    for (let y = 2007; y <= 2026; y++) expect(cal.hasArrangementFor(y)).toBe(true);
    expect(cal.hasArrangementFor(2027)).toBe(false);
    expect(cal.hasArrangementFor(2006)).toBe(false); // 2007.json lists 2006-12-30/31 but is the 2007 notice
    expect(cal.arrangedYears()).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
  });

  it('agrees day by day with an independent reading of the JSON, 2006-12-01 … 2027-12-31', () => {
    const byDate = new Map<string, HolidayDay>();
    for (const y of shipped) for (const d of y.days) byDate.set(d.date, d);
    let holidays = 0;
    let makeups = 0;
    for (let t = Date.UTC(2006, 11, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const weekend = [0, 6].includes(new Date(t).getUTCDay());
      const entry = byDate.get(date);
      const working = entry ? !entry.isOffDay : !weekend;
      const info = cal.dayInfo(date);
      expect(info.working, date).toBe(working);
      expect(cal.isWorkingDay(date), date).toBe(working);
      if (entry?.isOffDay) {
        holidays++;
        expect(info).toEqual({ date, working: false, kind: 'holiday', name: entry.name });
      } else if (entry && weekend) {
        makeups++;
        expect(info).toEqual({ date, working: true, kind: 'makeup_workday', name: entry.name });
      } else {
        expect(info.kind, date).toBe(weekend ? 'weekend' : 'workday');
      }
    }
    expect(holidays).toBeGreaterThan(400);
    expect(makeups).toBeGreaterThan(80);
  });
});

describe('isWorkingDay on real dates', () => {
  // Each 调休 date is first checked against the JSON: listed, isOffDay=false, a Saturday or Sunday.
  it.each([
    ['2024-02-04', 0, '春节'],
    ['2024-02-18', 0, '春节'],
    ['2024-04-07', 0, '清明节'],
    ['2024-04-28', 0, '劳动节'],
    ['2024-05-11', 6, '劳动节'],
    ['2024-09-14', 6, '中秋节'],
    ['2024-09-29', 0, '国庆节'],
    ['2024-10-12', 6, '国庆节'],
    ['2025-01-26', 0, '春节'],
    ['2025-02-08', 6, '春节'],
    ['2025-04-27', 0, '劳动节'],
    ['2025-09-28', 0, '国庆节、中秋节'],
    ['2025-10-11', 6, '国庆节、中秋节'],
    ['2026-01-04', 0, '元旦'],
    ['2026-02-14', 6, '春节'],
    ['2026-02-28', 6, '春节'],
    ['2026-05-09', 6, '劳动节'],
    ['2026-09-20', 0, '国庆节'],
    ['2026-10-10', 6, '国庆节'],
    ['2007-12-29', 6, '元旦'], // in 2008.json
    ['2011-12-31', 6, '元旦'], // in 2012.json
    ['2018-12-29', 6, '元旦'], // in 2019.json
    ['2010-02-20', 6, '春节'],
    ['2010-02-21', 0, '春节'],
  ] as const)('%s is a worked weekend day (调休上班)', (date, dow, name) => {
    expect(raw(date)).toEqual({ name, date, isOffDay: false });
    expect(dayOfWeek(date)).toBe(dow);
    expect(cal.isWorkingDay(date)).toBe(true);
    expect(cal.dayInfo(date)).toEqual({ date, working: true, kind: 'makeup_workday', name });
  });

  const holidayRuns: [string, string, string][] = [
    ['2024-10-01', '2024-10-07', '国庆节'],
    ['2025-01-28', '2025-02-04', '春节'],
    ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
    ['2026-02-15', '2026-02-23', '春节'],
    ['2026-10-01', '2026-10-07', '国庆节'],
    ['2024-02-10', '2024-02-17', '春节'],
    ['2024-05-01', '2024-05-05', '劳动节'],
    ['2008-09-29', '2008-10-05', '国庆节'],
    ['2010-10-01', '2010-10-07', '国庆节'],
    ['2020-01-24', '2020-02-02', '春节'], // extended by 国办发明电〔2020〕1号
  ];
  it.each(holidayRuns)('%s … %s are days off (%s)', (a, b, name) => {
    for (const date of dateRange(a, b)) {
      expect(raw(date), date).toEqual({ name, date, isOffDay: true });
      expect(cal.isWorkingDay(date), date).toBe(false);
      expect(cal.dayInfo(date)).toEqual({ date, working: false, kind: 'holiday', name });
    }
    // the days around the run are not part of it
    expect(raw(addDays(a, -1))?.isOffDay).not.toBe(true);
    expect(raw(addDays(b, 1))?.isOffDay).not.toBe(true);
  });

  it('ordinary weekdays and weekends', () => {
    for (const date of ['2024-03-05', '2024-06-12', '2025-07-15', '2024-02-09', '2026-03-18']) {
      expect(raw(date)).toBeUndefined();
      expect(cal.dayInfo(date)).toEqual({ date, working: true, kind: 'workday' });
    }
    for (const date of ['2024-03-09', '2024-03-10', '2024-09-28', '2025-02-09', '2026-11-01']) {
      expect(raw(date)).toBeUndefined();
      expect(cal.dayInfo(date)).toEqual({ date, working: false, kind: 'weekend' });
    }
  });

  it('year boundaries 2023/2024: 12-30 and 12-31 plain weekend, 01-01 元旦', () => {
    expect(raw('2023-12-30')).toBeUndefined();
    expect(raw('2023-12-31')).toBeUndefined();
    expect(raw('2024-01-01')).toEqual({ name: '元旦', date: '2024-01-01', isOffDay: true });
    expect(cal.dayInfo('2023-12-29').kind).toBe('workday');
    expect(cal.dayInfo('2023-12-30').kind).toBe('weekend');
    expect(cal.dayInfo('2023-12-31').kind).toBe('weekend');
    expect(cal.dayInfo('2024-01-01')).toEqual({ date: '2024-01-01', working: false, kind: 'holiday', name: '元旦' });
    expect(cal.isWorkingDay('2024-01-02')).toBe(true);
  });

  it('2008 arrangement: 元旦 starts in December 2007 (2008.json), and 五一 is 3 days', () => {
    expect(raw('2007-12-29')).toEqual({ name: '元旦', date: '2007-12-29', isOffDay: false });
    expect(raw('2007-12-31')).toEqual({ name: '元旦', date: '2007-12-31', isOffDay: true });
    expect(cal.isWorkingDay('2007-12-29')).toBe(true); // Saturday worked
    expect(cal.isWorkingDay('2007-12-30')).toBe(false);
    expect(cal.isWorkingDay('2007-12-31')).toBe(false); // Monday off
    expect(cal.isWorkingDay('2008-01-01')).toBe(false);
    expect(cal.isWorkingDay('2008-01-02')).toBe(true);
    expect(cal.isWorkingDay('2008-05-02')).toBe(false); // Friday off
    expect(cal.isWorkingDay('2008-05-04')).toBe(true); // Sunday worked
    expect(cal.dayInfo('2008-05-04').name).toBe('“五一”国际劳动节');
  });

  it('2010 arrangement: 元旦 Fri–Sun, 端午 with two worked weekend days before it', () => {
    expect(raw('2010-01-01')?.isOffDay).toBe(true);
    expect(cal.isWorkingDay('2009-12-31')).toBe(true);
    expect(cal.isWorkingDay('2010-01-01')).toBe(false);
    expect(cal.dayInfo('2010-01-03').kind).toBe('holiday'); // a Sunday listed as 元旦
    expect(cal.isWorkingDay('2010-01-04')).toBe(true);
    expect(cal.isWorkingDay('2010-06-12')).toBe(true);
    expect(cal.isWorkingDay('2010-06-13')).toBe(true);
    expect(cal.isWorkingDay('2010-06-14')).toBe(false);
    expect(cal.isWorkingDay('2010-06-16')).toBe(false); // Wednesday off
  });

  it('2020-02-03 (a Monday listed isOffDay=false in 2020.json) is an ordinary working day', () => {
    expect(raw('2020-02-03')).toEqual({ name: '春节', date: '2020-02-03', isOffDay: false });
    expect(cal.dayInfo('2020-02-03')).toEqual({ date: '2020-02-03', working: true, kind: 'workday' });
    // the Saturday 2020-02-01 first announced as worked was cancelled by the extension
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
  });

  it('throws on invalid dates', () => {
    expect(() => cal.isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => cal.dayInfo('2024-1-1')).toThrow(RangeError);
  });
});

describe('merging years', () => {
  it('merges by date, not by notice year: December dates in the next year’s file count', () => {
    const only2008 = new WorkingCalendar(shipped.filter((y) => y.year === 2008));
    const only2007 = new WorkingCalendar(shipped.filter((y) => y.year === 2007));
    expect(only2008.isWorkingDay('2007-12-29')).toBe(true);
    expect(only2008.isWorkingDay('2007-12-31')).toBe(false);
    expect(only2007.isWorkingDay('2007-12-29')).toBe(false); // plain Saturday without 2008.json
    expect(only2007.isWorkingDay('2007-12-31')).toBe(true); // plain Monday without 2008.json
  });

  it('when two years list the same date, the later-given one wins', () => {
    const a: HolidayYear = { year: 2030, days: [{ name: '甲', date: '2030-10-05', isOffDay: true }] };
    const b: HolidayYear = { year: 2031, days: [{ name: '乙', date: '2030-10-05', isOffDay: false }] };
    // 2030-10-05 is a Saturday
    expect(new WorkingCalendar([a, b]).dayInfo('2030-10-05')).toEqual({
      date: '2030-10-05',
      working: true,
      kind: 'makeup_workday',
      name: '乙',
    });
    expect(new WorkingCalendar([b, a]).dayInfo('2030-10-05')).toEqual({
      date: '2030-10-05',
      working: false,
      kind: 'holiday',
      name: '甲',
    });
  });

  it('an empty calendar is plain Monday–Friday', () => {
    const plain = new WorkingCalendar([]);
    expect(plain.isWorkingDay('2024-10-01')).toBe(true); // a Tuesday; without data not a holiday
    expect(plain.isWorkingDay('2024-09-29')).toBe(false);
    expect(plain.addWorkingDays('2024-09-27', 20).date).toBe('2024-10-25');
    expect(plain.addWorkingDays('2024-09-27', 20).missingYears).toEqual([2024]);
  });

  it('rejects malformed dates in the data', () => {
    expect(() => new WorkingCalendar([{ year: 2024, days: [{ name: 'x', date: '2024-1-1', isOffDay: true }] }])).toThrow(
      RangeError,
    );
  });
});

describe('addWorkingDays: RULES.md §2 worked examples', () => {
  it.each([
    ['A: received Fri 2024-09-27, reply due (20)', '2024-09-27', 20, '2024-10-30'],
    ['B: received Fri 2025-01-24, across 春节', '2025-01-24', 20, '2025-02-27'],
    ['C: corrected request received 2025-02-10', '2025-02-10', 20, '2025-03-10'],
    ['D: received 2024-04-03, without extension', '2024-04-03', 20, '2024-05-06'],
    ['D: with 20 more working days of extension', '2024-04-03', 40, '2024-05-31'],
    ['E: received 2024-09-02, without pause', '2024-09-02', 20, '2024-09-30'],
    ['F: received 2024-04-26, without pause', '2024-04-26', 20, '2024-05-27'],
    ['G: correction notice within 7 working days (lands on a worked Saturday)', '2024-09-27', 7, '2024-10-12'],
    ['H: received 2023-12-25, across 元旦', '2023-12-25', 20, '2024-01-23'],
    ['I: received on a worked Saturday', '2024-10-12', 20, '2024-11-08'],
  ] as const)('%s', (_label, from, n, due) => {
    const r = cal.addWorkingDays(from, n);
    expect(r.date).toBe(due);
    expect(r.from).toBe(from);
    expect(r.days).toBe(n);
    expect(r.missingYears).toEqual([]);
    expect(cal.workingDaysBetween(from, due)).toBe(n);
  });

  it('E with its pause: 20 working days less those with 09-10 < d ≤ 09-20 → 2024-10-15', () => {
    const paused = cal.workingDaysBetween('2024-09-10', '2024-09-20'); // 11,12,13,14(Sat worked),18,19,20
    expect(paused).toBe(7);
    expect(cal.addWorkingDays('2024-09-02', 20 + paused).date).toBe('2024-10-15');
  });

  it('F with its pause: third party silent, 15 working days from 05-06 end 05-24 → 2024-06-18', () => {
    expect(cal.addWorkingDays('2024-05-06', 15).date).toBe('2024-05-24');
    const paused = cal.workingDaysBetween('2024-05-06', '2024-05-24');
    expect(paused).toBe(15);
    expect(cal.addWorkingDays('2024-04-26', 20 + paused).date).toBe('2024-06-18');
  });
});

describe('addWorkingDays: hand-counted table 2008–2026', () => {
  // [from, n, expected] — each counted by hand from the shipped JSON (W = 调休上班, off = 放假).
  const table: [string, number, string][] = [
    // 2008 (元旦 in 2008.json starts 2007-12-29)
    ['2007-12-28', 1, '2007-12-29'], // Sat 12-29 W
    ['2007-12-28', 2, '2008-01-02'], // 12-29 W; 12-30…01-01 off; Wed 01-02
    ['2008-02-01', 3, '2008-02-04'], // 春节: Sat 02-02 W, Sun 02-03 W, Mon 02-04
    ['2008-02-04', 3, '2008-02-14'], // Tue 02-05; 02-06…12 off; 02-13, 02-14
    ['2008-04-03', 1, '2008-04-07'], // 清明 04-04…06 off
    ['2008-04-30', 2, '2008-05-05'], // 五一 05-01…03 off; Sun 05-04 W; Mon 05-05
    ['2008-06-06', 1, '2008-06-10'], // 端午 06-07…09 off
    ['2008-09-26', 5, '2008-10-08'], // 国庆: 09-27 W, 09-28 W; 09-29…10-05 off; 10-06, 07, 08
    // 2009
    ['2009-01-23', 1, '2009-01-24'], // 春节: Sat 01-24 W
    ['2009-01-23', 2, '2009-02-01'], // 01-25…31 off; Sun 02-01 W
    ['2009-05-27', 1, '2009-05-31'], // 端午 05-28…30 off; Sun 05-31 W
    ['2009-09-25', 5, '2009-10-09'], // Sun 09-27 W, 28, 29, 30; 10-01…08 off; Fri 10-09
    // 2010
    ['2009-12-31', 1, '2010-01-04'], // 元旦 01-01…03 off
    ['2010-02-12', 1, '2010-02-20'], // 春节 02-13…19 off; Sat 02-20 W
    ['2010-06-11', 2, '2010-06-13'], // 端午: Sat 06-12 W, Sun 06-13 W
    ['2010-06-13', 1, '2010-06-17'], // 06-14…16 off; Thu 06-17
    ['2010-09-17', 6, '2010-09-27'], // 中秋: Sun 09-19 W, 20, 21; 09-22…24 off; Sat 25 W, Sun 26 W; Mon 27
    ['2010-09-30', 2, '2010-10-09'], // 国庆 10-01…07 off; Fri 10-08; Sat 10-09 W
    // 2011
    ['2010-12-31', 1, '2011-01-04'], // 元旦 01-01…03 off
    ['2011-04-01', 1, '2011-04-02'], // 清明: Sat 04-02 W
    ['2011-04-01', 2, '2011-04-06'], // 04-03…05 off; Wed 04-06
    ['2011-09-30', 3, '2011-10-10'], // 国庆 10-01…07 off; Sat 10-08 W, Sun 10-09 W, Mon 10-10
    // 2012 (元旦 in 2012.json starts 2011-12-31)
    ['2011-12-30', 1, '2011-12-31'], // Sat 12-31 W
    ['2011-12-30', 2, '2012-01-04'], // 01-01…03 off; Wed 01-04
    ['2012-03-30', 3, '2012-04-05'], // 清明: Sat 03-31 W, Sun 04-01 W; 04-02…04 off; Thu 04-05
    ['2012-09-28', 3, '2012-10-09'], // 中秋国庆: Sat 09-29 W; 09-30…10-07 off; 10-08, 10-09
    // 2013
    ['2013-01-04', 2, '2013-01-06'], // 元旦: Sat 01-05 W, Sun 01-06 W
    ['2013-02-08', 1, '2013-02-16'], // 春节 02-09…15 off; Sat 02-16 W
    ['2013-06-07', 3, '2013-06-13'], // 端午: Sat 06-08 W, Sun 06-09 W; 06-10…12 off; Thu 06-13
    // 2014
    ['2014-04-04', 1, '2014-04-08'], // 清明: Sat 04-05 off, Sun 04-06 (weekend), Mon 04-07 off
    ['2014-09-05', 1, '2014-09-09'], // 中秋 Mon 09-08 off
    // 2015
    ['2015-09-02', 1, '2015-09-06'], // 抗战胜利70周年 09-03…05 off; Sun 09-06 W
    ['2015-09-25', 1, '2015-09-28'], // 中秋 Sun 09-27 off
    ['2015-09-02', 20, '2015-10-08'], // 09-06 W, 07…11, 14…18, 21…25, 28, 29, 30; 国庆 10-01…07 off; Thu 10-08
    // 2016
    ['2016-02-05', 1, '2016-02-06'], // 春节: Sat 02-06 W
    ['2016-09-30', 1, '2016-10-08'], // 国庆 10-01…07 off; Sat 10-08 W
    // 2017
    ['2017-05-26', 2, '2017-05-31'], // 端午: Sat 05-27 W; 05-28…30 off; Wed 05-31
    ['2017-09-29', 2, '2017-10-09'], // Sat 09-30 W; 中秋国庆 10-01…08 off; Mon 10-09
    // 2018
    ['2018-02-09', 5, '2018-02-22'], // 春节: Sun 02-11 W, 12, 13, 14; 02-15…21 off; Thu 02-22
    ['2018-04-27', 2, '2018-05-02'], // 劳动节: Sat 04-28 W; 04-29…05-01 off; Wed 05-02
    // 2019 (元旦 in 2019.json starts 2018-12-29)
    ['2018-12-28', 2, '2019-01-02'], // Sat 12-29 W; 12-30…01-01 off; Wed 01-02
    ['2019-05-03', 1, '2019-05-05'], // from a holiday; Sat 05-04 off; Sun 05-05 W
    // 2020
    ['2020-01-17', 1, '2020-01-19'], // 春节: Sun 01-19 W
    ['2020-01-23', 1, '2020-02-03'], // extended 春节 01-24…02-02 off; Mon 02-03
    ['2020-09-30', 2, '2020-10-10'], // 国庆中秋 10-01…08 off; Fri 10-09; Sat 10-10 W
    // 2021
    ['2021-04-30', 3, '2021-05-08'], // 劳动节 05-01…05 off; 05-06, 05-07; Sat 05-08 W
    ['2021-09-17', 1, '2021-09-18'], // 中秋: Sat 09-18 W
    ['2021-09-17', 2, '2021-09-22'], // 09-19…21 off; Wed 09-22
    // 2022
    ['2022-01-28', 2, '2022-01-30'], // 春节: Sat 01-29 W, Sun 01-30 W
    ['2022-01-28', 3, '2022-02-07'], // 01-31…02-06 off; Mon 02-07
    ['2022-04-29', 1, '2022-05-05'], // 劳动节 04-30…05-04 off
    // 2023 (元旦 in 2023.json starts 2022-12-31)
    ['2022-12-30', 1, '2023-01-03'], // 12-31…01-02 off
    ['2023-06-21', 1, '2023-06-25'], // 端午 06-22…24 off; Sun 06-25 W
    ['2023-09-28', 1, '2023-10-07'], // 中秋国庆 09-29…10-06 off; Sat 10-07 W
    // 2024
    ['2024-02-09', 1, '2024-02-18'], // 春节 02-10…17 off; Sun 02-18 W
    ['2024-06-07', 1, '2024-06-11'], // 端午 Mon 06-10 off
    ['2024-09-13', 1, '2024-09-14'], // 中秋: Sat 09-14 W
    ['2024-09-13', 2, '2024-09-18'], // 09-15…17 off; Wed 09-18
    // 2025
    ['2025-04-25', 1, '2025-04-27'], // 劳动节: Sun 04-27 W
    ['2025-04-30', 1, '2025-05-06'], // 05-01…05 off
    ['2025-05-30', 1, '2025-06-03'], // 端午 05-31…06-02 off
    ['2025-09-30', 1, '2025-10-09'], // 国庆中秋 10-01…08 off
    ['2025-09-30', 3, '2025-10-11'], // 10-09, 10-10, Sat 10-11 W
    ['2025-12-31', 1, '2026-01-04'], // 2026 元旦 01-01…03 off; Sun 01-04 W
    // 2026
    ['2026-02-13', 1, '2026-02-14'], // 春节: Sat 02-14 W
    ['2026-02-13', 2, '2026-02-24'], // 02-15…23 off; Tue 02-24
    ['2026-02-24', 4, '2026-02-28'], // 25, 26, 27; Sat 02-28 W
    ['2026-04-03', 1, '2026-04-07'], // 清明 04-04…06 off
    ['2026-04-30', 4, '2026-05-09'], // 劳动节 05-01…05 off; 05-06, 07, 08; Sat 05-09 W
    ['2026-06-18', 1, '2026-06-22'], // 端午 06-19…21 off
    ['2026-09-18', 1, '2026-09-20'], // Sun 09-20 W
    ['2026-09-24', 1, '2026-09-28'], // 中秋 09-25…27 off
    ['2026-09-30', 3, '2026-10-10'], // 国庆 10-01…07 off; 10-08, 10-09; Sat 10-10 W
  ];

  it('has at least 30 cases', () => expect(table.length).toBeGreaterThanOrEqual(30));

  it.each(table)('%s + %i working days → %s', (from, n, expected) => {
    const r = cal.addWorkingDays(from, n);
    expect(r.date).toBe(expected);
    expect(cal.isWorkingDay(expected)).toBe(true);
    expect(cal.workingDaysBetween(from, expected)).toBe(n);
    expect(r.calendarDays).toBe(dateRange(from, expected).length - 1);
  });
});

describe('addWorkingDays: properties over random dates (seeded)', () => {
  // mulberry32: deterministic, so a failure reproduces.
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('inverse, lands on a working day, and skips exactly the non-working days', () => {
    const rand = rng(20240927);
    const span = 19 * 365 + 5; // 2008-01-01 … 2026-12-31
    for (let i = 0; i < 600; i++) {
      const from = addDays('2008-01-01', Math.floor(rand() * span));
      const n = 1 + Math.floor(rand() * 60);
      const r = cal.addWorkingDays(from, n);
      const ctx = `${from} + ${n}`;
      expect(cal.workingDaysBetween(from, r.date), ctx).toBe(n);
      expect(cal.isWorkingDay(r.date), ctx).toBe(true);
      expect(cal.workingDaysBetween(from, addDays(r.date, -1)), ctx).toBe(n - 1);

      const between = dateRange(addDays(from, 1), addDays(r.date, -1));
      const skipped = new Set(r.skipped.map((s) => s.date));
      for (const d of between) expect(cal.isWorkingDay(d), `${ctx}: ${d}`).toBe(!skipped.has(d));
      expect(between.length - skipped.size, ctx).toBe(n - 1);
      for (const s of r.skipped) {
        const info = cal.dayInfo(s.date);
        expect(info.working).toBe(false);
        expect(s.kind).toBe(info.kind);
        expect(s.name).toBe(info.name);
      }
      for (const m of r.makeupWorkdays) expect(cal.dayInfo(m.date).kind).toBe('makeup_workday');
      expect(r.makeupWorkdays.length).toBe(between.concat(r.date).filter((d) => cal.dayInfo(d).kind === 'makeup_workday').length);
      expect(r.calendarDays).toBe(between.length + 1);
      expect(r.skipped.map((s) => s.date)).toEqual([...skipped].sort());
    }
  });

  it('workingDaysBetween is 0 when b ≤ a and additive', () => {
    expect(cal.workingDaysBetween('2024-10-30', '2024-09-27')).toBe(0);
    expect(cal.workingDaysBetween('2024-10-30', '2024-10-30')).toBe(0);
    expect(cal.workingDaysBetween('2024-09-30', '2024-10-07')).toBe(0); // only 国庆 days after 09-30
    expect(cal.workingDaysBetween('2024-09-27', '2024-09-29')).toBe(1); // the worked Sunday
    expect(
      cal.workingDaysBetween('2024-01-01', '2024-06-30') + cal.workingDaysBetween('2024-06-30', '2024-12-31'),
    ).toBe(cal.workingDaysBetween('2024-01-01', '2024-12-31'));
  });

  it('working days per year match the arrangement (2024: 366 − 104 weekend − 19 off weekdays + 8 worked weekend days)', () => {
    // 2024: 52 Saturdays + 52 Sundays; off weekdays: 元旦1 春节5 清明2 劳动3 端午1 中秋2 国庆5 = 19
    const offWeekdays = shipped
      .flatMap((y) => y.days)
      .filter((d) => d.date.startsWith('2024-') && d.isOffDay && ![0, 6].includes(dayOfWeek(d.date))).length;
    const workedWeekend = shipped
      .flatMap((y) => y.days)
      .filter((d) => d.date.startsWith('2024-') && !d.isOffDay && [0, 6].includes(dayOfWeek(d.date))).length;
    expect(workedWeekend).toBe(8); // 02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12
    expect(offWeekdays).toBe(19);
    expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(366 - 104 - offWeekdays + workedWeekend);
    expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
  });

  it('nextWorkingDay', () => {
    expect(cal.nextWorkingDay('2024-09-27')).toBe('2024-09-29');
    expect(cal.nextWorkingDay('2024-09-30')).toBe('2024-10-08');
    expect(cal.nextWorkingDay('2024-03-05')).toBe('2024-03-06');
  });

  it('rejects bad N and bad dates', () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_WORKING_DAYS + 1]) {
      expect(() => cal.addWorkingDays('2024-09-27', n), String(n)).toThrow(RangeError);
    }
    expect(() => cal.addWorkingDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  it('counts 1000 working days at once', () => {
    const t0 = performance.now();
    const r = cal.addWorkingDays('2008-01-01', MAX_WORKING_DAYS);
    expect(cal.workingDaysBetween('2008-01-01', r.date)).toBe(MAX_WORKING_DAYS);
    expect(r.makeupWorkdays.length).toBeGreaterThan(20);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('addWorkingDays: explanation', () => {
  it('case A names 国庆节, its 7 days, the weekends and both 调休 days', () => {
    const r = cal.addWorkingDays('2024-09-27', 20);
    expect(r.skipped.filter((s) => s.kind === 'holiday')).toEqual(
      dateRange('2024-10-01', '2024-10-07').map((date) => ({ date, kind: 'holiday', name: '国庆节' })),
    );
    expect(r.skipped.filter((s) => s.kind === 'weekend').map((s) => s.date)).toEqual([
      '2024-09-28',
      '2024-10-13',
      '2024-10-19',
      '2024-10-20',
      '2024-10-26',
      '2024-10-27',
    ]);
    expect(r.makeupWorkdays).toEqual([
      { date: '2024-09-29', name: '国庆节' },
      { date: '2024-10-12', name: '国庆节' },
    ]);
    expect(r.calendarDays).toBe(33);
    expect(r.missingYears).toEqual([]);
    expect(r.text).toContain('国庆节 10月1日至10月7日');
    expect(r.text).toContain('调休');
    expect(r.text).toContain('9月29日');
    expect(r.text).toContain('10月12日');
    expect(r.text).toBe(
      '自2024年9月27日（星期五，当日不计入）起算第20个工作日为2024年10月30日（星期三），共 33 个日历日。' +
        '期间跳过周末 6 天、法定节假日 7 天（国庆节 10月1日至10月7日），' +
        '调休上班 2 天（国庆节 9月29日、10月12日）计入工作日。',
    );
  });

  it('groups several holidays into ranges (2024-09-13 + 20: 中秋 and 国庆)', () => {
    const r = cal.addWorkingDays('2024-09-13', 20);
    expect(r.date).toBe('2024-10-17'); // 09-14 W, 18-20, 23-27, 29 W, 30; 10-08…11, 12 W, 14…17
    expect(r.text).toContain('法定节假日 10 天（中秋节 9月15日至9月17日；国庆节 10月1日至10月7日）');
    expect(r.text).toContain('调休上班 3 天（中秋节 9月14日；国庆节 9月29日、10月12日）');
  });

  it('writes the year for dates in another year than the start (case H)', () => {
    const r = cal.addWorkingDays('2023-12-25', 20);
    expect(r.text).toContain('元旦 2024年1月1日');
    expect(r.makeupWorkdays).toEqual([]);
    expect(r.text).not.toContain('调休');
  });

  it('says so when nothing is skipped', () => {
    const r = cal.addWorkingDays('2024-03-04', 3);
    expect(r.date).toBe('2024-03-07');
    expect(r.skipped).toEqual([]);
    expect(r.text).toContain('期间没有周末或节假日');
  });

  it('missingYears: [2027] for a count running into 2027, [] otherwise', () => {
    const into2027 = cal.addWorkingDays('2026-12-15', 20);
    expect(into2027.date).toBe('2027-01-12'); // plain weekends assumed, 2027-01-01 a Friday counted
    expect(into2027.missingYears).toEqual([2027]);
    expect(into2027.text).toContain('尚未录入2027年的节假日安排');

    expect(cal.addWorkingDays('2026-10-30', 20).missingYears).toEqual([]); // ends 2026-11-27
    expect(cal.addWorkingDays('2025-12-01', 20).missingYears).toEqual([]); // 2026 notice is there
    expect(cal.addWorkingDays('2024-09-27', 20).missingYears).toEqual([]);
    expect(cal.addWorkingDays('2024-09-27', 20).text).not.toContain('尚未录入');
  });

  it('missingYears: December dates also depend on the next year’s notice', () => {
    // 2008's notice moved 2007-12-29…31, so a December count is provisional until next year's arrives.
    expect(cal.addWorkingDays('2026-11-25', 10).date).toBe('2026-12-09');
    expect(cal.addWorkingDays('2026-11-25', 10).missingYears).toEqual([2027]);
    const without2026 = new WorkingCalendar(shipped.filter((y) => y.year !== 2026));
    expect(without2026.addWorkingDays('2025-12-20', 5).missingYears).toEqual([2026]);
    expect(without2026.addWorkingDays('2025-12-31', 1).date).toBe('2026-01-01'); // wrong without data: flagged
    expect(without2026.addWorkingDays('2025-12-31', 1).missingYears).toEqual([2026]);
  });

  it('holidayNames lists the statutory holidays', () => {
    expect(holidayNames).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
  });
});

describe('workingDaysBefore', () => {
  it('is the inverse of addWorkingDays across 国庆 2024 and its 调休 days', () => {
    expect(cal.workingDaysBefore('2024-10-30', 20)).toBe('2024-09-27');
    expect(cal.addWorkingDays(cal.workingDaysBefore('2024-10-14', 5), 5).date).toBe('2024-10-14');
    // From a holiday: the days counted back are working days only.
    expect(cal.workingDaysBefore('2024-10-03', 1)).toBe('2024-09-29');
    expect(cal.workingDaysBefore('2024-10-03', 0)).toBe('2024-10-03');
  });
});
