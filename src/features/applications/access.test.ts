// Who sees and changes which cases: a department only its own; the supervisor (公开办) the whole
// government read-only, without the applicant's identity; the government's legal counsel reads
// without identities; the inbox's traffic lights and filters; the supervisor's overdue list; and the
// clock's settings, which only an administrator changes (open cases are then recomputed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { APPLICATION_RULE_DEFAULTS } from '../../domain/application-clock.js';
import { chinaDate } from '../../domain/dates.js';
import { loadCalendar } from '../calendar/service.js';
import { fact, registerInPerson } from './test-fixtures.js';

let t: TestApp;
let jyj: TestClient;
let zjj: TestClient;
let gkb: TestClient;
let legal: TestClient;
let admin: TestClient;
const orgs = new Map<string, number>();
const cases: Record<string, { id: number; number: string }> = {};

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);
const ours = () => [cases.overdue!.number, cases.dueSoon!.number, cases.onTrack!.number];
const numbers = async (c: TestClient, query = '') => ((await c.get(`/api/v1/applications?${query}`)).json().items as { number: string }[]).map((i) => i.number);

beforeAll(async () => {
  t = await startTestApp();
  [jyj, zjj, gkb, legal, admin] = await Promise.all([t.client('jyj_handler'), t.client('zjj_editor'), t.client('gkb'), t.client('sfj_legal'), t.client('admin')]);
  for (const o of (await jyj.get('/api/v1/applications/options')).json().organizations) orgs.set(o.code, o.id);
  const calendar = await loadCalendar(t.database.db);
  const today = chinaDate(new Date());
  const ago = (n: number) => calendar.workingDaysBefore(today, n);
  cases.overdue = await registerInPerson(jyj, orgs.get('jyj')!, ago(25), { description: '申请公开2025年校车采购合同' });
  cases.dueSoon = await registerInPerson(jyj, orgs.get('jyj')!, ago(17));
  cases.onTrack = await registerInPerson(jyj, orgs.get('jyj')!, ago(1));
  cases.zjj = await registerInPerson(zjj, orgs.get('zjj')!, ago(25));
});
afterAll(() => t.close());

describe('a department', () => {
  it('lists and opens only its own cases, with the applicant’s name', async () => {
    const items = (await jyj.get('/api/v1/applications?q=jyj')).json().items as { number: string; orgName: string; applicantName: string }[];
    expect(items.map((i) => i.number)).toEqual(expect.arrayContaining(ours()));
    expect(new Set(items.map((i) => i.orgName))).toEqual(new Set(['示例县教育局']));
    expect(items.filter((i) => ours().includes(i.number)).every((i) => i.applicantName === '张三')).toBe(true);
    await refused(() => jyj.get(`/api/v1/applications/${cases.zjj!.id}`), 403, '无权查看该申请');
    await refused(() => jyj.send('POST', `/api/v1/applications/${cases.zjj!.id}/notes`, { note: '越权' }), 403, /无权为该申请添加备注/);
    await refused(() => zjj.send('POST', `/api/v1/applications/${cases.overdue!.id}/reply`, { outcome: 'disclosed' }), 403, /无权答复该申请/);
    const theirs = (await zjj.get('/api/v1/applications')).json().items as { number: string; orgName: string }[];
    expect(theirs.map((i) => i.number)).toContain(cases.zjj!.number);
    expect(new Set(theirs.map((i) => i.orgName))).toEqual(new Set(['示例县住房和城乡建设局']));
  });

  it('sorts by due date with traffic lights, and filters by light, status and text', async () => {
    const items = (await jyj.get('/api/v1/applications')).json().items as { number: string; trafficLight: string }[];
    expect(items.filter((i) => ours().includes(i.number)).map((i) => [i.number, i.trafficLight])).toEqual([
      [cases.overdue!.number, 'overdue'],
      [cases.dueSoon!.number, 'due_soon'],
      [cases.onTrack!.number, 'on_track'],
    ]);
    const only = async (query: string) => (await numbers(jyj, query)).filter((n) => ours().includes(n));
    expect(await only('light=overdue')).toEqual([cases.overdue!.number]);
    expect(await only('light=due_soon')).toEqual([cases.dueSoon!.number]);
    expect(await only('light=on_track')).toEqual([cases.onTrack!.number]);
    expect(await numbers(jyj, `q=${encodeURIComponent('校车')}`)).toEqual([cases.overdue!.number]);
    expect(await numbers(jyj, `q=${cases.dueSoon!.number}`)).toEqual([cases.dueSoon!.number]);
    expect(await only('status=replied')).toEqual([]);
    expect(await only('status=open')).toHaveLength(3);
    expect(await only('unassigned=true')).toHaveLength(3);
  });

  it('refuses staff without an applications role, and the public', async () => {
    const [editor, visitor] = await Promise.all([t.client('jyj_editor'), t.client()]);
    await refused(() => editor.get('/api/v1/applications'), 403, '没有查看政府信息公开申请的权限');
    await refused(() => visitor.get('/api/v1/applications'), 401, /登录/);
    await refused(() => jyj.get('/api/v1/applications/overdue'), 403, '没有查看超期申请清单的权限');
  });
});

describe('the supervisor (公开办)', () => {
  it('sees every organization’s cases without the applicant’s identity, and cannot change them', async () => {
    const all = (await gkb.get('/api/v1/applications')).json();
    expect(all.items.map((i: { number: string }) => i.number)).toEqual(expect.arrayContaining([cases.zjj!.number, cases.overdue!.number]));
    expect(all.items.every((i: { applicantName: string | null }) => i.applicantName === null)).toBe(true);
    const d = (await gkb.get(`/api/v1/applications/${cases.zjj!.id}`)).json();
    expect(d.applicant).toBeNull();
    expect(d.queryCodeHash).toBeUndefined();
    expect(d.permissions).toEqual({ handle: false, assign: false, extend: false, legalReview: false });
    await refused(() => gkb.send('POST', `/api/v1/applications/${cases.zjj!.id}/reply`, { outcome: 'disclosed' }), 403, /无权答复该申请/);
    await refused(() => gkb.send('POST', `/api/v1/applications/${cases.zjj!.id}/extension`, { days: 5, reason: 'x' }), 403, /无权批准延长/);
  });

  it('lists the overdue cases across organizations, most overdue first', async () => {
    const overdue = (await gkb.get('/api/v1/applications/overdue')).json();
    expect(overdue.items.map((i: { number: string }) => i.number)).toEqual(expect.arrayContaining([cases.overdue!.number, cases.zjj!.number]));
    expect(overdue.items.every((i: { workingDaysOverdue: number }) => i.workingDaysOverdue > 0)).toBe(true);
    expect(overdue.items.map((i: { dueOn: string }) => i.dueOn)).toEqual(overdue.items.map((i: { dueOn: string }) => i.dueOn).sort());
    expect(overdue.byOrg.map((o: { orgName: string }) => o.orgName)).toEqual(expect.arrayContaining(['示例县住房和城乡建设局', '示例县教育局']));
    expect(JSON.stringify(overdue)).not.toContain('张三');
  });
});

describe('legal counsel of the government', () => {
  it('reads the departments’ cases without the applicant’s identity', async () => {
    const items = (await legal.get('/api/v1/applications')).json().items as { number: string; applicantName: string | null }[];
    expect(items.map((i) => i.number)).toEqual(expect.arrayContaining([cases.overdue!.number, cases.zjj!.number]));
    expect(items.every((i) => i.applicantName === null)).toBe(true);
  });
});

describe('the clock’s settings', () => {
  it('are changed by an administrator only, and recompute the open cases on record', async () => {
    const current = (await gkb.get('/api/v1/applications/settings')).json();
    expect(current.rules).toEqual(APPLICATION_RULE_DEFAULTS);
    expect(current.feeSchedule.perApplication.freeUpTo).toBe(10);
    const rules = { ...APPLICATION_RULE_DEFAULTS, replyDays: 15 };
    await refused(() => gkb.send('PUT', '/api/v1/applications/settings/rules', rules), 403, /只有系统管理员/);
    await refused(() => admin.send('PUT', '/api/v1/applications/settings/rules', { ...rules, replyDays: 0 }), 400, /replyDays|答复期限/);
    const res = await admin.send('PUT', '/api/v1/applications/settings/rules', rules);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recomputed).toBeGreaterThanOrEqual(4);
    const d = (await jyj.get(`/api/v1/applications/${cases.onTrack!.id}`)).json();
    expect(d.timeline.at(-1)).toMatchObject({ kind: 'clock_changed', actorName: '系统' });
    expect(d.timeline.at(-1).note).toContain('依申请公开期限设置变更：答复期限由');
    // A replied case is not touched by later settings.
    await fact(jyj, cases.dueSoon!.id, 'reply', { outcome: 'disclosed' });
    const before = (await jyj.get(`/api/v1/applications/${cases.dueSoon!.id}`)).json().dueOn;
    await admin.send('PUT', '/api/v1/applications/settings/rules', APPLICATION_RULE_DEFAULTS);
    expect((await jyj.get(`/api/v1/applications/${cases.dueSoon!.id}`)).json().dueOn).toBe(before);
  });
});
