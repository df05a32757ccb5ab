// Steps the applications' browser journeys share: signing in to the workbench, a case step's dialog,
// and the portal's human check answered from its question as a person would.
import type { Browser, Locator, Page } from 'playwright-core';
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

/** The dialog of a case step: opened by its button; `ok` sends it. */
export async function step(page: Page, button: string | RegExp): Promise<Locator> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.locator('.ant-modal:visible').last();
  await dialog.waitFor();
  return dialog;
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
