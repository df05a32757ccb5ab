import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHolidayYear } from './holiday-year.js';
import type { ParseHolidayYearResult } from './holiday-year.js';
import { WorkingCalendar } from './calendar.js';
import type { HolidayYear } from './calendar.js';
import { addDays, compareDates } from './dates.js';

const SHIPPED_DIR = new URL('../../resources/holiday-cn/', import.meta.url);
const shippedFiles = readdirSync(SHIPPED_DIR)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort();
const readShipped = (f: string): unknown => JSON.parse(readFileSync(new URL(f, SHIPPED_DIR), 'utf8'));

function errorsOf(r: ParseHolidayYearResult): string[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

function valueOf(r: ParseHolidayYearResult): HolidayYear {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

const day = (date: string, isOffDay = true, name = '国庆节') => ({ name, date, isOffDay });

describe('parseHolidayYear: shipped files', () => {
  it('ships 2007.json … 2027.json', () => {
    expect(shippedFiles).toEqual(Array.from({ length: 21 }, (_, i) => `${2007 + i}.json`));
  });

  it.each(shippedFiles)('%s parses ok and keeps every day', (f) => {
    const input = readShipped(f) as { year: number; papers: string[]; days: unknown[] };
    const r = parseHolidayYear(input);
    const v = valueOf(r);
    expect(v.year).toBe(Number(f.slice(0, 4)));
    expect(v.papers).toEqual(input.papers);
    expect(v.days).toEqual(input.days); // shipped files are already sorted; names already trimmed
    expect(Object.keys(v).sort()).toEqual(['days', 'papers', 'year']); // $schema, $id dropped
    // only 2020.json has a weekday marked as worked (2020-02-03, after the extended 春节)
    expect(r.warnings).toEqual(
      f === '2020.json' ? ['days[12] 日期 2020-02-03（星期一）是工作日，无需标记为调休上班'] : [],
    );
  });

  it('a calendar built from the parsed years equals one built from the raw JSON', () => {
    const rawYears = shippedFiles.map((f) => readShipped(f) as HolidayYear);
    const parsed = shippedFiles.map((f) => valueOf(parseHolidayYear(readShipped(f))));
    const a = new WorkingCalendar(rawYears);
    const b = new WorkingCalendar(parsed);
    for (let d = '2006-12-01'; compareDates(d, '2027-12-31') <= 0; d = addDays(d, 1)) {
      expect(b.dayInfo(d)).toEqual(a.dayInfo(d));
    }
  });
});

describe('parseHolidayYear: what an administrator may get wrong', () => {
  it('accepts a minimal year, defaults papers to [] and sorts days', () => {
    const v = valueOf(
      parseHolidayYear({
        year: 2027,
        days: [day('2027-10-02'), day('2027-10-01'), day('2026-12-31', true, '元旦'), day('2027-09-26', false)],
      }),
    );
    expect(v.papers).toEqual([]);
    expect(v.days.map((d) => d.date)).toEqual(['2026-12-31', '2027-09-26', '2027-10-01', '2027-10-02']);
  });

  it('accepts the empty 2027 arrangement', () => {
    expect(valueOf(parseHolidayYear({ year: 2027, papers: [], days: [] }))).toEqual({ year: 2027, papers: [], days: [] });
  });

  it('requires an object', () => {
    for (const bad of [null, undefined, 'x', 2025, [], [{ year: 2025 }]]) {
      expect(errorsOf(parseHolidayYear(bad))).toEqual(['节假日安排必须是一个对象']);
    }
  });

  it('requires year, an integer 2000–2100', () => {
    expect(errorsOf(parseHolidayYear({ days: [] }))).toEqual(['缺少 year 字段']);
    for (const y of [1999, 2101, 2024.5, '2025', Number.NaN, true]) {
      const errs = errorsOf(parseHolidayYear({ year: y, days: [] }));
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(/^year 必须是 2000 至 2100 之间的整数/);
    }
    expect(parseHolidayYear({ year: 2000, days: [] }).ok).toBe(true);
    expect(parseHolidayYear({ year: 2100, days: [] }).ok).toBe(true);
  });

  it('requires days as an array', () => {
    expect(errorsOf(parseHolidayYear({ year: 2025 }))).toEqual(['缺少 days 字段']);
    expect(errorsOf(parseHolidayYear({ year: 2025, days: {} }))).toEqual(['days 必须是数组']);
    expect(errorsOf(parseHolidayYear({ year: 2025, days: [42] }))).toEqual([
      'days[0] 必须是对象（含 name、date、isOffDay）',
    ]);
  });

  it('checks papers', () => {
    expect(errorsOf(parseHolidayYear({ year: 2025, papers: 'http://x', days: [] }))).toEqual(['papers 必须是字符串数组']);
    expect(errorsOf(parseHolidayYear({ year: 2025, papers: ['http://x', 3], days: [] }))).toEqual([
      'papers[1] 必须是字符串',
    ]);
  });

  it('rejects impossible dates', () => {
    const days = [day('2025-01-01'), day('2025-01-28'), day('2025-01-29'), day('2025-02-30'), day('2025-2-3')];
    expect(errorsOf(parseHolidayYear({ year: 2025, days }))).toEqual([
      'days[3].date 不是有效日期：2025-02-30',
      'days[4].date 不是有效日期：2025-2-3',
    ]);
    expect(errorsOf(parseHolidayYear({ year: 2025, days: [{ name: '元旦', isOffDay: true }] }))).toEqual([
      'days[0] 缺少 date 字段',
    ]);
    expect(errorsOf(parseHolidayYear({ year: 2025, days: [{ name: '元旦', date: 20250101, isOffDay: true }] }))).toEqual([
      'days[0].date 不是有效日期：20250101',
    ]);
  });

  it('allows 1 December of the year before through 31 December, nothing else', () => {
    expect(parseHolidayYear({ year: 2025, days: [day('2024-12-01', false, '元旦')] }).ok).toBe(true); // a Sunday
    expect(parseHolidayYear({ year: 2025, days: [day('2025-12-31', true, '元旦')] }).ok).toBe(true);
    const days = [day('2025-01-01'), day('2025-01-02'), day('2025-01-03'), day('2023-05-01')];
    expect(errorsOf(parseHolidayYear({ year: 2025, days }))).toEqual([
      'days[3] 日期 2023-05-01 不在 2025 年的安排范围内（应为 2024年12月 至 2025年12月）',
    ]);
    expect(errorsOf(parseHolidayYear({ year: 2025, days: [day('2024-11-30')] }))).toHaveLength(1);
    expect(errorsOf(parseHolidayYear({ year: 2025, days: [day('2026-01-01')] }))).toHaveLength(1);
  });

  it('rejects duplicate dates', () => {
    const days = [day('2025-10-01'), day('2025-10-02'), day('2025-10-01', true, '中秋节')];
    expect(errorsOf(parseHolidayYear({ year: 2025, days }))).toEqual(['days[2] 日期 2025-10-01 与 days[0] 重复']);
  });

  it('requires a non-empty name', () => {
    const days = [
      { date: '2025-10-01', isOffDay: true },
      { name: '', date: '2025-10-02', isOffDay: true },
      { name: '   ', date: '2025-10-03', isOffDay: true },
      { name: 7, date: '2025-10-06', isOffDay: true },
    ];
    expect(errorsOf(parseHolidayYear({ year: 2025, days }))).toEqual([
      'days[0] 缺少 name 字段',
      'days[1].name 不能为空',
      'days[2].name 不能为空',
      'days[3].name 必须是字符串',
    ]);
    const trimmed = valueOf(parseHolidayYear({ year: 2025, days: [{ name: ' 国庆节 ', date: '2025-10-01', isOffDay: true }] }));
    expect(trimmed.days[0]?.name).toBe('国庆节');
  });

  it('requires isOffDay to be a boolean', () => {
    const days = [
      { name: '国庆节', date: '2025-10-01', isOffDay: 'true' },
      { name: '国庆节', date: '2025-10-02', isOffDay: 1 },
      { name: '国庆节', date: '2025-10-03' },
    ];
    expect(errorsOf(parseHolidayYear({ year: 2025, days }))).toEqual([
      'days[0].isOffDay 必须是 true 或 false："true"',
      'days[1].isOffDay 必须是 true 或 false：1',
      'days[2] 缺少 isOffDay 字段',
    ]);
  });

  it('warns (does not fail) when a weekday is marked as a worked day; a weekend holiday is fine', () => {
    const r = parseHolidayYear({
      year: 2025,
      days: [day('2025-10-04'), day('2025-10-05'), day('2025-10-09', false), day('2025-10-11', false)],
    });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['days[2] 日期 2025-10-09（星期四）是工作日，无需标记为调休上班']);
  });

  it('collects every error at once', () => {
    const r = parseHolidayYear({
      year: 1999,
      papers: [1],
      days: [{ name: '', date: '2025-02-30', isOffDay: 'no' }],
    });
    expect(errorsOf(r)).toHaveLength(5);
  });
});
