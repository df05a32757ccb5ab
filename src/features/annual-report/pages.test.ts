// The portal's 年报 column: published reports listed by year (newest first, the government before its
// departments), each report's page with its tables, its Word file and its JSON; drafts and unknown
// reports are a Chinese 404 on every address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { hongzeReport } from '../../../test/fixtures/annual-report/hongze.js';
import { childOrgs, rootOrg } from '../orgs/organizations.js';
import type { Organization } from '../orgs/schema.js';
import { annualReportCommand } from './command.js';
import { annualReports } from './schema.js';
import { docxTables, htmlTables } from './table-text.js';

let t: TestApp;
let visitor: TestClient;
let root: Organization;
let dept: Organization;

beforeAll(async () => {
  t = await startTestApp();
  visitor = await t.client();
  const { db } = t.database;
  root = (await rootOrg(db))!;
  dept = (await childOrgs(db, root.id)).find((o) => o.kind === 'department')!;
  const r2024 = hongzeReport(2024);
  const r2023 = hongzeReport(2023);
  const published = (at: string) => ({ status: 'published' as const, source: 'entered' as const, publishedAt: new Date(at) });
  await db.insert(annualReports).values([
    { orgId: root.id, year: 2024, tables: r2024.tables, sections: r2024.sections, ...published('2025-03-20T02:00:00Z') },
    { orgId: dept.id, year: 2024, tables: r2024.tables, sections: r2024.sections, ...published('2025-01-20T02:00:00Z') },
    { orgId: root.id, year: 2023, tables: r2023.tables, sections: r2023.sections, ...published('2024-03-28T02:00:00Z') },
    // A draft: never on the portal.
    { orgId: dept.id, year: 2023, tables: r2023.tables, sections: { overview: '草稿内容不应公开' } },
  ]);
});
afterAll(() => t?.close());

describe('the 年报 column', () => {
  it('lists every published report by year, newest first, the government before its departments', async () => {
    const res = await visitor.get('/zfxxgk/ndbg');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    const at = (s: string) => body.indexOf(s);
    expect(at('<h2 id="year-2024">2024年度</h2>')).toBeGreaterThan(0);
    expect(at('2024年度')).toBeLessThan(at('2023年度'));
    expect(at(`${root.name}2024年政府信息公开工作年度报告`)).toBeLessThan(at(`${dept.name}2024年政府信息公开工作年度报告`));
    expect(at(`${dept.name}2024年政府信息公开工作年度报告`)).toBeLessThan(at('2023年度'));
    expect(body).toContain(`href="/zfxxgk/ndbg/${root.code}/2023"`);
    expect(body).not.toContain(`${dept.name}2023年`);
    expect(body).toContain('发布日期：2025年1月20日');
    // The home page leads to it.
    expect((await visitor.get('/')).body).toContain('href="/zfxxgk/ndbg"');
  });

  it('shows a report with its tables, a Word file with the same tables, and its JSON', async () => {
    const page = await visitor.get(`/zfxxgk/ndbg/${dept.code}/2024`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${dept.name}<br/>2024年政府信息公开工作年度报告`);
    // The opening paragraph from the department's office; the text sections as entered.
    expect(page.body).toContain(`本报告由${dept.officeName || dept.name}根据《中华人民共和国政府信息公开条例》`);
    expect(page.body).toContain(hongzeReport(2024).sections.other);
    expect(page.body).toContain(`href="/zfxxgk/ndbg/${dept.code}/2024.docx"`);
    const tables = htmlTables(page.body);
    expect(tables.map((x) => x.rows.at(-1)!.map((c) => c.text).join(' ')).at(-1)).toBe('1 1 0 0 2 1 0 0 0 1 2 0 1 0 3');

    const word = await visitor.get(`/zfxxgk/ndbg/${dept.code}/2024.docx`);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    expect(word.headers['content-disposition']).toContain(encodeURIComponent(`${dept.name}2024年政府信息公开工作年度报告.docx`));
    const wordTables = await docxTables(word.rawPayload);
    // The same figures, table by table (Word prints table 二's item as a band row above).
    for (const [i, table] of wordTables.entries()) {
      const figures = (rows: { text: string }[][]) => rows.flat().filter((c) => /^\d+$/.test(c.text)).map((c) => c.text);
      expect(figures(table.rows), `table ${i}`).toEqual(figures(tables[i].rows));
    }

    const json = await visitor.get(`/zfxxgk/ndbg/${dept.code}/2024.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ org: { code: dept.code, name: dept.name }, year: 2024, source: 'entered', tables: hongzeReport(2024).tables });
  });

  it('answers a draft, an unknown organization or year and a bad address with a Chinese 404', async () => {
    for (const url of [`/zfxxgk/ndbg/${dept.code}/2023`, `/zfxxgk/ndbg/${dept.code}/2023.docx`, `/zfxxgk/ndbg/${dept.code}/2023.json`, '/zfxxgk/ndbg/nope/2024', `/zfxxgk/ndbg/${dept.code}/2022`, `/zfxxgk/ndbg/${dept.code}/24.pdf`]) {
      const res = await visitor.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('该年度报告不存在或尚未发布');
      expect(res.body).not.toContain('草稿内容不应公开');
    }
    // Published, then withdrawn to a draft: gone from the list and the page.
    // (Written behind the app's back, so the page cache is emptied as a write through the API would.)
    await t.database.db.update(annualReports).set({ status: 'draft', publishedAt: null }).where(eq(annualReports.orgId, dept.id));
    t.app.pageCache.clear();
    expect((await visitor.get(`/zfxxgk/ndbg/${dept.code}/2024`)).statusCode).toBe(404);
    expect((await visitor.get('/zfxxgk/ndbg')).body).not.toContain(`${dept.name}2024年`);
  });
});

describe('gongkai report annual --format html|docx', () => {
  it('writes the computed report as a page or a Word file with the same figures, Word only to a file', async () => {
    let html = '';
    expect(await annualReportCommand(t.database.db, { org: 'jyj', year: '2024', format: 'html' }, (text) => (html += text))).toBe(0);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).toContain('示例县教育局<br/>2024年政府信息公开工作年度报告');
    let json = '';
    await annualReportCommand(t.database.db, { org: 'jyj', year: '2024', format: 'json' }, (text) => (json += text));
    const { tables } = JSON.parse(json);
    // Table 三's 一、本年新收 row as computed; 行政许可 not entered yet shows as a dash.
    const htmlTablesRead = htmlTables(html);
    const received = (rows: { text: string }[][]) => rows.find((row) => row[0].text === '一、本年新收政府信息公开申请数量')!.slice(1).map((c) => Number(c.text));
    expect(received(htmlTablesRead[4].rows)).toEqual(Object.values(tables.applications.received));
    expect(htmlTablesRead[1].rows.at(-1)!.map((c) => c.text)).toEqual(['行政许可', '—']);

    await expect(annualReportCommand(t.database.db, { org: 'jyj', year: '2024', format: 'docx' })).rejects.toThrow('输出 Word 文件（docx）时须用 --out 指定文件');
    const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-report-'));
    try {
      const out = path.join(dir, 'report.docx');
      expect(await annualReportCommand(t.database.db, { org: 'jyj', year: '2024', format: 'docx', out })).toBe(0);
      const word = await docxTables(readFileSync(out));
      expect(received(word[4].rows)).toEqual(Object.values(tables.applications.received));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
