// Who the workbench offers in its pickers: the organizations whose cases the user reads (the inbox's
// organization filter) and the staff of those organizations who may take a case up (the assignee
// filter and the assignment form). Staff names only; no applicant data.
import { and, arrayOverlaps, asc, eq, inArray } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations, users } from '../orgs/schema.js';
import { HANDLING_ROLES } from './assign.js';
import { requireCaseScope } from './policy.js';

export async function handlingStaff(db: Db, ctx: ActionContext) {
  const scope = await requireCaseScope(db, ctx, 'applications.read', '没有查看政府信息公开申请的权限');
  const [orgs, staff] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      // The organizations that answer applications (a residents' committee does not, 条例第二条).
      .where(and(orgScopeCondition(scope, organizations.id), inArray(organizations.kind, ['government', 'department', 'township'])))
      .orderBy(asc(organizations.path), asc(organizations.sortOrder)),
    db
      .select({ id: users.id, name: users.name, orgId: users.orgId, roles: users.roles })
      .from(users)
      .where(and(orgScopeCondition(scope, users.orgId), eq(users.active, true), arrayOverlaps(users.roles, HANDLING_ROLES)))
      .orderBy(asc(users.orgId), asc(users.name)),
  ]);
  return { organizations: orgs, staff };
}
