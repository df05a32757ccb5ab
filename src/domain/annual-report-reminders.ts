// Reminders of the annual report's deadline (issue #6 item 6, 条例第四十九条): an organization whose
// report for last year is not yet published is reminded 20 and 5 working days before its deadline
// (31 January for departments and townships, 31 March for the government), and once after the
// deadline has passed. Counted on the working calendar: 31 January often falls in the Spring
// Festival, when nobody reads mail, so "5 working days" means five days someone is at work. Pure.
import type { WorkingCalendar } from './calendar.js';
import { addDays, compareDates, type IsoDate } from './dates.js';
import { reportDeadline } from './annual-report-status.js';

export type ReportReminderStage = 'early' | 'final' | 'late';

/** Working days left before the deadline at which each advance reminder goes. */
export const REPORT_REMINDER_WORKING_DAYS = { early: 20, final: 5 } as const;

/** After this many days past the deadline a late report gets no first reminder any more (a system put into use in June does not mail about January). */
export const LATE_REMINDER_DAYS = 30;

/** The year whose report is due in the year of `today`. */
export const reportYearDue = (today: IsoDate): number => Number(today.slice(0, 4)) - 1;

/**
 * The reminder an organization is due for on `today`, for the report due this year: 'late' in the
 * 30 days after the deadline; 'final' while at most 5 working days are left (the deadline counting);
 * 'early' while at most 20 are left; null otherwise. Each stage goes once (the outbox's key), and a
 * day the server was down is caught up by the next run.
 */
export function reportReminderStage(today: IsoDate, orgKind: string, calendar: WorkingCalendar): ReportReminderStage | null {
  const deadline = reportDeadline(orgKind, reportYearDue(today));
  if (compareDates(today, deadline) > 0) return compareDates(today, addDays(deadline, LATE_REMINDER_DAYS)) <= 0 ? 'late' : null;
  const left = calendar.workingDaysBetween(today, deadline);
  if (left <= REPORT_REMINDER_WORKING_DAYS.final) return 'final';
  if (left <= REPORT_REMINDER_WORKING_DAYS.early) return 'early';
  return null;
}
