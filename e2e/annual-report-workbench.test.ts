// The annual report written in the workbench and published, in a real browser (issue #6): the 教育局's
// office head first enters the report before last from a JSON file (as it was published elsewhere);
// the editor drafts last year's report, types the figures from other systems, rewrites sections 一 and
// 五, saves and sees the checks: the draft's 【待填写】 notes and empty figures are errors, and a 五
// that says nothing of last year's problems is a warning because last year's report is known. The
// office head publishes it, confirming the warning; the report is then found in the portal's 年报
// column without JavaScript, with the typed figures and text, and passes axe; the supervisor sees it
// 已发布 among every department's reports for the year.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hongzeReport } from '../test/fixtures/annual-report/hongze.js';
import { signIn } from './application-steps.js';
import { axeViolations, startHarness, type Harness } from './harness.js';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'gongkai-report-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The report due now: last year's, in China. */
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;
const ORG = '示例县教育局';
const title = `${ORG}${year}年政府信息公开工作年度报告`;
const OVERVIEW = `${year}年，示例县教育局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开招生入学、学校收费等信息。`;
// Says nothing of last year's problems: the check warns once last year's report is known.
const PROBLEMS = '（一）存在的主要问题。政策解读形式还不够丰富。\n（二）改进情况。将增加图解和视频解读。';

async function openReports(page: Page) {
  await page.getByRole('menuitem', { name: '年度报告' }).click();
}

const figure = (page: Page, name: string) => page.getByRole('spinbutton', { name, exact: true });

// One journey in steps, each step on the state the one before left.
describe('年度报告 in the workbench', () => {
  let head: Page;

  it('the office head enters the report before last, published elsewhere, from its JSON file', async () => {
    head = await signIn(h.browser, h.baseUrl, 'jyj_head');
    await openReports(head);
    await head.getByRole('button', { name: '录入往年报告' }).click();
    const file = path.join(dir, 'report.json');
    writeFileSync(file, JSON.stringify({ ...hongzeReport(2024), year: year - 1, publishedOn: `${year}-01-20` }));
    await head.locator('input[type=file]').setInputFiles(file);
    await head.getByTestId('entered-loaded').waitFor();
    await expect(figure(head, '行政许可 本年处理决定数量').inputValue()).resolves.toBe('9487');
    await head.getByRole('button', { name: '保存为已发布报告' }).click();
    await head.getByRole('dialog', { name: '录入往年报告' }).getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(head.getByTestId('report-published').innerText()).resolves.toContain(`本报告已于${year}年1月20日发布`);
  });

  it('the editor drafts last year\'s report, types the figures from other systems, rewrites 一 and 五, and sees the checks', async () => {
    // The year due now is chosen by default.
    const editor = await signIn(h.browser, h.baseUrl, 'jyj_editor');
    await openReports(editor);
    await editor.getByRole('button', { name: `编写${year}年度报告` }).click();
    const errors = editor.getByTestId('report-errors');
    await expect(errors.innerText()).resolves.toContain('第二十条第（五）项「行政许可」「本年处理决定数量」未填写（没有的填 0）');
    await expect(errors.innerText()).resolves.toContain('一、总体情况：还有“【待填写…】”的内容，请按实际情况改写后再发布');
    // An editor does not publish.
    await expect(editor.getByRole('button', { name: /^发\s*布$/ }).count()).resolves.toBe(0);

    await figure(editor, '行政许可 本年处理决定数量').fill('12');
    await figure(editor, '行政处罚 本年处理决定数量').fill('3');
    await figure(editor, '行政强制 本年处理决定数量').fill('0');
    await figure(editor, '行政事业性收费 本年收费金额（单位：万元）').fill('1.25');
    await editor.getByRole('textbox', { name: '一、总体情况' }).fill(OVERVIEW);
    await editor.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }).fill(PROBLEMS);
    await editor.getByRole('button', { name: '保存修改' }).click();
    // Saved and checked again: no error left, the warning that last year's report causes.
    const warnings = editor.getByTestId('report-warnings');
    await expect(warnings.innerText()).resolves.toContain(`五、存在的主要问题及改进情况：没有写${year - 1}年年报所列问题的改进情况`);
    await expect(errors.count()).resolves.toBe(0);

    // What was saved is what the server keeps: the page read again, the check run again.
    await editor.reload();
    await expect(figure(editor, '行政事业性收费 本年收费金额（单位：万元）').inputValue()).resolves.toBe('1.25');
    await expect(editor.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }).inputValue()).resolves.toBe(PROBLEMS);
    await editor.getByRole('button', { name: /^检\s*查$/ }).click();
    await editor.getByText('检查完成').waitFor();
    await expect(warnings.innerText()).resolves.toContain(`没有写${year - 1}年年报所列问题的改进情况`);
    await expect(errors.count()).resolves.toBe(0);
  });

  it('the office head publishes it, confirming the warning, and is given the portal page and the Word file', async () => {
    await openReports(head);
    await head.getByRole('link', { name: title }).click();
    await head.getByRole('button', { name: /^发\s*布$/ }).click();
    const publish = head.getByRole('dialog', { name: '发布年度报告' });
    await expect(publish.innerText()).resolves.toContain(`没有写${year - 1}年年报所列问题的改进情况`);
    await publish.getByRole('button', { name: '已核对提示，发布' }).click();
    const published = head.getByTestId('report-published');
    await published.waitFor();
    await expect(head.getByRole('button', { name: '保存修改' }).count()).resolves.toBe(0);
    await expect(published.getByRole('link', { name: '在门户网站查看' }).getAttribute('href')).resolves.toBe(`/zfxxgk/ndbg/jyj/${year}`);
    const word = await published.getByRole('link', { name: '下载 Word 文件' }).getAttribute('href');
    const docx = await head.request.get(`${h.baseUrl}${word}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('officedocument.wordprocessingml');
  });

  it('is found in the portal\'s 年报 column without JavaScript, with the typed figures and text, and passes axe', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${h.baseUrl}/`);
    await reader.getByRole('link', { name: /年度报告/ }).click();
    await reader.getByRole('heading', { name: `${year}年度` }).waitFor();
    await reader.getByRole('link', { name: title }).click();
    await expect(reader.locator('h1').innerText()).resolves.toBe(`${ORG}\n${year}年政府信息公开工作年度报告`);
    await expect(reader.getByRole('table', { name: '第二十条第（五）项' }).getByRole('row', { name: /行政许可/ }).innerText()).resolves.toMatch(/行政许可\s+12$/);
    await expect(reader.getByRole('table', { name: '第二十条第（八）项' }).getByRole('row', { name: /行政事业性收费/ }).innerText()).resolves.toMatch(/1\.25$/);
    await reader.getByText('政策解读形式还不够丰富。').waitFor();
    await context.close();
    const checker = await h.browser.newPage();
    await checker.goto(`${h.baseUrl}/zfxxgk/ndbg/jyj/${year}`);
    expect(await axeViolations(checker)).toEqual([]);
    await checker.close();
  });

  it('the supervisor sees it published among the year\'s reports and opens it read-only', async () => {
    const supervisor = await signIn(h.browser, h.baseUrl, 'gkb');
    await openReports(supervisor);
    const row = supervisor.getByTestId('report-statuses').getByRole('row', { name: new RegExp(ORG) });
    await expect(row.innerText()).resolves.toMatch(new RegExp(`已发布[\\s\\S]*${year + 1}年1月31日`));
    await row.getByRole('link', { name: ORG }).click();
    await supervisor.getByTestId('report-published').waitFor();
    await expect(supervisor.getByRole('button', { name: '保存修改' }).count()).resolves.toBe(0);
    await expect(supervisor.getByRole('spinbutton').count()).resolves.toBe(0);
  });
});
