// The portal in a real browser: accessible (WCAG 2.1 A/AA by axe-core), usable without JavaScript,
// readable on a phone, and the 长者模式 switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ site: { siteCode: '9999000001', icpNumber: '示ICP备00000001号', psbNumber: '示公网安备 00000000000001号', rootOrgCode: '' } });
});
afterAll(() => h?.close());

const PAGES = [
  '/',
  '/zfxxgk/guide',
  '/zfxxgk/orgs',
  '/zfxxgk/orgs/jyj',
  '/tools/working-days?from=2024-09-27&days=20',
  '/zfxxgk/zcwjk',
  '/zfxxgk/zcwjk?validity=repealed&docType=normative',
  '/zfxxgk/wj/6', // the demo's replaced 农村村民住宅建设管理办法: validity history, interpretation link
  '/zfxxgk/wj/7', // its interpretation
  '/zfxxgk/ml',
  '/zfxxgk/gb', // 政府公报 archive by year
  '/zfxxgk/gb/2', // the demo's 2026年第1期: table of contents in two sections
  '/zfxxgk/qlwj', // clean-up results
  '/zfxxgk/qlwj/1', // the demo's 2025 clean-up: four lists as tables
  '/zfxxgk/lm/sxx', // the county's column tree
  '/zfxxgk/lm/sxx/ghxx', // a special column: plan documents with their 规划期
  '/zfxxgk/search?q=%E6%80%8E%E4%B9%88%E7%94%B3%E8%AF%B7%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80', // 怎么申请政府信息公开: answer box, facets, marked snippets
  '/zfxxgk/search?q=%E9%87%8F%E5%AD%90%E5%BC%95%E5%8A%9B', // 量子引力: no results, with what to try instead
];

describe('portal in Chromium', () => {
  it.each(PAGES)('%s has no WCAG 2.1 A/AA violations', async (path) => {
    const page = await h.browser.newPage();
    await page.goto(h.baseUrl + path);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.close();
  });

  it('has no violations in 长者模式 either', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: '长者模式' }).click();
    await page.waitForURL(`${h.baseUrl}/`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '退出长者模式' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    await page.close();
  });

  it('works with JavaScript disabled: the calculator form computes a deadline', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/tools/working-days`);
    await page.getByLabel('起算日期').fill('2024-09-27');
    await page.getByLabel('工作日数').fill('20');
    await page.getByRole('button', { name: '计算' }).click();
    await expect(page.locator('.result .date').textContent()).resolves.toBe('2024年10月30日');
    await context.close();
  });

  it('filters the policy library with JavaScript disabled and opens a document', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/zfxxgk/zcwjk`);
    await page.getByLabel('有效性').selectOption('repealed');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('.count').textContent()).resolves.toBe('共 2 件'); // and the rules the demo clean-up repealed
    await page.getByRole('link', { name: '示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知' }).click();
    await expect(page.locator('table.doc-meta').textContent()).resolves.toContain('已废止');
    await page.getByRole('link', { name: /2026年4月1日起被/ }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('2026年修订');
    await context.close();
  });

  it('reads on a phone: no horizontal scrolling, skip link reaches the content', async () => {
    const context = await h.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(h.baseUrl + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(`${h.baseUrl}/zfxxgk/guide`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });
});
