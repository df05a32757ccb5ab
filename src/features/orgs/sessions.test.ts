// Signing in and out, lockout, password change — through the API, as the workbench does it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ loginMaxFailures: 3, loginLockMinutes: 15 });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with the right password and returns the user without secrets', async () => {
    const c = await t.client('jyj_editor');
    const session = (await c.get('/api/v1/auth/session')).json();
    expect(session.user).toMatchObject({ username: 'jyj_editor', name: '王丽', orgName: '示例县教育局', roles: ['editor'] });
    expect(JSON.stringify(session)).not.toMatch(/passwordHash|argon2/);
    expect(c.cookies.gk_session).toBeTruthy();
  });

  it('keeps the session server-side: the cookie is an opaque token stored hashed', async () => {
    const c = await t.client('jyj_reviewer');
    const token = c.cookies.gk_session;
    const ids = (await queryRows<{ id: string }>(t.database.db, sql`select id from sessions`)).map((r) => r.id);
    expect(ids).not.toContain(token);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password with a Chinese message and the attempts left', async () => {
    const c = await t.client();
    const res = await c.send('POST', '/api/v1/auth/login', { username: 'jyj_handler', password: 'wrong-Pass1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('用户名或密码错误（再错 2 次将锁定账号）');
  });

  it('gives the same answer for an unknown username', async () => {
    const c = await t.client();
    const res = await c.send('POST', '/api/v1/auth/login', { username: 'nobody', password: 'wrong-Pass1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('用户名或密码错误');
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    const c = await t.client();
    for (let i = 0; i < 2; i++) {
      expect((await c.send('POST', '/api/v1/auth/login', { username: 'sfj_legal', password: 'bad-Pass1' })).statusCode).toBe(401);
    }
    const third = await c.send('POST', '/api/v1/auth/login', { username: 'sfj_legal', password: 'bad-Pass1' });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.message).toContain('锁定');
    const right = await c.send('POST', '/api/v1/auth/login', { username: 'sfj_legal', password: 'Gongkai@2026' });
    expect(right.statusCode).toBe(423);

    const admin = await t.client('admin');
    const audit = (await admin.get('/api/v1/audit?action=auth.lockout')).json();
    expect(audit.items[0].summary).toContain('sfj_legal');
    const users = (await admin.get('/api/v1/users?q=sfj_legal')).json().items;
    expect(users[0].locked).toBe(true);
    // An administrator unlocks it.
    expect((await admin.send('POST', `/api/v1/users/${users[0].id}/unlock`)).statusCode).toBe(204);
    expect((await c.send('POST', '/api/v1/auth/login', { username: 'sfj_legal', password: 'Gongkai@2026' })).statusCode).toBe(200);
  });

  it('signs out: the session stops working and the logout is audited', async () => {
    const c = await t.client('cgz_editor');
    expect((await c.send('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/session')).json().user).toBeNull();
    expect((await c.get('/api/v1/orgs')).statusCode).toBe(401);
  });

  it('refuses staff API calls from the public with 401', async () => {
    const c = await t.client();
    const res = await c.get('/api/v1/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('请先登录工作台');
  });
});

describe('login rate limit', () => {
  it('limits sign-in attempts per address across accounts', async () => {
    const limited = await startTestApp({ loginRatePerMinute: 5 }, { demo: false });
    try {
      const c = await limited.client();
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await c.send('POST', '/api/v1/auth/login', { username: `ghost${i}`, password: 'x' })).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.slice(5)).toEqual([429, 429, 429]);
      const res = await c.send('POST', '/api/v1/auth/login', { username: 'ghost', password: 'x' });
      expect(res.json().error.message).toBe('请求过于频繁，请稍后再试');
    } finally {
      await limited.close();
    }
  });
});

describe('password change', () => {
  it('refuses a wrong current password and a weak new one', async () => {
    const c = await t.client('zjj_editor');
    const wrong = await c.send('POST', '/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Better#2027' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('当前密码不正确');
    const weak = await c.send('POST', '/api/v1/auth/password', { currentPassword: 'Gongkai@2026', newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('至少三类');
  });

  it('changes it, signs out other sessions, keeps this one', async () => {
    const here = await t.client('jyj_head');
    const elsewhere = await t.client('jyj_head');
    const res = await here.send('POST', '/api/v1/auth/password', { currentPassword: 'Gongkai@2026', newPassword: 'Better#2027' });
    expect(res.statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/session')).json().user.username).toBe('jyj_head');
    expect((await elsewhere.get('/api/v1/auth/session')).json().user).toBeNull();
    await expect(t.client('jyj_head')).rejects.toThrow(/401/);
    await expect(t.client('jyj_head', 'Better#2027')).resolves.toBeTruthy();
  });
});
