// The State Council's arrangements 2007 onward, shipped with the project in resources/holiday-cn
// (from the holiday-cn project, MIT licence kept beside the data).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseHolidayYear } from '../../domain/holiday-year.js';
import type { HolidayYear } from '../../domain/calendar.js';

const folder = fileURLToPath(new URL('../../../resources/holiday-cn/', import.meta.url));

let cache: HolidayYear[] | undefined;

export function shippedYears(): HolidayYear[] {
  cache ??= readdirSync(folder)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const parsed = parseHolidayYear(JSON.parse(readFileSync(path.join(folder, f), 'utf8')));
      if (!parsed.ok) throw new Error(`内置节假日数据 ${f} 无效：${parsed.errors.join('；')}`);
      return parsed.value;
    });
  return cache;
}
