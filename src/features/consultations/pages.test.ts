// The portal's 意见征集 without JavaScript: the list, a consultation's numbered clauses and the
// reason for its short period, a comment on clause 3 through the form (human check, CSRF), refusals
// beside their field with nothing lost, HTML shown as text, and no sender on any page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { pageFields, portalBrowser } from '../../../test/portal-browser.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { CONSULTATIONS, consultationHref } from '../../portal/links.js';

let t: TestApp;
let editor: TestClient;
let id: number;
const today = chinaDate(new Date());

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  t = await startTestApp();
  editor = await t.client('jyj_editor');
  const res = await editor.send('POST', '/api/v1/consultations', {
    title: '示例县学前教育资助办法',
    draft: '示例县学前教育资助办法（征求意见稿）\n第一条 为了……\n第二条 资助对象……\n第三条 资助标准为每生每年1000元。',
    startsOn: today,
    endsOn: addDays(today, 19),
    shortPeriodReason: '须在秋季学期开学前施行',
  });
  id = res.json().id;
  await editor.send('POST', `/api/v1/consultations/${id}/publish`);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const pass = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('意见征集 on the portal', () => {
  it('lists the open consultation with its days left, and shows its clauses and the public reason for 20 days', async () => {
    const b = portalBrowser(t);
    const list = await b.get(CONSULTATIONS);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="${consultationHref(id)}">示例县学前教育资助办法</a>`);
    expect(list.body).toContain('征求意见中，还剩 20 天');
    const page = await b.get(`${consultationHref(id)}?clause=3`);
    expect(page.body).toContain('征求意见期限少于30日的理由：须在秋季学期开学前施行');
    expect(page.body).toContain('<div class="clause" id="clause-3">');
    expect(page.body).toContain(`href="${consultationHref(id)}?clause=3#comment-form"`);
    expect(page.body).toMatch(/<option value="3" selected="">第 3 条<\/option>|<option value="3" selected>第 3 条<\/option>/);
    expect(page.headers['cache-control']).toBe('private, no-store');
  });

  it('takes a comment on clause 3; refusals keep what was typed; HTML shows as text; the sender never', async () => {
    const b = portalBrowser(t);
    const form = await b.get(consultationHref(id));
    pass(5000);
    const fields = (body: string): [string, string][] => [['clause', '3'], ['body', body], ['name', '李四'], ['contact', 'lisi@example.com']];
    const tooLong = await b.post(consultationHref(id), [...pageFields(form.body), ...fields('长'.repeat(2001))]);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('意见内容不能超过 2000 字（现为 2001 字）');
    expect(tooLong.body).toContain('value="李四"');
    const wrong = await b.post(consultationHref(id), [...pageFields(form.body, '99'), ...fields('建议')]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('验证题的答案不正确');

    const again = await b.get(consultationHref(id));
    pass(5000);
    const sent = await b.post(consultationHref(id), [...pageFields(again.body), ...fields('<b>建议</b>资助标准提高到每生每年1500元')]);
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(200);
    expect(sent.body).toContain('意见经审核后在征求意见页面公开');

    const staff = (await editor.get(`/api/v1/consultations/${id}/comments`)).json().items;
    expect(staff).toEqual([expect.objectContaining({ clause: 3, body: '<b>建议</b>资助标准提高到每生每年1500元', sender: { name: '李四', contact: 'lisi@example.com' } })]);
    await editor.send('POST', `/api/v1/consultations/${id}/comments/${staff[0].id}/moderation`, { moderation: 'published' });
    const shown = await portalBrowser(t).get(consultationHref(id));
    expect(shown.body).toContain('&lt;b>建议&lt;/b>资助标准提高到每生每年1500元');
    expect(shown.body).toContain('针对第 3 条');
    expect(shown.body).not.toMatch(/李四|lisi@example\.com/);
  });

  it('is a 404 for a consultation not published', async () => {
    const res = await editor.send('POST', '/api/v1/consultations', { title: '未发布', draft: '正文', startsOn: today, endsOn: addDays(today, 30) });
    expect((await portalBrowser(t).get(consultationHref(res.json().id))).statusCode).toBe(404);
  });
});
