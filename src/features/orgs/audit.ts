// The audit trail: one append-only row per state change. Written inside the use case's own
// transaction, so a change and its record are stored together or not at all.
import { and, desc, eq, gte, ilike, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { orgScopeCondition } from './scope-sql.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import { auditLog, organizations } from './schema.js';
import { orgGrants } from './policy.js';
import { authorize } from '../authorize.js';

export interface AuditRecord {
  action: string;
  orgId: number | null;
  targetType: string;
  targetId?: string | number;
  /** What happened, in Chinese, without personal data beyond the staff names involved. */
  summary: string;
}

export async function recordAudit(db: Db, ctx: ActionContext, rec: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor ? `${ctx.actor.name}（${ctx.actor.username}）` : '系统',
    orgId: rec.orgId,
    action: rec.action,
    targetType: rec.targetType,
    targetId: rec.targetId === undefined ? '' : String(rec.targetId),
    summary: rec.summary,
    ip: ctx.ip,
  });
}

export interface AuditQuery {
  orgId?: number;
  action?: string;
  actor?: string;
  from?: IsoDate;
  to?: IsoDate;
  page?: number;
  pageSize?: number;
}

export async function listAudit(db: Db, ctx: ActionContext, q: AuditQuery) {
  const scope = authorize(ctx, orgGrants, 'audit.read', null, '没有查看审计日志的权限');
  const pageSize = Math.min(q.pageSize ?? 50, 200);
  const page = Math.max(q.page ?? 1, 1);
  // Entries of the system itself (command line, calendar imports) belong to no organization: the
  // administrators and supervisors of a top-level government see them.
  const topLevel = scope.kind === 'subtree' && scope.path.split('/').filter(Boolean).length <= 1;
  const inScope = orgScopeCondition(scope, auditLog.orgId);
  const conds: SQL[] = [topLevel ? or(inScope, isNull(auditLog.orgId))! : inScope];
  if (q.orgId !== undefined) conds.push(eq(auditLog.orgId, q.orgId));
  // 'user.' filters a whole family of actions; 'user.create' exactly one.
  if (q.action) conds.push(q.action.endsWith('.') ? like(auditLog.action, `${escapeLike(q.action)}%`) : eq(auditLog.action, q.action));
  if (q.actor) conds.push(ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`));
  // Dates are read as China Standard Time days: an auditor asks about "3月5日" in Beijing.
  if (q.from) conds.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) conds.push(lt(auditLog.at, new Date(`${addDays(q.to, 1)}T00:00:00+08:00`)));
  const where = and(...conds);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        orgId: auditLog.orgId,
        orgName: organizations.name,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        summary: auditLog.summary,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items: rows, total, page, pageSize };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
