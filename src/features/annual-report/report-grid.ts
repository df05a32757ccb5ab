// The annual report's tables as grids of cells, drawn from the national format (annual-report-format.ts)
// and a report's figures: one description that the portal's HTML and the Word document both print, so
// the two cannot disagree on a label, a span or a figure. Every header cell carries the format's id and
// every figure the ids of all its headers, for the HTML `headers` attribute (screen readers read each
// figure with its row and column headers, spanning groups included).
//
// Figures are printed as given: rendering never corrects a report (the checks are annual-report-check's
// job). Only the samples' one-row （六）其他处理, asked for with `otherAsOneRow`, adds its three outcomes.
import {
  APPEALS_CELLS,
  APPEALS_HEAD_ROWS,
  APPLICATIONS_COLUMNS,
  APPLICATIONS_HEAD_ROWS,
  PROACTIVE_BLOCKS,
  applicationsRows,
  proactiveFigure,
  type HeaderCell,
  type SectionKey,
} from '../../domain/annual-report-format.js';
import type { AnnualReportFigures } from '../../domain/annual-report-check.js';
import type { Organization } from '../orgs/schema.js';

/** What a rendered report shows: whose and which year, the opening paragraph, the figures and the text. */
export interface RenderableReport {
  /** The organization's name, as the title prints it. */
  org: string;
  year: number;
  /** The paragraph before section 一. */
  preamble: string;
  tables: AnnualReportFigures['tables'];
  sections: NonNullable<AnnualReportFigures['sections']>;
}

/** The title's two lines, as the samples print them: the organization, then the year's report. */
export function reportTitleLines(org: string, year: number): [string, string] {
  return [org, `${year}年政府信息公开工作年度报告`];
}

export const reportTitle = (org: string, year: number) => reportTitleLines(org, year).join('');

/**
 * The opening paragraph the samples print (who made the report under which rule, the period, whom to
 * ask), from the organization's office as its 公开指南 gives it.
 */
export function reportPreamble(org: Pick<Organization, 'name' | 'officeName' | 'address' | 'postcode' | 'phone'>, year: number): string {
  const office = org.officeName || org.name;
  const contact = [org.address && `地址：${org.address}`, org.postcode && `邮编：${org.postcode}`, org.phone && `电话：${org.phone}`].filter(Boolean).join('，');
  return (
    `本报告由${office}根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制。` +
    `报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。` +
    `如对本报告有疑问，请与${office}联系${contact ? `（${contact}）` : ''}。`
  );
}

/** A text section's paragraphs as written (one per line); one not written yet says so. */
export function sectionParagraphs(text: string | undefined): string[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines : ['（尚未填写）'];
}

export interface GridCell {
  text: string;
  /** A header (th) or a figure (td). */
  header: boolean;
  rowSpan: number;
  colSpan: number;
  /** Header cells: the format's id, for the figures' `headers`. */
  id?: string;
  /** Header cells: what they head. */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** Figures: the ids of every header over and beside them. */
  headers?: readonly string[];
  /** Figures: where the figure sits in the report's tables, for the workbench's entry form (a sum of rows has none). */
  at?: FigureAt;
  /** A figure (right-aligned on the web, centred in Word as the samples print). */
  figure?: boolean;
  /** A note in the header area that heads nothing (table 三's corner). */
  note?: boolean;
  /** Printed upright in a narrow column (table 三's 三、本年度办理结果). */
  vertical?: boolean;
}

/** A figure's place in `tables`: table 二 by row and column key (its single figures too), 三 and 四 by row and column. */
export interface FigureAt {
  table: 'proactive' | 'applications' | 'appeals';
  row: string;
  column: string;
}

export interface ReportGrid {
  section: SectionKey;
  /** The table's caption (table 二: the item of 条例第二十条, printed as a band in Word like the samples). */
  caption: string;
  /** Whether Word prints the caption as a shaded first row (table 二's blocks). */
  band: boolean;
  /** Number of columns of the grid. */
  columns: number;
  /** Relative widths of the columns (Word's grid). */
  widths: readonly number[];
  /** How many of the rows are column headers. */
  headRows: number;
  rows: readonly (readonly GridCell[])[];
}

export interface GridOptions {
  /** Print （六）其他处理 as one row, as the 洪泽区 reports do. */
  otherAsOneRow?: boolean;
}

/** A figure as printed; one not entered prints as a dash (a draft; a published report has them all). */
export function figureText(value: number | null | undefined): string {
  return typeof value === 'number' ? String(value) : '—';
}

function headerCell(c: HeaderCell, scope: GridCell['scope']): GridCell {
  return { text: c.label, header: true, rowSpan: c.rowSpan, colSpan: c.colSpan, id: c.id, scope };
}

const colHeader = (c: HeaderCell) => headerCell(c, c.colSpan > 1 ? 'colgroup' : 'col');
const rowHeader = (c: HeaderCell) => headerCell(c, c.rowSpan > 1 ? 'rowgroup' : 'row');
const figure = (value: number | null | undefined, headers: readonly string[], at?: FigureAt): GridCell => ({ text: figureText(value), header: false, rowSpan: 1, colSpan: 1, headers, figure: true, at });

function proactiveGrids(tables: AnnualReportFigures['tables']): ReportGrid[] {
  return PROACTIVE_BLOCKS.map((block, i) => {
    const corner = `proactive-${i}-content`;
    const colId = (key: string) => `proactive-${i}-col-${key}`;
    const rowId = (key: string) => `proactive-row-${key}`;
    // 信息内容 takes half the width, the figures share the rest, as the samples print.
    const width = 3 / block.columns.length;
    return {
      section: 'proactive',
      caption: block.heading,
      band: true,
      columns: 1 + block.columns.length,
      widths: [3, ...block.columns.map(() => width)],
      headRows: 1,
      rows: [
        [
          { text: block.rowHeaderLabel, header: true, rowSpan: 1, colSpan: 1, id: corner, scope: 'col' },
          ...block.columns.map((c) => ({ text: c.label, header: true, rowSpan: 1, colSpan: 1, id: colId(c.key), scope: 'col' as const })),
        ],
        ...block.rows.map((r) => [
          { text: r.label, header: true, rowSpan: 1, colSpan: 1, id: rowId(r.key), scope: 'row' as const },
          ...block.columns.map((c) => figure(proactiveFigure(tables.proactive, r.key, c.key), [rowId(r.key), colId(c.key)], { table: 'proactive', row: r.key, column: c.key })),
        ]),
      ],
    };
  });
}

function applicationsGrid(tables: AnnualReportFigures['tables'], options: GridOptions): ReportGrid {
  const head = APPLICATIONS_HEAD_ROWS.map((row) =>
    row.map((c): GridCell => (c.id === 'applications-corner' ? { text: c.label, header: false, rowSpan: c.rowSpan, colSpan: c.colSpan, note: true } : colHeader(c))),
  );
  const body = applicationsRows(options).map((row) => [
    ...row.headers.map((c): GridCell => ({ ...rowHeader(c), vertical: c.id === 'applications-results' })),
    ...APPLICATIONS_COLUMNS.map((col) => {
      const values = row.sums.map((key) => tables.applications[key]?.[col.key]);
      // One row's own figure as given; the samples' （六） as the sum of its three (absent if one is).
      const value = values.length === 1 ? values[0] : values.every((v) => typeof v === 'number') ? values.reduce((a, b) => a + b, 0) : undefined;
      const at = row.sums.length === 1 ? { table: 'applications' as const, row: row.sums[0], column: col.key } : undefined;
      return figure(value, [...row.headerIds, ...col.headerIds], at);
    }),
  ]);
  return {
    section: 'applications',
    caption: '收到和处理政府信息公开申请情况（单位：件）',
    band: false,
    columns: 3 + APPLICATIONS_COLUMNS.length,
    // The row labels: 三、本年度办理结果 upright, the groups, the items; then seven figure columns.
    widths: [1, 2.2, 4.2, ...APPLICATIONS_COLUMNS.map(() => 1)],
    headRows: head.length,
    rows: [...head, ...body],
  };
}

function appealsGrid(tables: AnnualReportFigures['tables']): ReportGrid {
  const head = APPEALS_HEAD_ROWS.map((row) => row.map(colHeader));
  return {
    section: 'appeals',
    caption: '政府信息公开行政复议、行政诉讼情况（单位：件）',
    band: false,
    columns: APPEALS_CELLS.length,
    widths: APPEALS_CELLS.map(() => 1),
    headRows: head.length,
    rows: [...head, APPEALS_CELLS.map((c) => figure(tables.appeals[c.group]?.[c.column], c.headerIds, { table: 'appeals', row: c.group, column: c.column }))],
  };
}

/** The report's tables, in the order the format prints them, by section. */
export function reportGrids(tables: AnnualReportFigures['tables'], options: GridOptions = {}): Record<'proactive' | 'applications' | 'appeals', ReportGrid[]> {
  return { proactive: proactiveGrids(tables), applications: [applicationsGrid(tables, options)], appeals: [appealsGrid(tables)] };
}
