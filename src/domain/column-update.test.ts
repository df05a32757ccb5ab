import { describe, expect, it } from 'vitest';
import { describeRule, nextDueOn, ruleProblem, updateState } from './column-update.js';
import { addMonths } from './dates.js';

describe('update rule', () => {
  it('describes the rule in words', () => {
    expect(describeRule({ every: 2, unit: 'week' })).toBe('每2周更新');
    expect(describeRule({ every: 6, unit: 'month' })).toBe('每6个月更新');
    expect(describeRule({ every: 1, unit: 'day' })).toBe('每天更新');
    expect(describeRule({ every: 3, unit: 'day' })).toBe('每3天更新');
    expect(describeRule(null)).toBe('');
  });

  it('counts months as calendar months, ending on the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(nextDueOn('2025-12-20', { every: 6, unit: 'month' })).toBe('2026-06-20');
  });

  it('counts days and weeks as calendar days', () => {
    expect(nextDueOn('2026-02-10', { every: 2, unit: 'week' })).toBe('2026-02-24');
    expect(nextDueOn('2024-12-31', { every: 1, unit: 'day' })).toBe('2025-01-01');
  });

  it('is in time through the due date and overdue from the next day', () => {
    const rule = { every: 2, unit: 'week' } as const;
    expect(updateState(rule, '2026-03-01', '2020-01-01', '2026-03-05')).toMatchObject({ status: 'ok', dueOn: '2026-03-15', daysLeft: 10 });
    expect(updateState(rule, '2026-03-01', '2020-01-01', '2026-03-15')).toMatchObject({ status: 'due_soon', daysLeft: 0, daysOverdue: 0 });
    expect(updateState(rule, '2026-03-01', '2020-01-01', '2026-03-16')).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    expect(updateState(rule, '2026-03-01', '2020-01-01', '2026-04-15')).toMatchObject({ status: 'overdue', daysOverdue: 31 });
  });

  it('warns when a quarter of the period or at most a week is left', () => {
    const rule = { every: 6, unit: 'month' } as const;
    expect(updateState(rule, '2026-01-01', '2020-01-01', '2026-06-23').status).toBe('ok');
    expect(updateState(rule, '2026-01-01', '2020-01-01', '2026-06-24').status).toBe('due_soon');
    expect(updateState({ every: 2, unit: 'week' }, '2026-03-01', '2020-01-01', '2026-03-12').status).toBe('due_soon');
    expect(updateState({ every: 2, unit: 'week' }, '2026-03-01', '2020-01-01', '2026-03-11').status).toBe('ok');
  });

  it('measures an empty column from the day it was created', () => {
    expect(updateState({ every: 2, unit: 'week' }, null, '2026-01-01', '2026-02-01')).toMatchObject({ status: 'overdue', since: '2026-01-01', daysOverdue: 17 });
  });

  it('has no status without a rule', () => {
    expect(updateState(null, '2026-01-01', '2020-01-01', '2030-01-01')).toMatchObject({ status: 'none', dueOn: null });
  });

  it('checks a rule as entered', () => {
    expect(ruleProblem(null, null)).toBeNull();
    expect(ruleProblem(2, 'week')).toBeNull();
    expect(ruleProblem(2, null)).toContain('同时填写');
    expect(ruleProblem(0, 'day')).toContain('1 至 366');
    expect(ruleProblem(2, 'year')).toContain('未知');
  });
});
