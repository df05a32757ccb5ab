// Issue #5's acceptance journey, end to end in a real browser: a citizen applies on the portal (no
// JavaScript); the education bureau's handler finds the application in the workbench inbox, sends a
// correction notice, records the corrected request, replies 部分公开 with its legal basis and
// generates the reply letter; the citizen opens the tracking page with the number and query code,
// sees the letter beside the reply, and downloads it as Word.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../src/portal/human-check.js';
import { testIdNumber } from '../src/features/applications/test-fixtures.js';
import { answerHumanCheck, choose, confirm, ok, openMenu, signIn, step, timeline } from './application-steps.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const ID_NUMBER = testIdNumber('19790918', '035');
const REQUEST = '示例县2026年各公办幼儿园收费标准及核定文件';

describe('an application from the portal to the reply letter', () => {
  it('a citizen applies, the handler corrects and replies 部分公开 with a letter, the citizen downloads it', async () => {
    // ---- the citizen applies -------------------------------------------------------------------
    const citizen = await h.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, javaScriptEnabled: false, acceptDownloads: true });
    const portal = await citizen.newPage();
    await portal.goto(`${h.baseUrl}/zfxxgk/ysqgk/sq?org=jyj`);
    await portal.getByLabel('公民（自然人）').check();
    await portal.getByLabel('申请人姓名').fill('陈十六');
    await portal.getByLabel('证件号码').fill(ID_NUMBER);
    await portal.getByLabel('联系电话').fill('13600000000');
    await portal.getByLabel('所需政府信息的内容描述').fill(REQUEST);
    await portal.getByLabel('我已阅读并同意').check();
    await answerHumanCheck(portal);
    await portal.waitForTimeout(MIN_FILL_MS.check); // a person takes longer than this to fill the form
    await portal.getByRole('button', { name: '下一步：查找已公开的信息' }).click();
    await answerHumanCheck(portal);
    await portal.waitForTimeout(MIN_FILL_MS.submit);
    await portal.getByRole('button', { name: /提交申请/ }).click();
    await expect(portal.locator('h1').textContent()).resolves.toBe('申请已提交');
    const codes = portal.locator('.receipt .code');
    const number = (await codes.nth(0).textContent())!;
    const code = (await codes.nth(1).textContent())!;

    // ---- the handler ---------------------------------------------------------------------------
    const page = await signIn(h.browser, h.baseUrl, 'jyj_handler');
    await openMenu(page, '收件箱');
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row.textContent()).resolves.toContain('陈十六');
    await row.getByRole('link', { name: number }).click();
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('已登记');

    let dialog = await step(page, '告知补正');
    await dialog.getByLabel('需要补正的事项').fill('请写明所需收费标准的学年（如2026—2027学年）');
    await ok(dialog);
    await confirm(page);
    await timeline(page).getByText('告知补正', { exact: true }).waitFor();
    await expect(page.getByTestId('due-date').textContent()).resolves.toContain('待补正');

    dialog = await step(page, '登记收到补正');
    await ok(dialog);
    await timeline(page).getByText('收到补正的申请', { exact: true }).waitFor();

    dialog = await step(page, /^答\s*复$/, '答复');
    await choose(dialog, '办理结果', '部分公开');
    await dialog.getByLabel('法律依据（具体条款）').fill('《中华人民共和国政府信息公开条例》第十五条、第三十七条');
    await ok(dialog);
    await confirm(page);
    await page.getByTestId('case-status').getByText('已答复').waitFor();

    await page.getByRole('button', { name: '生成答复书' }).click();
    const letterDialog = page.getByRole('dialog', { name: /^(生成|已出具)答复书/ });
    await letterDialog.getByLabel('不予公开的内容').fill('各幼儿园成本监审报告中的供应商报价');
    await letterDialog.getByRole('button', { name: '生成答复书' }).click();
    const letterNumber = (await letterDialog.getByTestId('letter-number').textContent())!;
    await letterDialog.getByRole('button', { name: /完\s*成/ }).click();
    await page.close();

    // ---- the citizen tracks and downloads ------------------------------------------------------
    await portal.goto(`${h.baseUrl}/zfxxgk/ysqgk/cx`);
    await portal.getByLabel('申请编号').fill(number);
    await portal.getByLabel('查询码').fill(code);
    await portal.getByRole('button', { name: '查询' }).click();
    await expect(portal.locator('main dl').textContent()).resolves.toContain('已答复');
    const steps = await portal.locator('.timeline').textContent();
    expect(steps).toContain('告知补正');
    expect(steps).toContain('收到补正的申请');
    // The reply names its letter.
    expect(steps).toContain(letterNumber);
    const letters = portal.locator('.letters');
    await expect(letters.textContent()).resolves.toContain(letterNumber);
    const title = (await letters.locator('.letter-title').textContent())!;
    expect(title).toBe('政府信息部分公开告知书');
    const [download] = await Promise.all([portal.waitForEvent('download'), letters.getByRole('button', { name: `下载（Word）：${title}` }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}（${letterNumber}）.docx`);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    // The Word file is the letter: 部分公开, with the withheld part and its article.
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
    expect(xml).toContain('各幼儿园成本监审报告中的供应商报价');
    expect(xml).toContain('第十五条');
    expect(xml).not.toContain(ID_NUMBER);
    await citizen.close();
  });
});
