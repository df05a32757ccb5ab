// 栏目管理 in a real browser: an editor sees the department's columns with their status, creates a
// column through the dialog, and the document form asks for the special fields of a special column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('栏目管理', () => {
  it('lists, creates, and asks a budget document for its fields', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/workbench/`);
    await page.getByLabel('用户名').fill('jyj_editor');
    await page.getByLabel('密码').fill('Gongkai@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '栏目管理' }).click();

    const notices = page.getByRole('row', { name: /通知公告/ }).first();
    await notices.waitFor();
    await expect(notices.textContent()).resolves.toMatch(/每2周更新.*已超期/);

    await page.getByRole('button', { name: '新建栏目' }).click();
    await page.getByLabel('栏目名称').fill('教育督导');
    await page.getByLabel('栏目代码（用于网址）').fill('jydd');
    await page.getByLabel('更新周期').fill('3');
    await page.getByLabel('周期单位').click();
    await page.locator('.ant-select-item-option[title="个月"]').click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('栏目已保存').waitFor();
    await expect(page.getByRole('row', { name: /教育督导/ }).first().textContent()).resolves.toContain('每3个月更新');

    await page.goto(`${h.baseUrl}/workbench/#/documents/new`);
    await page.getByLabel('栏目', { exact: true }).click();
    await page.locator('.ant-select-item-option[title="财政预决算"]').click();
    await page.getByLabel('年度').waitFor();
    await expect(page.getByLabel('主体').count()).resolves.toBe(1);
    await page.close();
  });
});
