import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type HolidayYear } from './calendar.js';
import { publishedLate } from './publish-on-time.js';

const dir = new URL('../../resources/holiday-cn/', import.meta.url);
const cal = new WorkingCalendar(
  readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as HolidayYear),
);

describe('published within 20 working days of being formed (条例第二十六条)', () => {
  it('counts working days across 国庆 2024 with its 调休 (formed 9月27日: the 20th working day is 10月30日)', () => {
    expect(publishedLate(cal, '2024-09-27', '2024-10-30')).toBe(false);
    expect(publishedLate(cal, '2024-09-27', '2024-10-31')).toBe(true);
  });

  it('across 春节 2025 (formed 1月24日: the 20th working day is 2月27日)', () => {
    expect(publishedLate(cal, '2025-01-24', '2025-02-27')).toBe(false);
    expect(publishedLate(cal, '2025-01-24', '2025-02-28')).toBe(true);
  });

  it('is never late without a formation date', () => {
    expect(publishedLate(cal, null, '2030-01-01')).toBe(false);
  });
});
