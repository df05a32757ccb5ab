// 文件清理 and 解读覆盖率 in the workbench, in a real browser: the supervising office decides a file
// in the open demo campaign, reads the coverage table, and turns the government's 三同步 exemption off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('workbench: clean-up, coverage, exemption setting', () => {
  it('gkb decides a file, sees coverage per organization and switches the exemption off', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/workbench/`);
    await page.getByLabel('用户名').fill('gkb');
    await page.getByLabel('密码').fill('Gongkai@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    await page.getByRole('menuitem', { name: '文件清理' }).click();
    await page.getByRole('link', { name: '2026年度行政规范性文件和政策文件清理' }).click();
    await page.getByText('2 / ', { exact: false }).first().waitFor();
    const title = '示例县人民政府关于印发示例县农村村民住宅建设管理办法（2026年修订）的通知';
    await page.getByLabel(`《${title}》的清理决定`).click();
    await page.locator('.ant-select-dropdown:visible').getByText('继续有效', { exact: true }).click();
    await page.getByLabel(`《${title}》的说明`).fill('新修订，继续执行');
    await page.locator('tr', { hasText: title }).getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存：继续有效').waitFor();
    await page.getByText('3 / ', { exact: false }).first().waitFor();
    // The finished campaign links to its notice.
    await page.getByRole('link', { name: '返回清理列表' }).click();
    await page.getByRole('link', { name: '2025年度行政规范性文件清理' }).click();
    await expect(page.getByRole('link', { name: '门户上的清理结果' }).getAttribute('href')).resolves.toMatch(/^\/zfxxgk\/qlwj\/\d+$/);

    await page.getByRole('menuitem', { name: '解读覆盖率' }).click();
    const sxx = page.getByRole('row', { name: /示例县人民政府 3 2 1/ });
    await expect(sxx.textContent()).resolves.toContain('66.7%');

    await page.getByRole('menuitem', { name: '机构管理' }).click();
    const toggle = page.getByRole('switch', { name: '允许规范性文件不同步发布解读（须写明理由）' });
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await toggle.click();
    await page.getByText('已要求规范性文件与解读同步发布').waitFor();
    await expect.poll(() => toggle.getAttribute('aria-checked'), { timeout: 5000 }).toBe('false');
    await page.close();
  });
});
