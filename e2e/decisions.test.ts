// 重大行政决策 (issue #7 items 1, 2) in a real browser: the county government's editor adds an item to
// the published 2026 catalogue, which asks the reason and records it; the undertaking department
// (教育局) records a legality review shorter than 7 working days across 国庆 2026 and is refused with
// the server's message in the dialog, then a valid one; the portal, without JavaScript, shows the item
// in the catalogue with its stage, the change with its reason and the decision's path; both pages pass
// axe. Another department's editor cannot record the item's stages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, ok, pickDate, signIn, step } from './application-steps.js';
import { expectAccessible, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const CATALOG = '示例县人民政府2026年度重大行政决策事项目录';
const ITEM = '示例县校园周边交通安全综合治理方案';
const REASON = '根据县委教育工作领导小组会议部署增列';

async function openCatalog(page: Page) {
  await page.getByRole('menuitem', { name: '公众参与' }).click();
  await page.getByRole('menuitem', { name: '决策事项目录' }).click();
  await page.getByRole('link', { name: CATALOG }).click();
  await page.getByRole('heading', { name: '调整记录' }).waitFor();
}

describe('重大行政决策', () => {
  it('the government adds an item with its reason, the department records its legality review, the portal shows both', async () => {
    const gov = await signIn(h.browser, h.baseUrl, 'sxx_editor');
    await openCatalog(gov);
    const add = await step(gov, '新增事项', '新增决策事项');
    await add.getByLabel('决策事项').fill(ITEM);
    await choose(add, '承办单位', '示例县教育局');
    await add.getByLabel('决策依据').fill('《中华人民共和国道路交通安全法》');
    await add.getByLabel('计划完成时间').fill('2027年3月');
    // Published: the reason is asked before anything is sent.
    await ok(add);
    await add.getByText('目录已公布，请填写调整理由').waitFor();
    await add.getByLabel('调整理由').fill(REASON);
    await ok(add);
    await add.waitFor({ state: 'hidden' });
    await gov.getByRole('link', { name: ITEM }).waitFor();
    await gov.getByText(`调整理由：${REASON}`).waitFor();
    await gov.close();

    const jyj = await signIn(h.browser, h.baseUrl, 'jyj_editor');
    await openCatalog(jyj);
    await jyj.getByRole('link', { name: ITEM }).click();
    await jyj.getByText('尚未登记办理阶段。').waitFor();
    const id = Number(/#\/participation\/decisions\/(\d+)$/.exec(jyj.url())![1]);
    const stage = await step(jyj, '登记办理阶段');
    await choose(stage, '阶段', '合法性审查');
    // Sent Friday 9月25日: 28–30日 1–3, 10月1–7日 国庆, 8日 4, 9日 5, 10日 (Saturday, 调休) 6 — one short.
    await pickDate(stage, '开始日期', '2026-09-25');
    await pickDate(stage, '结束日期', '2026-10-10');
    await stage.getByLabel('情况说明').fill('县司法局出具合法性审查意见书，认为方案合法。');
    await ok(stage);
    await stage
      .getByRole('alert')
      .getByText('合法性审查时间不少于7个工作日（《重大行政决策程序暂行条例》第二十六条）：自2026年9月25日送审（当日不计入）至2026年10月10日只有 6 个工作日，最早可于2026年10月12日结束')
      .waitFor();
    await pickDate(stage, '结束日期', '2026-10-12');
    await ok(stage);
    await stage.waitFor({ state: 'hidden' });
    const recorded = jyj.getByTestId('stage');
    await expect(recorded.textContent()).resolves.toMatch(/合法性审查2026年9月25日至2026年10月12日已完成/);
    await jyj.close();

    // Another department (住建局 undertakes another item of the catalogue) cannot open this decision.
    const zjj = await signIn(h.browser, h.baseUrl, 'zjj_editor');
    await zjj.goto(`${h.baseUrl}/workbench/#/participation/decisions/${id}`);
    await zjj.getByText('无权查看该决策事项').waitFor();
    await zjj.close();

    // The portal without JavaScript, on a phone.
    const context = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const portal = await context.newPage();
    await portal.goto(`${h.baseUrl}/zfxxgk/zdjc`);
    await portal.getByRole('link', { name: CATALOG }).click();
    const row = portal.getByRole('row', { name: new RegExp(ITEM) });
    await expect(row.textContent()).resolves.toContain('示例县教育局《中华人民共和国道路交通安全法》2027年3月合法性审查（已完成）');
    await portal.getByText(`调整理由：${REASON}`).waitFor();
    await portal.getByText(new RegExp(`新增事项：\\d+\\. ${ITEM}（示例县教育局）`)).waitFor();
    await row.getByRole('link', { name: ITEM }).click();
    const path = portal.locator('section', { has: portal.getByRole('heading', { name: '决策过程' }) });
    await expect(path.textContent()).resolves.toContain('合法性审查　2026年9月25日至2026年10月12日县司法局出具合法性审查意见书，认为方案合法。');
    const decisionPath = new URL(portal.url()).pathname;
    await context.close();

    await expectAccessible(h, '/zfxxgk/zdjc/sxx/2026');
    await expectAccessible(h, decisionPath);
  });
});
