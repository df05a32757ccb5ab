// Public consultation (征求意见, issue #7) in a real browser, through the workbench and the portal:
// the education bureau's editor opens a consultation on a draft with a 20-day period and is made to
// give a reason; a citizen, without JavaScript, comments on clause 3 (the human check answered from
// its question); the editor publishes the comment; the clock then moves past the end (the server runs
// in this process: faking Date moves its clock), the editor marks the comment 部分采纳 — refused
// without a reason — and publishes the adoption report; the portal shows the report and the comment,
// and the name the citizen typed appears nowhere on it. Every portal page visited passes axe. Also:
// a comment's HTML shows as text, in the workbench and on the portal.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, chinaDate } from '../src/domain/dates.js';
import { MIN_FILL_MS } from '../src/portal/human-check.js';
import { answerHumanCheck, choose, confirm, ok, pickDate, signIn } from './application-steps.js';
import { axeViolations, expectAccessible, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => h?.close());

const COMMENTER = '李四海';
const CONTACT = 'lisihai@example.com';

/** Waits for the open consultation's phase (beside its title) to read `label` (after a change, the page reloads it). */
const showing = (page: Page, label: string) => page.locator('.ant-card-head').getByTestId('phase').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();

async function openConsultations(page: Page) {
  await page.getByRole('menuitem', { name: '公众参与' }).click();
  await page.getByRole('menuitem', { name: '征求意见' }).click();
  await page.getByRole('button', { name: '新建征求意见' }).waitFor();
}

/** A citizen, on a phone without JavaScript, comments on a clause of a consultation found in the portal's list. */
async function commentOnPortal(title: string, clause: number, body: string, name: string, contact: string) {
  const context = await h.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/zfxxgk/yjzj`);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('link', { name: `对第 ${clause} 条提意见` }).click();
  await page.waitForURL(new RegExp(`\\?clause=${clause}#comment-form$`));
  await expect(page.getByLabel('针对条款').inputValue()).resolves.toBe(String(clause));
  await page.getByLabel(/^意见内容/).fill(body);
  await page.getByLabel('姓名（选填，不公开）').fill(name);
  await page.getByLabel('联系方式（选填，不公开）').fill(contact);
  await answerHumanCheck(page);
  await page.waitForTimeout(MIN_FILL_MS.comment); // a person takes longer than this to write a comment
  await page.getByRole('button', { name: '提交意见' }).click();
  await page.getByRole('heading', { level: 1, name: '意见已提交' }).waitFor();
  await context.close();
}

/** Opens a consultation's comments in the workbench and publishes the comment that says `text`. */
async function publishComment(page: Page, id: number, text: string) {
  await page.goto(`${h.baseUrl}/workbench/#/participation/${id}`);
  await page.getByRole('tab', { name: '收到的意见' }).click();
  const row = page.getByRole('row').filter({ hasText: text });
  await row.getByRole('button', { name: /^公开第 \d+ 号意见$/ }).click();
  await row.getByText('已公开', { exact: true }).waitFor();
  return row;
}

describe('public consultation', () => {
  it('shows a comment\'s HTML as text, in the workbench and on the portal', async () => {
    const title = '示例县学前教育资助办法'; // the demo's open consultation
    const html = '<b>加粗</b><script>window.__injected = 1</script><img src=x onerror="window.__injected = 2">建议资助标准每年调整';
    await commentOnPortal(title, 3, html, '', '');

    const staff = await signIn(h.browser, h.baseUrl, 'jyj_editor');
    await openConsultations(staff);
    await staff.getByRole('link', { name: title }).click();
    const id = Number(/#\/participation\/(\d+)$/.exec(staff.url())![1]);
    const row = await publishComment(staff, id, '建议资助标准每年调整');
    await expect(row.getByTestId('comment-body').textContent()).resolves.toBe(html);
    await expect(row.locator('b, script, img').count()).resolves.toBe(0);
    await staff.close();

    // On the portal, with scripts on: the comment is its text, and nothing in it ran.
    const reader = await h.browser.newPage();
    await reader.goto(`${h.baseUrl}/zfxxgk/yjzj/${id}`);
    const shown = reader.getByTestId('public-comment').filter({ hasText: '建议资助标准每年调整' });
    await expect(shown.textContent()).resolves.toContain(html);
    await expect(shown.locator('b, script, img').count()).resolves.toBe(0);
    await expect(reader.evaluate(() => (window as unknown as { __injected?: number }).__injected)).resolves.toBeUndefined();
    await reader.close();
  });

  it('staff open a 20-day consultation with its reason; a citizen comments on clause 3; staff mark it 部分采纳 and publish the adoption report; the portal shows both without the name', async () => {
    const today = chinaDate(new Date());
    const startsOn = addDays(today, -10);
    const endsOn = addDays(today, 9);
    const title = '示例县中小学课后服务管理办法';
    const draft = [
      '示例县中小学课后服务管理办法（征求意见稿）',
      '第一条 为规范中小学课后服务，减轻家长接送负担，制定本办法。',
      '第二条 本办法适用于本县义务教育阶段公办学校。',
      '第三条 课后服务每生每学期收费不超过300元，家庭经济困难学生免收。',
      '第四条 本办法自2027年3月1日起施行。',
    ].join('\n');

    // Staff: a new consultation, 20 days, refused without a reason for the short period.
    let staff = await signIn(h.browser, h.baseUrl, 'jyj_editor');
    await openConsultations(staff);
    await staff.getByRole('button', { name: '新建征求意见' }).click();
    await staff.getByLabel('标题').fill(title);
    await staff.getByLabel('征求意见稿全文').fill(draft);
    // The clauses as the portal numbers them: 第三条 is clause 3.
    await expect(staff.getByTestId('clause-preview').getByText('第 3 条', { exact: true }).locator('..').textContent()).resolves.toContain('第三条 课后服务每生每学期收费不超过300元');
    await staff.getByLabel('起草说明').fill('落实“双减”要求，明确课后服务的时间、内容和收费标准。');
    await pickDate(staff.locator('form'), '开始日期', startsOn);
    await pickDate(staff.locator('form'), '截止日期', endsOn);
    await staff.getByTestId('period-days').filter({ hasText: '共 20 天' }).waitFor();
    await staff.getByLabel('期限少于30日的理由').waitFor();
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await expect(staff.getByTestId('form-error').textContent()).resolves.toContain('征求意见期限为 20 天，少于 30 日，须说明理由（理由将向社会公开）');
    await staff.getByLabel('期限少于30日的理由').fill('须在2027年春季学期开学前施行');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await staff.waitForURL(/#\/participation\/\d+$/);
    const id = Number(/#\/participation\/(\d+)$/.exec(staff.url())![1]);
    await showing(staff, '未发布');
    await staff.getByRole('button', { name: /^发\s*布$/ }).click();
    await confirm(staff);
    await showing(staff, '征求意见中，还剩 10 天');
    await staff.getByText(/截止日期只能延后/).first().waitFor();

    // A hearing on the draft, listed in the workbench and shown on the portal below.
    await staff.getByRole('tab', { name: '听证会（0）' }).click();
    await staff.getByRole('button', { name: '登记听证会' }).click();
    const hearing = staff.getByRole('dialog', { name: '登记听证会' });
    await hearing.waitFor();
    await pickDate(hearing, '听证日期', addDays(today, 3));
    await hearing.getByLabel('地点').fill('示例县教育局五楼会议室');
    await hearing.getByLabel('参加人产生方式').fill('在学生家长中自愿报名，随机抽取10名');
    await hearing.getByRole('button', { name: /^登\s*记$/ }).click();
    await hearing.waitFor({ state: 'hidden' });
    await staff.getByRole('tab', { name: '听证会（1）' }).waitFor();
    await staff.getByRole('row').filter({ hasText: '示例县教育局五楼会议室' }).waitFor();

    // A citizen on the portal: the public reason, then a comment on clause 3 with a name and contact.
    await expectAccessible(h, '/zfxxgk/yjzj');
    await expectAccessible(h, `/zfxxgk/yjzj/${id}`);
    await commentOnPortal(title, 3, '建议收费标准按服务时长分档，每学期不超过200元。', COMMENTER, CONTACT);

    // Staff see who sent it; they publish it while the period runs.
    const row = await publishComment(staff, id, '建议收费标准按服务时长分档');
    await expect(row.textContent()).resolves.toContain(COMMENTER);
    await expect(row.textContent()).resolves.toContain('第 3 条');
    await staff.close();

    // The period is over: the day after its end (the server's clock with the test's; the session is new).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${addDays(endsOn, 1)}T09:00:00+08:00`), shouldAdvanceTime: true });
    staff = await signIn(h.browser, h.baseUrl, 'jyj_editor');
    await staff.goto(`${h.baseUrl}/workbench/#/participation/${id}`);
    await showing(staff, '已结束');
    await staff.getByRole('tab', { name: '收到的意见' }).click();
    const comment = staff.getByRole('row').filter({ hasText: '建议收费标准按服务时长分档' });
    await comment.getByRole('button', { name: /^采纳处理第 \d+ 号意见$/ }).click();
    const dialog = staff.getByRole('dialog', { name: /号意见的采纳处理$/ });
    await dialog.waitFor();
    await dialog.getByLabel('部分采纳').check();
    await ok(dialog);
    await expect(dialog.getByTestId('dialog-error').textContent()).resolves.toContain('部分采纳的意见须说明理由');
    const reason = '收费标准按服务时长分为两档，最高档仍为300元：课后服务成本核算后，200元不足以支付教师劳务费。';
    await dialog.getByLabel('理由或采纳方式').fill(reason);
    await dialog.getByLabel('归类（可选）').fill('收费标准');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    await comment.getByText('部分采纳', { exact: true }).waitFor();

    const summary = '共收到意见1条，部分采纳1条：课后服务收费按服务时长分档。';
    await staff.getByRole('tab', { name: '采纳情况' }).click();
    await staff.getByLabel('采纳情况说明').fill(summary);
    await staff.getByRole('button', { name: '公布采纳情况' }).click();
    await confirm(staff);
    // The report, or the server's refusal, which the test then names.
    await staff.getByTestId('report-summary').or(staff.getByTestId('report-error')).waitFor();
    const refusal = (await staff.getByTestId('report-error').textContent({ timeout: 100 }).catch(() => null)) ?? '';
    await expect(staff.getByTestId('report-error').count(), refusal).resolves.toBe(0);
    await expect(staff.getByTestId('report-summary').textContent()).resolves.toBe(summary);
    await showing(staff, '已公布采纳情况');
    await staff.getByRole('link', { name: '在门户查看采纳情况' }).waitFor();
    await staff.close();

    // The portal: the report and the comment with its disposition and reason; the name nowhere.
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${h.baseUrl}/zfxxgk/yjzj`);
    await reader.getByRole('link', { name: title }).click();
    await expect(reader.locator('section[aria-labelledby="report"]').textContent()).resolves.toContain(summary);
    await expect(reader.locator('section[aria-labelledby="hearings"]').textContent()).resolves.toContain('示例县教育局五楼会议室');
    await expect(reader.locator('.notice').textContent()).resolves.toContain('须在2027年春季学期开学前施行');
    const shown = reader.getByTestId('public-comment');
    await expect(shown.count()).resolves.toBe(1);
    await expect(shown.textContent()).resolves.toMatch(/针对第 3 条[\s\S]*建议收费标准按服务时长分档[\s\S]*部分采纳：收费标准按服务时长分为两档/);
    const html = await reader.content();
    expect(html).not.toContain(COMMENTER);
    expect(html).not.toContain(CONTACT);
    await context.close();
    await expectAccessible(h, `/zfxxgk/yjzj/${id}`);
  });

  it('the supervisor sees the overdue adoption report and reads without the comments; a department sees its own and keeps a comment off the portal only with a reason', async () => {
    const gkb = await signIn(h.browser, h.baseUrl, 'gkb');
    await gkb.goto(`${h.baseUrl}/workbench/#/participation`);
    await gkb.getByRole('link', { name: '示例县农村村民住宅建设管理办法（修订）' }).waitFor();
    await expect(gkb.getByRole('button', { name: '新建征求意见' }).count()).resolves.toBe(0);
    await gkb.getByRole('tab', { name: '采纳情况逾期' }).click();
    const overdue = gkb.getByRole('tabpanel', { name: '采纳情况逾期' });
    // The demo's 校外培训机构管理办法 closed 45 days ago, its report unpublished; the one closed last week is not late.
    const late = overdue.getByRole('row').filter({ hasText: '示例县校外培训机构管理办法' });
    await late.getByTestId('report-overdue').waitFor();
    await expect(overdue.getByRole('row').filter({ hasText: '示例县住宅小区电动自行车停放充电管理规定' }).count()).resolves.toBe(0);
    await late.getByRole('link').click();
    await showing(gkb, '已结束');
    await expect(gkb.getByRole('tab', { name: '收到的意见' }).count()).resolves.toBe(0);
    await gkb.close();

    const zjj = await signIn(h.browser, h.baseUrl, 'zjj_editor');
    await zjj.goto(`${h.baseUrl}/workbench/#/participation`);
    await zjj.getByRole('link', { name: '示例县城镇老旧小区改造资金补助办法' }).click();
    await showing(zjj, '征求意见中，还剩 \\d+ 天');
    await expect(zjj.getByRole('link', { name: '示例县学前教育资助办法' }).count()).resolves.toBe(0);
    await zjj.getByRole('tab', { name: '收到的意见' }).click();
    const panel = zjj.getByRole('tabpanel', { name: '收到的意见' });
    // The comments' screen passes axe too (the buttons' names say which comment, beginning with what they show).
    await panel.getByRole('row').filter({ hasText: '一楼住户不用电梯' }).waitFor();
    expect(await axeViolations(zjj)).toEqual([]);
    await choose(panel, '审核状态', '待审核');
    const row = panel.getByRole('row').filter({ hasText: '一楼住户不用电梯' });
    await row.getByRole('button', { name: /^不予公开第 \d+ 号意见$/ }).click();
    const dialog = zjj.getByRole('dialog', { name: /^不予公开第 \d+ 号意见$/ });
    await dialog.waitFor();
    await ok(dialog);
    await expect(dialog.getByTestId('dialog-error').textContent()).resolves.toContain('不予公开的意见须说明原因');
    await dialog.getByLabel('不予公开的原因').fill('测试：与本草案无关');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await choose(panel, '审核状态', '不予公开');
    await panel.getByRole('row').filter({ hasText: '一楼住户不用电梯' }).filter({ hasText: '测试：与本草案无关' }).waitFor();
    await zjj.close();
  });
});
