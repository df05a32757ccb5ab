// The calendar through the API: arithmetic for everyone, corrections for administrators only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { onCalendarChanged } from './service.js';

let t: TestApp;
let admin: TestClient;
const changes: number[] = [];
onCalendarChanged(async (_db, _ctx, change) => {
  changes.push(change.year);
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.client('admin');
});
afterAll(() => t.close());

describe('calendar API', () => {
  it('answers add-working-days with the date and its explanation (case A of RULES.md)', async () => {
    const res = await (await t.client()).get('/api/v1/calendar/add-working-days?from=2024-09-27&days=20');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.date).toBe('2024-10-30');
    expect(body.makeupWorkdays.map((d: { date: string }) => d.date)).toEqual(['2024-09-29', '2024-10-12']);
    expect(body.text).toContain('国庆节');
    expect(body.missingYears).toEqual([]);
  });

  it('ships every year from 2007 to 2026', async () => {
    const years = (await admin.get('/api/v1/calendar/years')).json().items.map((y: { year: number }) => y.year);
    for (let y = 2007; y <= 2026; y++) expect(years).toContain(y);
  });

  it('lists the days of a range with their kind', async () => {
    const items = (await admin.get('/api/v1/calendar/days?from=2025-01-25&to=2025-02-09')).json().items;
    const kind = (d: string) => items.find((i: { date: string }) => i.date === d).kind;
    expect(kind('2025-01-26')).toBe('makeup_workday');
    expect(kind('2025-01-28')).toBe('holiday');
    expect(kind('2025-02-05')).toBe('workday');
    expect(kind('2025-02-08')).toBe('makeup_workday');
    expect(kind('2025-02-09')).toBe('weekend');
  });

  it('lets an administrator enter next year, and the arithmetic follows at once', async () => {
    const before = (await admin.get('/api/v1/calendar/add-working-days?from=2026-12-31&days=1')).json();
    expect(before.date).toBe('2027-01-01');
    expect(before.missingYears).toEqual([2027]);
    const res = await admin.send('PUT', '/api/v1/calendar/years/2027', {
      days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
      note: '按国务院办公厅通知录入',
    });
    expect(res.statusCode).toBe(200);
    const after = (await admin.get('/api/v1/calendar/add-working-days?from=2026-12-31&days=1')).json();
    expect(after.date).toBe('2027-01-04');
    expect(after.missingYears).toEqual([]);
    expect(changes).toContain(2027);
    const audit = (await admin.get('/api/v1/audit?action=calendar.')).json().items[0];
    expect(audit.summary).toContain('2027');
  });

  it('accepts a whole holiday-cn file as the body, and refuses a year mismatch', async () => {
    const file = { $schema: 'x', $id: 'y', year: 2028, papers: [], days: [{ name: '元旦', date: '2028-01-01', isOffDay: true }] };
    expect((await admin.send('PUT', '/api/v1/calendar/years/2028', file)).statusCode).toBe(200);
    const wrong = await admin.send('PUT', '/api/v1/calendar/years/2029', file);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('不一致');
  });

  it('refuses invalid arrangements with every problem named, and stores nothing', async () => {
    const res = await admin.send('PUT', '/api/v1/calendar/years/2026', {
      days: [
        { name: '春节', date: '2026-02-30', isOffDay: true },
        { name: '春节', date: '2019-02-05', isOffDay: true },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('2026-02-30');
    expect(res.json().error.message).toContain('2019-02-05');
    const year = (await admin.get('/api/v1/calendar/years/2026')).json();
    expect(year.source).toBe('shipped');
    expect(year.days.length).toBeGreaterThan(20);
  });

  it('refuses changes from anyone but an administrator', async () => {
    for (const username of ['gkb', 'jyj_head', 'jyj_editor']) {
      const c = await t.client(username);
      const res = await c.send('PUT', '/api/v1/calendar/years/2027', { days: [] });
      expect(res.statusCode).toBe(403);
    }
    const anon = await t.client();
    expect((await anon.send('PUT', '/api/v1/calendar/years/2027', { days: [] })).statusCode).toBe(401);
  });
});
