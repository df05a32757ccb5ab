import { describe, expect, it } from 'vitest';
import { shippedYears } from '../features/calendar/shipped.js';
import { WorkingCalendar } from './calendar.js';
import { reportReminderStage, reportYearDue } from './annual-report-reminders.js';
import { publishesAnnualReport } from './annual-report-status.js';

const cal = new WorkingCalendar(shippedYears());

describe('annual report reminders', () => {
  it('asks in January for last year’s report', () => {
    expect(reportYearDue('2025-01-02')).toBe(2024);
    expect(reportYearDue('2025-12-31')).toBe(2024);
  });

  // 2025: 31 January falls in 春节 (1-28…2-4 off); Sunday 1-26 is worked (调休). The working days up to
  // the deadline are 1-27, 1-26, 1-24, 1-23, 1-22 … so 5 are left from 1-21 on, and the whole of January
  // (19 working days after New Year's Day) is within the 20 of the early reminder.
  it('reminds a department early from New Year’s Day and finally 5 working days before 31 January, across 春节 2025', () => {
    expect(reportReminderStage('2024-12-31', 'department', cal)).toBeNull();
    expect(reportReminderStage('2025-01-01', 'department', cal)).toBe('early');
    expect(reportReminderStage('2025-01-20', 'department', cal)).toBe('early');
    expect(reportReminderStage('2025-01-21', 'department', cal)).toBe('final');
    expect(reportReminderStage('2025-01-27', 'township', cal)).toBe('final');
    expect(reportReminderStage('2025-01-31', 'department', cal)).toBe('final');
  });

  it('counts 2026’s 调休 Sunday 1-4 as a working day: 21 are left on New Year’s Day, 20 from 1-4', () => {
    expect(reportReminderStage('2026-01-01', 'department', cal)).toBeNull();
    expect(reportReminderStage('2026-01-03', 'department', cal)).toBeNull();
    expect(reportReminderStage('2026-01-04', 'department', cal)).toBe('early');
  });

  it('reminds once late in the 30 days after the deadline, then stops', () => {
    expect(reportReminderStage('2025-02-01', 'department', cal)).toBe('late');
    expect(reportReminderStage('2025-03-02', 'department', cal)).toBe('late');
    expect(reportReminderStage('2025-03-03', 'department', cal)).toBeNull();
  });

  it('gives the government until 31 March: early from 3-3 (20 working days left), final from 3-24', () => {
    expect(reportReminderStage('2025-02-01', 'government', cal)).toBeNull();
    expect(reportReminderStage('2025-03-02', 'government', cal)).toBeNull();
    expect(reportReminderStage('2025-03-03', 'government', cal)).toBe('early');
    expect(reportReminderStage('2025-03-21', 'government', cal)).toBe('early');
    expect(reportReminderStage('2025-03-24', 'government', cal)).toBe('final');
    expect(reportReminderStage('2025-04-01', 'government', cal)).toBe('late');
  });

  it('is for governments, departments and townships only', () => {
    expect(['government', 'department', 'township', 'village', 'institution'].filter(publishesAnnualReport)).toEqual(['government', 'department', 'township']);
  });
});
