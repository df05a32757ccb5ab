// Bad input gets a 4xx with a Chinese message, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { startTestApp, type TestApp, type TestClient } from './app.js';

let t: TestApp;
let admin: TestClient;
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

async function counts() {
  const [row] = await queryRows<{ users: number; orgs: number; audit: number }>(
    t.database.db,
    sql`select (select count(*) from users)::int as users, (select count(*) from organizations)::int as orgs, (select count(*) from audit_log)::int as audit`,
  );
  return row;
}

beforeAll(async () => {
  t = await startTestApp({ bodyLimitBytes: 4096 });
  admin = await t.client('admin');
});
afterAll(() => t.close());

describe('bad input on the JSON API', () => {
  const validUser = { username: 'newbie', password: 'Abcdef12!', name: '新用户', orgId: 1, roles: ['editor'] };

  it.each([
    ['malformed JSON', '{"username": "x",', 400, /JSON/],
    ['an empty body', '', 400, /为空|JSON/],
    ['a JSON array instead of an object', '[1,2]', 400, /对象/],
  ])('refuses %s', async (_label, body, status, pattern) => {
    const before = await counts();
    const res = await admin.send('POST', '/api/v1/users', body);
    expect(res.statusCode).toBe(status);
    const message = res.json().error.message as string;
    expect(hasChinese(message)).toBe(true);
    expect(message).toMatch(pattern);
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong types without coercing them', async () => {
    const before = await counts();
    const res = await admin.send('POST', '/api/v1/users', { ...validUser, orgId: '1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('字段“orgId”类型错误，应为整数');
    const res2 = await admin.send('POST', '/api/v1/users', { ...validUser, roles: 'editor' });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message).toContain('roles');
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const before = await counts();
    const res = await admin.send('POST', '/api/v1/users', { ...validUser, isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求内容中有不允许的字段“isAdmin”');
    expect(await counts()).toEqual(before);
  });

  it('names a missing field', async () => {
    const { name: _omit, ...rest } = validUser;
    const res = await admin.send('POST', '/api/v1/users', rest);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求内容缺少必填字段“name”');
  });

  it('refuses an unknown role value', async () => {
    const res = await admin.send('POST', '/api/v1/users', { ...validUser, roles: ['superuser'] });
    expect(res.statusCode).toBe(400);
    expect(hasChinese(res.json().error.message)).toBe(true);
  });

  it('refuses an oversized body with 413', async () => {
    const before = await counts();
    const res = await admin.send('POST', '/api/v1/users', { ...validUser, name: '长'.repeat(5000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('请求内容过大，上限为 4 KB');
    expect(await counts()).toEqual(before);
  });

  it('refuses a non-JSON content type with 415', async () => {
    const res = await admin.send('POST', '/api/v1/users', 'username=x', { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(415);
    expect(hasChinese(res.json().error.message)).toBe(true);
  });

  it('refuses bad query parameters', async () => {
    const res = await admin.get('/api/v1/calendar/add-working-days?from=2024-09-27&days=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('days');
    const res2 = await admin.get('/api/v1/calendar/add-working-days?from=2024-02-30&days=3');
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message).toContain('2024-02-30');
    const res3 = await admin.get('/api/v1/audit?sort=1');
    expect(res3.statusCode).toBe(400);
    expect(res3.json().error.message).toContain('sort');
  });

  it('keeps the stored record whole when an update is refused', async () => {
    const created = await admin.send('POST', '/api/v1/users', validUser);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const res = await admin.send('PATCH', `/api/v1/users/${id}`, { name: '改名', roles: ['editor', 'nobody'] });
    expect(res.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/users/${id}`)).json()).toMatchObject({ name: '新用户', roles: ['editor'] });
  });

  it('answers unknown API paths with a Chinese 404', async () => {
    const res = await admin.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(hasChinese(res.json().error.message)).toBe(true);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, even when signed in', async () => {
    const before = await counts();
    const res = await admin.send('POST', '/api/v1/users', { username: 'csrf', password: 'Abcdef12!', name: 'x', orgId: 1, roles: ['editor'] }, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('CSRF');
    expect(await counts()).toEqual(before);
  });

  it('refuses a token that does not match the cookie', async () => {
    const res = await admin.send('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': 'x'.repeat(32) });
    expect(res.statusCode).toBe(403);
    expect((await admin.get('/api/v1/auth/session')).json().user.username).toBe('admin');
  });

  it('refuses login without a token (login CSRF)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Gongkai@2026' } });
    expect(res.statusCode).toBe(403);
  });
});
