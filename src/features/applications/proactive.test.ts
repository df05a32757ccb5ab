// 依申请公开转主动公开 (条例第四十四条) through the API: the count of other applicants of the same
// government asking nearly the same in the past twelve months (anonymous, other departments' cases
// only counted for a department's handler), and the document draft started from a disclosed reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { fact, personForm, registerInPerson, testIdNumber } from './test-fixtures.js';

let t: TestApp;
let handler: TestClient;
let editor: TestClient;
let gkb: TestClient;
let zjjHandler: TestClient;
const orgs = new Map<string, number>();
const today = chinaDate(new Date());
const recently = (n: number) => addDays(today, -n);

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);
const promote = (c: TestClient, id: number, body: Record<string, unknown> = {}) => c.send('POST', `/api/v1/applications/${id}/make-proactive`, body);
const person = (name: string, seq: string) => ({ ...personForm(0).applicant, name, idNumber: testIdNumber('19800101', seq) });

const WANTED = { docTitle: '示例县城区公共停车场收费标准调整方案', description: '申请公开示例县城区公共停车场收费标准调整方案及其成本监审报告' };

beforeAll(async () => {
  t = await startTestApp();
  [handler, editor, gkb, zjjHandler] = await Promise.all([t.client('jyj_handler'), t.client('jyj_editor'), t.client('gkb'), t.client('zjj_editor')]);
  for (const o of (await (await t.client()).get('/api/v1/applications/options')).json().organizations) orgs.set(o.code, o.id);
});
afterAll(() => t.close());

describe('same requests (第四十四条)', () => {
  it('counts other applicants of the government in the past year, lists only the cases the reader may read', async () => {
    const jyj = orgs.get('jyj')!;
    const mine = await registerInPerson(handler, jyj, recently(20), WANTED);
    const b = await registerInPerson(handler, jyj, recently(30), { ...WANTED, applicant: person('王二', '011') });
    // The same applicant again, one of more than a year ago and another request: not counted.
    await registerInPerson(handler, jyj, recently(10), WANTED);
    await registerInPerson(handler, jyj, recently(400), { ...WANTED, applicant: person('赵六', '014') });
    const c = await registerInPerson(zjjHandler, orgs.get('zjj')!, recently(5), { ...WANTED, applicant: person('李四', '012') });
    await registerInPerson(handler, jyj, recently(5), { docTitle: '', description: '申请公开示例县2026年中小学教师招聘计划', applicant: person('钱七', '013') });

    const seen = (await handler.get(`/api/v1/applications/${mine.id}/same-requests`)).json();
    expect(seen).toMatchObject({ applications: 2, applicants: 2, sameOrg: 1, rule: '《中华人民共和国政府信息公开条例》第四十四条第一款' });
    expect(seen.byOrg.map((o: { orgName: string; count: number }) => [o.orgName, o.count]).sort()).toEqual([
      ['示例县住房和城乡建设局', 1],
      ['示例县教育局', 1],
    ]);
    expect(seen.cases.map((x: { number: string }) => x.number)).toEqual([b.number]);
    expect(seen.message).toContain('2 位其他申请人提出 2 件内容相近的申请');
    expect(JSON.stringify(seen)).not.toMatch(/王二|李四|张三/);

    const all = (await gkb.get(`/api/v1/applications/${mine.id}/same-requests`)).json();
    expect(all.cases.map((x: { number: string }) => x.number).sort()).toEqual([b.number, c.number].sort());
    expect((await zjjHandler.get(`/api/v1/applications/${mine.id}/same-requests`)).statusCode).toBe(403);
  });
});

describe('make proactive', () => {
  it('starts a draft from a disclosed reply, once, on the timeline; the editors of the organization find it', async () => {
    const a = await registerInPerson(handler, orgs.get('jyj')!, recently(15), { ...WANTED, docNumber: '示价〔2026〕5号' });
    await refused(() => promote(handler, a.id), 409, /该申请已登记，不能将该申请的信息转为主动公开/);
    await fact(handler, a.id, 'reply', { outcome: 'disclosed' });
    await refused(() => promote(gkb, a.id), 403, /无权将该申请的信息转为主动公开/);
    const res = await promote(handler, a.id, { note: '近一年多人申请' });
    expect(res.statusCode, res.body).toBe(201);
    const { documentId, title } = res.json().result;
    expect(title).toBe(WANTED.docTitle);
    await refused(() => promote(handler, a.id), 409, new RegExp(`已于.*转为主动公开（文件草稿编号 ${documentId}）`));

    const doc = (await editor.get(`/api/v1/documents/${documentId}`)).json();
    expect(doc).toMatchObject({ title: WANTED.docTitle, docNumber: '示价〔2026〕5号', status: 'draft', disclosure: 'proactive', orgId: orgs.get('jyj') });
    expect(doc.summary).toContain(a.number);
    const d = (await handler.get(`/api/v1/applications/${a.id}`)).json();
    const event = d.timeline.find((e: { kind: string }) => e.kind === 'made_proactive');
    expect(event).toMatchObject({ internal: true, data: { documentId, title: WANTED.docTitle } });
    expect(d.status).toBe('replied');
    expect((await handler.get(`/api/v1/applications/${a.id}/same-requests`)).json().drafts).toEqual([{ on: today, documentId, title: WANTED.docTitle }]);
  });

  it('refuses a withheld reply, and asks for a title when the request named none', async () => {
    const withheld = await registerInPerson(handler, orgs.get('jyj')!, recently(15));
    await fact(handler, withheld.id, 'reply', { outcome: 'withheld.third_party', basis: '《中华人民共和国政府信息公开条例》第十五条' });
    await refused(() => promote(handler, withheld.id), 409, /只有答复予以公开或部分公开的申请/);
    const untitled = await registerInPerson(handler, orgs.get('jyj')!, recently(15));
    await fact(handler, untitled.id, 'reply', { outcome: 'partly_disclosed', basis: '《中华人民共和国政府信息公开条例》第三十七条' });
    await refused(() => promote(handler, untitled.id), 400, /申请未写明所需信息的名称，请填写转为主动公开的文件标题/);
    const res = await promote(handler, untitled.id, { title: '示例县2025年义务教育阶段学校招生划片方案' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await editor.get(`/api/v1/documents/${res.json().result.documentId}`)).json().summary).toContain('仅限已公开的部分');
  });
});
