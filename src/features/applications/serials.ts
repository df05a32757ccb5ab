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
  const [row] = await tx
    .insert(applicationSerials)
    .values({ scope, last: 1 })
    .onConflictDoUpdate({ target: applicationSerials.scope, set: { last: sql`${applicationSerials.last} + 1` } })
    .returning({ last: applicationSerials.last });
  return row.last;
}
