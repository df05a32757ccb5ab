// Reading consultations, and what every operation on one shares: loading it with its organization
// (for a change: locked, in the actor's scope), the audit entry, and the staff's view of it.
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { adoptionReportDue, adoptionReportOverdue, consultationPhase, daysLeft, periodDays, PHASE_LABELS } from '../../domain/consultation.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { inScope } from '../../domain/policy.js';
import { notFound } from '../../errors.js';
import { authorize, scopeIn } from '../authorize.js';
import { recordAudit } from '../orgs/audit.js';
import { organizations, type Organization } from '../orgs/schema.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { consultationGrants } from './policy.js';
import { consultationComments, consultationHearings, consultations, type Consultation } from './schema.js';

export type LoadedConsultation = Consultation & { org: Organization };

export const orgTarget = (org: Organization) => ({ orgId: org.id, orgPath: org.path });

export async function loadConsultation(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedConsultation> {
  const query = db.select({ c: consultations, org: organizations }).from(consultations).innerJoin(organizations, eq(organizations.id, consultations.orgId)).where(eq(consultations.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: consultations }) : await query;
  if (!row) throw notFound('找不到该征求意见');
  return { ...row.c, org: row.org };
}

/** A consultation loaded, locked, for a change by ctx within its scope. */
export async function consultationForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedConsultation> {
  const c = await loadConsultation(tx, id, { forUpdate: true });
  authorize(ctx, consultationGrants, 'consultations.manage', orgTarget(c.org), `无权${what}`);
  return c;
}

export const auditConsultation = (tx: Db, ctx: ActionContext, c: { id: number; orgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `consultation.${action}`, orgId: c.orgId, targetType: 'consultation', targetId: c.id, summary });

export const phaseOf = (c: Consultation, today: IsoDate) =>
  consultationPhase({ published: c.publishedAt !== null, reported: c.reportPublishedAt !== null, startsOn: c.startsOn, endsOn: c.endsOn }, today);

/** Where a consultation stands on a day: its phase, days left, period, and the adoption report's due date. */
export function standing(c: Consultation, today: IsoDate) {
  const phase = phaseOf(c, today);
  const reportDue = adoptionReportDue(c.endsOn);
  return {
    phase,
    phaseLabel: PHASE_LABELS[phase],
    periodDays: periodDays(c.startsOn, c.endsOn),
    daysLeft: phase === 'open' ? daysLeft(c.endsOn, today) : null,
    reportDue,
    reportOverdue: phase === 'closed' && adoptionReportOverdue(c.endsOn, false, today),
  };
}

/** The comment counts of consultations: all, waiting for moderation, published without a disposition. */
export async function commentCounts(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, { total: number; pending: number; undisposed: number }>();
  const rows = await db
    .select({
      id: consultationComments.consultationId,
      total: count(),
      pending: sql<number>`count(*) filter (where ${consultationComments.moderation} = 'pending')`.mapWith(Number),
      undisposed: sql<number>`count(*) filter (where ${consultationComments.moderation} = 'published' and ${consultationComments.disposition} is null)`.mapWith(Number),
    })
    .from(consultationComments)
    .where(inArray(consultationComments.consultationId, ids))
    .groupBy(consultationComments.consultationId);
  return new Map(rows.map((r) => [r.id, { total: r.total, pending: r.pending, undisposed: r.undisposed }]));
}

export function consultationView(ctx: ActionContext, c: LoadedConsultation, today: IsoDate = chinaDate(new Date())) {
  return {
    id: c.id,
    org: { id: c.org.id, code: c.org.code, name: c.org.name },
    title: c.title,
    draft: c.draft,
    explanation: c.explanation,
    channels: c.channels,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    shortPeriodReason: c.shortPeriodReason,
    published: c.publishedAt !== null,
    reportSummary: c.reportSummary,
    reportPublishedOn: c.reportPublishedAt ? chinaDate(c.reportPublishedAt) : null,
    documentId: c.documentId,
    ...standing(c, today),
    canManage: inScope(scopeIn(ctx, consultationGrants, 'consultations.manage'), orgTarget(c.org)),
  };
}

export async function getConsultation(db: Db, ctx: ActionContext, id: number) {
  const c = await loadConsultation(db, id);
  authorize(ctx, consultationGrants, 'consultations.read', orgTarget(c.org), '无权查看该征求意见');
  const hearings = await db.select().from(consultationHearings).where(eq(consultationHearings.consultationId, id)).orderBy(asc(consultationHearings.heldOn), asc(consultationHearings.id));
  return { ...consultationView(ctx, c), hearings };
}

/** The consultations the user may read, newest closing date first, with their comment counts. */
export async function listConsultations(db: Db, ctx: ActionContext, today: IsoDate = chinaDate(new Date())) {
  const scope = authorize(ctx, consultationGrants, 'consultations.read', null, '无权查看征求意见');
  const mine = await db
    .select({ c: consultations, org: organizations })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.orgId))
    .where(orgScopeCondition(scope, consultations.orgId))
    .orderBy(desc(consultations.endsOn), desc(consultations.id));
  const counts = await commentCounts(db, mine.map((r) => r.c.id));
  return {
    items: mine.map(({ c, org }) => ({
      id: c.id,
      title: c.title,
      org: { id: org.id, name: org.name },
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      ...standing(c, today),
      comments: counts.get(c.id) ?? { total: 0, pending: 0, undisposed: 0 },
    })),
  };
}

/** The adoption reports late on `today` (the supervisor's list): closed, unpublished, past a month. */
export async function overdueReports(db: Db, ctx: ActionContext, today: IsoDate = chinaDate(new Date())) {
  const all = await listConsultations(db, ctx, today);
  return { today, items: all.items.filter((i) => i.reportOverdue).sort((a, b) => (a.reportDue < b.reportDue ? -1 : 1)) };
}
