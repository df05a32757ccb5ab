// The workbench's inbox: the cases within the user's scope, filtered and sorted by due date, each
// with its traffic light (on track / due within 5 working days / overdue). The applicant's name is
// shown only to staff who handle the case's organization.
import { and, asc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { trafficLight, type TrafficLight } from '../../domain/application-clock.js';
import { APPLICANT_KIND_LABELS } from '../../domain/application-outcomes.js';
import { escapeLike } from '../orgs/audit.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { organizations, users } from '../orgs/schema.js';
import { loadClockEnv, type ClockEnv } from './clock.js';
import { openApplicant } from './applicant-store.js';
import { isOpen, OPEN_STATUSES, STATUS_LABELS } from './events.js';
import { requireCaseScope, seesApplicant } from './policy.js';
import { applications, type ApplicationStatus } from './schema.js';

export const INBOX_PAGE_SIZE = 20;

export interface InboxQuery {
  /** A status, or 'open' for registered and in progress. */
  status?: ApplicationStatus | 'open';
  light?: TrafficLight;
  assigneeId?: number;
  /** True: only cases nobody has taken up. */
  unassigned?: boolean;
  orgId?: number;
  receivedFrom?: string;
  receivedTo?: string;
  /** Part of the number or of what is asked for. */
  q?: string;
  page?: number;
}

/** The SQL condition of a traffic light: due_soon while at most dueSoonDays working days remain. */
function lightCondition(light: TrafficLight, env: ClockEnv): SQL {
  const soonLimit = env.calendar.addWorkingDays(env.today, env.rules.dueSoonDays + 1).date;
  const open = inArray(applications.status, [...OPEN_STATUSES]);
  switch (light) {
    case 'overdue':
      return and(open, lt(applications.dueOn, env.today))!;
    case 'due_soon':
      return and(open, gte(applications.dueOn, env.today), lt(applications.dueOn, soonLimit))!;
    case 'on_track':
      return and(open, gte(applications.dueOn, soonLimit))!;
  }
}

export function lightOf(row: { status: ApplicationStatus; dueOn: string | null }, env: ClockEnv): TrafficLight | null {
  return isOpen(row.status) && row.dueOn ? trafficLight(row.dueOn, env.today, env.calendar, env.rules) : null;
}

export async function inbox(db: Db, ctx: ActionContext, q: InboxQuery = {}) {
  const scope = await requireCaseScope(db, ctx, 'applications.read', '没有查看政府信息公开申请的权限');
  const env = await loadClockEnv(db);
  const conds: SQL[] = [orgScopeCondition(scope, applications.orgId)];
  if (q.status === 'open') conds.push(inArray(applications.status, [...OPEN_STATUSES]));
  else if (q.status) conds.push(eq(applications.status, q.status));
  if (q.light) conds.push(lightCondition(q.light, env));
  if (q.assigneeId) conds.push(eq(applications.assigneeId, q.assigneeId));
  if (q.unassigned) conds.push(sql`${applications.assigneeId} is null`);
  if (q.orgId) conds.push(eq(applications.orgId, q.orgId));
  if (q.receivedFrom) conds.push(gte(applications.receivedOn, q.receivedFrom));
  if (q.receivedTo) conds.push(lte(applications.receivedOn, q.receivedTo));
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    conds.push(or(ilike(applications.number, like), ilike(applications.description, like), ilike(applications.docTitle, like), ilike(applications.docNumber, like))!);
  }
  const where = and(...conds);
  const page = Math.max(q.page ?? 1, 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: applications.id,
        number: applications.number,
        orgId: applications.orgId,
        orgPath: organizations.path,
        orgName: organizations.name,
        status: applications.status,
        channel: applications.channel,
        applicantKind: applications.applicantKind,
        applicantSealed: applications.applicantSealed,
        plainApplicant: applications.plainApplicant,
        description: applications.description,
        receivedOn: applications.receivedOn,
        dueOn: applications.dueOn,
        clockState: applications.clockState,
        assigneeId: applications.assigneeId,
        assigneeName: users.name,
        outcome: applications.outcome,
        repliedOn: applications.repliedOn,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.orgId))
      .leftJoin(users, eq(users.id, applications.assigneeId))
      .where(where)
      .orderBy(sql`${applications.dueOn} asc nulls last`, asc(applications.receivedOn), asc(applications.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((page - 1) * INBOX_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(applications).where(where),
  ]);
  const items = rows.map(({ orgPath, applicantSealed, plainApplicant, description, ...r }) => ({
    ...r,
    statusLabel: STATUS_LABELS[r.status],
    applicantKindLabel: APPLICANT_KIND_LABELS[r.applicantKind],
    // Opened only for those who may see it (a page of 20: microseconds each).
    applicantName: seesApplicant(ctx, { orgId: r.orgId, orgPath }) ? openApplicant({ applicantSealed, plainApplicant }).name : null,
    description: description.length > 80 ? `${description.slice(0, 80)}…` : description,
    trafficLight: lightOf(r, env),
  }));
  return { items, total, page, pageSize: INBOX_PAGE_SIZE, today: env.today };
}
