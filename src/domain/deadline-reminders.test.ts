import { describe, expect, it } from 'vitest';
import { shippedYears } from '../features/calendar/shipped.js';
import { WorkingCalendar } from './calendar.js';
import { reminderHorizon, reminderStage } from './deadline-reminders.js';

const cal = new WorkingCalendar(shippedYears());

describe('reminder stage', () => {
  // 2026: 中秋 9-25…27, 国庆 10-1…7, 调休上班 9-20 (Sun) and 10-10 (Sat). Due Monday 10-12: the
  // working days before it are 10-10, 10-9, 10-8, then 9-30 — so 5 are left from 9-29 on.
  const due = '2026-10-12';

  it('is 5 working days before across 国庆 and its 调休 Saturday, not 5 calendar days', () => {
    expect(reminderStage('2026-09-28', due, cal)).toBeNull();
    expect(reminderStage('2026-09-29', due, cal)).toBe('5');
    expect(reminderStage('2026-10-03', due, cal)).toBe('5');
    expect(reminderStage('2026-10-07', due, cal)).toBe('5');
  });

  it('is 2 from the second working day before, through the due date itself', () => {
    expect(reminderStage('2026-10-08', due, cal)).toBe('5');
    expect(reminderStage('2026-10-09', due, cal)).toBe('2');
    expect(reminderStage('2026-10-11', due, cal)).toBe('2');
    expect(reminderStage(due, due, cal)).toBe('2');
  });

  it('is overdue from the day after the due date', () => {
    expect(reminderStage('2026-10-13', due, cal)).toBe('overdue');
  });

  it('over 春节 2026 (2-15…23 off, 2-14 and 2-28 worked) counts the same way', () => {
    // Due Wednesday 2-25: working days before it 2-24, 2-14 (Sat, 调休), 2-13, 2-12, 2-11.
    expect(reminderStage('2026-02-10', '2026-02-25', cal)).toBeNull();
    expect(reminderStage('2026-02-11', '2026-02-25', cal)).toBe('5');
    expect(reminderStage('2026-02-20', '2026-02-25', cal)).toBe('2');
  });
});

describe('reminder horizon', () => {
  it('reaches the last due date with 5 working days left, rest days after it included', () => {
    expect(reminderHorizon('2026-09-29', cal)).toBe('2026-10-12');
    // Friday 11-27: the 5th working day is Friday 12-4, the 6th Monday 12-7; a due date on the Sunday still has 5 left.
    expect(reminderHorizon('2026-11-27', cal)).toBe('2026-12-06');
    expect(reminderStage('2026-11-27', '2026-12-06', cal)).toBe('5');
    expect(reminderStage('2026-11-27', '2026-12-07', cal)).toBeNull();
  });
});
