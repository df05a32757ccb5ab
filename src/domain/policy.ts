// Who may do what, where: role + organization scope. Pure; every service asks through this file.
//
// Scope rule (issue #2): a supervisor (公开办) — and a system administrator — act on their own
// organization and everything below it; every other role acts on its own organization only.
// Each area lists its actions and the roles granted them in its own policy.ts.

export const ROLES = [
  'admin',
  'supervisor',
  'editor',
  'reviewer',
  'secrecy_reviewer',
  'handler',
  'office_head',
  'legal_reviewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  supervisor: '公开办（监督）',
  editor: '信息编辑',
  reviewer: '信息审核',
  secrecy_reviewer: '保密审查',
  handler: '依申请公开承办人',
  office_head: '公开办负责人',
  legal_reviewer: '法制审核',
};

/** Roles whose scope is the whole subtree below the user's organization. */
const SUBTREE_ROLES: ReadonlySet<Role> = new Set(['admin', 'supervisor']);

export interface Subject {
  orgId: number;
  orgPath: string;
  roles: readonly Role[];
}

export type Grants<A extends string> = Readonly<Record<A, readonly Role[]>>;

/** Where a subject may perform an action: nowhere, its own organization, or a subtree. */
export type Scope = { kind: 'none' } | { kind: 'org'; orgId: number } | { kind: 'subtree'; path: string };

export function scopeFor<A extends string>(grants: Grants<A>, subject: Subject, action: A): Scope {
  const granted = grants[action].filter((r) => subject.roles.includes(r));
  if (granted.length === 0) return { kind: 'none' };
  if (granted.some((r) => SUBTREE_ROLES.has(r))) return { kind: 'subtree', path: subject.orgPath };
  return { kind: 'org', orgId: subject.orgId };
}

export function inScope(scope: Scope, target: { orgId: number; orgPath: string }): boolean {
  switch (scope.kind) {
    case 'none':
      return false;
    case 'org':
      return scope.orgId === target.orgId;
    case 'subtree':
      return target.orgPath.startsWith(scope.path);
  }
}

export function can<A extends string>(
  grants: Grants<A>,
  subject: Subject,
  action: A,
  target?: { orgId: number; orgPath: string },
): boolean {
  const scope = scopeFor(grants, subject, action);
  return target ? inScope(scope, target) : scope.kind !== 'none';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
