// Reminders of a case's reply due date to the staff handling it (issue #5 item 10): 5 and 2 working
// days before the due date, and once when it has passed. Counted on the working calendar, so a
// reminder before 国庆 comes 5 working days before, not 5 calendar days.
import type { WorkingCalendar } from './calendar.js';
import { addDays, compareDates, type IsoDate } from './dates.js';

/** The reminders, latest first: the one due today is the latest whose threshold was reached. */
export const REMINDER_STAGES = ['overdue', '2', '5'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** Working days left before the due date at which each advance reminder goes. */
export const REMINDER_WORKING_DAYS = { '5': 5, '2': 2 } as const;

/**
 * The reminder a case is due for on `today`: 'overdue' once the due date has passed; '2' while at
 * most 2 working days are left (the due date itself counting); '5' while at most 5 are left; null
 * before that. A day missed (the server was down) is caught up the next run, and a case that comes
 * in with only 3 days left gets the '5' reminder at once — each stage goes once (the outbox's key).
 */
export function reminderStage(today: IsoDate, dueOn: IsoDate, calendar: WorkingCalendar): ReminderStage | null {
  if (compareDates(today, dueOn) > 0) return 'overdue';
  const left = calendar.workingDaysBetween(today, dueOn);
  if (left <= REMINDER_WORKING_DAYS['2']) return '2';
  if (left <= REMINDER_WORKING_DAYS['5']) return '5';
  return null;
}

/**
 * The last due date that may need a reminder today: any later one has more than 5 working days
 * left (the day before the 6th working day from today, so a due date on a rest day is not missed).
 */
export function reminderHorizon(today: IsoDate, calendar: WorkingCalendar): IsoDate {
  return addDays(calendar.addWorkingDays(today, REMINDER_WORKING_DAYS['5'] + 1).date, -1);
}
