// Department isolation: a department user never reads or changes another department's users or
// audit entries; a supervisor (公开办) sees its whole subtree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { demoUsers } from '../../demo/users.js';

let t: TestApp;
let admin: TestClient;
let supervisor: TestClient;
let jyjHead: TestClient;
let jyjEditor: TestClient;
const ids: Record<string, number> = {};
const orgIds: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.client('admin');
  supervisor = await t.client('gkb');
  jyjHead = await t.client('jyj_head');
  jyjEditor = await t.client('jyj_editor');
  for (const u of (await admin.get('/api/v1/users')).json().items) ids[u.username] = u.id;
  for (const o of (await admin.get('/api/v1/orgs')).json().items) orgIds[o.code] = o.id;
  // Some activity in two departments, for the audit log.
  await admin.send('PATCH', `/api/v1/users/${ids.zjj_editor}`, { name: '吴海燕（住建）' });
  await admin.send('PATCH', `/api/v1/users/${ids.jyj_editor}`, { name: '王丽（教育）' });
});
afterAll(() => t.close());

describe('users', () => {
  it('an office head sees only the users of its own department', async () => {
    const items = (await jyjHead.get('/api/v1/users')).json().items as { orgCode: string }[];
    expect(items.length).toBe(5);
    expect(new Set(items.map((u) => u.orgCode))).toEqual(new Set(['jyj']));
  });

  it('an office head cannot open another department user, even by id', async () => {
    const res = await jyjHead.get(`/api/v1/users/${ids.zjj_editor}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('无权查看该用户');
    expect((await jyjHead.get(`/api/v1/users?orgId=${orgIds.zjj}`)).json().items).toEqual([]);
  });

  it('an editor may not list users at all', async () => {
    expect((await jyjEditor.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('a department user cannot change another department user (or its own department without the role)', async () => {
    const before = (await admin.get(`/api/v1/users/${ids.zjj_editor}`)).json();
    for (const c of [jyjHead, jyjEditor, supervisor]) {
      const res = await c.send('PATCH', `/api/v1/users/${ids.zjj_editor}`, { roles: ['admin'] });
      expect(res.statusCode).toBe(403);
      const reset = await c.send('POST', `/api/v1/users/${ids.zjj_editor}/reset-password`, { password: 'Hijack#2026' });
      expect(reset.statusCode).toBe(403);
    }
    expect((await admin.get(`/api/v1/users/${ids.zjj_editor}`)).json()).toEqual(before);
    const create = await jyjHead.send('POST', '/api/v1/users', { username: 'intruder', password: 'Abcdef12!', name: 'x', orgId: orgIds.zjj, roles: ['admin'] });
    expect(create.statusCode).toBe(403);
  });

  it('a supervisor sees every user in its subtree but cannot manage them', async () => {
    const items = (await supervisor.get('/api/v1/users')).json().items as { orgCode: string }[];
    expect(items.length).toBe(demoUsers.length);
    expect(new Set(items.map((u) => u.orgCode))).toEqual(new Set(['sxx', 'jyj', 'sfj', 'zjj', 'cgz']));
  });

  it('a department administrator manages its own department only', async () => {
    const created = await admin.send('POST', '/api/v1/users', { username: 'jyj_admin', password: 'Abcdef12!', name: '教育局管理员', orgId: orgIds.jyj, roles: ['admin'] });
    expect(created.statusCode).toBe(201);
    const jyjAdmin = await t.client('jyj_admin', 'Abcdef12!');
    expect((await jyjAdmin.send('PATCH', `/api/v1/users/${ids.jyj_reviewer}`, { roles: ['editor', 'reviewer'] })).statusCode).toBe(200);
    expect((await jyjAdmin.send('PATCH', `/api/v1/users/${ids.zjj_editor}`, { roles: ['editor'] })).statusCode).toBe(403);
    // ...and cannot move its own user into another department.
    expect((await jyjAdmin.send('PATCH', `/api/v1/users/${ids.jyj_reviewer}`, { orgId: orgIds.zjj })).statusCode).toBe(403);
    const orgs = (await jyjAdmin.get('/api/v1/orgs')).json().items as { code: string }[];
    expect(orgs.map((o) => o.code)).toEqual(['jyj']);
  });
});

describe('organizations', () => {
  it('a department user sees only its own organization', async () => {
    const items = (await jyjEditor.get('/api/v1/orgs')).json().items as { code: string }[];
    expect(items.map((o) => o.code)).toEqual(['jyj']);
    expect((await jyjEditor.get(`/api/v1/orgs/${orgIds.zjj}`)).statusCode).toBe(403);
  });

  it('a department user cannot change any organization', async () => {
    expect((await jyjHead.send('PATCH', `/api/v1/orgs/${orgIds.jyj}`, { phone: '1' })).statusCode).toBe(403);
    expect((await jyjHead.send('PATCH', `/api/v1/orgs/${orgIds.zjj}`, { phone: '1' })).statusCode).toBe(403);
  });

  it('a supervisor sees the whole tree', async () => {
    const items = (await supervisor.get('/api/v1/orgs')).json().items;
    expect(items.length).toBe(23);
  });
});

describe('audit log', () => {
  it('an office head reads its own department entries only', async () => {
    const res = (await jyjHead.get('/api/v1/audit?pageSize=200')).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(new Set(res.items.map((e: { orgId: number }) => e.orgId))).toEqual(new Set([orgIds.jyj]));
    expect(res.items.some((e: { summary: string }) => e.summary.includes('zjj_editor'))).toBe(false);
  });

  it('asking for another department by filter returns nothing', async () => {
    const res = (await jyjHead.get(`/api/v1/audit?orgId=${orgIds.zjj}`)).json();
    expect(res.items).toEqual([]);
    expect(res.total).toBe(0);
  });

  it('an editor cannot read the audit log', async () => {
    expect((await jyjEditor.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('system entries (command line) are seen by the top-level supervisor, not by departments', async () => {
    const { saveYear } = await import('../calendar/service.js');
    const { systemContext } = await import('../../context.js');
    await saveYear(t.database.db, systemContext, 2030, { days: [{ name: '元旦', date: '2030-01-01', isOffDay: true }], note: '命令行导入' });
    const sup = (await supervisor.get('/api/v1/audit?action=calendar.')).json();
    expect(sup.items[0]).toMatchObject({ orgId: null, actorName: '系统' });
    expect((await jyjHead.get('/api/v1/audit?action=calendar.')).json().items).toEqual([]);
  });

  it('the supervisor sees entries of every department in its subtree', async () => {
    const res = (await supervisor.get('/api/v1/audit?action=user.update&pageSize=200')).json();
    const summaries = res.items.map((e: { summary: string }) => e.summary).join('\n');
    expect(summaries).toContain('zjj_editor');
    expect(summaries).toContain('jyj_editor');
  });
});
