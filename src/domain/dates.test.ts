import { describe, it, expect } from 'vitest';
import {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  formatChineseDate,
  isIsoDate,
  isLeapYear,
  weekdayName,
} from './dates.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2024-01-01', '1970-01-01', '2100-12-31', '2024-04-30'])(
    'accepts %s',
    (s) => expect(isIsoDate(s)).toBe(true),
  );

  it.each([
    '2024-02-30', // never exists
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not leap
    '2100-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2024-1-5',
    '24-01-05',
    '20240105',
    '2024-01-05T00:00:00Z',
    ' 2024-01-05',
    '2024/01/05',
    '',
  ])('rejects %s', (s) => expect(isIsoDate(s)).toBe(false));

  it('rejects non-strings', () => {
    expect(isIsoDate(20240105)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(new Date('2024-01-05'))).toBe(false);
  });
});

describe('isLeapYear', () => {
  it('follows the Gregorian rule', () => {
    expect([2000, 2004, 2008, 2020, 2024, 2028].every(isLeapYear)).toBe(true);
    expect([1900, 2023, 2025, 2100, 2200].some(isLeapYear)).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
    expect(addDays('2024-09-27', 33)).toBe('2024-10-30');
    expect(addDays('2024-05-05', 0)).toBe('2024-05-05');
  });

  it('agrees with Date.UTC over 1900–2100 (never local time)', () => {
    const start = Date.UTC(1900, 0, 1);
    for (let i = 0; i < 200 * 366; i += 37) {
      const expected = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      expect(addDays('1900-01-01', i)).toBe(expected);
      expect(dayOfWeek(expected)).toBe(new Date(start + i * 86_400_000).getUTCDay());
    }
  });

  it('throws on invalid input', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2024-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek / weekdayName', () => {
  it('knows real weekdays', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2000-01-01')).toBe(6); // Saturday
    expect(dayOfWeek('2024-03-05')).toBe(2); // Tuesday
    expect(dayOfWeek('2024-09-29')).toBe(0); // Sunday (worked, 国庆调休)
    expect(dayOfWeek('2024-10-12')).toBe(6); // Saturday (worked)
    expect(dayOfWeek('2024-02-29')).toBe(4);
    expect(weekdayName('2024-09-30')).toBe('星期一');
    expect(weekdayName('2024-09-27')).toBe('星期五');
    expect(weekdayName('2024-10-12')).toBe('星期六');
    expect(weekdayName('2024-09-29')).toBe('星期日');
  });
});

describe('compareDates / daysBetween', () => {
  it('compares', () => {
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-01')).toBe(1);
    expect(compareDates('2024-01-01', '2024-01-01')).toBe(0);
    expect(compareDates('2023-12-31', '2024-01-01')).toBe(-1);
    expect(() => compareDates('2024-02-30', '2024-01-01')).toThrow(RangeError);
  });

  it('counts calendar days', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-09-27', '2024-10-30')).toBe(33);
    expect(daysBetween('2024-10-30', '2024-09-27')).toBe(-33);
    expect(daysBetween('2024-10-30', '2024-10-30')).toBe(0);
  });
});

describe('formatChineseDate', () => {
  it('has no leading zeros', () => {
    expect(formatChineseDate('2024-03-05')).toBe('2024年3月5日');
    expect(formatChineseDate('2024-10-01')).toBe('2024年10月1日');
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日');
    expect(formatChineseDate('2024-02-29')).toBe('2024年2月29日');
  });

  it('throws on invalid dates', () => {
    expect(() => formatChineseDate('2023-02-29')).toThrow(RangeError);
    expect(() => weekdayName('nope')).toThrow(RangeError);
  });
});
