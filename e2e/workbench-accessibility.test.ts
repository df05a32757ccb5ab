// The workbench's main screens pass axe (WCAG 2.1 A/AA) once their data has loaded: staff who use a
// screen reader, zoom or high contrast do their daily work here, not only citizens on the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn } from './application-steps.js';
import { axeViolations, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Screens, each with the text that shows it is there. */
const DAILY: [route: string, shown: string][] = [
  ['/', '您好'],
  ['/documents', '信息发布'],
  ['/applications', '依申请公开收件箱'],
  ['/reports', '的年度报告'],
  ['/coverage', '解读覆盖率'],
  ['/columns', '栏目管理'],
  ['/calendar', '工作日历'],
];
const SUPERVISION: [route: string, shown: string][] = [
  ['/participation', '征求意见'],
  ['/participation/decisions', '决策事项目录'],
  ['/participation/meetings', '列席会议'],
  ['/orgs', '机构'],
  ['/audit', '审计日志'],
];

/** The axe violations of each screen, after its data has loaded. */
async function violations(page: Page, screens: [string, string][]) {
  const found: Record<string, unknown> = {};
  for (const [route, shown] of screens) {
    await page.goto(`${h.baseUrl}/workbench/#${route}`);
    await page.getByText(shown).first().waitFor().catch(() => {
      throw new Error(`${route}: ${shown} never showed`);
    });
    // Loaded: no spinner, no skeleton, no button still waiting, nothing still fading in (axe would
    // measure the contrast of a half-transparent button).
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton, .ant-btn-loading').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.getAnimations().map((a) => `${a.constructor.name} ${(a as CSSTransition).transitionProperty ?? (a as CSSAnimation).animationName ?? ''} ${(a.effect as KeyframeEffect | null)?.target?.className ?? ''}`))).toEqual([]);
    const v = await axeViolations(page);
    if (v.length) found[route] = v;
  }
  return found;
}

describe('workbench accessibility', () => {
  it('the office head’s daily screens have no WCAG 2.1 A/AA violation', async () => {
    const page = await signIn(h.browser, h.baseUrl, 'jyj_head');
    const found = await violations(page, DAILY);
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    await page.close();
  });

  it('nor do the supervising office’s', async () => {
    const page = await signIn(h.browser, h.baseUrl, 'gkb');
    const found = await violations(page, SUPERVISION);
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    await page.close();
  });
});
