// 条例第二十六条: proactive information is published within 20 working days of being formed or
// changed. A document published later is flagged, on its timeline and in the records.
import type { WorkingCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';

export const PUBLISH_WITHIN_WORKING_DAYS = 20;

/** The timeline note of a document published late. */
export const LATE_NOTE = `超过信息形成之日起 ${PUBLISH_WITHIN_WORKING_DAYS} 个工作日发布`;

/** Published more than 20 working days after it was formed (false when the date is unknown). */
export function publishedLate(calendar: WorkingCalendar, formedOn: IsoDate | null | undefined, publishedOn: IsoDate): boolean {
  return formedOn ? calendar.workingDaysBetween(formedOn, publishedOn) > PUBLISH_WITHIN_WORKING_DAYS : false;
}
