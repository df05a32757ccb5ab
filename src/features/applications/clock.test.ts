// The clock on the database, end to end through the API: RULES.md's worked examples C (correction),
// D (extension) and E (third party) reproduced from recorded facts; every moved date noted on the
// timeline; a corrected holiday arrangement recomputes an open case and says so on its timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { fact, registerInPerson } from './test-fixtures.js';

let t: TestApp;
let handler: TestClient;
let head: TestClient;
let admin: TestClient;
let jyj: number;

const detail = async (id: number) => (await handler.get(`/api/v1/applications/${id}`)).json();

beforeAll(async () => {
  t = await startTestApp();
  [handler, head, admin] = await Promise.all([t.client('jyj_handler'), t.client('jyj_head'), t.client('admin')]);
  jyj = (await handler.get('/api/v1/applications/options')).json().organizations.find((o: { code: string }) => o.code === 'jyj').id;
});
afterAll(() => t.close());

describe('RULES.md examples on the database', () => {
  it('B and C: received 2025-01-24 (春节); correction notice 01-27, corrected request 02-10 → due 2025-03-10', async () => {
    const r = await registerInPerson(handler, jyj, '2025-01-24');
    expect(r.dueOn).toBe('2025-02-27');
    const sent = await fact(handler, r.id, 'correction-notice', { items: '请写明所需文件的年份', on: '2025-01-27' });
    // Seen from today the 15 working days to correct ran out long ago: the clock says the case ended.
    expect(sent).toMatchObject({ status: 'in_progress', dueOn: null, clockState: 'ended' });
    const done = await fact(handler, r.id, 'correction-received', { on: '2025-02-10' });
    expect(done).toMatchObject({ dueOn: '2025-03-10', clockState: 'running' });
    const d = await detail(r.id);
    expect(d.dueOn).toBe('2025-03-10');
    const notes = d.timeline.filter((e: { kind: string }) => e.kind === 'clock_changed').map((e: { note: string }) => e.note);
    expect(notes[0]).toContain('告知补正：答复期限由2025年2月27日改为无');
    expect(notes[1]).toContain('收到补正的申请：答复期限由无改为2025年3月10日');
  });

  it('D: received 2024-04-03, extension of 20 working days approved by the office head → 2024-05-31 (without: 2024-05-06)', async () => {
    const r = await registerInPerson(handler, jyj, '2024-04-03');
    expect(r.dueOn).toBe('2024-05-06');
    const res = await head.send('POST', `/api/v1/applications/${r.id}/extension`, { days: 20, reason: '需要调取档案', on: '2024-04-30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dueOn).toBe('2024-05-31');
    const d = await detail(r.id);
    expect(d.clock.steps.map((s: { text: string }) => s.text).join('')).toContain('延长答复期限 20 个工作日');
    expect(d.timeline.at(-1).note).toContain('答复期限由2024年5月6日改为2024年5月31日');
  });

  it('E: received 2024-09-02, third party consulted 09-10, answered 09-20 → 2024-10-15 (without: 2024-09-30)', async () => {
    const r = await registerInPerson(handler, jyj, '2024-09-02');
    expect(r.dueOn).toBe('2024-09-30');
    await fact(handler, r.id, 'consultations', { consultation: 'third_party', party: '某公司', on: '2024-09-10' });
    const d = await detail(r.id);
    const sent = d.timeline.find((e: { kind: string }) => e.kind === 'consultation_sent');
    // Long past: the party's 15 working days ran out while no answer was recorded.
    expect(d.clock.pauses[0]).toMatchObject({ kind: 'third_party', end: 'expired', from: '2024-09-10' });
    const answered = await fact(handler, r.id, 'consultations/' + sent.id + '/answer', { gist: '不同意公开其报价', on: '2024-09-20' });
    expect(answered.dueOn).toBe('2024-10-15');
  });
});

describe('a corrected holiday arrangement', () => {
  it('recomputes an open case and records the change on its timeline', async () => {
    const today = chinaDate(new Date());
    const r = await registerInPerson(handler, jyj, today);
    const year = Number(r.dueOn!.slice(0, 4));
    const current = (await admin.get(`/api/v1/calendar/years/${year}`)).json();
    // Declare a working day before the due date a day off: the due date moves one working day later.
    const cal = (await admin.get(`/api/v1/calendar/days?from=${addDays(today, 1)}&to=${r.dueOn}`)).json().items as { date: string; kind: string }[];
    const dayOff = cal.find((d) => d.kind === 'workday')!.date;
    const days = [...current.days, { name: '测试假日', date: dayOff, isOffDay: true }];
    const res = await admin.send('PUT', `/api/v1/calendar/years/${year}`, { days, papers: current.papers, note: '测试' });
    expect(res.statusCode, res.body).toBe(200);
    const d = await detail(r.id);
    expect(d.dueOn > r.dueOn!).toBe(true);
    const note = d.timeline.find((e: { kind: string }) => e.kind === 'clock_changed');
    expect(note.note).toContain(`${year} 年节假日安排修改：答复期限由`);
    expect(note.actorName).toBe('系统');
    // A replied case keeps its history.
    const closed = await registerInPerson(handler, jyj, '2026-01-05');
    await fact(handler, closed.id, 'reply', { outcome: 'disclosed', on: '2026-01-20' });
    const before = (await detail(closed.id)).dueOn;
    await admin.send('PUT', `/api/v1/calendar/years/${year}`, { days: current.days, papers: current.papers, note: '恢复' });
    expect((await detail(closed.id)).dueOn).toBe(before);
    expect((await detail(r.id)).dueOn).toBe(r.dueOn);
  });
});
