// Issue #7's acceptance: "a flood from one address is refused with a clear message" — through the
// portal's comment form itself, as a script would send it: the 21st post within the hour from one
// address is a 429 page in Chinese, whatever the posts held, and nothing of it is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { pageFields, portalBrowser } from '../../../test/portal-browser.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { consultationHref } from '../../portal/links.js';
import { consultationComments } from './schema.js';

let t: TestApp;
let id: number;
const today = chinaDate(new Date());

beforeAll(async () => {
  t = await startTestApp();
  const editor = await t.client('jyj_editor');
  const res = await editor.send('POST', '/api/v1/consultations', { title: '示例县校园周边交通管理办法', draft: '第一条 为了……', startsOn: today, endsOn: addDays(today, 29) });
  id = res.json().id;
  await editor.send('POST', `/api/v1/consultations/${id}/publish`);
});
afterAll(async () => t?.close());

describe('a flood of comments', () => {
  it('is refused from the 21st post of the hour with a clear message, and stores nothing', async () => {
    const b = portalBrowser(t);
    const form = await b.get(consultationHref(id));
    // A script posts without reading the question: each is refused for its wrong answer, until the limit.
    const post = () => b.post(consultationHref(id), [...pageFields(form.body, '0'), ['body', '刷屏内容']]);
    for (let i = 0; i < 20; i++) expect((await post()).statusCode).toBeLessThan(429);
    const refused = await post();
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('同一网络每小时最多提交 20 条意见，请稍后再提交');
    const [stored] = await t.database.db.select({ n: count() }).from(consultationComments).where(eq(consultationComments.consultationId, id));
    expect(stored!.n).toBe(0);
  });
});
