// The demo (npm start on a fresh machine) shows applications in every state, with traffic lights
// that vary, an overdue case on the supervisor's list, and tracking with the README's query code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { DEMO_QUERY_CODE } from '../../demo/applications.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.client('admin');
});
afterAll(() => t.close());

describe('the demo applications', () => {
  it('cover every status, every traffic light and the clock’s states', async () => {
    const items = (await admin.get('/api/v1/applications?page=1')).json();
    expect(items.total).toBeGreaterThanOrEqual(12);
    const all = [...items.items, ...(await admin.get('/api/v1/applications?page=2')).json().items] as { status: string; trafficLight: string | null; clockState: string }[];
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(['registered', 'in_progress', 'replied', 'closed', 'archived']));
    expect(new Set(all.map((i) => i.trafficLight).filter(Boolean))).toEqual(new Set(['on_track', 'due_soon', 'overdue']));
    expect(new Set(all.map((i) => i.clockState))).toEqual(new Set(['running', 'paused', 'awaiting_correction', 'ended']));
  });

  it('show an overdue case to the supervisor and open the tracking page with the demo query code', async () => {
    const gkb = await t.client('gkb');
    const overdue = (await gkb.get('/api/v1/applications/overdue')).json();
    expect(overdue.total).toBeGreaterThanOrEqual(1);
    const number = overdue.items[0].number as string;
    const tracked = await (await t.client()).get(`/api/v1/applications/track?number=${number}&code=${DEMO_QUERY_CODE}`);
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.json().dueExplanation.length).toBeGreaterThan(1);
  });

  it('include a transferred case linked both ways', async () => {
    const closed = (await admin.get('/api/v1/applications?status=closed')).json().items as { id: number }[];
    const details = await Promise.all(closed.map(async (c) => (await admin.get(`/api/v1/applications/${c.id}`)).json()));
    const moved = details.find((d) => d.transferredTo);
    expect(moved).toBeDefined();
    const there = (await admin.get(`/api/v1/applications/${moved.transferredTo.id}`)).json();
    expect(there.transferredFrom.number).toBe(moved.number);
    expect(there.receivedOn).toBe(moved.receivedOn);
  });

  it('include appeals: upheld, pending, and a corrected one that reopened its case with the decision’s date', async () => {
    const all = [...(await admin.get('/api/v1/applications?page=1')).json().items, ...(await admin.get('/api/v1/applications?page=2')).json().items] as { id: number }[];
    const appeals = (await Promise.all(all.map(async (c) => ({ id: c.id, list: (await admin.get(`/api/v1/applications/${c.id}/appeals`)).json() as { result: string }[] })))).filter((a) => a.list.length);
    expect(appeals.flatMap((a) => a.list.map((x) => x.result)).sort()).toEqual(['corrected', 'pending', 'upheld']);
    const reopened = appeals.find((a) => a.list[0]!.result === 'corrected')!;
    const detail = (await admin.get(`/api/v1/applications/${reopened.id}`)).json();
    expect(detail.status).toBe('in_progress');
    const event = detail.timeline.find((e: { kind: string }) => e.kind === 'reopened');
    expect(detail.dueOn).toBe(event.data.dueOn);
    expect(detail.clockState).toBe('running');
  });
});
