// Who may do what with applications for government information (依申请公开). The handling
// organization's staff handle its cases; the head of its disclosure office (公开办负责人) also assigns
// them and approves extensions (条例第三十三条第二款); legal counsel approves or returns a draft reply
// (法制审核); the supervising office (公开办) watches the whole subtree without changing anything.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { forbidden } from '../../errors.js';
import { can, inScope, type Grants, type Scope } from '../../domain/policy.js';
import { scopeIn } from '../authorize.js';
import { organizations } from '../orgs/schema.js';

export type ApplicationAction =
  | 'applications.read'
  | 'applications.register'
  | 'applications.handle'
  | 'applications.assign'
  | 'applications.extend'
  | 'applications.legal_review'
  | 'applications.overdue'
  | 'applications.settings';

export const applicationGrants: Grants<ApplicationAction> = {
  // See cases, their timeline and clock (the applicant's identity only with applications.handle).
  'applications.read': ['handler', 'office_head', 'legal_reviewer', 'supervisor', 'admin'],
  // Register an application that came in person, by post, fax or email.
  'applications.register': ['handler', 'office_head', 'admin'],
  // Record the facts of a case: correction, consultation, fees, reply, delivery, closing, transfer.
  'applications.handle': ['handler', 'office_head', 'admin'],
  'applications.assign': ['office_head', 'admin'],
  // 条例第三十三条第二款: an extension needs the approval of the head of the disclosure office.
  'applications.extend': ['office_head', 'admin'],
  'applications.legal_review': ['legal_reviewer', 'admin'],
  // The list of overdue cases across organizations (the supervisor's dashboard).
  'applications.overdue': ['supervisor', 'office_head', 'admin'],
  // The clock's settings drive every legal deadline, like the holiday calendar: administrators only.
  'applications.settings': ['admin'],
};

export interface CaseTarget {
  orgId: number;
  orgPath: string;
}

/** The path of an organization's parent ('/1/7/' → '/1/'); the path itself at the top. */
function parentPath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/` : path;
}

/**
 * Where ctx may perform the action on cases.
 *
 * Legal reviewers are the one exception to the rule of src/domain/policy.ts that only supervisors
 * and administrators reach beyond their own organization. In a county, 法制审核 of draft replies is
 * done for the whole government by its legal office (the 司法局, the demo's sfj_legal), not inside
 * each bureau: so a legal reviewer of a department reviews (and reads) the cases of the government
 * the department belongs to — its parent's subtree. A legal reviewer of a government or a township
 * serves that organization and what lies below it. Reading a case does not show the applicant's
 * identity to them (that takes applications.handle).
 */
export async function caseScope(db: Db, ctx: ActionContext, action: ApplicationAction): Promise<Scope> {
  const scope = scopeIn(ctx, applicationGrants, action);
  const actor = ctx.actor;
  if (ctx.system || !actor || scope.kind === 'subtree') return scope;
  const asLegalReviewer = actor.roles.includes('legal_reviewer') && applicationGrants[action].includes('legal_reviewer');
  if (!asLegalReviewer) return scope;
  const [org] = await db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, actor.orgId));
  return { kind: 'subtree', path: org?.kind === 'department' ? parentPath(actor.orgPath) : actor.orgPath };
}

/** For lists: the scope, or 403 when ctx may not perform the action anywhere. */
export async function requireCaseScope(db: Db, ctx: ActionContext, action: ApplicationAction, message: string): Promise<Scope> {
  const scope = await caseScope(db, ctx, action);
  if (scope.kind === 'none') throw forbidden(message);
  return scope;
}

/** Throws 401 for the public, 403 when ctx may not perform the action on this case. */
export async function authorizeCase(db: Db, ctx: ActionContext, action: ApplicationAction, target: CaseTarget, message: string): Promise<Scope> {
  const scope = await caseScope(db, ctx, action);
  if (!inScope(scope, target)) throw forbidden(message);
  return scope;
}

/** Staff who handle the case's organization see the applicant's identity; nobody else does. */
export function seesApplicant(ctx: ActionContext, target: CaseTarget): boolean {
  if (ctx.system) return true;
  return ctx.actor !== null && can(applicationGrants, ctx.actor, 'applications.handle', target);
}
