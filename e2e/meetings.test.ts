// 列席会议 (issue #7 item 6) in a real browser: the county government's editor records a meeting in
// the workbench with two representatives — one who agreed to be named, one who did not — and an
// opinion of the one not named, publishes it, then records the opinion's handling; the portal, read
// on a phone without JavaScript, shows the handling and the unnamed representative by capacity only,
// never by name; both portal pages pass axe. Another department's editor cannot open the meeting.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, signIn, step } from './application-steps.js';
import { expectAccessible, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const TITLE = '示例县人民政府2026年第15次常务会议';
const NAMED = '刘建新';
const HIDDEN = '欧阳秀英';
const OPINION = '建议城区公交线路延伸到新建安置小区';
const HANDLING = '已采纳，县交通运输局于12月起将3路公交延伸至安置小区';

/** Sends a dialog with its button and waits for it to close. */
async function send(dialog: Locator, button: RegExp) {
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('列席会议', () => {
  it('staff record, publish and handle; the portal shows the handling and not the unnamed name', async () => {
    const page = await signIn(h.browser, h.baseUrl, 'sxx_editor');
    await page.getByRole('menuitem', { name: '公众参与' }).click();
    await page.getByRole('menuitem', { name: '列席会议' }).click();

    // The meeting, held today (the form's default day).
    const create = await step(page, '登记会议', '登记会议');
    await create.getByLabel('会议名称').fill(TITLE);
    await create.getByLabel('会议议题').fill('审议《示例县城区公交线网优化方案》');
    await create.getByLabel('列席代表产生方式').fill('网上自愿报名，随机抽取');
    await send(create, /^登\s*记$/);
    await page.getByRole('heading', { name: '列席代表' }).waitFor();
    const id = Number(/#\/participation\/meetings\/(\d+)$/.exec(page.url())![1]);

    for (const [name, capacity, consent] of [[NAMED, '县人大代表', true], [HIDDEN, '市民代表', false]] as const) {
      const dialog = await step(page, '登记代表', '登记列席代表');
      await dialog.getByLabel('姓名', { exact: true }).fill(name);
      await dialog.getByLabel('身份', { exact: true }).fill(capacity);
      if (consent) await dialog.getByRole('switch', { name: '本人同意在门户网站公开姓名' }).click();
      await send(dialog, /^登\s*记$/);
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    await expect(page.getByRole('row', { name: new RegExp(HIDDEN) }).textContent()).resolves.toContain('市民代表（未公开姓名）');
    await expect(page.getByRole('switch', { name: `${NAMED}同意公开姓名` }).getAttribute('aria-checked')).resolves.toBe('true');
    await expect(page.getByRole('switch', { name: `${HIDDEN}同意公开姓名` }).getAttribute('aria-checked')).resolves.toBe('false');

    const opinion = await step(page, '登记意见', '登记代表意见');
    await choose(opinion, '提出意见的代表', `${HIDDEN}（市民代表）`);
    await opinion.getByLabel('意见内容').fill(OPINION);
    await send(opinion, /^登\s*记$/);
    await page.getByRole('row', { name: new RegExp(OPINION) }).getByText('待办理').waitFor();

    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^发\s*布$/ }).click();
    await page.getByText('已发布到门户网站').waitFor();
    await page.getByRole('button', { name: '撤回发布' }).waitFor();
    // Published: the record is fixed, the handling is not.
    await expect(page.getByLabel('会议名称').isDisabled()).resolves.toBe(true);

    const handling = await step(page, '登记第 1 条意见的办理情况', '意见办理情况');
    await handling.getByLabel('办理情况').fill(HANDLING);
    await send(handling, /^保\s*存$/);
    await page.getByRole('row', { name: new RegExp(OPINION) }).getByText(HANDLING).waitFor();
    await page.close();

    // The portal, on a phone without JavaScript: found from the list, the handling shown, the name not.
    const context = await h.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, javaScriptEnabled: false });
    const phone = await context.newPage();
    await phone.goto(`${h.baseUrl}/zfxxgk/lxhy`);
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByText(HANDLING).waitFor();
    const body = (await phone.locator('main, body').first().textContent()) ?? '';
    expect(body).toContain(`${NAMED}（县人大代表）`);
    expect(body).toContain('市民代表（未公开姓名）');
    expect(body).toContain(OPINION);
    expect(await phone.content()).not.toContain(HIDDEN);
    // Nothing wider than the phone's screen.
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await context.close();

    for (const path of ['/zfxxgk/lxhy', `/zfxxgk/lxhy/${id}`]) await expectAccessible(h, path);

    // Another department's editor sees neither the meeting in the list nor the meeting itself.
    const other = await signIn(h.browser, h.baseUrl, 'jyj_editor');
    await other.goto(`${h.baseUrl}/workbench/#/participation/meetings/${id}`);
    await other.getByText('无权查看该会议').waitFor();
    await other.close();
  });
});
