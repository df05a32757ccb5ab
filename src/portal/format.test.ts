import { describe, expect, it } from 'vitest';
import { readableDate } from './format.js';

describe('readableDate', () => {
  it("writes an instant as China's date, not UTC's", () => {
    // 2025-12-15 06:00 in Beijing is still 2025-12-14 in UTC.
    expect(readableDate(new Date('2025-12-15T06:00:00+08:00'))).toBe('2025年12月15日');
  });
  it('writes a day as it is, and a missing one as a dash or the given word', () => {
    expect(readableDate('2024-03-05')).toBe('2024年3月5日');
    expect(readableDate(null)).toBe('—');
    expect(readableDate(undefined, '尚无发布')).toBe('尚无发布');
  });
});
