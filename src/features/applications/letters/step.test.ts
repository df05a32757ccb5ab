// Letters issued for a step of the case: the step's event carries the letter (shown beside it on
// the timeline), the letter is completed from the step and dated on it, and a step of another case
// or of another kind is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../../test/app.js';
import { fact, registerInPerson } from '../test-fixtures.js';

let t: TestApp;
let handler: TestClient;
let head: TestClient;
let zjjHandler: TestClient;
let jyj: number;

interface TimelineEvent {
  id: number;
  kind: string;
  on: string;
  letterId: number | null;
}

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);
const issue = (c: TestClient, id: number, body: Record<string, unknown>) => c.send('POST', `/api/v1/applications/${id}/letters`, body);
const timeline = async (id: number) => (await handler.get(`/api/v1/applications/${id}`)).json().timeline as TimelineEvent[];
const step = async (id: number, kind: string) => (await timeline(id)).find((e) => e.kind === kind)!;

async function issued(c: TestClient, id: number, body: Record<string, unknown>) {
  const res = await issue(c, id, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string; issuedOn: string; paragraphs: string[] };
}

beforeAll(async () => {
  t = await startTestApp();
  [handler, head, zjjHandler] = await Promise.all([t.client('jyj_handler'), t.client('jyj_head'), t.client('zjj_editor')]);
  jyj = ((await handler.get('/api/v1/applications/options')).json().organizations as { code: string; id: number }[]).find((o) => o.code === 'jyj')!.id;
});
afterAll(() => t.close());

describe('a letter for a step', () => {
  it('the correction notice is written from the step recorded, dated on it, and shown beside it', async () => {
    const a = await registerInPerson(handler, jyj, '2026-09-01');
    await fact(handler, a.id, 'correction-notice', { items: '请写明所需方案的年度', periodDays: 10, on: '2026-09-03' });
    const notice = await step(a.id, 'correction_notice');
    const letter = await issued(handler, a.id, { kind: 'correction_notice', eventId: notice.id });
    expect(letter.issuedOn).toBe('2026-09-03');
    expect(letter.paragraphs.join('')).toContain('请写明所需方案的年度');
    expect(letter.paragraphs.join('')).toContain('10个工作日内');
    expect((await step(a.id, 'correction_notice')).letterId).toBe(letter.id);
    // Issued again (a corrected letter): the step shows the latest.
    const again = await issued(handler, a.id, { kind: 'correction_notice', eventId: notice.id, correctionItems: '请写明所需方案的年度和学段' });
    expect(again.paragraphs.join('')).toContain('年度和学段');
    expect((await step(a.id, 'correction_notice')).letterId).toBe(again.id);
  });

  it('the extension notice and the reply letter go beside their steps', async () => {
    const a = await registerInPerson(handler, jyj, '2026-10-12');
    await fact(head, a.id, 'extension', { days: 10, reason: '所需信息涉及多所学校，需要汇总核对', on: '2026-10-20' });
    const ext = await issued(handler, a.id, { kind: 'extension_notice', eventId: (await step(a.id, 'extension')).id });
    expect(ext.paragraphs.join('')).toContain('所需信息涉及多所学校');
    await fact(handler, a.id, 'reply', { outcome: 'disclosed', on: '2026-10-30' });
    const reply = await issued(handler, a.id, { kind: 'reply', eventId: (await step(a.id, 'replied')).id });
    expect(reply.issuedOn).toBe('2026-10-30');
    const linked = (await timeline(a.id)).filter((e) => e.letterId !== null).map((e) => [e.kind, e.letterId]);
    expect(linked).toEqual([
      ['extension', ext.id],
      ['replied', reply.id],
    ]);
    // The applicant's tracking page shows each letter beside its step too.
    const tracked = (await (await t.client()).get(`/api/v1/applications/track?number=${a.number}&code=${a.queryCode}`)).json();
    expect(tracked.timeline.filter((e: { letterId: number | null }) => e.letterId !== null).map((e: { label: string; letterId: number }) => [e.label, e.letterId])).toEqual([
      ['延长答复期限', ext.id],
      ['作出答复', reply.id],
    ]);
  });

  it('refuses a step of another kind or of another case, and a handler of another department, writing nothing', async () => {
    const a = await registerInPerson(handler, jyj, '2026-09-01');
    const b = await registerInPerson(handler, jyj, '2026-09-01');
    await fact(handler, a.id, 'correction-notice', { items: '请写明年度', on: '2026-09-02' });
    const notice = await step(a.id, 'correction_notice');
    await refused(() => issue(handler, a.id, { kind: 'extension_notice', eventId: notice.id, extensionReason: '需要核对' }), 400, /延长答复期限告知书应对应“延长答复期限”步骤，所选步骤为“告知补正”/);
    await refused(() => issue(handler, b.id, { kind: 'correction_notice', eventId: notice.id }), 400, /找不到该申请的这一办理步骤/);
    await refused(() => issue(zjjHandler, a.id, { kind: 'correction_notice', eventId: notice.id }), 403, /无权/);
    expect((await step(a.id, 'correction_notice')).letterId).toBeNull();
    expect((await handler.get(`/api/v1/applications/${a.id}/letters`)).json()).toEqual([]);
  });
});
