// Counting working days backwards, which the calendar does not offer (deadlines only count
// forwards): the demo and the tests place cases so many working days before today.
import type { WorkingCalendar } from '../../domain/calendar.js';
import { addDays, type IsoDate } from '../../domain/dates.js';

/** The day n working days before `date`: the D with exactly n working days in (D, date]. For n = 0, `date`. */
export function workingDaysBefore(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  let d = date;
  let counted = 0;
  // Stepping back over each working day counted; D itself is a working day so the count is exact.
  while (counted < n) {
    if (calendar.isWorkingDay(d)) counted++;
    d = addDays(d, -1);
  }
  while (n > 0 && !calendar.isWorkingDay(d)) d = addDays(d, -1);
  return d;
}
