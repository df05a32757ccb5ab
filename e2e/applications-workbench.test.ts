// Applications in the workbench, in a real browser: the education bureau's handler opens a demo case
// from the inbox, is refused an extension (the office head approves those), sends a correction
// notice (the clock waits for the correction), records the corrected request, replies 部分公开 with
// its legal basis, generates the reply letter and downloads it as Word. The handler cannot open
// another department's case; the supervisor's overdue list links to it. After a reply, the office
// head records a court's correction (the case reopens) and a reconsideration upheld, exports the case
// file and makes the disclosed information proactive.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, confirm, ok, openMenu, pickDate, signIn, step, timeline } from './application-steps.js';
import { personForm } from '../src/features/applications/test-fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Opens a case found by its request (and status, where several ask the same) from the inbox. */
async function openCase(page: Page, request: string, status?: string) {
  await page.goto(`${h.baseUrl}/workbench/#/applications`);
  await page.getByLabel('办理状态').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部状态' }).click();
  await page.getByLabel('搜索申请').fill(request);
  await page.getByLabel('搜索申请').press('Enter');
  const rows = page.getByRole('row', { name: new RegExp(request) });
  await (status ? rows.filter({ hasText: status }) : rows).getByRole('link').click();
  await page.getByTestId('case-status').waitFor();
}

/** The day `days` after today in China, YYYY-MM-DD. */
const chinaDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() + days * 86_400_000);

/** The downloaded file's first bytes: a zip or a .docx starts with PK. */
async function magic(download: Download): Promise<string> {
  return readFileSync((await download.path())!).subarray(0, 2).toString('latin1');
}

describe('applications in the workbench', () => {
  it('a handler takes a case from the inbox through correction to a 部分公开 reply and its Word letter', async () => {
    const page = await signIn(h.browser, h.baseUrl, 'jyj_handler');
    await openMenu(page, '收件箱');
    // The demo's online application of today: 张三 asks for the school admission zones.
    const row = page.getByRole('row', { name: /秋季义务教育阶段学校招生划片/ });
    await expect(row.textContent()).resolves.toContain('张三');
    await row.getByRole('link').click();
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('已登记');
    await expect(page.getByTestId('due-date').textContent()).resolves.toMatch(/\d{4}年\d{1,2}月\d{1,2}日正常/);

    // Only the office head approves an extension: the server's refusal shows in the dialog.
    let dialog = await step(page, '延长答复期限');
    await dialog.getByLabel('延长的工作日数').fill('10');
    await dialog.getByLabel('延期理由').fill('需要调取各校招生计划');
    await ok(dialog);
    await expect(dialog.getByTestId('action-error').textContent()).resolves.toContain('须由公开办负责人批准');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    dialog = await step(page, '告知补正');
    await dialog.getByLabel('需要补正的事项').fill('请写明所需招生划片范围的学段（小学或初中）');
    await ok(dialog);
    await confirm(page);
    await timeline(page).getByText('告知补正', { exact: true }).waitFor();
    // The reply period waits for the corrected request.
    await expect(page.getByTestId('due-date').textContent()).resolves.toContain('待补正');
    await page.getByRole('button', { name: '生成补正申请告知书' }).waitFor();

    dialog = await step(page, '登记收到补正');
    await ok(dialog);
    await timeline(page).getByText('收到补正的申请', { exact: true }).waitFor();
    await expect(page.getByTestId('due-date').textContent()).resolves.not.toContain('待补正');

    dialog = await step(page, /^答\s*复$/, '答复');
    await choose(dialog, '办理结果', '部分公开');
    // 部分公开 names the article the withheld part rests on: the form asks for it before sending.
    await ok(dialog);
    await dialog.getByText('请填写法律依据').waitFor();
    await dialog.getByLabel('法律依据（具体条款）').fill('《中华人民共和国政府信息公开条例》第十五条、第三十七条');
    await ok(dialog);
    await confirm(page);
    await page.getByTestId('case-status').getByText('已答复').waitFor();
    await timeline(page).getByText('作出答复', { exact: true }).waitFor();

    await page.getByRole('button', { name: '生成答复书' }).click();
    const letterDialog = page.getByRole('dialog', { name: /^(生成|已出具)答复书/ });
    await letterDialog.getByLabel('不予公开的内容').fill('各校学生的姓名、住址等个人信息');
    await letterDialog.getByRole('button', { name: '生成答复书' }).click();
    const letterNumber = (await letterDialog.getByTestId('letter-number').textContent())!;
    expect(letterNumber).toMatch(/〔\d{4}〕\d+号$/);
    await expect(letterDialog.getByTestId('letter').textContent()).resolves.toContain('各校学生的姓名、住址等个人信息');
    const [download] = await Promise.all([page.waitForEvent('download'), letterDialog.getByRole('link', { name: '下载 Word 文件（.docx）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await letterDialog.getByRole('button', { name: /完\s*成/ }).click();
    // The case's letters list it.
    await page.getByTestId('letters').getByText(letterNumber).waitFor();
    await page.close();
  });

  it('a handler can neither list nor open another department’s case; the supervisor’s overdue list links to it', async () => {
    const gkb = await signIn(h.browser, h.baseUrl, 'gkb');
    await openMenu(gkb, '超期未答复');
    // The demo's overdue case of the 城关镇.
    const link = gkb.getByRole('row', { name: /示例县城关镇人民政府/ }).first().getByRole('link');
    const href = (await link.getAttribute('href'))!;
    const number = (await link.textContent())!;
    expect(href).toMatch(/^#\/applications\/\d+$/);
    await gkb.close();

    const page = await signIn(h.browser, h.baseUrl, 'jyj_handler');
    await openMenu(page, '收件箱');
    await page.getByLabel('办理状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部状态' }).click();
    await page.getByRole('cell', { name: '已归档' }).first().waitFor();
    const numbers = await page.getByRole('cell', { name: /^\d{4}-[a-z]+-\d{4}$/ }).allTextContents();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => n.includes('-jyj-'))).toBe(true);
    expect(numbers).not.toContain(number);

    await page.goto(`${h.baseUrl}/workbench/${href}`);
    await page.getByText('无权查看该申请').waitFor();
    await page.close();
  });

  it('after a reply: the office head records appeals (a correction reopens the case), exports the case file and makes the information proactive', async () => {
    const page = await signIn(h.browser, h.baseUrl, 'jyj_head');
    // The archived case before the court: its lawsuit is listed, not yet decided.
    await openCase(page, '2010年局长办公会会议纪要');
    const lawsuit = page.getByTestId('appeal').filter({ hasText: '行政诉讼（未经复议直接起诉）' });
    await lawsuit.getByText('尚未审结').waitFor();
    await expect(lawsuit.textContent()).resolves.toContain('示例县人民法院');
    // The court corrects the handling: the case is handled again by the date the judgment sets.
    await lawsuit.getByRole('button', { name: '登记结果' }).click();
    let dialog = page.getByRole('dialog', { name: /登记结果/ });
    await dialog.getByRole('radio', { name: '结果纠正' }).check();
    await dialog.getByText('结果纠正的，本申请即重新办理', { exact: false }).first().waitFor();
    const dueOn = chinaDay(30);
    await pickDate(dialog, '重新答复期限', dueOn);
    await ok(dialog);
    await confirm(page);
    await lawsuit.getByText('结果纠正').waitFor();
    await page.getByTestId('case-status').getByText('办理中').waitFor();
    const [y, m, d] = dueOn.split('-').map(Number);
    await expect(page.getByTestId('due-date').textContent()).resolves.toContain(`${y}年${m}月${d}日`);
    await timeline(page).getByText('纠正后重新办理', { exact: true }).waitFor();

    // Another applicant asks for the same information the disclosed case was given (registered
    // through the API as the office head's session): the case hints at 第四十四条.
    const csrf = decodeURIComponent((await page.context().cookies()).find((c) => c.name === 'gk_csrf')!.value);
    const { organizations } = (await (await page.request.get(`${h.baseUrl}/api/v1/applications/options`)).json()) as { organizations: { id: number; code: string }[] };
    const jyj = organizations.find((o) => o.code === 'jyj')!.id;
    const again = await page.request.post(`${h.baseUrl}/api/v1/applications/register`, {
      headers: { 'x-csrf-token': csrf },
      data: { ...personForm(jyj), channel: 'in_person', submittedOn: chinaDay(0), description: '申请公开示例县2025年学前教育专项资金分配文件' },
    });
    expect(again.status(), await again.text()).toBe(201);
    const { number: againNumber } = (await again.json()) as { number: string };

    // The disclosed and closed case.
    await openCase(page, '2025年学前教育专项资金分配文件', '已办结');
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('已办结');
    const hint = page.getByTestId('same-requests');
    await hint.getByRole('link', { name: againNumber }).waitFor();
    await expect(hint.textContent()).resolves.toMatch(/1 位其他申请人提出 1 件内容相近的申请.*第四十四条/);
    dialog = await step(page, '登记复议或诉讼', '登记行政复议或行政诉讼');
    // A date after today: the server's refusal shows in the dialog.
    await pickDate(dialog, '申请行政复议日期', chinaDay(1));
    await ok(dialog);
    await expect(dialog.getByTestId('action-error').textContent()).resolves.toContain('晚于今天，不能登记');
    await pickDate(dialog, '申请行政复议日期', chinaDay(0));
    await dialog.getByLabel('复议机关').fill('示例县人民政府');
    await dialog.getByLabel('案号').fill('示政复〔2026〕9号');
    await dialog.getByRole('radio', { name: '结果维持' }).check();
    await ok(dialog);
    const recorded = page.getByTestId('appeal').filter({ hasText: '示政复〔2026〕9号' });
    await recorded.getByText('结果维持').waitFor();
    await expect(recorded.textContent()).resolves.toMatch(/示例县人民政府.*申请于\d{4}年\d{1,2}月\d{1,2}日，\d{4}年\d{1,2}月\d{1,2}日审结/);
    // Upheld: the case stays closed.
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('已办结');

    const [caseFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-file').click()]);
    expect(caseFile.suggestedFilename()).toMatch(/\.zip$/);
    await expect(magic(caseFile)).resolves.toBe('PK');

    // The request named no document: the draft's title is asked for.
    dialog = await step(page, '转为主动公开');
    await ok(dialog);
    await dialog.getByText('请填写文件标题').waitFor();
    await dialog.getByLabel('文件标题').fill('示例县2025年学前教育专项资金分配方案');
    await ok(dialog);
    await page.waitForURL(/#\/documents\/\d+$/);
    await page.locator('.ant-card-head-title', { hasText: '示例县2025年学前教育专项资金分配方案' }).waitFor();
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe('示例县2025年学前教育专项资金分配方案');
    const draft = new URL(page.url()).hash;

    // Back on the case: the link to the draft instead of the button.
    await page.goBack();
    const link = page.getByTestId('proactive-draft').getByRole('link');
    await expect(link.getAttribute('href')).resolves.toBe(draft);
    await expect(page.getByRole('button', { name: '转为主动公开' }).count()).resolves.toBe(0);
    await timeline(page).getByText('转为主动公开', { exact: true }).waitFor();
    await page.close();
  });
});
