// The 年报 column in a real browser (issue #6 item 5): a published report — the 洪泽区 2024 figures
// entered under the demo county — is found from the home page without JavaScript, its tables read as
// tables, its Word file downloads, and the list and the report pass axe (WCAG 2.1 A/AA), the report's
// spanning headers and every figure's `headers` included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hongzeReport } from '../test/fixtures/annual-report/hongze.js';
import { annualReports } from '../src/features/annual-report/schema.js';
import { rootOrg } from '../src/features/orgs/organizations.js';
import { axeViolations, startHarness, type Harness } from './harness.js';

let h: Harness;
let code: string;
let orgName: string;
beforeAll(async () => {
  h = await startHarness();
  const root = (await rootOrg(h.database.db))!;
  code = root.code;
  orgName = root.name;
  const r = hongzeReport(2024);
  await h.database.db.insert(annualReports).values({ orgId: root.id, year: 2024, status: 'published', source: 'entered', tables: r.tables, sections: r.sections, publishedAt: new Date('2025-03-20T02:00:00Z') });
});
afterAll(() => h?.close());

describe('年度报告 on the portal', () => {
  it('is found from the home page without JavaScript, reads as tables, downloads as Word and passes axe', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${h.baseUrl}/`);
    await reader.getByRole('link', { name: /年度报告/ }).click();
    await reader.getByRole('heading', { name: '2024年度' }).waitFor();
    await reader.getByRole('link', { name: `${orgName}2024年政府信息公开工作年度报告` }).click();
    await expect(reader.locator('h1').innerText()).resolves.toBe(`${orgName}\n2024年政府信息公开工作年度报告`);

    // Table 三 as the browser's accessibility tree sees it: a table with its caption, a figure's row.
    const applications = reader.getByRole('table', { name: '收到和处理政府信息公开申请情况（单位：件）' });
    await expect(applications.getByRole('row', { name: /一、本年新收政府信息公开申请数量/ }).innerText()).resolves.toMatch(/95\s+0\s+0\s+0\s+0\s+0\s+95/);
    await expect(reader.getByRole('table', { name: '第二十条第（五）项' }).getByRole('cell', { name: '9487' }).isVisible()).resolves.toBe(true);

    const download = reader.waitForEvent('download');
    await reader.getByRole('link', { name: '下载 Word 文件' }).click();
    expect((await download).suggestedFilename()).toBe(`${orgName}2024年政府信息公开工作年度报告.docx`);
    await context.close();

    // axe needs JavaScript to run: the same pages in an ordinary browser, on a desktop and a phone.
    const checker = await h.browser.newPage();
    for (const url of ['/zfxxgk/ndbg', `/zfxxgk/ndbg/${code}/2024`]) {
      await checker.goto(`${h.baseUrl}${url}`);
      expect(await axeViolations(checker), url).toEqual([]);
    }
    await checker.setViewportSize({ width: 390, height: 844 });
    await checker.goto(`${h.baseUrl}/zfxxgk/ndbg/${code}/2024`);
    expect(await axeViolations(checker), 'phone').toEqual([]);
    // On a phone the wide tables scroll inside their region, not the page.
    expect(await checker.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checker.close();
  });
});
