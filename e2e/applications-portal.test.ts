// A citizen applies for government information on a phone, in Chromium, with JavaScript off: the
// form, a mistake shown beside its field, the published documents that may already answer, the
// human check answered from the question on the page, an ID copy attached, the receipt — then the
// case opened on the tracking page. Every page of the journey passes axe (WCAG 2.1 A/AA), run on a
// copy of the page in a second, script-enabled tab (axe itself is a script).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MIN_FILL_MS } from '../src/portal/human-check.js';
import { testIdNumber } from '../src/features/applications/test-fixtures.js';
import { answerHumanCheck } from './application-steps.js';
import { axeViolations, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true };
const ID_NUMBER = testIdNumber('19850612', '023');

/** The page as it is now, checked by axe in a script-enabled tab with the same cookies. */
async function expectAccessible(html: string, label: string) {
  const viewer = await h.browser.newContext(PHONE);
  const page = await viewer.newPage();
  await page.route(`${h.baseUrl}/__snapshot`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${h.baseUrl}/__snapshot`);
  const violations = await axeViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, label).toBeLessThanOrEqual(0);
  await viewer.close();
}

describe('applying on the portal', () => {
  it('a citizen fills the form on a phone without JavaScript, sees related published documents, and gets a receipt to track the case', async () => {
    const context = await h.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('link', { name: /^依申请公开\s*在线提交/ }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('依申请公开');
    await expectAccessible(await page.content(), 'guide');
    await page.getByRole('link', { name: '在线提交申请' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('政府信息公开申请');
    await expectAccessible(await page.content(), 'form');

    await page.getByLabel(/^受理机关/).selectOption({ label: '示例县教育局' });
    await page.getByLabel('公民（自然人）').check();
    await page.getByLabel('申请人姓名').fill('赵六');
    await page.getByLabel('证件号码').fill(ID_NUMBER.slice(0, 17) + (ID_NUMBER.endsWith('0') ? '1' : '0')); // a typo in the check digit
    await page.getByLabel('联系电话').fill('13700000000');
    await page.getByLabel('所需政府信息的内容描述').fill('义务教育阶段学校招生入学工作的划片范围');
    await page.getByLabel('我已阅读并同意').check();
    await answerHumanCheck(page);
    await page.waitForTimeout(MIN_FILL_MS.check); // a person takes longer than this to fill the form
    await page.getByRole('button', { name: '下一步：查找已公开的信息' }).click();

    // The mistake is named beside its field, in the summary too; what was typed is still there.
    await expect(page.locator('#f-idNumber-error').textContent()).resolves.toContain('居民身份证号码有误');
    await expect(page.locator('.error-summary a[href="#f-idNumber"]').count()).resolves.toBe(1);
    await expect(page.getByLabel('申请人姓名').inputValue()).resolves.toBe('赵六');
    await expect(page.getByLabel('所需政府信息的内容描述').inputValue()).resolves.toBe('义务教育阶段学校招生入学工作的划片范围');
    await expectAccessible(await page.content(), 'form with errors');

    await page.getByLabel('证件号码').fill(ID_NUMBER);
    await answerHumanCheck(page);
    await page.waitForTimeout(MIN_FILL_MS.check);
    await page.getByRole('button', { name: '下一步：查找已公开的信息' }).click();

    // Already published: the 教育局's notice on enrolment, offered before anything is submitted.
    await expect(page.locator('.matches').textContent()).resolves.toContain('示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知');
    await expectAccessible(await page.content(), 'check step');
    await page.locator('#f-attachments').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]) });
    await answerHumanCheck(page);
    await page.waitForTimeout(MIN_FILL_MS.submit);
    await page.getByRole('button', { name: '仍要提交申请' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe('申请已提交');
    expect(new URL(page.url()).pathname).toBe('/zfxxgk/ysqgk/hz');
    const codes = page.locator('.receipt .code');
    const number = (await codes.nth(0).textContent())!;
    const code = (await codes.nth(1).textContent())!;
    expect(number).toMatch(/^\d{4}-jyj-\d{4}$/);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await expect(page.locator('.receipt').textContent()).resolves.toMatch(/答复期限\d{4}年\d{1,2}月\d{1,2}日/);
    const receipt = await page.content();
    expect(receipt).not.toContain(ID_NUMBER);
    await expectAccessible(receipt, 'receipt');

    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByLabel('申请编号').fill(number);
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('main dl').textContent()).resolves.toContain('已登记');
    await expect(page.locator('.timeline').textContent()).resolves.toContain('收到申请');
    // Neither the code nor the number went into an address.
    expect(page.url()).toBe(`${h.baseUrl}/zfxxgk/ysqgk/cx`);
    const tracked = await page.content();
    expect(tracked).not.toContain(ID_NUMBER);
    expect(tracked).not.toContain('赵六');
    await expectAccessible(tracked, 'tracking');
    await context.close();
  });
});
