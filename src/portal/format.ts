// How portal pages write dates for people: 2024年3月5日, in China's time zone, '—' (or a given
// word) when there is none.
import { chinaDate, formatChineseDate } from '../domain/dates.js';

export function readableDate(d: string | Date | null | undefined, none = '—'): string {
  if (!d) return none;
  return formatChineseDate(typeof d === 'string' ? d : chinaDate(d));
}
