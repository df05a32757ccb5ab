import type { Grants } from '../../domain/policy.js';

export type CalendarAction = 'calendar.manage';

export const calendarGrants: Grants<CalendarAction> = {
  // The holiday arrangement drives every legal deadline of the government: administrators only.
  'calendar.manage': ['admin'],
};
