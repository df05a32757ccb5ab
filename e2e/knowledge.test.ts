// 政务知识库 in a real browser: a reviewer drafts an answer in the workbench, cites a published
// county policy with a note, publishes it; the public answer page and the list work without
// JavaScript, pass axe (WCAG 2.1 AA), and show where the answer comes from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('政务知识库', () => {
  it('drafts, cites and publishes an answer in the workbench', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/workbench/`);
    await page.getByLabel('用户名').fill('jyj_reviewer');
    await page.getByLabel('密码').fill('Gongkai@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '政务知识库' }).click();
    await page.getByRole('row', { name: /孩子多大可以上小学一年级/ }).first().waitFor();

    await page.getByRole('button', { name: '新建问答' }).click();
    await page.getByLabel('问题').fill('学籍怎么转？');
    await page.getByLabel('其他问法（每行一个）').fill('转学怎么办理\n转学需要什么手续');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('向转入学校提出申请，由学校在学籍系统中办理。');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存草稿，可以关联依据').waitFor();

    await page.getByLabel('选择依据文件').click();
    await page.keyboard.type('示政发〔2026〕4号');
    await page.locator('.ant-select-item-option').first().waitFor();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByLabel('条款说明').fill('第三条');
    await page.getByRole('button', { name: /关\s*联/ }).click();
    await page.getByText('已关联依据').waitFor();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('示例县人民政府');

    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page.getByRole('dialog').getByText('已发布', { exact: true }).waitFor();
    const href = await page.getByRole('link', { name: '在门户查看' }).getAttribute('href');
    expect(href).toMatch(/^\/zfxxgk\/zsk\/\d+$/);
    await page.close();

    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${h.baseUrl}${href}`);
    await expect(reader.locator('h1').textContent()).resolves.toBe('学籍怎么转？');
    await expect(reader.locator('main, body').first().textContent()).resolves.toContain('第三条');
    await reader.getByRole('link', { name: /示例县农村村民住宅建设管理办法（2026年修订）/ }).click();
    await expect(reader.locator('h1').textContent()).resolves.toContain('2026年修订');

    await reader.goto(`${h.baseUrl}/zfxxgk/zsk`);
    await reader.getByRole('link', { name: '学籍怎么转？' }).waitFor();
    await context.close();

    // axe needs JavaScript to run: the same pages in an ordinary browser.
    const checker = await h.browser.newPage();
    for (const url of [href!, '/zfxxgk/zsk']) {
      await checker.goto(`${h.baseUrl}${url}`);
      expect(await axeViolations(checker), url).toEqual([]);
    }
    await checker.close();
  });
});
