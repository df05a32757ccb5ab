// The publishing workflow through the API: draft → review → secrecy review → publish, with the
// blocking checks, interpretations published together (三同步), versions, withdrawal, repeal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { and, eq } from 'drizzle-orm';
import { publishDue } from './workflow.js';
import { refreshDueValidity } from './validity-refresh.js';
import { documentVersions } from './schema.js';

async function storedValidity(id: number) {
  const [row] = await t.database.db
    .select({ validity: documentVersions.validity, next: documentVersions.validityNextChange })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, id), eq(documentVersions.isCurrent, true)));
  return row;
}

let t: TestApp;
let editor: TestClient;
let reviewer: TestClient;
let secrecy: TestClient;

const policy = {
  title: '示例县教育局关于规范义务教育阶段招生入学工作的通知',
  docNumber: '示教发〔2026〕3号',
  writtenOn: '2026-11-02',
  effectiveOn: '2026-12-01',
  genre: '通知',
  docType: 'normative',
  topic: '科技、教育\\教育',
  keywords: ['招生', '义务教育'],
  summary: '规范全县义务教育阶段学校招生入学工作。',
  body: '<p>各乡镇中心学校、县直各学校：</p><p>为规范义务教育阶段招生入学工作，现就有关事项通知如下。</p><script>alert(1)</script>',
};

async function advance(id: number, steps: [TestClient, string, object?][]) {
  for (const [client, name, body] of steps) {
    const res = await client.send('POST', `/api/v1/documents/${id}/transitions/${name}`, body ?? {});
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
  }
}

async function draft(client: TestClient, fields: object) {
  const res = await client.send('POST', '/api/v1/documents', fields);
  if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; body: string; topic: string };
}

const toApproved = (id: number) => advance(id, [[editor, 'submit'], [reviewer, 'approve'], [secrecy, 'secrecy_approve']]);

beforeAll(async () => {
  t = await startTestApp();
  editor = await t.client('jyj_editor');
  reviewer = await t.client('jyj_reviewer');
  secrecy = await t.client('jyj_secrecy');
});
afterAll(() => t.close());

describe('drafting', () => {
  it('sanitizes the body and normalizes the topic', async () => {
    const doc = await draft(editor, policy);
    expect(doc.body).not.toContain('<script>');
    expect(doc.body).toContain('<p>各乡镇中心学校');
    expect(doc.topic).toMatch(/^\d/);
  });

  it('refuses an unknown topic', async () => {
    const res = await editor.send('POST', '/api/v1/documents', { ...policy, topic: '不存在的分类' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('主题分类');
  });
});

describe('joint issuers (联合发文)', () => {
  it('are kept in order without duplicates, published with the version and shown beside the lead issuer', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局 示例县财政局关于做好学生资助资金管理的通知', coIssuers: [' 示例县财政局 ', '示例县人力资源和社会保障局', '示例县财政局'] });
    expect((doc as unknown as { coIssuers: string[] }).coIssuers).toEqual(['示例县财政局', '示例县人力资源和社会保障局']);
    await toApproved(doc.id);
    await advance(doc.id, [[reviewer, 'publish']]);
    const anon = await t.client();
    expect((await anon.get(`/api/v1/public/documents/${doc.id}`)).json().coIssuers).toEqual(['示例县财政局', '示例县人力资源和社会保障局']);
    expect((await anon.get(`/zfxxgk/wj/${doc.id}`)).body).toContain('<td>示例县教育局、示例县财政局、示例县人力资源和社会保障局</td>');
    const tooMany = await editor.send('POST', '/api/v1/documents', { ...policy, coIssuers: Array.from({ length: 11 }, (_, i) => `机关${i}`) });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('checks before publishing', () => {
  it('blocks a draft with a valid ID number, and the editor sees where and why', async () => {
    const doc = await draft(editor, { ...policy, body: '<p>联系人：王丽，身份证号码 11010519491231002X，请核对。</p>' });
    const view = (await editor.get(`/api/v1/documents/${doc.id}`)).json();
    const finding = view.findings.find((f: { field: string; severity: string }) => f.field === 'body' && f.severity === 'block');
    expect(finding.message).toContain('身份证');
    expect(finding.excerpt).not.toContain('11010519491231002X');
    const submit = await editor.send('POST', `/api/v1/documents/${doc.id}/transitions/submit`, {});
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.message).toContain('身份证');
  });

  it('blocks a secrecy mark', async () => {
    const doc = await draft(editor, { ...policy, title: `秘密★1年 ${policy.title}` });
    const submit = await editor.send('POST', `/api/v1/documents/${doc.id}/transitions/submit`, {});
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.message).toMatch(/密/);
  });
});

describe('the workflow', () => {
  it('publishes a normative document only with its interpretation, linked both ways, with an index number', async () => {
    const doc = await draft(editor, policy);
    const interp = await draft(editor, {
      title: '《关于规范义务教育阶段招生入学工作的通知》政策解读',
      writtenOn: '2026-11-02',
      docType: 'general',
      topic: '科技、教育\\教育',
      summary: '解读招生入学新规。',
      body: '<h2>一、出台背景</h2><p>……</p><h2>二、主要内容</h2><p>……</p>',
      interpretationOf: doc.id,
      interpretationForm: 'qa',
    });
    await toApproved(doc.id);
    const alone = await reviewer.send('POST', `/api/v1/documents/${doc.id}/transitions/publish`, {});
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.message).toContain('三同步');

    await toApproved(interp.id);
    const published = await reviewer.send('POST', `/api/v1/documents/${doc.id}/transitions/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json().indexNo).toMatch(/^jyj\/2026-0000\d$/);

    const pub = (await (await t.client()).get(`/api/v1/public/documents/${doc.id}`)).json();
    expect(pub.validity).toBe('in_force');
    expect(pub.interpretations).toEqual([{ id: interp.id, title: expect.stringContaining('政策解读'), form: 'qa' }]);
    const pubInterp = (await (await t.client()).get(`/api/v1/public/documents/${interp.id}`)).json();
    expect(pubInterp.policy.id).toBe(doc.id);
  });

  it('lets each role take only its own step', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy' });
    expect((await reviewer.send('POST', `/api/v1/documents/${doc.id}/transitions/submit`, {})).statusCode).toBe(403);
    await advance(doc.id, [[editor, 'submit']]);
    expect((await editor.send('POST', `/api/v1/documents/${doc.id}/transitions/approve`, {})).statusCode).toBe(403);
    expect((await secrecy.send('POST', `/api/v1/documents/${doc.id}/transitions/secrecy_approve`, {})).statusCode).toBe(400);
    const ret = await reviewer.send('POST', `/api/v1/documents/${doc.id}/transitions/return`, {});
    expect(ret.statusCode).toBe(400);
    expect(ret.json().error.message).toContain('理由');
    await advance(doc.id, [[reviewer, 'return', { note: '请补充附件' }]]);
    expect((await editor.send('PATCH', `/api/v1/documents/${doc.id}`, { summary: '补充后的概述' })).statusCode).toBe(200);
  });

  it('keeps the public version while a revision is reviewed, then publishes version 2 with its change note', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于做好冬季校园安全工作的通知' });
    await toApproved(doc.id);
    await advance(doc.id, [[reviewer, 'publish']]);
    expect((await editor.send('PATCH', `/api/v1/documents/${doc.id}`, { summary: 'x' })).statusCode).toBe(400);
    expect((await editor.send('POST', `/api/v1/documents/${doc.id}/revise`)).statusCode).toBe(200);
    await editor.send('PATCH', `/api/v1/documents/${doc.id}`, { summary: '增加寒假安全提示。' });
    const publicView = await t.client();
    expect((await publicView.get(`/api/v1/public/documents/${doc.id}`)).json().summary).toBe(policy.summary);
    await toApproved(doc.id);
    await advance(doc.id, [[reviewer, 'publish', { changeNote: '增加寒假安全提示' }]]);
    const pub = (await publicView.get(`/api/v1/public/documents/${doc.id}`)).json();
    expect(pub.summary).toBe('增加寒假安全提示。');
    expect(pub.version).toBe(2);
    expect(pub.versions.map((v: { version: number; changeNote: string }) => [v.version, v.changeNote])).toEqual([[1, ''], [2, '增加寒假安全提示']]);
  });

  it('withdraws with a reason: gone from the public, kept on record', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于举办校园足球联赛的通知' });
    await toApproved(doc.id);
    await advance(doc.id, [[reviewer, 'publish'], [reviewer, 'withdraw', { note: '活动延期' }]]);
    expect((await (await t.client()).get(`/api/v1/public/documents/${doc.id}`)).statusCode).toBe(404);
    const staffView = (await editor.get(`/api/v1/documents/${doc.id}`)).json();
    expect(staffView).toMatchObject({ status: 'withdrawn', withdrawnReason: '活动延期' });
    expect(staffView.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'approve', 'secrecy_approve', 'publish', 'withdraw']);
  });

  it('numbers documents by the index pattern of their organization', async () => {
    const admin = await t.client('admin');
    const jyj = (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'jyj');
    await admin.send('PATCH', `/api/v1/orgs/${jyj.id}`, { indexPattern: 'SXJY-{YYYY}{MM}-{NNNN}' });
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于开展读书月活动的通知' });
    await toApproved(doc.id);
    const res = await reviewer.send('POST', `/api/v1/documents/${doc.id}/transitions/publish`, {});
    expect(res.json().indexNo).toMatch(/^SXJY-\d{6}-0001$/);
    await admin.send('PATCH', `/api/v1/orgs/${jyj.id}`, { indexPattern: null });
  });

  it('publishes at the scheduled time', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于寒假放假安排的通知' });
    await toApproved(doc.id);
    const at = new Date(Date.now() + 3600_000);
    await advance(doc.id, [[reviewer, 'schedule', { scheduledAt: at.toISOString() }]]);
    expect(await publishDue(t.database.db, new Date())).toBe(0);
    expect(await publishDue(t.database.db, new Date(at.getTime() + 1000))).toBe(1);
    expect((await (await t.client()).get(`/api/v1/public/documents/${doc.id}`)).statusCode).toBe(200);
  });
});

describe('validity from relations', () => {
  it('shows 已废止 with the date and the repealing document once it is published', async () => {
    const old = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于中小学作息时间的通知', effectiveOn: '2026-11-10' });
    await toApproved(old.id);
    await advance(old.id, [[reviewer, 'publish']]);
    const repealer = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于调整中小学作息时间的通知', docNumber: '示教发〔2026〕9号' });
    const rel = await editor.send('POST', `/api/v1/documents/${repealer.id}/relations`, { toDocumentId: old.id, kind: 'repeals', effectiveOn: '2026-11-20' });
    expect(rel.statusCode).toBe(201);
    const anon = await t.client();
    // Not yet: the repealing document is still a draft.
    expect((await anon.get(`/api/v1/public/documents/${old.id}`)).json().validity).toBe('in_force');
    await toApproved(repealer.id);
    await advance(repealer.id, [[reviewer, 'publish']]);
    const pub = (await anon.get(`/api/v1/public/documents/${old.id}`)).json();
    expect(pub.validity).toBe('repealed');
    const last = pub.history[pub.history.length - 1];
    expect(last).toMatchObject({ validity: 'repealed', date: '2026-11-20', byDocumentId: repealer.id });
    expect((await storedValidity(old.id)).validity).toBe('repealed');
    // Withdrawing the repealing document puts the old one back in force.
    await advance(repealer.id, [[reviewer, 'withdraw', { note: '决定有误，撤回' }]]);
    expect((await storedValidity(old.id)).validity).toBe('in_force');
  });

  it('expires by itself the day after its expiry date (daily job)', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局关于2026年冬季学期临时措施的通知', effectiveOn: '2026-11-05', expiresOn: '2027-01-31' });
    await toApproved(doc.id);
    await advance(doc.id, [[reviewer, 'publish']]);
    expect(await storedValidity(doc.id)).toEqual({ validity: 'in_force', next: '2027-02-01' });
    await refreshDueValidity(t.database.db, '2027-01-31');
    expect(await storedValidity(doc.id)).toEqual({ validity: 'in_force', next: '2027-02-01' });
    expect(await refreshDueValidity(t.database.db, '2027-02-01')).toBeGreaterThanOrEqual(1);
    expect(await storedValidity(doc.id)).toEqual({ validity: 'expired', next: null });
  });
});

describe('department isolation', () => {
  it('another department can neither read nor act on a document', async () => {
    const doc = await draft(editor, { ...policy, docType: 'policy', title: '示例县教育局内部测试文件' });
    const other = await t.client('zjj_editor');
    expect((await other.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await other.send('PATCH', `/api/v1/documents/${doc.id}`, { title: '改' })).statusCode).toBe(403);
    expect((await other.send('POST', `/api/v1/documents/${doc.id}/transitions/submit`, {})).statusCode).toBe(403);
    expect((await other.send('POST', `/api/v1/documents/${doc.id}/revise`)).statusCode).toBe(403);
    expect((await other.send('POST', `/api/v1/documents/${doc.id}/relations`, { toDocumentId: doc.id, kind: 'repeals', effectiveOn: '2026-12-01' })).statusCode).toBe(403);
    const list = (await other.get('/api/v1/documents')).json();
    expect(list.items.some((d: { id: number }) => d.id === doc.id)).toBe(false);
    // Drafting in another department's name is refused too.
    const orgs = (await (await t.client('admin')).get('/api/v1/orgs')).json().items;
    const jyj = orgs.find((o: { code: string }) => o.code === 'jyj');
    expect((await other.send('POST', '/api/v1/documents', { ...policy, orgId: jyj.id })).statusCode).toBe(403);
    // The supervisor reads across departments.
    const gkb = await t.client('gkb');
    expect((await gkb.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await gkb.send('PATCH', `/api/v1/documents/${doc.id}`, { title: '改' })).statusCode).toBe(403);
  });
});
