// Issue #6's acceptance: entering the 洪泽区 2024 figures reproduces its tables exactly in HTML and in
// Word. Both are read back cell by cell and compared, label by label and figure by figure, with the
// national format and the report as entered, and the figures with the text of the published PDF.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { APPEALS_CELLS, APPEALS_HEAD_ROWS, APPLICATIONS_HEAD_ROWS, PROACTIVE_BLOCKS, applicationsRows, proactiveFigure } from '../../domain/annual-report-format.js';
import { TALLY_COLUMNS } from '../../domain/annual-report-tally.js';
import { hongzeReport, type PublishedReport } from '../../../test/fixtures/annual-report/hongze.js';
import { annualReportDocx } from './render-docx.js';
import { annualReportHtml } from './render-html.js';
import { reportPreamble, type RenderableReport } from './report-grid.js';
import { docxTables, htmlTables, type ReadTable } from './table-text.js';

const renderable = (r: PublishedReport): RenderableReport => ({ org: r.org, year: r.year, preamble: r.preamble, tables: r.tables, sections: r.sections });
const texts = (t: ReadTable) => t.rows.map((row) => row.map((c) => c.text));
const SAMPLES = '/work/shared/annual-report-samples';

/** The tables the national format and the entered figures say the report prints (the samples' layout). */
function expectedTables(r: PublishedReport): { proactive: string[][][]; applications: string[][]; appeals: string[][] } {
  const proactive = PROACTIVE_BLOCKS.map((b) => [
    [b.rowHeaderLabel, ...b.columns.map((c) => c.label)],
    ...b.rows.map((row) => [row.label, ...b.columns.map((c) => String(proactiveFigure(r.tables.proactive, row.key, c.key)))]),
  ]);
  const applications = [
    ...APPLICATIONS_HEAD_ROWS.map((row) => row.map((c) => c.label)),
    ...applicationsRows({ otherAsOneRow: true }).map((row) => [
      ...row.headers.map((h) => h.label),
      ...TALLY_COLUMNS.map((col) => String(row.sums.reduce((n, key) => n + r.tables.applications[key][col], 0))),
    ]),
  ];
  const appeals = [...APPEALS_HEAD_ROWS.map((row) => row.map((c) => c.label)), APPEALS_CELLS.map((c) => String(r.tables.appeals[c.group][c.column]))];
  return { proactive, applications, appeals };
}

/** The figures as the published PDF's text prints them, table by table. */
function pdfFigures(year: number) {
  const lines = readFileSync(`${SAMPLES}/hongze-${year}.pypdf.txt`, 'utf8').split('\n');
  const numbers = (l: string) => l.trim().split(/\s+/).filter((w) => /^\d+(\.\d+)?$/.test(w));
  const start = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
  const end = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  return {
    proactive: lines.filter((l) => /^(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费) [\d. ]+$/.test(l)).map(numbers),
    applications: lines.slice(start, end).filter((l) => /(\s\d+){7}$/.test(l)).map((l) => numbers(l).slice(-7)),
    appeals: lines.slice(end).map(numbers).find((n) => n.length === 15),
  };
}

/** Checks the six tables read back from a rendering; Word prints table 二's item as a band row. */
function expectReproduced(tables: ReadTable[], r: PublishedReport, banded: boolean) {
  const expected = expectedTables(r);
  expect(tables).toHaveLength(6);
  PROACTIVE_BLOCKS.forEach((b, i) => {
    const rows = texts(tables[i]);
    if (banded) expect(rows.shift()).toEqual([b.heading]);
    else expect(tables[i].caption).toBe(b.heading);
    expect(rows).toEqual(expected.proactive[i]);
  });
  expect(texts(tables[4])).toEqual(expected.applications);
  expect(texts(tables[5])).toEqual(expected.appeals);

  const pdf = pdfFigures(r.year);
  expect(tables.slice(0, 4).flatMap((t) => texts(t).filter((row) => /^\d/.test(row.at(-1)!)).map((row) => row.slice(1)))).toEqual(pdf.proactive);
  expect(texts(tables[4]).slice(APPLICATIONS_HEAD_ROWS.length).map((row) => row.slice(-7))).toEqual(pdf.applications);
  expect(texts(tables[5]).at(-1)).toEqual(pdf.appeals);
}

describe('the annual report rendered', () => {
  const r2024 = hongzeReport(2024);

  it('reproduces the 洪泽区 2024 tables exactly in HTML, every figure with its headers for screen readers', () => {
    const html = annualReportHtml(renderable(r2024), { otherAsOneRow: true });
    const tables = htmlTables(html);
    expectReproduced(tables, r2024, false);

    for (const t of tables) {
      const ids = new Set(t.rows.flat().flatMap((c) => (c.header ? [c.attrs.id] : [])));
      for (const c of t.rows.flat()) {
        if (c.header) expect(c.attrs.scope, c.text).toMatch(/^(col|colgroup|row|rowgroup)$/);
        else if (/^\d/.test(c.text)) {
          const headers = c.attrs.headers.split(' ');
          expect(headers.every((h) => ids.has(h)), c.attrs.headers).toBe(true);
        }
      }
    }
    // A figure of table 三 is announced with its applicant column and its outcome row, groups included.
    const secret = tables[4].rows.find((row) => row.some((c) => c.text === '1.属于国家秘密'))!;
    const label = (id: string) => tables[4].rows.flat().find((c) => c.attrs.id === id)!.text;
    expect(secret.find((c) => c.attrs.class === 'num')!.attrs.headers.split(' ').map(label)).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '申请人情况', '自然人']);

    // The title on two lines, the opening paragraph, the sections' text and no figure right-aligned by chance.
    expect(html).toContain('<h1 class="report-title">淮安市洪泽区人民政府<br/>2024年政府信息公开工作年度报告</h1>');
    expect(html).toContain(r2024.preamble);
    for (const p of r2024.sections.problems.split('\n')) expect(html).toContain(`<p>${p}</p>`);
    expect(html.indexOf('一、总体情况')).toBeLessThan(html.indexOf('六、其他需要报告的事项'));
  });

  it('reproduces them exactly in Word, A4 in 仿宋 with merged header cells as the format spans them', async () => {
    const docx = await annualReportDocx(renderable(r2024), { otherAsOneRow: true });
    const tables = await docxTables(docx);
    expectReproduced(tables, r2024, true);

    // 申请人情况 spans the seven applicant columns, 自然人 and 总计 two header rows, 行政诉讼 ten columns.
    const head = tables[4].rows;
    expect(head[0][1]).toMatchObject({ text: '申请人情况', attrs: { colspan: '7' } });
    expect(head[1][0]).toMatchObject({ text: '自然人', attrs: { vmerge: 'restart' } });
    expect(tables[5].rows[0][1]).toMatchObject({ text: '行政诉讼', attrs: { colspan: '10' } });
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:t xml:space="preserve">淮安市洪泽区人民政府</w:t>');
    expect(xml).toContain(r2024.sections.other);
  });

  it('prints the 2021 format’s three rows of （六）其他处理 unless the samples’ layout is asked for', () => {
    const rows = texts(htmlTables(annualReportHtml(renderable(r2024)))[4]);
    expect(rows.filter((row) => row.includes('（六）其他处理'))).toHaveLength(1);
    expect(rows.length).toBe(APPLICATIONS_HEAD_ROWS.length + applicationsRows().length);
    expect(rows.some((row) => row[0] === '3.其他' || row[1] === '3.其他')).toBe(true);
  });

  it('renders the 2023 figures as entered: table 四’s wrong totals are printed, not corrected', async () => {
    const r2023 = hongzeReport(2023);
    const html = htmlTables(annualReportHtml(renderable(r2023), { otherAsOneRow: true }));
    const word = await docxTables(await annualReportDocx(renderable(r2023), { otherAsOneRow: true }));
    for (const tables of [html, word]) {
      expect(texts(tables[5]).at(-1)).toEqual(['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']);
      expect(texts(tables[5]).at(-1)).toEqual(pdfFigures(2023).appeals);
    }
  });

  it('shows a figure not yet entered as a dash, and builds the opening paragraph from the office', () => {
    const r = renderable(hongzeReport(2024));
    r.tables.proactive.licensing = null;
    const tables = htmlTables(annualReportHtml(r));
    expect(texts(tables[1]).at(-1)).toEqual(['行政许可', '—']);
    expect(reportPreamble({ name: '示例县教育局', officeName: '示例县教育局办公室', address: '示例路1号', postcode: '', phone: '0000-1234567' }, 2025)).toBe(
      '本报告由示例县教育局办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制。报告中所列数据统计期限自2025年1月1日起至2025年12月31日止。如对本报告有疑问，请与示例县教育局办公室联系（地址：示例路1号，电话：0000-1234567）。',
    );
  });
});
