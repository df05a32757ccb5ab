// Signing in and out, server-side sessions, lockout after repeated failures, password change.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { ActionContext, Actor } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid, locked, unauthorized } from '../../errors.js';
import { passwordProblem } from '../../domain/password.js';
import type { Role } from '../../domain/policy.js';
import { recordAudit } from './audit.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { organizations, sessions, users } from './schema.js';

export interface SessionSettings {
  ttlMinutes: number;
  maxFailures: number;
  lockMinutes: number;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const WRONG = '用户名或密码错误';

function formatTime(d: Date): string {
  // Beijing time, as staff read clocks.
  return d.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

export async function login(
  db: Db,
  ctx: ActionContext,
  settings: SessionSettings,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const [row] = await db
    .select({ user: users, orgPath: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.username, username));
  if (!row || !row.user.active) {
    await verifyAgainstDummy(input.password);
    throw unauthorized(WRONG);
  }
  const { user } = row;
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw locked(`登录失败次数过多，账号已锁定，请于 ${formatTime(user.lockedUntil)} 后再试，或请管理员解除锁定`);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // A lock that has run out starts a fresh count.
    const failures = (user.lockedUntil ? 0 : user.failedLogins) + 1;
    const lockNow = failures >= settings.maxFailures;
    const lockedUntil = lockNow ? new Date(now.getTime() + settings.lockMinutes * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: failures, lockedUntil }).where(eq(users.id, user.id));
      if (lockNow) {
        await recordAudit(tx, ctx, {
          action: 'auth.lockout',
          orgId: user.orgId,
          targetType: 'user',
          targetId: user.id,
          summary: `用户 ${user.username} 连续 ${failures} 次密码错误，账号锁定 ${settings.lockMinutes} 分钟`,
        });
      }
    });
    if (lockNow) throw locked(`登录失败次数过多，账号已锁定 ${settings.lockMinutes} 分钟`);
    throw unauthorized(`${WRONG}（再错 ${settings.maxFailures - failures} 次将锁定账号）`);
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.ttlMinutes * 60_000);
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    name: user.name,
    orgId: user.orgId,
    orgPath: row.orgPath,
    roles: user.roles as Role[],
  };
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await tx.insert(sessions).values({ id: sessionIdOf(token), userId: user.id, expiresAt });
    // Expired sessions are swept as others sign in, so the table does not grow without bound.
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await recordAudit(tx, { ...ctx, actor }, {
      action: 'auth.login',
      orgId: user.orgId,
      targetType: 'user',
      targetId: user.id,
      summary: `用户 ${user.username} 登录`,
    });
  });
  return { token, expiresAt, actor };
}

/** Refresh the sliding expiry at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export async function resolveSession(db: Db, token: string, ttlMinutes: number): Promise<Actor | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  const now = new Date();
  const [row] = await db
    .select({ session: sessions, user: users, orgPath: organizations.path })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMinutes * 60_000) })
      .where(eq(sessions.id, id));
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    name: row.user.name,
    orgId: row.user.orgId,
    orgPath: row.orgPath,
    roles: row.user.roles as Role[],
  };
}

export async function logout(db: Db, ctx: ActionContext, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(sessions).where(eq(sessions.id, sessionIdOf(token))).returning({ id: sessions.id });
    if (deleted.length && ctx.actor) {
      await recordAudit(tx, ctx, {
        action: 'auth.logout',
        orgId: ctx.actor.orgId,
        targetType: 'user',
        targetId: ctx.actor.userId,
        summary: `用户 ${ctx.actor.username} 退出登录`,
      });
    }
  });
}

export async function changePassword(
  db: Db,
  ctx: ActionContext,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw invalid('当前密码不正确');
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw invalid(problem);
  if (input.newPassword === input.currentPassword) throw invalid('新密码不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    // Other devices signed in with the old password are signed out; this one stays.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionIdOf(token))));
    await recordAudit(tx, ctx, {
      action: 'user.change_password',
      orgId: user.orgId,
      targetType: 'user',
      targetId: user.id,
      summary: `用户 ${user.username} 修改了自己的密码`,
    });
  });
}
