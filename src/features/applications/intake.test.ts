// Applications coming in: online on the portal (anonymous, rate-limited), registered by staff by
// channel (条例第三十一条), with the form's checks; tracking by number and query code; and the
// applicant's identity kept out of audit summaries and logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { queryRows } from '../../db/client.js';
import { buildApp } from '../../server.js';
import { auditLog, organizations } from '../orgs/schema.js';
import { applications } from './schema.js';
import { fact, ORG_FORM, personForm, registerInPerson, ZHANG_SAN_ID } from './test-fixtures.js';

let t: TestApp;
let visitor: TestClient;
let jyjHandler: TestClient;
let zjjHandler: TestClient;
const orgs = new Map<string, number>();

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);
const submit = (body: unknown) => visitor.send('POST', '/api/v1/applications', body);

beforeAll(async () => {
  t = await startTestApp();
  [visitor, jyjHandler, zjjHandler] = await Promise.all([t.client(), t.client('jyj_handler'), t.client('zjj_editor')]);
  const options = (await visitor.get('/api/v1/applications/options')).json();
  for (const o of options.organizations) orgs.set(o.code, o.id);
});
afterAll(() => t.close());

describe('the online application', () => {
  it('lists the agencies that accept applications and the form’s choices', async () => {
    const options = (await visitor.get('/api/v1/applications/options')).json();
    expect(options.organizations.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['sxx', 'jyj', 'zjj', 'cgz']));
    expect(options.organizations.map((o: { code: string }) => o.code)).not.toContain('cgz-cd');
    expect(options.idTypes[0].value).toBe('居民身份证');
    expect(options.outcomes.find((o: { value: string }) => o.value === 'withheld.third_party').basisRequired).toBe(true);
  });

  it('numbers it, gives a query code once, counts it received today and computes its due date', async () => {
    const res = await submit(personForm(orgs.get('jyj')!));
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.number).toMatch(/^\d{4}-jyj-\d{4}$/);
    expect(receipt.queryCode).toMatch(/^[A-HJ-KMNP-Z2-9]{8}$/);
    expect(receipt.id).toBeUndefined();
    expect(receipt.receivedExplanation).toContain('第三十一条第（三）项');
    expect(receipt.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.headers['x-ratelimit-limit']).toBe('20');
    const [row] = await t.database.db.select().from(applications).where(eq(applications.number, receipt.number));
    expect(row!.channel).toBe('online');
    expect(row!.channelFacts).toEqual({ submittedOn: row!.receivedOn, confirmedOn: row!.receivedOn });
    expect(row!.queryCodeHash).not.toContain(receipt.queryCode);
    expect(row!.status).toBe('registered');
  });

  it('numbers the applications of one organization in sequence', async () => {
    const a = (await submit(personForm(orgs.get('zjj')!))).json().number;
    const b = (await submit(personForm(orgs.get('zjj')!))).json().number;
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1);
  });

  it('accepts an organization with a valid 统一社会信用代码', async () => {
    const res = await submit({ ...ORG_FORM, orgId: orgs.get('zjj') });
    expect(res.statusCode, res.body).toBe(201);
  });

  it.each([
    ['a wrong ID check digit', { applicant: { ...personForm(1).applicant, idNumber: `${ZHANG_SAN_ID.slice(0, 17)}${ZHANG_SAN_ID.endsWith('0') ? '1' : '0'}` } }, /校验码/],
    ['an unknown ID type', { applicant: { ...personForm(1).applicant, idType: '驾驶证' } }, /证件类型应为/],
    ['no description', { description: '  ' }, /请填写所需政府信息的内容描述/],
    ['email delivery without an address', { applicant: { ...personForm(1).applicant, email: undefined } }, /请填写电子邮箱/],
    ['no phone', { applicant: { ...personForm(1).applicant, phone: undefined } }, /请填写联系电话/],
  ])('refuses %s, storing nothing', async (_label, over, message) => {
    await refused(() => submit({ ...personForm(orgs.get('jyj')!), ...over }), 400, message);
  });

  it('refuses a wrong 统一社会信用代码 and a residents’ committee as the agency', async () => {
    await refused(() => submit({ ...ORG_FORM, orgId: orgs.get('zjj'), applicant: { ...ORG_FORM.applicant, creditCode: '91110101MA00000019' } }), 400, /统一社会信用代码有误/);
    const [village] = await t.database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, 'cgz-cd'));
    await refused(() => submit(personForm(village!.id)), 400, /不是受理政府信息公开申请的行政机关/);
    await refused(() => submit({ ...personForm(orgs.get('jyj')!), forms: ['hologram'] }), 400, /forms/);
  });

  it('refuses a body larger than the form needs', async () => {
    const res = await submit({ ...personForm(orgs.get('jyj')!), description: '很'.repeat(12000) });
    expect(res.statusCode).toBe(413);
  });
});

describe('registration by staff', () => {
  it('applies the received-on rule of the channel', async () => {
    const post = await jyjHandler.send('POST', '/api/v1/applications/register', { ...personForm(orgs.get('jyj')!), channel: 'registered_post', signedForOn: '2026-03-05' });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json().receivedOn).toBe('2026-03-05');
    expect(post.json().receivedExplanation).toContain('签收');
    const letter = await jyjHandler.send('POST', '/api/v1/applications/register', { ...personForm(orgs.get('jyj')!), channel: 'ordinary_letter', arrivedOn: '2026-03-05', confirmedOn: '2026-03-09' });
    expect(letter.json().receivedOn).toBe('2026-03-09');
    const detail = (await jyjHandler.get(`/api/v1/applications/${letter.json().id}`)).json();
    expect(detail.timeline[0].data.warnings[0]).toContain('应当于收到当日与申请人确认');
  });

  it('refuses a channel without the fact it needs, a date in the future, another organization', async () => {
    await refused(() => jyjHandler.send('POST', '/api/v1/applications/register', { ...personForm(orgs.get('jyj')!), channel: 'registered_post', submittedOn: '2026-03-05' }), 400, /须登记签收日期/);
    await refused(() => jyjHandler.send('POST', '/api/v1/applications/register', { ...personForm(orgs.get('jyj')!), channel: 'in_person', submittedOn: '2099-01-04' }), 400, /晚于今天/);
    await refused(() => jyjHandler.send('POST', '/api/v1/applications/register', { ...personForm(orgs.get('zjj')!), channel: 'in_person', submittedOn: '2026-03-05' }), 403, /无权为示例县住房和城乡建设局登记/);
    await refused(() => visitor.send('POST', '/api/v1/applications/register', { ...personForm(orgs.get('jyj')!), channel: 'in_person', submittedOn: '2026-03-05' }), 401, /登录/);
  });
});

describe('tracking by number and query code', () => {
  it('shows the status, the public timeline and the due date’s explanation, without internal events or staff names', async () => {
    const r = await registerInPerson(jyjHandler, orgs.get('jyj')!, '2026-06-01');
    await fact(jyjHandler, r.id, 'notes', { note: '内部备注：请示分管领导' });
    await fact(jyjHandler, r.id, 'consultations', { consultation: 'third_party', party: '示例县第一中学', on: '2026-06-03' });
    const res = await visitor.get(`/api/v1/applications/track?number=${r.number}&code=${r.queryCode.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.orgName).toBe('示例县教育局');
    expect(body.statusLabel).toBe('办理中');
    expect(body.timeline.map((e: { label: string }) => e.label)).toEqual(['收到申请', '征求意见', '期限重新计算']);
    expect(body.timeline.every((e: { by: string }) => e.by === '承办机构')).toBe(true);
    expect(body.dueExplanation.join('')).toContain('第三十三条');
    const all = JSON.stringify(body);
    for (const secret of ['内部备注', '刘洋', '示例县第一中学', '张三', ZHANG_SAN_ID, 'queryCodeHash']) expect(all).not.toContain(secret);
  });

  it('answers a wrong code exactly as a wrong number', async () => {
    const r = await registerInPerson(jyjHandler, orgs.get('jyj')!, '2026-06-02');
    const wrongCode = await visitor.get(`/api/v1/applications/track?number=${r.number}&code=ABCDEFGH`);
    const wrongNumber = await visitor.get(`/api/v1/applications/track?number=2026-jyj-9999&code=${r.queryCode}`);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongNumber.statusCode).toBe(404);
    expect(wrongCode.body).toBe(wrongNumber.body);
  });
});

describe('personal data', () => {
  it('never appears in audit summaries', async () => {
    const rows = await t.database.db.select({ summary: auditLog.summary, actorName: auditLog.actorName }).from(auditLog);
    const all = rows.map((r) => `${r.summary} ${r.actorName}`).join('\n');
    expect(all).toContain('收到网上申请');
    for (const secret of ['张三', ZHANG_SAN_ID, '示例县某某建材有限公司', '91110101MA00000018', '13800000000']) expect(all).not.toContain(secret);
  });

  it('is stored encrypted: no name, ID number, phone or email in the database in the clear', async () => {
    const rows = await queryRows<{ row: string }>(t.database.db, sql`select a::text as row from applications a`);
    expect(rows.length).toBeGreaterThan(3);
    const all = rows.map((r) => r.row).join('\n');
    for (const secret of ['张三', ZHANG_SAN_ID, '示例县某某建材有限公司', '91110101MA00000018', '13800000000', 'zhangsan@example.com']) expect(all).not.toContain(secret);
    // … while the handler still reads it.
    const [kase] = await t.database.db.select({ id: applications.id }).from(applications).innerJoin(organizations, eq(organizations.id, applications.orgId)).where(eq(organizations.code, 'jyj')).limit(1);
    expect((await jyjHandler.get(`/api/v1/applications/${kase!.id}`)).json().applicant.name).toBeTruthy();
  });

  it('never appears in the request logs', async () => {
    const lines: string[] = [];
    const app = await buildApp({ config: t.config, database: t.database }, { logger: { write: (l: string) => void lines.push(l) } });
    await app.ready();
    try {
      const session = await app.inject({ url: '/api/v1/auth/session' });
      const csrf = session.cookies.find((c) => c.name === 'gk_csrf')!.value;
      const res = await app.inject({ method: 'POST', url: '/api/v1/applications', headers: { cookie: `gk_csrf=${csrf}`, 'x-csrf-token': csrf }, payload: personForm(orgs.get('jyj')!) });
      expect(res.statusCode).toBe(201);
      const { number, queryCode } = res.json();
      await app.inject({ url: `/api/v1/applications/track?number=${number}&code=${queryCode}` });
      const bad = await app.inject({ method: 'POST', url: '/api/v1/applications', headers: { cookie: `gk_csrf=${csrf}`, 'x-csrf-token': csrf }, payload: { ...personForm(orgs.get('jyj')!), description: '' } });
      expect(bad.statusCode).toBe(400);
      const all = lines.join('\n');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const secret of ['张三', ZHANG_SAN_ID, '13800000000', 'zhangsan@example.com', queryCode]) expect(all).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
