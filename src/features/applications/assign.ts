// Assignment: the head of the disclosure office names the handler of a case; a handler may take up
// an unassigned case of their own organization themselves (not every office has a head on the system).
import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { forbidden, invalid } from '../../errors.js';
import { can } from '../../domain/policy.js';
import { users } from '../orgs/schema.js';
import { changeCase, factDate } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { applicationGrants } from './policy.js';
import { addEvent, caseTarget } from './records.js';
import { applications } from './schema.js';

/** The roles that may take up a case (the assignee's). */
export const HANDLING_ROLES = ['handler', 'office_head'];

export async function assignCase(db: Db, ctx: ActionContext, id: number, input: { assigneeId: number; on?: string }) {
  const self = ctx.actor?.userId === input.assigneeId;
  return changeCase(db, ctx, id, { action: self ? 'applications.handle' : 'applications.assign', audit: 'assign', what: '分配该申请', statuses: OPEN_STATUSES }, async ({ tx, kase, env }) => {
    const mayAssign = ctx.system || (ctx.actor !== null && can(applicationGrants, ctx.actor, 'applications.assign', caseTarget(kase)));
    if (!mayAssign && kase.assigneeId !== null) throw forbidden('该申请已有承办人，改派须由公开办负责人决定');
    const [user] = await tx.select().from(users).where(and(eq(users.id, input.assigneeId), eq(users.orgId, kase.orgId)));
    if (!user || !user.active) throw invalid(`承办人须为${kase.orgName}在职的工作人员`);
    if (!user.roles.some((r) => HANDLING_ROLES.includes(r))) throw invalid(`${user.name}没有依申请公开承办人或公开办负责人的角色`);
    const on = factDate(input.on, kase, env, '分配日期');
    await tx.update(applications).set({ assigneeId: user.id }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, { kind: 'assigned', on, note: `承办人：${user.name}`, data: { assigneeId: user.id } });
    return { summary: `承办人定为${user.name}` };
  });
}
