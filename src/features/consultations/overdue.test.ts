// Issue #7's acceptance: "An adoption report still unpublished a month after closing shows as overdue to
// the supervisor (test with a moved clock)". The server's clock is moved past the close, to the due date
// and to the day after; the supervising office's list (the API its workbench reads) follows, and the
// report published late leaves it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, addMonths, chinaDate } from '../../domain/dates.js';

let t: TestApp;
let editor: TestClient;
let gkb: TestClient;
const today = chinaDate(new Date());
const endsOn = addDays(today, 29);

/** Moves the clock of the server (it runs in this process) to 10:00 Beijing time on `day`; staff sign in anew (sessions expire). */
async function moveTo(day: string) {
  vi.setSystemTime(new Date(`${day}T10:00:00+08:00`));
  [editor, gkb] = await Promise.all([t.client('jyj_editor'), t.client('gkb')]);
}
const overdueIds = async () => ((await gkb.get('/api/v1/consultations/overdue')).json().items as { id: number }[]).map((i) => i.id);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  t = await startTestApp();
  [editor, gkb] = await Promise.all([t.client('jyj_editor'), t.client('gkb')]);
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('an adoption report a month late', () => {
  it('shows as overdue to the supervisor from the day after it was due, until it is published', async () => {
    const created = await editor.send('POST', '/api/v1/consultations', { title: '示例县中小学课后服务收费管理办法（征求意见稿）', draft: '第一条 为了规范课后服务收费，制定本办法。', startsOn: today, endsOn });
    const id: number = created.json().id;
    await editor.send('POST', `/api/v1/consultations/${id}/publish`);
    expect(await overdueIds()).not.toContain(id);

    await moveTo(addDays(endsOn, 1));
    expect(await overdueIds()).not.toContain(id);
    const due = addMonths(endsOn, 1);
    await moveTo(due);
    expect(await overdueIds()).not.toContain(id);

    await moveTo(addDays(due, 1));
    expect(await overdueIds()).toContain(id);
    const item = ((await gkb.get('/api/v1/consultations/overdue')).json().items as { id: number }[]).find((i) => i.id === id);
    expect(item).toMatchObject({ reportDue: due, reportOverdue: true, org: { name: expect.stringContaining('教育局') } });
    // The drafting department sees it late in its own list too; another department does not see it at all.
    expect(((await editor.get('/api/v1/consultations')).json().items as { id: number; reportOverdue: boolean }[]).find((i) => i.id === id)?.reportOverdue).toBe(true);
    const other = await t.client('zjj_editor');
    expect(((await other.get('/api/v1/consultations')).json().items as { id: number }[]).map((i) => i.id)).not.toContain(id);

    expect((await editor.send('POST', `/api/v1/consultations/${id}/report`, { summary: '征求意见期间未收到意见。' })).statusCode).toBe(200);
    expect(await overdueIds()).not.toContain(id);
  });
});
