// Use cases of the working-day calendar: the arrangement per year as data (shipped, corrected by an
// administrator), and working-day arithmetic over it (RULES.md §1).
import { asc, eq, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid, notFound } from '../../errors.js';
import { WorkingCalendar, type HolidayDay, type HolidayYear, type WorkingDayResult } from '../../domain/calendar.js';
import { addDays, compareDates, daysBetween, isIsoDate, type IsoDate } from '../../domain/dates.js';
import { parseHolidayYear } from '../../domain/holiday-year.js';
import { recomputeOpenClocks } from '../applications/recompute.js';
import { authorize } from '../authorize.js';
import { recordAudit } from '../orgs/audit.js';
import { calendarGrants } from './policy.js';
import { holidayYears } from './schema.js';
import { shippedYears } from './shipped.js';

/**
 * Called after a year's arrangement changed, inside the same transaction, so that features with
 * deadlines (applications, messages) recompute their open cases and note it in their history
 * (RULES.md §1). Each such feature registers itself with onCalendarChanged.
 */
export type CalendarChangeListener = (
  db: Db,
  ctx: ActionContext,
  change: { year: number; calendar: WorkingCalendar },
) => Promise<void>;
const listeners: CalendarChangeListener[] = [];
export function onCalendarChanged(listener: CalendarChangeListener): void {
  listeners.push(listener);
}

/** Insert shipped years the database lacks, and refresh shipped years nobody corrected. */
export async function seedShippedYears(db: Db): Promise<number> {
  const existing = new Map((await db.select().from(holidayYears)).map((r) => [r.year, r]));
  let changed = 0;
  for (const y of shippedYears()) {
    const row = existing.get(y.year);
    if (row && (row.source === 'admin' || JSON.stringify(row.days) === JSON.stringify(y.days))) continue;
    await db
      .insert(holidayYears)
      .values({ year: y.year, days: y.days, papers: y.papers ?? [], source: 'shipped' })
      .onConflictDoUpdate({ target: holidayYears.year, set: { days: y.days, papers: y.papers ?? [], updatedAt: new Date() } });
    changed++;
  }
  if (changed) cached = undefined;
  return changed;
}

// The calendar changes a few times a year but is read on every deadline computation: keep it in
// memory and check a cheap version stamp (row count and latest change) so every process of a
// scaled-out deployment sees an administrator's correction at once.
let cached: { stamp: string; calendar: WorkingCalendar } | undefined;

async function versionStamp(db: Db): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, latest: sql<string>`coalesce(max(${holidayYears.updatedAt})::text, '')` })
    .from(holidayYears);
  return `${row.n}/${row.latest}`;
}

export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const stamp = await versionStamp(db);
  if (cached?.stamp === stamp) return cached.calendar;
  const rows = await db.select().from(holidayYears).orderBy(asc(holidayYears.year));
  const calendar = new WorkingCalendar(rows.map((r) => ({ year: r.year, papers: r.papers, days: r.days })));
  cached = { stamp, calendar };
  return calendar;
}

export async function listYears(db: Db) {
  const rows = await db.select().from(holidayYears).orderBy(asc(holidayYears.year));
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    dayCount: r.days.length,
    offDays: r.days.filter((d) => d.isOffDay).length,
    makeupWorkdays: r.days.filter((d) => !d.isOffDay).length,
    note: r.note,
    updatedAt: r.updatedAt,
  }));
}

export async function getYear(db: Db, year: number) {
  const [row] = await db.select().from(holidayYears).where(eq(holidayYears.year, year));
  if (!row) throw notFound(`尚无 ${year} 年的节假日安排`);
  return row;
}

export interface YearInput {
  days: HolidayDay[];
  papers?: string[];
  note?: string;
}

/** An administrator enters or corrects a year's arrangement (or imports it from a holiday-cn file). */
export async function saveYear(db: Db, ctx: ActionContext, year: number, input: YearInput) {
  const parsed = parseHolidayYear({ year, papers: input.papers ?? [], days: input.days });
  if (!parsed.ok) throw invalid(parsed.errors.join('；'), parsed.errors);
  const value: HolidayYear = parsed.value;
  return db.transaction(async (tx) => {
    const orgId = ctx.actor?.orgId ?? null;
    authorize(ctx, calendarGrants, 'calendar.manage', null, '只有系统管理员可以修改节假日安排');
    const [before] = await tx.select().from(holidayYears).where(eq(holidayYears.year, year));
    const [row] = await tx
      .insert(holidayYears)
      .values({
        year,
        days: value.days,
        papers: value.papers ?? [],
        source: 'admin',
        note: input.note ?? '',
        updatedBy: ctx.actor?.userId ?? null,
      })
      .onConflictDoUpdate({
        target: holidayYears.year,
        set: {
          days: value.days,
          papers: value.papers ?? [],
          source: 'admin',
          note: input.note ?? '',
          updatedBy: ctx.actor?.userId ?? null,
          updatedAt: new Date(),
        },
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: before ? 'calendar.update_year' : 'calendar.add_year',
      orgId,
      targetType: 'holiday_year',
      targetId: year,
      summary: `${before ? '修改' : '新增'} ${year} 年节假日安排：${describeChange(before?.days ?? [], value.days)}${input.note ? `（说明：${input.note}）` : ''}`,
    });
    cached = undefined;
    const calendar = await loadCalendar(tx);
    await recomputeOpenClocks(tx, `${year} 年节假日安排${before ? '修改' : '新增'}`, calendar);
    for (const listener of listeners) await listener(tx, ctx, { year, calendar });
    return row;
  });
}

function describeChange(before: HolidayDay[], after: HolidayDay[]): string {
  const key = (d: HolidayDay) => `${d.date}:${d.isOffDay ? '休' : '班'}`;
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  const added = [...a].filter((k) => !b.has(k));
  const removed = [...b].filter((k) => !a.has(k));
  if (!added.length && !removed.length) return '无变化';
  const parts: string[] = [];
  if (added.length) parts.push(`新增 ${added.join('、')}`);
  if (removed.length) parts.push(`删除 ${removed.join('、')}`);
  return parts.join('；');
}

export async function addWorkingDays(db: Db, from: IsoDate, days: number): Promise<WorkingDayResult> {
  if (!isIsoDate(from)) throw invalid(`起算日期无效：${from}，应为 YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 1 || days > 1000) throw invalid('工作日天数应为 1 到 1000 之间的整数');
  return (await loadCalendar(db)).addWorkingDays(from, days);
}

export async function isWorkingDay(db: Db, date: IsoDate): Promise<boolean> {
  if (!isIsoDate(date)) throw invalid(`日期无效：${date}，应为 YYYY-MM-DD`);
  return (await loadCalendar(db)).isWorkingDay(date);
}

/** Every day of a range with its kind, for the calendar screen (at most about a year). */
export async function daysInRange(db: Db, from: IsoDate, to: IsoDate) {
  if (!isIsoDate(from) || !isIsoDate(to)) throw invalid('日期应为 YYYY-MM-DD');
  if (compareDates(to, from) < 0) throw invalid('结束日期不能早于开始日期');
  if (daysBetween(from, to) > 400) throw invalid('一次最多查询 400 天');
  const calendar = await loadCalendar(db);
  const out = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) out.push(calendar.dayInfo(d));
  return out;
}
