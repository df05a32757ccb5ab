// The update rule of a column (栏目更新规则): something new must appear in it at least every N days,
// weeks or calendar months. 检查指标 (国办秘函〔2019〕19号) fails a site whose news columns go 2 weeks,
// or notice and policy columns 6 months, without an update; undated or empty columns count as not
// updated, so an empty column is measured from the day it was created. Pure: ISO dates only.
import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from './dates.js';

export const UPDATE_UNITS = ['day', 'week', 'month'] as const;
export type UpdateUnit = (typeof UPDATE_UNITS)[number];

export const UPDATE_UNIT_LABELS: Record<UpdateUnit, string> = { day: '天', week: '周', month: '个月' };

export interface UpdateRule {
  every: number;
  unit: UpdateUnit;
}

/** ok: in time; due_soon: the due date is near; overdue: past it; none: the column has no rule. */
export type UpdateStatus = 'ok' | 'due_soon' | 'overdue' | 'none';

export const UPDATE_STATUS_LABELS: Record<UpdateStatus, string> = { ok: '正常', due_soon: '即将到期', overdue: '已超期', none: '不要求' };

/** '每2周更新', '每6个月更新', '每天更新'; '' without a rule. */
export function describeRule(rule: UpdateRule | null): string {
  if (!rule) return '';
  if (rule.every === 1 && rule.unit === 'day') return '每天更新';
  return `每${rule.every}${UPDATE_UNIT_LABELS[rule.unit]}更新`;
}

/** The problem with a rule as entered, in Chinese, or null. Both parts or neither. */
export function ruleProblem(every: number | null | undefined, unit: string | null | undefined): string | null {
  const hasEvery = every !== null && every !== undefined;
  const hasUnit = unit !== null && unit !== undefined;
  if (!hasEvery && !hasUnit) return null;
  if (!hasEvery || !hasUnit) return '更新周期须同时填写数量和单位（天、周或月）';
  if (!(UPDATE_UNITS as readonly string[]).includes(unit)) return `未知的更新周期单位：${unit}`;
  if (!Number.isInteger(every) || every < 1 || every > 366) return '更新周期须为 1 至 366 之间的整数';
  return null;
}

/** The last day by which something new must appear, counting from the last update. */
export function nextDueOn(lastUpdate: IsoDate, rule: UpdateRule): IsoDate {
  switch (rule.unit) {
    case 'day':
      return addDays(lastUpdate, rule.every);
    case 'week':
      return addDays(lastUpdate, rule.every * 7);
    case 'month':
      return addMonths(lastUpdate, rule.every);
  }
}

export interface UpdateState {
  status: UpdateStatus;
  /** The date the rule is measured from: the last publication, or the column's creation when it has none. */
  since: IsoDate;
  dueOn: IsoDate | null;
  /** Days past the due date (0 unless overdue). */
  daysOverdue: number;
  /** Days left until the due date (0 when due today or overdue). */
  daysLeft: number;
}

/**
 * Where a column stands on its rule today. Due on the due date itself is still in time; the next
 * day it is 1 day overdue. "Due soon" when a quarter of the period or less is left (at most 7 days).
 */
export function updateState(rule: UpdateRule | null, lastPublishedOn: IsoDate | null, createdOn: IsoDate, today: IsoDate): UpdateState {
  const since = lastPublishedOn ?? createdOn;
  if (!rule) return { status: 'none', since, dueOn: null, daysOverdue: 0, daysLeft: 0 };
  const dueOn = nextDueOn(since, rule);
  const left = daysBetween(today, dueOn);
  if (compareDates(today, dueOn) > 0) return { status: 'overdue', since, dueOn, daysOverdue: -left, daysLeft: 0 };
  const soonWithin = Math.min(7, Math.floor(daysBetween(since, dueOn) / 4));
  return { status: left <= soonWithin ? 'due_soon' : 'ok', since, dueOn, daysOverdue: 0, daysLeft: left };
}
