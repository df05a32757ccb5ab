// 行政复议 and 行政诉讼 on a case through the API: who may record and read them, the dates they must
// keep, a corrected result reopening the case with the decision's due date (seen by the applicant
// too), and table 四's counts (appealCounts) by the state at year end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { like } from 'drizzle-orm';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { auditLog } from '../orgs/schema.js';
import { appealCounts } from './appeals.js';
import { fact, registerInPerson, ZHANG_SAN_ID } from './test-fixtures.js';

let t: TestApp;
let handler: TestClient;
let head: TestClient;
let gkb: TestClient;
let zjjHandler: TestClient;
let visitor: TestClient;
const orgs = new Map<string, number>();
const today = chinaDate(new Date());

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);
const appeal = (c: TestClient, id: number, body: Record<string, unknown>) => c.send('POST', `/api/v1/applications/${id}/appeals`, body);
const patch = (c: TestClient, id: number, appealId: number, body: Record<string, unknown>) => c.send('PATCH', `/api/v1/applications/${id}/appeals/${appealId}`, body);

async function recorded(c: TestClient, id: number, body: Record<string, unknown>) {
  const res = await appeal(c, id, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { status: string; dueOn: string | null; result: { id: number; result: string; kindLabel: string; resultLabel: string } };
}

/** A jyj case received on `on`, replied 予以公开 on `repliedOn` and closed. */
async function repliedCase(on: string, repliedOn: string) {
  const a = await registerInPerson(handler, orgs.get('jyj')!, on);
  await fact(handler, a.id, 'reply', { outcome: 'disclosed', on: repliedOn });
  await fact(handler, a.id, 'close', { on: repliedOn });
  return a;
}

beforeAll(async () => {
  t = await startTestApp();
  [handler, head, gkb, zjjHandler, visitor] = await Promise.all([t.client('jyj_handler'), t.client('jyj_head'), t.client('gkb'), t.client('zjj_editor'), t.client()]);
  for (const o of (await visitor.get('/api/v1/applications/options')).json().organizations) orgs.set(o.code, o.id);
});
afterAll(() => t.close());

describe('recording and reading', () => {
  it('the handling organization records; the supervisor reads but cannot write; another department neither', async () => {
    const a = await repliedCase('2026-06-01', '2026-06-15');
    const r = await recorded(handler, a.id, { kind: 'reconsideration', filedOn: '2026-07-01', authority: '示例县人民政府', caseNumber: '示政复〔2026〕3号' });
    expect(r.status).toBe('closed');
    expect(r.result).toMatchObject({ result: 'pending', kindLabel: '行政复议', resultLabel: '尚未审结' });
    await refused(() => appeal(gkb, a.id, { kind: 'litigation_direct', filedOn: '2026-07-02' }), 403, /无权登记该申请的行政复议、行政诉讼/);
    await refused(() => appeal(zjjHandler, a.id, { kind: 'litigation_direct', filedOn: '2026-07-02' }), 403, /无权/);
    await refused(() => patch(gkb, a.id, r.result.id, { result: 'upheld', decidedOn: '2026-08-01' }), 403, /无权/);
    const listed = (await gkb.get(`/api/v1/applications/${a.id}/appeals`)).json();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ authority: '示例县人民政府', caseNumber: '示政复〔2026〕3号', decidedOn: null });
    expect((await zjjHandler.get(`/api/v1/applications/${a.id}/appeals`)).statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/applications/${a.id}/appeals`)).statusCode).toBe(401);

    const upheld = await patch(head, a.id, r.result.id, { result: 'upheld', decidedOn: '2026-08-20' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json()).toMatchObject({ status: 'closed', result: { result: 'upheld', decidedOn: '2026-08-20' } });
    // Audited by the application's number, never by the applicant.
    const entries = await t.database.db.select().from(auditLog).where(like(auditLog.summary, `申请 ${a.number}：%复议%`));
    expect(entries.map((e) => e.summary)).toEqual([
      `申请 ${a.number}：登记行政复议（2026-07-01 提起，尚未审结）`,
      `申请 ${a.number}：更新行政复议（2026-07-01 提起，结果维持，2026-08-20 审结）`,
    ]);
    expect(JSON.stringify(entries)).not.toMatch(new RegExp(`张三|${ZHANG_SAN_ID}`));
  });

  it('refuses dates out of order, in the future, a decision without its date, and a lawsuit after a reconsideration that is not there', async () => {
    const a = await repliedCase('2026-06-01', '2026-06-15');
    await refused(() => appeal(handler, a.id, { kind: 'reconsideration', filedOn: '2026-06-14' }), 400, /申请行政复议日期（2026年6月14日）早于答复日期（2026年6月15日）/);
    await refused(() => appeal(handler, a.id, { kind: 'litigation_direct', filedOn: addDays(today, 1) }), 400, /起诉日期.*晚于今天/);
    await refused(() => appeal(handler, a.id, { kind: 'litigation_direct', filedOn: '2026-07-01', result: 'upheld' }), 400, /请填写人民法院作出决定（裁判）的日期/);
    await refused(() => appeal(handler, a.id, { kind: 'litigation_direct', filedOn: '2026-07-01', result: 'upheld', decidedOn: '2026-06-30' }), 400, /审结日期（2026年6月30日）早于起诉日期/);
    await refused(() => appeal(handler, a.id, { kind: 'litigation_direct', filedOn: '2026-07-01', result: 'pending', decidedOn: '2026-07-30' }), 400, /尚未审结的，不填写审结日期/);
    await refused(() => appeal(handler, a.id, { kind: 'litigation_after_reconsideration', filedOn: '2026-07-01' }), 400, /复议后起诉须先登记该申请的行政复议/);
    await refused(() => appeal(handler, a.id, { kind: 'reconsideration', filedOn: '2026-07-01', result: 'corrected', decidedOn: '2026-08-01' }), 400, /请填写决定（裁判）确定的重新答复期限/);
    await refused(() => appeal(handler, a.id, { kind: 'reconsideration', filedOn: '2026-13-01' }), 400, /./);
    await recorded(handler, a.id, { kind: 'reconsideration', filedOn: '2026-07-01', result: 'upheld', decidedOn: '2026-08-01' });
    await recorded(handler, a.id, { kind: 'litigation_after_reconsideration', filedOn: '2026-08-10' });
    const other = await repliedCase('2026-06-01', '2026-06-15');
    await refused(() => patch(handler, other.id, 1_000_000, { result: 'upheld', decidedOn: '2026-08-01' }), 404, /找不到该申请的这项/);
  });
});

describe('a corrected result reopens the case', () => {
  it('back in progress, due on the date the decision set, on the applicant’s timeline; the result cannot be changed afterwards', async () => {
    const a = await repliedCase('2026-06-01', '2026-06-15');
    const r = await recorded(handler, a.id, { kind: 'litigation_direct', filedOn: '2026-07-01', authority: '示例县人民法院' });
    const reopenDueOn = addDays(today, 30);
    const res = await patch(handler, a.id, r.result.id, { result: 'corrected', decidedOn: '2026-09-01', reopenDueOn, caseNumber: '（2026）示0101行初12号' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', dueOn: reopenDueOn, clockState: 'running' });

    const d = (await handler.get(`/api/v1/applications/${a.id}`)).json();
    expect(d).toMatchObject({ status: 'in_progress', outcome: null, repliedOn: null, closedOn: null, dueOn: reopenDueOn });
    const reopened = d.timeline.find((e: { kind: string }) => e.kind === 'reopened');
    expect(reopened).toMatchObject({ on: '2026-09-01', internal: false, label: '纠正后重新办理' });
    expect(reopened.data.previous).toEqual({ status: 'closed', outcome: 'disclosed', repliedOn: '2026-06-15', closedOn: '2026-06-15' });

    const tracked = (await visitor.get(`/api/v1/applications/track?number=${a.number}&code=${a.queryCode}`)).json();
    expect(tracked.status).toBe('in_progress');
    expect(tracked.dueOn).toBe(reopenDueOn);
    expect(tracked.timeline.at(-1).note).toContain('示例县人民法院（（2026）示0101行初12号）就行政诉讼（未经复议直接起诉）作出纠正决定，本机关重新办理该申请');
    expect(tracked.dueExplanation.join('')).toContain('作出纠正决定，本机关重新处理该申请');

    await refused(() => patch(handler, a.id, r.result.id, { result: 'upheld' }), 409, /不能再更改/);
    const noted = await patch(handler, a.id, r.result.id, { note: '法院判决责令重新答复' });
    expect(noted.statusCode, noted.body).toBe(200);
    // Handled again: a new reply closes it with its new outcome.
    expect(await fact(handler, a.id, 'reply', { outcome: 'partly_disclosed', basis: '《中华人民共和国政府信息公开条例》第三十七条' })).toMatchObject({ status: 'replied' });
  });

  it('recorded corrected at once, on an archived case', async () => {
    const a = await repliedCase('2026-03-02', '2026-03-20');
    await fact(handler, a.id, 'archive');
    const r = await recorded(handler, a.id, { kind: 'reconsideration', filedOn: '2026-04-01', result: 'corrected', decidedOn: '2026-05-29', reopenDueOn: '2026-06-30' });
    expect(r).toMatchObject({ status: 'in_progress', dueOn: '2026-06-30' });
    const d = (await handler.get(`/api/v1/applications/${a.id}`)).json();
    expect(d.archivedAt).toBeNull();
    expect(d.trafficLight).toBe('overdue');
  });
});

describe('appealCounts (table 四)', () => {
  it('counts the appeals filed in the year by their result on 31 December, for the organizations asked', async () => {
    const a = await repliedCase('2024-03-01', '2024-03-15');
    const b = await repliedCase('2024-05-06', '2024-05-20');
    const z = await registerInPerson(zjjHandler, orgs.get('zjj')!, '2024-03-01');
    await recorded(handler, a.id, { kind: 'reconsideration', filedOn: '2024-04-01', result: 'upheld', decidedOn: '2024-06-01' });
    await recorded(handler, a.id, { kind: 'litigation_after_reconsideration', filedOn: '2024-06-20', result: 'other', decidedOn: '2024-12-31' });
    await recorded(handler, b.id, { kind: 'reconsideration', filedOn: '2024-12-20', result: 'upheld', decidedOn: '2025-02-10' });
    await recorded(handler, b.id, { kind: 'litigation_direct', filedOn: '2025-01-03' });
    await recorded(zjjHandler, z.id, { kind: 'litigation_direct', filedOn: '2024-05-01' });
    const jyj = orgs.get('jyj')!;
    expect(await appealCounts(t.database.db, [jyj], 2024)).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
    });
    expect((await appealCounts(t.database.db, [jyj, orgs.get('zjj')!], 2024)).litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect((await appealCounts(t.database.db, [jyj], 2025)).litigationDirect.pending).toBe(1);
    expect(await appealCounts(t.database.db, [], 2024)).toEqual(await appealCounts(t.database.db, [jyj], 2023));
  });
});
