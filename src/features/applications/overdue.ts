// The supervisor's list (issue #5 item 10): every open case past its due date across the
// organizations of the user's subtree, most overdue first, with how many working days it is late.
// No applicant data: the supervisor oversees deadlines, not people.
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations, users } from '../orgs/schema.js';
import { loadClockEnv } from './clock.js';
import { OPEN_STATUSES, STATUS_LABELS } from './events.js';
import { requireCaseScope } from './policy.js';
import { applications } from './schema.js';

export async function overdueApplications(db: Db, ctx: ActionContext) {
  const scope = await requireCaseScope(db, ctx, 'applications.overdue', '没有查看超期申请清单的权限');
  const env = await loadClockEnv(db);
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      orgId: applications.orgId,
      orgName: organizations.name,
      status: applications.status,
      receivedOn: applications.receivedOn,
      dueOn: sql<string>`${applications.dueOn}`,
      assigneeName: users.name,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .leftJoin(users, eq(users.id, applications.assigneeId))
    .where(and(orgScopeCondition(scope, applications.orgId), inArray(applications.status, [...OPEN_STATUSES]), lt(applications.dueOn, env.today)))
    .orderBy(asc(applications.dueOn), asc(applications.id));
  const items = rows.map((r) => ({ ...r, statusLabel: STATUS_LABELS[r.status], workingDaysOverdue: env.calendar.workingDaysBetween(r.dueOn, env.today) }));
  const byOrg = new Map<number, { orgId: number; orgName: string; count: number }>();
  for (const r of items) {
    const o = byOrg.get(r.orgId) ?? { orgId: r.orgId, orgName: r.orgName, count: 0 };
    o.count++;
    byOrg.set(r.orgId, o);
  }
  return { items, total: items.length, byOrg: [...byOrg.values()].sort((a, b) => b.count - a.count), today: env.today };
}
