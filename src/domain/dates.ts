// ISO calendar dates ('YYYY-MM-DD') as plain strings. Pure: no Date objects, no time zones — all
// arithmetic goes through a day count (days since 1970-01-01, proleptic Gregorian), so local time
// can never shift a date.

/** A calendar date 'YYYY-MM-DD' (4-digit year). */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseYmd(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

function ymd(s: IsoDate): Ymd {
  const p = parseYmd(s);
  if (!p) throw new RangeError(`无效日期：${String(s)}`);
  return p;
}

/** True for a real calendar date written exactly 'YYYY-MM-DD' (rejects 2024-02-30, 2023-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
  return parseYmd(s) !== null;
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): IsoDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`日期超出范围：第 ${z} 天`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** d + n calendar days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须是整数：${n}`);
  return fromDayNumber(toDayNumber(ymd(d)) + n);
}

/** d plus n calendar months; a day that the target month lacks becomes its last day (1月31日 + 1个月 = 2月28/29日). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = tm === 2 ? (isLeapYear(ty) ? 29 : 28) : [4, 6, 9, 11].includes(tm) ? 30 : 31;
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(ymd(d)) + 4) % 7) + 7) % 7;
}

/** -1, 0 or 1. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  const x = toDayNumber(ymd(a));
  const y = toDayNumber(ymd(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Calendar days from a to b (b − a; negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(ymd(b)) - toDayNumber(ymd(a));
}

/** '2024-03-05' → '2024年3月5日'. */
export function formatChineseDate(d: IsoDate): string {
  const p = ymd(d);
  return `${p.y}年${p.m}月${p.d}日`;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** '2024-03-05' → '星期二'. */
export function weekdayName(d: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(d)]!;
}

/** The calendar day in China (UTC+8, no daylight saving) at an instant: deadlines count China's days. */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
