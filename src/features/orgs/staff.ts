// Whom to tell about an organization's work (reminders): its active staff holding a role, by order of
// preference — the office heads, say, or the editors where there is no office head.
import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Role } from '../../domain/policy.js';
import { users } from './schema.js';

/** Per organization, the active users with the first of `roles` anyone there holds (none: no entry). */
export async function staffByPreference(db: Db, orgIds: number[], roles: readonly Role[]): Promise<Map<number, number[]>> {
  const byOrg = new Map<number, number[]>();
  if (!orgIds.length) return byOrg;
  const rows = await db
    .select({ id: users.id, orgId: users.orgId, roles: users.roles })
    .from(users)
    .where(and(inArray(users.orgId, orgIds), eq(users.active, true), arrayOverlaps(users.roles, [...roles])));
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    const staff = rows.filter((r) => r.orgId === orgId);
    const role = roles.find((ro) => staff.some((r) => r.roles.includes(ro)))!;
    byOrg.set(orgId, staff.filter((r) => r.roles.includes(role)).map((r) => r.id));
  }
  return byOrg;
}
