// Applications in the workbench, in a real browser: the education bureau's handler opens a demo case
// from the inbox, is refused an extension (the office head approves those), sends a correction
// notice (the clock waits for the correction), records the corrected request, replies 部分公开 with
// its legal basis, generates the reply letter and downloads it as Word. The handler cannot open
// another department's case; the supervisor's overdue list links to it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirm, ok, openMenu, signIn, step, timeline } from './application-steps.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

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

    dialog = await step(page, /^答\s*复$/);
    await dialog.getByLabel('办理结果').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="部分公开"]').click();
    // 部分公开 names the article the withheld part rests on: the form asks for it before sending.
    await ok(dialog);
    await dialog.getByText('请填写法律依据').waitFor();
    await dialog.getByLabel('法律依据（具体条款）').fill('《中华人民共和国政府信息公开条例》第十五条、第三十七条');
    await ok(dialog);
    await confirm(page);
    await page.getByTestId('case-status').getByText('已答复').waitFor();
    await timeline(page).getByText('作出答复', { exact: true }).waitFor();

    await page.getByRole('button', { name: '生成答复书' }).click();
    const letterDialog = page.locator('.ant-modal:visible').last();
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
});
