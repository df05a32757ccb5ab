// The one policy helper every service uses: role + organization scope, checked in the use case.
import type { ActionContext } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import { inScope, scopeFor, type Grants, type Scope } from '../domain/policy.js';

interface OrgTarget {
  orgId: number;
  orgPath: string;
}

/** The scope in which ctx may perform the action; the system may act everywhere. */
export function scopeIn<A extends string>(ctx: ActionContext, grants: Grants<A>, action: A): Scope {
  if (ctx.system) return { kind: 'subtree', path: '/' };
  if (!ctx.actor) throw unauthorized();
  return scopeFor(grants, ctx.actor, action);
}

/**
 * Throws 401 for the public, 403 when the role lacks the action or the target lies outside the
 * actor's organization scope. `message` names what was refused, in Chinese.
 */
export function authorize<A extends string>(
  ctx: ActionContext,
  grants: Grants<A>,
  action: A,
  target: OrgTarget | null,
  message: string,
): Scope {
  const scope = scopeIn(ctx, grants, action);
  if (scope.kind === 'none' || (target && !inScope(scope, target))) throw forbidden(message);
  return scope;
}
