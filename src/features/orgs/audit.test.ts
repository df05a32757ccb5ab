// The audit log is append-only in the database itself, and every change writes an entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.client('admin');
});
afterAll(() => t.close());

describe('append-only audit log', () => {
  it.each([
    ['UPDATE', sql`update audit_log set summary = 'rewritten'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('the database refuses %s', async (_op, statement) => {
    const before = await queryRows(t.database.db, sql`select count(*)::int as n, min(summary) as s from audit_log`);
    await expect(t.database.db.execute(statement)).rejects.toThrow();
    const after = await queryRows(t.database.db, sql`select count(*)::int as n, min(summary) as s from audit_log`);
    expect(after).toEqual(before);
  });

  it('records actor, organization, action, target, IP and summary for a change', async () => {
    const org = (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'wjj');
    const res = await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { phone: '0000-62109999' });
    expect(res.statusCode).toBe(200);
    const entry = (await admin.get('/api/v1/audit?action=org.update')).json().items[0];
    expect(entry).toMatchObject({
      actorName: '系统管理员（admin）',
      orgId: org.id,
      orgName: '示例县卫生健康局',
      action: 'org.update',
      targetType: 'organization',
      targetId: String(org.id),
      ip: '127.0.0.1',
    });
    expect(entry.summary).toContain('phone');
  });

  it('filters by action family, actor and date (Beijing days)', async () => {
    const all = (await admin.get('/api/v1/audit?action=user.&pageSize=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(10); // the demo users created by the system
    expect(all.items.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(true);
    const byActor = (await admin.get('/api/v1/audit?actor=admin')).json();
    expect(byActor.items.every((e: { actorName: string }) => e.actorName.includes('admin'))).toBe(true);
    const past = (await admin.get('/api/v1/audit?from=2001-01-01&to=2001-12-31')).json();
    expect(past.total).toBe(0);
  });

  it('offers no way to change or delete an entry through the API', async () => {
    const entry = (await admin.get('/api/v1/audit')).json().items[0];
    expect((await admin.send('DELETE', `/api/v1/audit/${entry.id}`)).statusCode).toBe(404);
    expect((await admin.send('PATCH', `/api/v1/audit/${entry.id}`, { summary: 'x' })).statusCode).toBe(404);
  });
});
