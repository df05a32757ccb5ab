// Reading 列席 meetings for staff, and what every operation on one shares: loading it with its
// organization (for a change: locked, in the actor's scope), the audit entry, and the staff's view —
// the representatives with their real names and consent, each opinion with its handling and who
// recorded it.
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../domain/dates.js';
import { inScope } from '../../domain/policy.js';
import { notFound } from '../../errors.js';
import { authorize, scopeIn } from '../authorize.js';
import { recordAudit } from '../orgs/audit.js';
import { organizations, users, type Organization } from '../orgs/schema.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { handledDay, representativeLabel } from './display.js';
import { meetingGrants } from './policy.js';
import { meetingRepresentatives, meetings, representativeOpinions, type Meeting } from './schema.js';

export type LoadedMeeting = Meeting & { org: Organization };

export const orgTarget = (org: Organization) => ({ orgId: org.id, orgPath: org.path });

export async function loadMeeting(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedMeeting> {
  const query = db.select({ m: meetings, org: organizations }).from(meetings).innerJoin(organizations, eq(organizations.id, meetings.orgId)).where(eq(meetings.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: meetings }) : await query;
  if (!row) throw notFound('找不到该会议');
  return { ...row.m, org: row.org };
}

/** A meeting loaded, locked, for a change by ctx within its scope. */
export async function meetingForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedMeeting> {
  const m = await loadMeeting(tx, id, { forUpdate: true });
  authorize(ctx, meetingGrants, 'meetings.manage', orgTarget(m.org), `无权${what}`);
  return m;
}

export const auditMeeting = (tx: Db, ctx: ActionContext, m: { id: number; orgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `meeting.${action}`, orgId: m.orgId, targetType: 'meeting', targetId: m.id, summary });

/** The representatives of a meeting, in the order recorded. */
export const representativesOf = (db: Db, meetingId: number) =>
  db.select().from(meetingRepresentatives).where(eq(meetingRepresentatives.meetingId, meetingId)).orderBy(asc(meetingRepresentatives.id));

/** The opinions of a meeting in the order recorded, with the organization of whoever recorded the handling. */
export const opinionsOf = (db: Db, meetingId: number) =>
  db
    .select({ o: representativeOpinions, handlerName: users.name, handlerOrg: organizations.name })
    .from(representativeOpinions)
    .leftJoin(users, eq(users.id, representativeOpinions.handledBy))
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(representativeOpinions.meetingId, meetingId))
    .orderBy(asc(representativeOpinions.id));

export async function meetingView(db: Db, ctx: ActionContext, m: LoadedMeeting) {
  const [reps, opinions] = await Promise.all([representativesOf(db, m.id), opinionsOf(db, m.id)]);
  return {
    id: m.id,
    org: { id: m.org.id, code: m.org.code, name: m.org.name },
    title: m.title,
    heldOn: m.heldOn,
    topics: m.topics,
    selection: m.selection,
    published: m.publishedAt !== null,
    publishedOn: m.publishedAt ? chinaDate(m.publishedAt) : null,
    representatives: reps.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, namePublic: r.namePublic, publicLabel: representativeLabel(r) })),
    opinions: opinions.map(({ o, handlerName, handlerOrg }) => ({
      id: o.id,
      representativeId: o.representativeId,
      opinion: o.opinion,
      handled: o.handledAt !== null,
      handling: o.handling,
      handledOn: handledDay(o.handledAt),
      handledBy: o.handledAt ? { name: handlerName ?? '系统', orgName: handlerOrg ?? m.org.name } : null,
    })),
    canManage: inScope(scopeIn(ctx, meetingGrants, 'meetings.manage'), orgTarget(m.org)),
  };
}

export async function getMeeting(db: Db, ctx: ActionContext, id: number) {
  const m = await loadMeeting(db, id);
  authorize(ctx, meetingGrants, 'meetings.read', orgTarget(m.org), '无权查看该会议');
  return meetingView(db, ctx, m);
}

/** Representatives, opinions and opinions not yet handled, per meeting. */
export async function meetingCounts(db: Db, ids: number[]) {
  const result = new Map<number, { representatives: number; opinions: number; unhandled: number }>();
  if (!ids.length) return result;
  const [reps, ops] = await Promise.all([
    db.select({ id: meetingRepresentatives.meetingId, n: count() }).from(meetingRepresentatives).where(inArray(meetingRepresentatives.meetingId, ids)).groupBy(meetingRepresentatives.meetingId),
    db
      .select({
        id: representativeOpinions.meetingId,
        n: count(),
        unhandled: sql<number>`count(*) filter (where ${representativeOpinions.handledAt} is null)`.mapWith(Number),
      })
      .from(representativeOpinions)
      .where(inArray(representativeOpinions.meetingId, ids))
      .groupBy(representativeOpinions.meetingId),
  ]);
  for (const id of ids) result.set(id, { representatives: 0, opinions: 0, unhandled: 0 });
  for (const r of reps) result.get(r.id)!.representatives = r.n;
  for (const o of ops) Object.assign(result.get(o.id)!, { opinions: o.n, unhandled: o.unhandled });
  return result;
}

/** The meetings the user may read, latest first, with their counts. */
export async function listMeetings(db: Db, ctx: ActionContext) {
  const scope = authorize(ctx, meetingGrants, 'meetings.read', null, '无权查看列席会议');
  const rows = await db
    .select({ m: meetings, org: organizations })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.orgId))
    .where(orgScopeCondition(scope, meetings.orgId))
    .orderBy(desc(meetings.heldOn), desc(meetings.id));
  const counts = await meetingCounts(db, rows.map((r) => r.m.id));
  const manage = scopeIn(ctx, meetingGrants, 'meetings.manage');
  return {
    items: rows.map(({ m, org }) => ({
      id: m.id,
      title: m.title,
      org: { id: org.id, name: org.name },
      heldOn: m.heldOn,
      published: m.publishedAt !== null,
      publishedOn: m.publishedAt ? chinaDate(m.publishedAt) : null,
      ...counts.get(m.id)!,
      canManage: inScope(manage, orgTarget(org)),
    })),
  };
}
