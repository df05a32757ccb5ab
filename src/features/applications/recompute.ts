// RULES.md §1: when a year's holiday arrangement (or a setting of the clock) changes, every open
// deadline is recomputed and the change is recorded in the case's history. Runs in the caller's
// transaction, so the change and its consequences are stored together.
import { inArray } from 'drizzle-orm';
import { systemContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import type { WorkingCalendar } from '../../domain/calendar.js';
import { OPEN_STATUSES } from './events.js';
import { applications } from './schema.js';
import { loadClockEnv, refreshClock } from './clock.js';

/** Recomputes every open case; returns how many were recomputed. `reason` opens the history note. */
export async function recomputeOpenClocks(db: Db, reason: string, calendar?: WorkingCalendar): Promise<number> {
  const env = await loadClockEnv(db, calendar);
  const open = await db
    .select({ id: applications.id, receivedOn: applications.receivedOn, status: applications.status, clock: applications.clock })
    .from(applications)
    .where(inArray(applications.status, [...OPEN_STATUSES]))
    .for('update');
  for (const kase of open) await refreshClock(db, systemContext, kase, env, { reason });
  return open.length;
}
