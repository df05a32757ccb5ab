// Validates one year's holiday arrangement (holiday-cn format), as shipped in resources/holiday-cn
// or as an administrator imports or edits it (RULES.md §1: "let an administrator enter or correct a
// year"). Pure; messages in Chinese for the workbench.

import { compareDates, dayOfWeek, isIsoDate, weekdayName } from './dates.js';
import type { HolidayDay, HolidayYear } from './calendar.js';

export type ParseHolidayYearResult =
  | { ok: true; value: HolidayYear; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

export const MIN_HOLIDAY_YEAR = 2000;
export const MAX_HOLIDAY_YEAR = 2100;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks an arrangement and returns it normalised: days sorted by date, names trimmed, `papers`
 * defaulting to [], unknown keys ($schema, $id …) dropped.
 *
 * A notice for year Y may list dates from 1 December of Y − 1 to 31 December of Y (2008's notice
 * moved 2007-12-29…31). A weekday marked isOffDay=false is already a working day: reported as a
 * warning, not an error, because the shipped 2020.json has one (2020-02-03, the first working day
 * after the extended 春节 holiday of 国办发明电〔2020〕1号) and it changes nothing in the calendar.
 */
export function parseHolidayYear(input: unknown): ParseHolidayYearResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isRecord(input)) return { ok: false, errors: ['节假日安排必须是一个对象'], warnings };

  let year: number | undefined;
  if (!('year' in input) || input.year === undefined || input.year === null) errors.push('缺少 year 字段');
  else if (typeof input.year !== 'number' || !Number.isInteger(input.year) || input.year < MIN_HOLIDAY_YEAR || input.year > MAX_HOLIDAY_YEAR) {
    errors.push(`year 必须是 ${MIN_HOLIDAY_YEAR} 至 ${MAX_HOLIDAY_YEAR} 之间的整数：${JSON.stringify(input.year)}`);
  } else year = input.year;

  const papers: string[] = [];
  if (input.papers !== undefined && input.papers !== null) {
    if (!Array.isArray(input.papers)) errors.push('papers 必须是字符串数组');
    else
      input.papers.forEach((p, i) => {
        if (typeof p !== 'string') errors.push(`papers[${i}] 必须是字符串`);
        else papers.push(p);
      });
  }

  const days: HolidayDay[] = [];
  if (!('days' in input) || input.days === undefined || input.days === null) errors.push('缺少 days 字段');
  else if (!Array.isArray(input.days)) errors.push('days 必须是数组');
  else {
    const firstIndex = new Map<string, number>();
    const from = year === undefined ? undefined : `${year - 1}-12-01`;
    const to = year === undefined ? undefined : `${year}-12-31`;
    input.days.forEach((raw: unknown, i) => {
      const at = `days[${i}]`;
      if (!isRecord(raw)) {
        errors.push(`${at} 必须是对象（含 name、date、isOffDay）`);
        return;
      }
      let ok = true;
      const name = typeof raw.name === 'string' ? raw.name.trim() : undefined;
      if (raw.name === undefined) {
        errors.push(`${at} 缺少 name 字段`);
        ok = false;
      } else if (name === undefined) {
        errors.push(`${at}.name 必须是字符串`);
        ok = false;
      } else if (name === '') {
        errors.push(`${at}.name 不能为空`);
        ok = false;
      }

      const date = raw.date;
      let validDate = false;
      if (date === undefined) errors.push(`${at} 缺少 date 字段`);
      else if (typeof date !== 'string' || !isIsoDate(date)) {
        errors.push(`${at}.date 不是有效日期：${typeof date === 'string' ? date : JSON.stringify(date)}`);
      } else validDate = true;
      if (!validDate) ok = false;

      const isOffDay = raw.isOffDay;
      if (typeof isOffDay !== 'boolean') {
        errors.push(
          isOffDay === undefined ? `${at} 缺少 isOffDay 字段` : `${at}.isOffDay 必须是 true 或 false：${JSON.stringify(isOffDay)}`,
        );
        ok = false;
      }

      if (validDate && typeof date === 'string') {
        if (from !== undefined && to !== undefined && (compareDates(date, from) < 0 || compareDates(date, to) > 0)) {
          errors.push(`${at} 日期 ${date} 不在 ${year} 年的安排范围内（应为 ${year! - 1}年12月 至 ${year}年12月）`);
          ok = false;
        }
        const prev = firstIndex.get(date);
        if (prev !== undefined) {
          errors.push(`${at} 日期 ${date} 与 days[${prev}] 重复`);
          ok = false;
        } else firstIndex.set(date, i);
        const dow = dayOfWeek(date);
        if (isOffDay === false && dow !== 0 && dow !== 6) {
          warnings.push(`${at} 日期 ${date}（${weekdayName(date)}）是工作日，无需标记为调休上班`);
        }
      }

      if (ok && name !== undefined && typeof date === 'string' && typeof isOffDay === 'boolean') {
        days.push({ name, date, isOffDay });
      }
    });
  }

  if (errors.length > 0 || year === undefined) return { ok: false, errors, warnings };
  days.sort((a, b) => compareDates(a.date, b.date));
  return { ok: true, value: { year, papers, days }, warnings };
}
