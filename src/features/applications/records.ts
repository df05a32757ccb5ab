// Reading and writing one case inside a use case's transaction: the case with its organization, its
// timeline, a new event, and the audit entry — which names the application
// by its number, never by the applicant.
import { asc, eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { IsoDate } from '../../domain/dates.js';
import { recordAudit } from '../orgs/audit.js';
import { organizations } from '../orgs/schema.js';
import { withApplicant, type WithApplicant } from './applicant-store.js';
import { EVENT_KINDS, type EventKind } from './events.js';
import { applicationEvents, applications, type Application, type ApplicationEvent } from './schema.js';

export type LoadedCase = WithApplicant<Application> & { orgPath: string; orgCode: string; orgName: string };

export async function loadCase(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedCase | undefined> {
  const query = db
    .select({ kase: applications, orgPath: organizations.path, orgCode: organizations.code, orgName: organizations.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .where(eq(applications.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: applications }) : await query;
  return row && { ...withApplicant(row.kase), orgPath: row.orgPath, orgCode: row.orgCode, orgName: row.orgName };
}

export async function requireCase(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedCase> {
  const kase = await loadCase(db, id, opts);
  if (!kase) throw notFound('找不到该申请');
  return kase;
}

export const caseTarget = (c: { orgId: number; orgPath: string }) => ({ orgId: c.orgId, orgPath: c.orgPath });

/** The timeline in the order the facts happened (and were recorded, within a day). */
export async function caseEvents(db: Db, applicationId: number): Promise<ApplicationEvent[]> {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.on), asc(applicationEvents.id));
}

export interface NewEvent {
  kind: EventKind;
  on: IsoDate;
  /** For the applicant too unless the kind is internal (see events.ts). */
  note?: string;
  data?: Record<string, unknown>;
}

/** Who the timeline names: the member of staff, or the system (demo, recomputation) or the online form. */
function actorName(ctx: ActionContext): string {
  if (ctx.actor) return ctx.actor.name;
  return ctx.system ? '系统' : '网上申请';
}

export async function addEvent(tx: Db, ctx: ActionContext, applicationId: number, e: NewEvent): Promise<ApplicationEvent> {
  const [event] = await tx
    .insert(applicationEvents)
    .values({
      applicationId,
      kind: e.kind,
      on: e.on,
      actorId: ctx.actor?.userId ?? null,
      actorName: actorName(ctx),
      internal: EVENT_KINDS[e.kind].internal,
      note: e.note ?? '',
      data: e.data ?? {},
    })
    .returning();
  return event!;
}

/** The audit entry of a change to a case: the number identifies it; the applicant stays out of the log. */
export function auditCase(tx: Db, ctx: ActionContext, kase: { id: number; orgId: number; number: string }, action: string, summary: string): Promise<void> {
  return recordAudit(tx, ctx, { action: `application.${action}`, orgId: kase.orgId, targetType: 'application', targetId: kase.id, summary: `申请 ${kase.number}：${summary}` });
}
