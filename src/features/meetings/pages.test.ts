// The portal's 列席会议 without JavaScript: published meetings latest first, a meeting's topics, how
// its representatives were chosen, who attended (a representative who did not agree to be named by
// capacity only), each opinion with its handling or 待办理; a draft is a 404; the hidden name appears
// on no public page, in no public JSON and not in the sitemap, even where staff's text mentions it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { portalBrowser } from '../../../test/portal-browser.js';
import { addDays, chinaDate, formatChineseDate } from '../../domain/dates.js';
import { MEETINGS, meetingHref } from '../../portal/links.js';

let t: TestApp;
let editor: TestClient;
let id: number;
let draft: number;
const today = chinaDate(new Date());
const HIDDEN = '欧阳秀英';

beforeAll(async () => {
  t = await startTestApp({ pageCacheSeconds: 60 });
  editor = await t.client('sxx_editor');
  const m = (await editor.send('POST', '/api/v1/meetings', { title: '县政府第20次常务会议', heldOn: addDays(today, -2), topics: '审议《示例县老旧小区改造实施方案》\n审议《示例县养老服务补贴办法》', selection: '社区推荐、随机抽取' })).json();
  id = m.id;
  const named = (await editor.send('POST', `/api/v1/meetings/${id}/representatives`, { name: '陈立群', capacity: '县政协委员', namePublic: true })).json().representatives[0].id;
  const hidden = (await editor.send('POST', `/api/v1/meetings/${id}/representatives`, { name: HIDDEN, capacity: '市民代表', namePublic: false })).json().representatives[1].id;
  const withOpinions = await editor.send('POST', `/api/v1/meetings/${id}/opinions`, { representativeId: named, opinion: '建议改造同步加装电梯' });
  await editor.send('POST', `/api/v1/meetings/${id}/opinions`, { representativeId: hidden, opinion: `<script>alert(1)</script>我（${HIDDEN}）建议补贴按月发放` });
  const first = withOpinions.json().opinions[0].id;
  await editor.send('POST', `/api/v1/meetings/${id}/publish`);
  await editor.send('POST', `/api/v1/meetings/${id}/opinions/${first}/handling`, { handling: '已纳入方案，由县住建局组织实施' });
  draft = (await editor.send('POST', '/api/v1/meetings', { title: '未发布的会议', heldOn: today })).json().id;
});
afterAll(() => t?.close());

describe('列席会议 on the portal', () => {
  it('lists published meetings, latest first, with their counts', async () => {
    const list = await portalBrowser(t).get(MEETINGS);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="${meetingHref(id)}">县政府第20次常务会议</a>`);
    expect(list.body).toContain('意见 2 条，已办理 1 条');
    expect(list.body).not.toContain('未发布的会议');
    // The demo meetings were held earlier: this one comes first.
    expect(list.body.match(/href="\/zfxxgk\/lxhy\/(\d+)"/)?.[1]).toBe(String(id));
  });

  it('shows a meeting: topics, selection, representatives by consent, opinions with handling or 待办理', async () => {
    const page = await portalBrowser(t).get(meetingHref(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<p>审议《示例县养老服务补贴办法》</p>');
    expect(page.body).toContain('社区推荐、随机抽取');
    expect(page.body).toContain('陈立群（县政协委员）');
    expect(page.body).toContain('市民代表（未公开姓名）');
    expect(page.body).toContain('已纳入方案，由县住建局组织实施');
    expect(page.body).toMatch(/已办理[\s\S]*待办理/);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>我（×××）建议补贴按月发放');
    expect(page.body).toContain(`会议日期：${formatChineseDate(addDays(today, -2))}`);
  });

  it('never shows the name of a representative who did not agree: page, list, JSON, sitemap', async () => {
    const b = portalBrowser(t);
    const anonymous = await t.client();
    const bodies = await Promise.all([
      b.get(MEETINGS).then((r) => r.body),
      b.get(meetingHref(id)).then((r) => r.body),
      anonymous.get(`/api/v1/public/meetings/${id}`).then((r) => r.body),
      anonymous.get('/api/v1/public/meetings').then((r) => r.body),
      b.get('/sitemap.xml').then((r) => r.body),
    ]);
    for (const body of bodies) expect(body).not.toContain(HIDDEN);
    expect(bodies[4]).toContain(`${MEETINGS}</loc>`);
    expect(bodies[4]).toContain(`${meetingHref(id)}</loc>`);
    expect(bodies[4]).not.toContain(`${meetingHref(draft)}</loc>`);
  });

  it('withdrawn consent takes the name off at once; a draft is a 404', async () => {
    const m = (await editor.get(`/api/v1/meetings/${id}`)).json();
    const r = m.representatives[0];
    await editor.send('PUT', `/api/v1/meetings/${id}/representatives/${r.id}`, { name: r.name, capacity: r.capacity, namePublic: false });
    const page = await portalBrowser(t).get(meetingHref(id));
    expect(page.body).not.toContain('陈立群');
    expect(page.body).toContain('县政协委员（未公开姓名）');
    expect((await portalBrowser(t).get(meetingHref(draft))).statusCode).toBe(404);
  });

  it('shows the demo government’s 2026 meetings, the unnamed parents by capacity only', async () => {
    const b = portalBrowser(t);
    const list = await b.get(MEETINGS);
    const href = (title: string) => new RegExp(`<a href="(/zfxxgk/lxhy/\\d+)">${title}</a>`).exec(list.body)?.[1];
    expect(href('示例县人民政府2026年第3次常务会议')).toBeDefined();
    const eighth = await b.get(href('示例县人民政府2026年第8次常务会议')!);
    expect(eighth.body).toContain('周明远（教育专家（县教师发展中心））');
    expect(eighth.body).toContain('家长代表（未公开姓名）');
    expect(eighth.body).toContain('待办理');
    expect(eighth.body).toContain('随迁子女入学不再要求提交纸质居住证明');
    expect(eighth.body).not.toMatch(/林晓燕|郭志华/);
  });
});
