// Steps the applications' browser journeys share: signing in to the workbench, a case step's dialog,
// and the portal's human check answered from its question as a person would.
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readAnswer } from '../src/portal/human-check.js';

export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/workbench/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Gongkai@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

export async function openMenu(page: Page, item: string) {
  await page.getByRole('menuitem', { name: '依申请公开' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/**
 * The dialog of a case step, opened by its button and found by its title (which begins with the
 * step's name, `title` where the button's name is a pattern): never "the last dialog showing", which
 * may be the one still fading out from the step before. `ok` sends it.
 */
export async function step(page: Page, button: string | RegExp, title: string = button as string): Promise<Locator> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${title}`) });
  await dialog.waitFor();
  return dialog;
}

/**
 * Chooses an option of a searchable select as a keyboard user would: typed, then Enter — no click on a
 * dropdown still moving into place — and waits to see the choice taken.
 */
export async function choose(dialog: Locator, label: string, option: string) {
  await dialog.getByLabel(label).fill(option);
  await dialog.page().locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).waitFor();
  await dialog.page().keyboard.press('Enter');
  await dialog.locator('.ant-select').getByText(option, { exact: true }).waitFor();
}

/** Types a date into a form's date picker, as a person may. */
export async function pickDate(form: Locator, label: string, day: string) {
  const input = form.getByLabel(label);
  await input.click();
  // Enter goes to the open calendar (taking the typed day), never to the form, which it would send.
  const calendar = form.page().locator('.ant-picker-dropdown:visible');
  await calendar.waitFor();
  await input.fill(day);
  await input.press('Enter');
  await calendar.waitFor({ state: 'hidden' });
  await expect(input.inputValue()).resolves.toBe(day);
}

export const ok = (dialog: Locator) => dialog.getByRole('button', { name: /^确\s*定$/ }).click();
/** The second question of an irreversible step. */
export const confirm = (page: Page) => page.locator('.ant-modal-confirm').getByRole('button', { name: /^确\s*定$/ }).click();
export const timeline = (page: Page) => page.getByTestId('timeline');

/** Reads the question (五加七等于几？) and answers it. */
export async function answerHumanCheck(page: Page) {
  const question = (await page.locator('label[for="f-answer"]').textContent()) ?? '';
  const [a, b] = question.replace(/等于几？.*$/, '').split('加').map(readAnswer);
  await page.locator('#f-answer').fill(String(a! + b!));
}
