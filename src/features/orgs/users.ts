// Use cases for staff accounts: list, create, update roles and status, reset password, unlock.
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { isRole, ROLE_LABELS, type Role } from '../../domain/policy.js';
import { passwordProblem } from '../../domain/password.js';
import { authorize } from '../authorize.js';
import { escapeLike, recordAudit } from './audit.js';
import { findOrg } from './organizations.js';
import { hashPassword } from './passwords.js';
import { orgGrants } from './policy.js';
import { orgScopeCondition } from './scope-sql.js';
import { organizations, sessions, users, type User } from './schema.js';
import type { UserView } from './views.js';

export type { UserView };

const userColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  email: users.email,
  orgId: users.orgId,
  orgName: organizations.name,
  orgCode: organizations.code,
  orgPath: organizations.path,
  roles: users.roles,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

type UserRow = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

function present({ lockedUntil, orgPath: _orgPath, ...row }: UserRow): UserView {
  return { ...row, roles: row.roles as Role[], locked: Boolean(lockedUntil && lockedUntil > new Date()) };
}

async function loadUser(db: Db, id: number) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, id));
  return row;
}

export interface UserQuery {
  orgId?: number;
  q?: string;
}

export async function listUsers(db: Db, ctx: ActionContext, query: UserQuery = {}): Promise<UserView[]> {
  const scope = authorize(ctx, orgGrants, 'user.read', null, '没有查看用户的权限');
  const conds: SQL[] = [orgScopeCondition(scope, users.orgId)];
  if (query.orgId !== undefined) conds.push(eq(users.orgId, query.orgId));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(users.username, pattern), ilike(users.name, pattern))!);
  }
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(...conds))
    .orderBy(asc(organizations.path), asc(users.username))
    .limit(1000);
  return rows.map(present);
}

export async function getUser(db: Db, ctx: ActionContext, id: number): Promise<UserView> {
  const row = await loadUser(db, id);
  if (!row) throw notFound('找不到该用户');
  authorize(ctx, orgGrants, 'user.read', { orgId: row.orgId, orgPath: row.orgPath }, '无权查看该用户');
  return present(row);
}

function checkRoles(roles: string[]): Role[] {
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw invalid(`未知的角色：${bad.join('、')}`);
  if (roles.length === 0) throw invalid('至少需要一个角色');
  return [...new Set(roles)] as Role[];
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where due-date reminders go; '' for none (the workbench shows the due dates anyway). */
function checkEmail(email: string | undefined): string {
  const e = (email ?? '').trim();
  if (e && (e.length > 100 || !EMAIL.test(e))) throw invalid('电子邮箱格式不正确');
  return e;
}

export interface UserInput {
  username: string;
  password: string;
  name: string;
  email?: string;
  orgId: number;
  roles: string[];
}

export async function createUser(db: Db, ctx: ActionContext, input: UserInput): Promise<UserView> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw invalid('用户名应为 3–32 位小写字母、数字、下划线、点或连字符，且以字母开头');
  if (!input.name.trim()) throw invalid('姓名不能为空');
  const roles = checkRoles(input.roles);
  const email = checkEmail(input.email);
  const problem = passwordProblem(input.password, username);
  if (problem) throw invalid(problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const org = await findOrg(tx, input.orgId);
    if (!org) throw invalid('所属机构不存在');
    authorize(ctx, orgGrants, 'user.manage', { orgId: org.id, orgPath: org.path }, '无权在该机构下新建用户');
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw conflict(`用户名“${username}”已被使用`);
    const [user] = await tx
      .insert(users)
      .values({ username, passwordHash, name: input.name.trim(), email, orgId: org.id, roles })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'user.create',
      orgId: org.id,
      targetType: 'user',
      targetId: user.id,
      summary: `新建用户 ${username}（${user.name}），机构“${org.name}”，角色：${roles.map((r) => ROLE_LABELS[r]).join('、')}`,
    });
    return present((await loadUser(tx, user.id))!);
  });
}

export interface UserPatch {
  name?: string;
  email?: string;
  roles?: string[];
  active?: boolean;
  orgId?: number;
}

/** Loads the user and checks the actor may manage it; used by every change below. */
async function managedUser(tx: Db, ctx: ActionContext, id: number): Promise<User & { orgPath: string }> {
  const [row] = await tx
    .select({ user: users, orgPath: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, id))
    .for('update', { of: users });
  if (!row) throw notFound('找不到该用户');
  authorize(ctx, orgGrants, 'user.manage', { orgId: row.user.orgId, orgPath: row.orgPath }, '无权管理该用户');
  return { ...row.user, orgPath: row.orgPath };
}

export async function updateUser(db: Db, ctx: ActionContext, id: number, patch: UserPatch): Promise<UserView> {
  return db.transaction(async (tx) => {
    const user = await managedUser(tx, ctx, id);
    const set: Partial<User> = { updatedAt: new Date() };
    const changes: string[] = [];
    if (patch.name !== undefined && patch.name.trim() !== user.name) {
      if (!patch.name.trim()) throw invalid('姓名不能为空');
      set.name = patch.name.trim();
      changes.push(`姓名改为“${set.name}”`);
    }
    if (patch.email !== undefined && checkEmail(patch.email) !== user.email) {
      set.email = checkEmail(patch.email);
      // The address stays out of the audit log, like every address the platform keeps.
      changes.push(set.email ? '设置提醒邮箱' : '清除提醒邮箱');
    }
    if (patch.roles !== undefined) {
      const roles = checkRoles(patch.roles);
      if (ctx.actor?.userId === id && user.roles.includes('admin') && !roles.includes('admin')) {
        throw invalid('不能取消自己的系统管理员角色，以免无人管理');
      }
      set.roles = roles;
      changes.push(`角色改为：${roles.map((r) => ROLE_LABELS[r]).join('、')}`);
    }
    if (patch.active !== undefined && patch.active !== user.active) {
      if (ctx.actor?.userId === id && !patch.active) throw invalid('不能停用自己的账号');
      set.active = patch.active;
      changes.push(patch.active ? '启用账号' : '停用账号');
    }
    if (patch.orgId !== undefined && patch.orgId !== user.orgId) {
      const org = await findOrg(tx, patch.orgId);
      if (!org) throw invalid('所属机构不存在');
      authorize(ctx, orgGrants, 'user.manage', { orgId: org.id, orgPath: org.path }, '无权把用户调入该机构');
      set.orgId = org.id;
      changes.push(`调入机构“${org.name}”`);
    }
    await tx.update(users).set(set).where(eq(users.id, id));
    // A deactivated account or a changed authority must not live on in open sessions.
    if (set.active === false || set.roles || set.orgId) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx, {
      action: 'user.update',
      orgId: set.orgId ?? user.orgId,
      targetType: 'user',
      targetId: id,
      summary: `修改用户 ${user.username}：${changes.join('；') || '无变化'}`,
    });
    return present((await loadUser(tx, id))!);
  });
}

export async function resetPassword(db: Db, ctx: ActionContext, id: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await managedUser(tx, ctx, id);
    const problem = passwordProblem(password, user.username);
    if (problem) throw invalid(problem);
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx, {
      action: 'user.reset_password',
      orgId: user.orgId,
      targetType: 'user',
      targetId: id,
      summary: `重置用户 ${user.username} 的密码`,
    });
  });
}

export async function unlockUser(db: Db, ctx: ActionContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await managedUser(tx, ctx, id);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await recordAudit(tx, ctx, {
      action: 'user.unlock',
      orgId: user.orgId,
      targetType: 'user',
      targetId: id,
      summary: `解除用户 ${user.username} 的登录锁定`,
    });
  });
}
