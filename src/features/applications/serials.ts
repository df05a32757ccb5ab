// Serial counters of the applications area (application_serials): application numbers per
// organization and year, letter 文号 per organization, kind and year.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applicationSerials } from './schema.js';

/**
 * The next serial of a scope, taken in the caller's transaction. One statement: two cases or
 * letters at the same moment each get their own number (the row lock of the upsert orders them),
 * and a transaction that fails gives its number back.
 */
export async function nextSerial(tx: Db, scope: string): Promise<number> {
  return (await takeSerials(tx, scope, 1))[0]!;
}

/** `count` consecutive serials of a scope at once (a bulk import), in the same way. */
export async function takeSerials(tx: Db, scope: string, count: number): Promise<number[]> {
  const [row] = await tx
    .insert(applicationSerials)
    .values({ scope, last: count })
    .onConflictDoUpdate({ target: applicationSerials.scope, set: { last: sql`${applicationSerials.last} + ${count}` } })
    .returning({ last: applicationSerials.last });
  return Array.from({ length: count }, (_, i) => row!.last - count + 1 + i);
}

/** Moves the counter past a serial used as given (a historical number kept), never back. */
export async function passSerial(tx: Db, scope: string, used: number): Promise<void> {
  await tx
    .insert(applicationSerials)
    .values({ scope, last: used })
    .onConflictDoUpdate({ target: applicationSerials.scope, set: { last: sql`greatest(${applicationSerials.last}, excluded.last)` } });
}
