// Publishing in a real browser: an editor drafts a normative document with an attachment and its interpretation in the
// workbench, a reviewer and a secrecy reviewer approve, the reviewer publishes; the public finds it
// in the library with links both ways. A draft with a personal ID number shows where and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pdf } from '../test/fixtures/files.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function login(page: Page, username: string) {
  await page.goto(`${h.baseUrl}/workbench/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Gongkai@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function date(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Types the body in the rich-text editor, a paragraph per line; '## ' makes a line a heading with the toolbar. */
async function writeBody(page: Page, lines: string[]) {
  await page.getByLabel('正文', { exact: true }).click();
  for (const [i, line] of lines.entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.insertText(line.replace(/^## /, ''));
    if (line.startsWith('## ')) await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '标题', exact: true }).click();
  }
}

async function newDraft(page: Page, fields: { title: string; type: string; docNumber?: string; genre?: string; summary: string; body: string[]; effectiveOn?: string; interpretationOf?: { id: number; title: string } }) {
  await page.goto(`${h.baseUrl}/workbench/#/documents/new`);
  await page.getByLabel('标题', { exact: true }).fill(fields.title);
  await pick(page, '文件类型', fields.type);
  if (fields.docNumber) await page.getByLabel('发文字号').fill(fields.docNumber);
  if (fields.genre) await pick(page, '文种', fields.genre);
  await date(page, '成文日期', '2026-11-20');
  await date(page, '施行日期', fields.effectiveOn ?? '2026-12-01');
  await page.getByLabel('主题分类').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '科技、教育' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: /^教育$/ }).click();
  await page.getByLabel('内容概述').fill(fields.summary);
  await writeBody(page, fields.body);
  if (fields.interpretationOf) {
    // The policy is chosen by typing part of its title.
    await page.getByLabel(/解读的政策文件/).fill(fields.interpretationOf.title.slice(6, 16));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `编号 ${fields.interpretationOf.id}` }).click();
    await pick(page, '解读形式', '问答');
  }
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.waitForURL(/#\/documents\/\d+$/);
  return Number(page.url().match(/(\d+)$/)![1]);
}

async function act(page: Page, id: number, label: string) {
  await page.goto(`${h.baseUrl}/workbench/#/documents/${id}`);
  await page.getByRole('button', { name: label }).click();
  await page.locator(".ant-message-notice", { hasText: `已${label}` }).first().waitFor();
}

describe('publishing a normative document with its interpretation', { timeout: 180_000 }, () => {
  let published: { id: number; title: string } | undefined;

  it('goes from the editor through both reviews to the public library, linked both ways', async () => {
    const editor = await h.browser.newPage();
    await login(editor, 'jyj_editor');
    const title = '示例县教育局关于加强中小学生课后服务工作的通知';
    const policyId = await newDraft(editor, {
      title,
      type: '行政规范性文件',
      docNumber: '示教发〔2026〕30号',
      genre: '通知',
      summary: '规范全县中小学课后服务的时间、内容和收费。',
      body: ['各中小学校：', '为做好课后服务工作，现通知如下。'],
      effectiveOn: '2026-11-20',
    });
    // An attachment, checked by content on the server.
    const pdfPath = path.join(tmpdir(), '附件：课后服务收费标准.pdf');
    writeFileSync(pdfPath, pdf());
    await editor.locator('input[type=file]').setInputFiles(pdfPath);
    await editor.locator('.ant-message-notice', { hasText: '已上传' }).first().waitFor();
    const interpretationId = await newDraft(editor, {
      title: '《关于加强中小学生课后服务工作的通知》政策解读',
      type: '其他政府信息',
      summary: '以问答解读课后服务新规。',
      body: ['## 一、出台背景', '回应家长接孩子难的问题。'],
      interpretationOf: { id: policyId, title },
    });
    await act(editor, policyId, '提交审核');
    await act(editor, interpretationId, '提交审核');
    await editor.close();

    const reviewer = await h.browser.newPage();
    await login(reviewer, 'jyj_reviewer');
    await act(reviewer, policyId, '审核通过');
    await act(reviewer, interpretationId, '审核通过');
    const secrecy = await h.browser.newPage();
    await login(secrecy, 'jyj_secrecy');
    await act(secrecy, policyId, '保密审查通过');
    await act(secrecy, interpretationId, '保密审查通过');
    await secrecy.close();

    await reviewer.goto(`${h.baseUrl}/workbench/#/documents/${policyId}`);
    await reviewer.getByRole('button', { name: /^发\s*布$/ }).click();
    await reviewer.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await reviewer.getByText('已发布', { exact: true }).first().waitFor();
    await reviewer.close();

    const visitor = await h.browser.newPage();
    await visitor.goto(`${h.baseUrl}/zfxxgk/zcwjk?org=jyj`);
    await visitor.getByRole('link', { name: title }).click();
    await expect(visitor.locator('table.doc-meta').textContent()).resolves.toContain('现行有效');
    const download = visitor.waitForEvent('download');
    await visitor.getByRole('link', { name: '附件：课后服务收费标准.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('附件：课后服务收费标准.pdf');
    await visitor.getByRole('link', { name: /政策解读/ }).click();
    await visitor.getByText('解读的政策文件').waitFor();
    // The heading made with the editor's toolbar is a heading on the public page.
    await expect(visitor.locator('.doc-body h2').textContent()).resolves.toBe('一、出台背景');
    await visitor.getByRole('link', { name: title }).click();
    await expect(visitor.locator('h1').textContent()).resolves.toBe(title);
    await visitor.close();
    published = { id: policyId, title };
  });

  it('is repealed by a later document: the library shows 已废止 with the date and the link', async () => {
    if (!published) throw new Error('the publishing journey did not finish');
    const { id: policyId, title } = published;
    const visitor = await h.browser.newPage();
    // A later document repeals it: registered in the workbench, reviewed and published like any other.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const repealTitle = '示例县教育局关于废止《关于加强中小学生课后服务工作的通知》的通知';
    const author = await h.browser.newPage();
    await login(author, 'jyj_editor');
    const repealId = await newDraft(author, {
      title: repealTitle,
      type: '其他政策文件',
      docNumber: '示教发〔2026〕32号',
      genre: '通知',
      summary: '废止课后服务通知。',
      body: ['各中小学校：', '经研究，决定废止《关于加强中小学生课后服务工作的通知》。'],
      effectiveOn: '2026-11-20',
    });
    await author.getByRole('button', { name: '登记修改/废止关系' }).click();
    const dialog = author.getByRole('dialog');
    await dialog.getByLabel('被修改、废止或替代的文件').fill('课后服务');
    await author.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `编号 ${policyId}` }).click();
    await dialog.locator('.ant-select', { hasText: '关系' }).click();
    await author.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^废止$/ }).click();
    const effective = dialog.getByPlaceholder('生效日期');
    await effective.click();
    await effective.fill(today);
    await effective.press('Enter');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await author.locator('.ant-message-notice', { hasText: '已登记' }).first().waitFor();
    await act(author, repealId, '提交审核');
    await author.close();
    const reviewer2 = await h.browser.newPage();
    await login(reviewer2, 'jyj_reviewer');
    await act(reviewer2, repealId, '审核通过');
    const secrecy2 = await h.browser.newPage();
    await login(secrecy2, 'jyj_secrecy');
    await act(secrecy2, repealId, '保密审查通过');
    await secrecy2.close();
    // Same address as its last step: only a reload shows the state after the secrecy review.
    await reviewer2.reload();
    await reviewer2.getByRole('button', { name: /^发\s*布$/ }).click();
    await reviewer2.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await reviewer2.getByText('已发布', { exact: true }).first().waitFor();
    await reviewer2.close();

    await visitor.goto(`${h.baseUrl}/zfxxgk/zcwjk?org=jyj&validity=repealed`);
    const entry = visitor.locator('ol.doc-list li', { hasText: title });
    await expect(entry.locator('.validity').textContent()).resolves.toBe('已废止');
    await entry.getByRole('link', { name: title }).click();
    const history = visitor.locator('ol.history').first();
    const [y, m, d] = today.split('-').map(Number);
    await expect(history.textContent()).resolves.toContain(`${y}年${m}月${d}日起被《${repealTitle}》（示教发〔2026〕32号）废止`);
    await history.getByRole('link').click();
    await expect(visitor.locator('h1').textContent()).resolves.toBe(repealTitle);
    await visitor.close();
  });
});

describe('blocking checks', () => {
  it('shows the editor where and why a draft with an ID number cannot go forward', async () => {
    const editor = await h.browser.newPage();
    await login(editor, 'jyj_editor');
    const id = await newDraft(editor, {
      title: '示例县教育局关于公布2026年教师资格认定结果的通知',
      type: '其他政策文件',
      docNumber: '示教发〔2026〕31号',
      genre: '通知',
      summary: '公布认定结果。',
      body: ['经审核，张某（身份证号码11010519491231002X）符合认定条件。'],
    });
    const finding = editor.getByTestId('finding').first();
    await finding.waitFor();
    // The editor can still correct the draft.
    await expect(editor.getByLabel('内容概述').isEditable()).resolves.toBe(true);
    await editor.screenshot({ path: process.env.E2E_SCREENSHOTS ? `${process.env.E2E_SCREENSHOTS}/doc-findings.png` : (undefined as never) }).catch(() => {});
    await expect(finding.textContent()).resolves.toContain('身份证');
    await expect(finding.textContent()).resolves.toContain('110105********002X');
    await expect(editor.locator('body').textContent()).resolves.not.toContain('须处理 0');
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.locator('.ant-message').getByText(/身份证/).waitFor();
    await editor.goto(`${h.baseUrl}/workbench/#/documents/${id}`);
    await expect(editor.locator('.ant-tag', { hasText: '草稿' }).count()).resolves.toBe(1);
    await editor.close();
  });
});
