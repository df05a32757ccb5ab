// Every fact of a case through the API — the happy path and the refusals (nothing written when
// refused): assignment, correction and its lapse, consultation, joint and legal review, extension,
// fees and their lapse, the 第三十五条 later date, reply, delivery, closing, archiving, transfer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { chinaDate } from '../../domain/dates.js';
import { testIdNumber, fact, personForm, registerInPerson } from './test-fixtures.js';

let t: TestApp;
let handler: TestClient;
let head: TestClient;
let legal: TestClient;
let zjjHandler: TestClient;
let visitor: TestClient;
const orgs = new Map<string, number>();
const today = chinaDate(new Date());

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);
const post = (c: TestClient, id: number, path: string, body: Record<string, unknown> = {}) => c.send('POST', `/api/v1/applications/${id}/${path}`, body);
const detail = async (id: number, c = handler) => (await c.get(`/api/v1/applications/${id}`)).json();
const jyjCase = (on = today, over: Record<string, unknown> = {}) => registerInPerson(handler, orgs.get('jyj')!, on, over);

beforeAll(async () => {
  t = await startTestApp();
  [handler, head, legal, zjjHandler, visitor] = await Promise.all([t.client('jyj_handler'), t.client('jyj_head'), t.client('sfj_legal'), t.client('zjj_editor'), t.client()]);
  for (const o of (await visitor.get('/api/v1/applications/options')).json().organizations) orgs.set(o.code, o.id);
});
afterAll(() => t.close());

describe('assignment', () => {
  it('lets the office head name a handler, and a handler take up an unassigned case only', async () => {
    const users = (await (await t.client('admin')).get('/api/v1/users')).json().items as { id: number; username: string }[];
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    const a = await jyjCase();
    const mine = await fact(handler, a.id, 'assign', { assigneeId: id('jyj_handler') });
    expect(mine.status).toBe('in_progress');
    await refused(() => post(handler, a.id, 'assign', { assigneeId: id('jyj_head') }), 403, /无权分配该申请/);
    const b = await jyjCase();
    await fact(head, b.id, 'assign', { assigneeId: id('jyj_head') });
    await refused(() => post(handler, b.id, 'assign', { assigneeId: id('jyj_handler') }), 403, /已有承办人/);
    await refused(() => post(head, b.id, 'assign', { assigneeId: id('zjj_editor') }), 400, /须为示例县教育局在职的工作人员/);
    await refused(() => post(head, b.id, 'assign', { assigneeId: id('jyj_editor') }), 400, /没有依申请公开承办人/);
    const d = await detail(b.id);
    expect(d.assigneeName).toBe('周振华');
    expect(d.timeline.find((e: { kind: string }) => e.kind === 'assigned').internal).toBe(true);
  });
});

describe('correction (条例第三十条)', () => {
  it('is told once, within 7 working days, and refused a second time or late', async () => {
    const a = await jyjCase('2026-03-02');
    await refused(() => post(handler, a.id, 'correction-notice', { items: '请写明年份', on: '2026-03-12' }), 400, /7 个工作日内一次性发出.*2026年3月11日/);
    await refused(() => post(handler, a.id, 'correction-received', { on: '2026-03-05' }), 409, /没有发出补正通知/);
    await fact(handler, a.id, 'correction-notice', { items: '请写明年份', on: '2026-03-04', periodDays: 10 });
    await refused(() => post(handler, a.id, 'correction-notice', { items: '再补充', on: '2026-03-05' }), 409, /只能一次性告知补正/);
    await refused(() => post(handler, a.id, 'correction-received', { on: '2026-03-03' }), 400, /早于补正通知发出日期/);
  });

  it('ends the case as other.no_correction once the period ran out, not before', async () => {
    const fresh = await jyjCase();
    await fact(handler, fresh.id, 'correction-notice', { items: '请写明年份' });
    await refused(() => post(handler, fresh.id, 'correction-lapsed'), 409, /尚未届满/);
    const old = await jyjCase('2026-03-02');
    await fact(handler, old.id, 'correction-notice', { items: '请写明年份', on: '2026-03-03' });
    const closed = await fact(handler, old.id, 'correction-lapsed');
    expect(closed).toMatchObject({ status: 'closed', clockState: 'ended' });
    const d = await detail(old.id);
    expect(d.outcome).toBe('other.no_correction');
    expect(d.timeline.at(-1).note).toContain('视为放弃申请');
    await refused(() => post(handler, old.id, 'reply', { outcome: 'disclosed' }), 409, /已办结，不能答复该申请/);
  });
});

describe('consultation, joint review and legal review', () => {
  it('records the answer once, keeps the gist internal, and lets the government’s legal counsel review', async () => {
    const a = await jyjCase('2026-06-01');
    await fact(handler, a.id, 'consultations', { consultation: 'other_agency', party: '示例县财政局', on: '2026-06-02' });
    const sent = (await detail(a.id)).timeline.find((e: { kind: string }) => e.kind === 'consultation_sent');
    await refused(() => post(handler, a.id, 'consultations/999999/answer', { gist: 'x' }), 400, /找不到该申请的这次征求意见/);
    await fact(handler, a.id, `consultations/${sent.id}/answer`, { gist: '同意公开', on: '2026-06-05' });
    await refused(() => post(handler, a.id, `consultations/${sent.id}/answer`, { gist: '同意公开', on: '2026-06-05' }), 409, /已经登记/);
    await fact(handler, a.id, 'joint-review', { parties: '县财政局、县教育局', note: '一致同意公开' });
    await refused(() => post(handler, a.id, 'legal-review', { decision: 'approved' }), 403, /无权对该申请的答复进行法制审核/);
    await refused(() => post(legal, a.id, 'legal-review', { decision: 'returned' }), 400, /请填写审核意见/);
    await fact(legal, a.id, 'legal-review', { decision: 'returned', note: '请补充法律依据' });
    await fact(legal, a.id, 'legal-review', { decision: 'approved' });
    const d = await detail(a.id, legal);
    expect(d.applicant).toBeNull();
    expect(d.timeline.filter((e: { kind: string; internal: boolean }) => e.kind === 'legal_review' && e.internal)).toHaveLength(2);
    expect(d.permissions).toEqual({ handle: false, assign: false, extend: false, legalReview: true });
  });
});

describe('extension (条例第三十三条第二款)', () => {
  it('is approved by the office head only, at most 20 working days in total, before the due date', async () => {
    const a = await jyjCase();
    await refused(() => post(handler, a.id, 'extension', { days: 10, reason: '需调取档案' }), 403, /须由公开办负责人批准/);
    const first = await fact(head, a.id, 'extension', { days: 15, reason: '需调取档案' });
    expect(first.dueOn! > a.dueOn!).toBe(true);
    await refused(() => post(head, a.id, 'extension', { days: 10, reason: '仍需时间' }), 400, /合计不得超过 20 个工作日.*已延长 15 个工作日/);
    const late = await jyjCase('2026-01-05');
    await refused(() => post(head, late.id, 'extension', { days: 5, reason: '晚了', on: '2026-03-02' }), 400, /届满前批准/);
  });
});

describe('fees (第四十二条, 收费办法)', () => {
  it('per page: 250 pages cost ¥4,700; one notice per application; payment resumes the clock', async () => {
    const a = await jyjCase();
    const res = await fact(handler, a.id, 'fee-notice', { scheme: 'per_page', pages: 250 });
    expect(res.result).toMatchObject({ scheme: 'per_page', amountYuan: 4700 });
    expect(res.clockState).toBe('paused');
    await refused(() => post(handler, a.id, 'fee-notice', { scheme: 'per_page', pages: 40 }), 409, /已经发出过收费通知/);
    const paid = await fact(handler, a.id, 'fee-paid');
    expect(paid.clockState).toBe('running');
    await refused(() => post(handler, a.id, 'fee-paid'), 409, /已经登记过缴费/);
  });

  it('per application: counts the applicant’s applications in the month across the government, this one included', async () => {
    const idNumber = testIdNumber('19850615', '002');
    const applicant = { ...personForm(0).applicant, name: '李四', idNumber };
    const zjj = await registerInPerson(zjjHandler, orgs.get('zjj')!, '2026-05-06', { applicant });
    let last = zjj;
    for (let i = 0; i < 10; i++) last = await jyjCase(`2026-05-${String(7 + i).padStart(2, '0')}`, { applicant });
    // An application of another month does not count.
    await jyjCase('2026-04-30', { applicant });
    const res = await fact(handler, last.id, 'fee-notice', { scheme: 'per_application' });
    expect(res.result).toMatchObject({ amountYuan: 100 });
    expect((res.result as { text: string }).text).toContain('第 11 件');
    await refused(() => post(zjjHandler, zjj.id, 'fee-notice', { scheme: 'per_application' }), 400, /第 1 件.*不收费.*无需发出收费通知/);
  });

  it('ends the case as other.unpaid_fee once the payment period ran out', async () => {
    const fresh = await jyjCase();
    await fact(handler, fresh.id, 'fee-notice', { scheme: 'per_page', pages: 100 });
    await refused(() => post(handler, fresh.id, 'fee-lapsed'), 409, /缴费期限.*尚未届满/);
    const old = await jyjCase('2026-03-02');
    await fact(handler, old.id, 'fee-notice', { scheme: 'per_page', pages: 100, on: '2026-03-04' });
    expect(await fact(handler, old.id, 'fee-lapsed')).toMatchObject({ status: 'closed' });
    expect((await detail(old.id)).outcome).toBe('other.unpaid_fee');
  });
});

describe('第三十五条 later date', () => {
  it('replaces the due date, once', async () => {
    const a = await jyjCase();
    const res = await fact(handler, a.id, 'later-date', { dueOn: '2027-03-31', reason: '本月已提出三十余件申请' });
    expect(res.dueOn).toBe('2027-03-31');
    await refused(() => post(handler, a.id, 'later-date', { dueOn: '2027-04-30', reason: '再延' }), 409, /已经确定过/);
  });
});

describe('reply, delivery, closing, archiving', () => {
  it('needs a legal basis for withholding, ends the clock, and goes on to delivery, closing and the archive', async () => {
    const a = await jyjCase();
    await refused(() => post(handler, a.id, 'reply', { outcome: 'withheld.third_party' }), 400, /具体法律条款/);
    await refused(() => post(handler, a.id, 'reply', { outcome: 'other.no_correction' }), 400, /登记逾期未补正/);
    await refused(() => post(handler, a.id, 'archive'), 409, /不能归档/);
    const replied = await fact(handler, a.id, 'reply', { outcome: 'withheld.third_party', basis: '《中华人民共和国政府信息公开条例》第十五条' });
    expect(replied).toMatchObject({ status: 'replied', clockState: 'ended' });
    await refused(() => post(handler, a.id, 'correction-notice', { items: '晚了' }), 409, /已答复/);
    await fact(handler, a.id, 'delivery', { method: 'email' });
    await fact(handler, a.id, 'close');
    const archived = await fact(handler, a.id, 'archive');
    expect(archived.status).toBe('archived');
    await refused(() => post(handler, a.id, 'notes', { note: '归档后' }), 409, /已归档/);
    const d = await detail(a.id);
    expect(d.outcomeLabel).toBe('不予公开·第三方合法权益');
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'replied', 'delivered', 'closed', 'archived']);
  });
});

describe('transfer', () => {
  it('closes the case here and registers it at the other agency with the same day received, linked both ways', async () => {
    const a = await jyjCase('2026-11-02');
    await refused(() => post(handler, a.id, 'transfer', { toOrgId: orgs.get('jyj'), reason: '不属本机关' }), 400, /不能转送给本机关/);
    const res = await fact(handler, a.id, 'transfer', { toOrgId: orgs.get('zjj'), reason: '所需信息由县住建局制作' });
    const created = res.result as { id: number; number: string; queryCode: string; receivedOn: string };
    expect(res.status).toBe('closed');
    expect(created.number).toMatch(/-zjj-/);
    expect(created.receivedOn).toBe('2026-11-02');
    const there = (await zjjHandler.get(`/api/v1/applications/${created.id}`)).json();
    expect(there.transferredFrom.number).toBe(a.number);
    expect(there.dueOn).toBe(a.dueOn);
    expect((await detail(a.id)).transferredTo.number).toBe(created.number);
    const tracked = (await visitor.get(`/api/v1/applications/track?number=${a.number}&code=${a.queryCode}`)).json();
    expect(tracked.transferredTo).toEqual({ number: created.number, orgName: '示例县住房和城乡建设局' });
    expect((await visitor.get(`/api/v1/applications/track?number=${created.number}&code=${created.queryCode}`)).statusCode).toBe(200);
  });
});

describe('screening hints', () => {
  it('point out the same applicant’s similar application, other applicants asking the same, and petition wording', async () => {
    const text = '申请公开示例县2025年城区学校学区划分调整方案及听证会记录';
    const first = await jyjCase('2026-10-12', { description: text });
    const other = { ...personForm(0).applicant, name: '王二', idNumber: testIdNumber('19800101', '003') };
    const theirs = await jyjCase('2026-10-13', { description: text, applicant: other });
    const again = await jyjCase('2026-10-14', { description: `${text}，并要求查处违规划片的责任人` });
    const s = (await detail(again.id)).screening;
    expect(s.countInMonth).toBe(2);
    const hint = (kind: string) => s.hints.find((h: { kind: string }) => h.kind === kind);
    expect(hint('repeated').similar.map((x: { number: string }) => x.number)).toEqual([first.number]);
    expect(hint('same_information').similar.map((x: { number: string }) => x.number)).toEqual([theirs.number]);
    expect(hint('petition_complaint').terms).toContain('要求查处');
    expect(JSON.stringify(s)).not.toContain('王二');
  });
});
