// The workbench in a real browser: an administrator signs in, creates a user, signs out; the new
// user signs in and sees only its own department; the calendar screen computes a deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function login(page: Page, username: string, password: string) {
  await page.goto(`${h.baseUrl}/workbench/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

async function logout(page: Page) {
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await page.getByRole('button', { name: /登\s*录/ }).waitFor();
}

describe('workbench', () => {
  it('refuses a wrong password with the server message', async () => {
    const page = await h.browser.newPage();
    await login(page, 'admin', 'wrong-Pass1');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await page.close();
  });

  it('an administrator signs in, creates a user, signs out; the new user signs in', async () => {
    const page = await h.browser.newPage();
    await login(page, 'admin', 'Gongkai@2026');
    await page.getByText('您好，系统管理员').waitFor();

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('jyj_clerk');
    await dialog.getByLabel('姓名').fill('何静');
    await dialog.getByLabel('所属机构').fill('教育局');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '示例县教育局' }).click();
    await dialog.getByLabel('信息编辑').check();
    await dialog.getByLabel('初始密码').fill('Clerk#2026');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('用户已创建').waitFor();
    await page.getByRole('cell', { name: 'jyj_clerk', exact: true }).waitFor();

    await logout(page);
    await login(page, 'jyj_clerk', 'Clerk#2026');
    await page.getByText('您好，何静').waitFor();
    // An editor has no user management and no audit log.
    await expect(page.getByRole('menuitem', { name: '用户管理' }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: '审计日志' }).count()).resolves.toBe(0);
    await page.getByRole('menuitem', { name: '机构管理' }).click();
    await expect(page.locator('.ant-tree-title').allTextContents()).resolves.toEqual(['示例县教育局']);
    await logout(page);
    await page.close();
  });

  it('shows the user creation in the audit log, and computes a deadline on the calendar screen', async () => {
    const page = await h.browser.newPage();
    await login(page, 'admin', 'Gongkai@2026');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('cell', { name: /新建用户 jyj_clerk/ }).waitFor();

    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.getByLabel('年份').click();
    await page.locator('.ant-select-item-option', { hasText: '2024 年' }).click();
    await expect(page.locator('td[data-date="2024-10-12"]').getAttribute('data-kind')).resolves.toBe('makeup_workday');
    await expect(page.locator('td[data-date="2024-10-01"]').getAttribute('data-kind')).resolves.toBe('holiday');
    await page.getByLabel('起算日期').fill('2024-09-27');
    await page.getByLabel('起算日期').press('Enter');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await expect(page.getByTestId('working-days-result').textContent()).resolves.toBe('2024年10月30日');
    await page.screenshot({ path: process.env.E2E_SCREENSHOTS ? `${process.env.E2E_SCREENSHOTS}/calendar.png` : undefined as never, fullPage: true }).catch(() => {});
    await page.close();
  });
});
