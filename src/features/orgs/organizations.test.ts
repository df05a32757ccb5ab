// The organization tree: create under a parent, move a branch, refuse cycles and duplicate codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';

let t: TestApp;
let admin: TestClient;
const byCode = async (code: string) => (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === code);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.client('admin');
});
afterAll(() => t.close());

describe('organizations', () => {
  it('creates a department under the government with its guide data', async () => {
    const root = await byCode('sxx');
    const res = await admin.send('POST', '/api/v1/orgs', {
      code: 'tyj', name: '示例县文化和旅游局', kind: 'department', parentId: root.id,
      officeName: '示例县文化和旅游局办公室', phone: '0000-62100161', postcode: '999000',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'tyj', parentId: root.id, path: `${root.path}${res.json().id}/` });
  });

  it('refuses a duplicate code, a missing parent and a second top-level government', async () => {
    const root = await byCode('sxx');
    const dup = await admin.send('POST', '/api/v1/orgs', { code: 'jyj', name: '重复', kind: 'department', parentId: root.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('机构代码“jyj”已被“示例县教育局”使用');
    const orphan = await admin.send('POST', '/api/v1/orgs', { code: 'x1', name: '孤儿', kind: 'department', parentId: 99999 });
    expect(orphan.statusCode).toBe(400);
    const top = await admin.send('POST', '/api/v1/orgs', { code: 'x2', name: '另一个县', kind: 'government', parentId: null });
    expect(top.statusCode).toBe(403);
    const badPostcode = await admin.send('POST', '/api/v1/orgs', { code: 'x3', name: '邮编错', kind: 'department', parentId: root.id, postcode: '12' });
    expect(badPostcode.statusCode).toBe(400);
  });

  it('takes an index-number pattern checked by the rule, or the default when cleared', async () => {
    const org = await byCode('jyj');
    const ok = await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { indexPattern: '11330382MB0000000X-{YYYY}-{NNNNNN}' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().indexPattern).toBe('11330382MB0000000X-{YYYY}-{NNNNNN}');
    const bad = await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { indexPattern: '{orgCode}/{YYYY}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('流水号');
    expect((await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { indexPattern: '' })).json().indexPattern).toBeNull();
  });

  it('moves a branch with its descendants and refuses a cycle', async () => {
    const township = await byCode('cgz');
    const village = await byCode('cgz-cd');
    const other = await byCode('dsz');
    const moved = await admin.send('PATCH', `/api/v1/orgs/${township.id}`, { parentId: other.id });
    expect(moved.statusCode).toBe(200);
    expect((await byCode('cgz-cd')).path).toBe(`${other.path}${township.id}/${village.id}/`);
    const cycle = await admin.send('PATCH', `/api/v1/orgs/${other.id}`, { parentId: village.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toBe('不能把机构移到它自己或它的下级机构之下');
  });
});
