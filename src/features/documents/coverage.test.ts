// 解读覆盖率 per organization, and the per-government setting that forbids publishing a normative
// document without its interpretation (三同步 exemption).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';

let t: TestApp;
let admin: TestClient;
let orgs: { id: number; code: string; interpretationExemptionAllowed: boolean }[];
const org = (code: string) => orgs.find((o) => o.code === code)!;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.client('admin');
  orgs = (await admin.get('/api/v1/orgs')).json().items;
});
afterAll(() => t.close());

interface Row {
  orgCode: string;
  normative: { total: number; interpreted: number; exempted: number; missing: number; rate: number | null };
  all: { total: number; interpreted: number; exempted: number; missing: number; rate: number | null };
  withoutInterpretation: { id: number; title: string; exempted: boolean; exemptionReason: string | null }[];
}

describe('interpretation coverage', () => {
  it('counts current policy files with an interpretation, with a recorded exemption, and with neither, per organization', async () => {
    const res = await (await t.client('gkb')).get('/api/v1/documents/coverage');
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as Row[];
    // The whole county for the supervising office, every organization listed.
    expect(rows.length).toBe(orgs.length);
    const sxx = rows.find((r) => r.orgCode === 'sxx')!;
    // Demo: the 2026 housing rules and the road-digging rules are interpreted; the welfare rules went out with an exemption.
    expect(sxx.normative).toEqual({ total: 3, interpreted: 2, exempted: 1, missing: 0, rate: 66.7 });
    expect(sxx.withoutInterpretation).toEqual([expect.objectContaining({ title: expect.stringContaining('最低生活保障'), exempted: true, exemptionReason: '按省级实施办法转发细化，省民政厅已发布解读' })]);
    const zjj = rows.find((r) => r.orgCode === 'zjj')!;
    expect(zjj.all).toEqual({ total: 1, interpreted: 0, exempted: 0, missing: 1, rate: 0 });
    expect(zjj.normative.rate).toBeNull();
  });

  it('shows a department only its own organization', async () => {
    const rows = (await (await t.client('zjj_editor')).get('/api/v1/documents/coverage')).json().items as Row[];
    expect(rows.map((r) => r.orgCode)).toEqual(['zjj']);
    expect((await (await t.client()).get('/api/v1/documents/coverage')).statusCode).toBe(401);
  });
});

describe('the exemption setting of a government', () => {
  const normative = {
    title: '示例县教育局关于规范校外培训机构收费的通知',
    docNumber: '示教发〔2026〕21号',
    writtenOn: '2026-11-02',
    effectiveOn: '2026-12-01',
    genre: '通知',
    docType: 'normative',
    topic: '科技、教育\\教育',
    summary: '规范校外培训机构收费。',
    body: '<p>各校外培训机构：</p><p>现就收费有关事项通知如下。</p>',
  };

  async function approvedNormative(title: string) {
    const editor = await t.client('jyj_editor');
    const doc = (await editor.send('POST', '/api/v1/documents', { ...normative, title })).json();
    for (const [user, step] of [['jyj_editor', 'submit'], ['jyj_reviewer', 'approve'], ['jyj_secrecy', 'secrecy_approve']]) {
      expect((await (await t.client(user)).send('POST', `/api/v1/documents/${doc.id}/transitions/${step}`, {})).statusCode).toBe(200);
    }
    return doc.id as number;
  }

  it('is set by the administrator or the supervisor of a government, and only on a government', async () => {
    const sxx = org('sxx');
    expect(sxx.interpretationExemptionAllowed).toBe(true);
    const head = await t.client('jyj_head');
    expect((await head.send('PATCH', `/api/v1/orgs/${sxx.id}`, { interpretationExemptionAllowed: false })).statusCode).toBe(403);
    const onDepartment = await admin.send('PATCH', `/api/v1/orgs/${org('jyj').id}`, { interpretationExemptionAllowed: false });
    expect(onDepartment.statusCode).toBe(400);
    expect(onDepartment.json().error.message).toContain('人民政府');
    const gkb = await t.client('gkb');
    // The supervisor may change this setting, but not the rest of the organization.
    expect((await gkb.send('PATCH', `/api/v1/orgs/${sxx.id}`, { interpretationExemptionAllowed: false, name: '改名' })).statusCode).toBe(403);
    const res = await gkb.send('PATCH', `/api/v1/orgs/${sxx.id}`, { interpretationExemptionAllowed: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().interpretationExemptionAllowed).toBe(false);
    expect(res.json().name).toBe('示例县人民政府');
    expect((await admin.send('PATCH', `/api/v1/orgs/${sxx.id}`, { interpretationExemptionAllowed: true })).json().interpretationExemptionAllowed).toBe(true);
  });

  it('when off, refuses to publish a normative document of any department without its interpretation, reason or not', async () => {
    const sxx = org('sxx');
    const gkb = await t.client('gkb');
    const reviewer = await t.client('jyj_reviewer');
    const id = await approvedNormative('示例县教育局关于规范校外培训机构收费的通知');
    await gkb.send('PATCH', `/api/v1/orgs/${sxx.id}`, { interpretationExemptionAllowed: false });
    const refused = await reviewer.send('POST', `/api/v1/documents/${id}/transitions/publish`, { interpretationExemption: '内容简单，无需解读' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('本级政府要求行政规范性文件与政策解读同步发布，不允许豁免：请先完成解读材料的审核');
    expect((await reviewer.get(`/api/v1/documents/${id}`)).json().status).toBe('approved');

    // With the setting on, the recorded reason is enough — and the file counts as exempted.
    await gkb.send('PATCH', `/api/v1/orgs/${sxx.id}`, { interpretationExemptionAllowed: true });
    const published = await reviewer.send('POST', `/api/v1/documents/${id}/transitions/publish`, { interpretationExemption: '内容简单，无需解读' });
    expect(published.statusCode).toBe(200);
    const jyj = ((await gkb.get('/api/v1/documents/coverage')).json().items as Row[]).find((r) => r.orgCode === 'jyj')!;
    expect(jyj.normative).toMatchObject({ total: 1, exempted: 1, missing: 0 });
    expect(jyj.withoutInterpretation[0]).toMatchObject({ id, exempted: true, exemptionReason: '内容简单，无需解读' });
  });
});
