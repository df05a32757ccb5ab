// Queueing mail that must go once (reminders): each row carries a dedupe key naming what it reminds
// of, and a row whose key is already in the outbox is left out.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailOutbox } from './schema.js';

export type OnceMail = typeof mailOutbox.$inferInsert & { dedupeKey: string };

/** Adds the rows not queued before; returns how many were added. */
export async function queueOnce(db: Db, rows: OnceMail[]): Promise<number> {
  if (!rows.length) return 0;
  // Most were queued by an earlier run of the same job: leave those out before inserting (no sequence value spent on them).
  const queued = new Set(
    (await db.select({ key: mailOutbox.dedupeKey }).from(mailOutbox).where(inArray(mailOutbox.dedupeKey, rows.map((r) => r.dedupeKey)))).map((r) => r.key),
  );
  const fresh = rows.filter((r) => !queued.has(r.dedupeKey));
  if (!fresh.length) return 0;
  // Another process may have queued the same ones meanwhile: the unique key keeps one.
  return (await db.insert(mailOutbox).values(fresh).onConflictDoNothing().returning({ id: mailOutbox.id })).length;
}
