// An annual report as a Word document laid out like the published ones (淮安市洪泽区 2023 and 2024, in
// annual-report-samples/): A4 with the official documents' margins; the title in 二号 小标宋 centred on
// two lines (the organization, then the year's report); the opening paragraph and the written sections
// in 三号 仿宋 indented two characters on a fixed 29 pt line; section titles in 黑体; tables ruled on every
// side with merged header cells as the national format spans them (annual-report-format.ts, through the
// same grids as the HTML), table 二's items as shaded bands, figures centred as the samples print them;
// page numbers centred at the foot (- 1 -).
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { SECTION_KEYS, SECTION_TITLES } from '../../domain/annual-report-format.js';
import { A4, LETTER_FONTS } from '../applications/letters/docx.js';
import { reportGrids, reportTitle, reportTitleLines, sectionParagraphs, type GridCell, type GridOptions, type RenderableReport, type ReportGrid } from './report-grid.js';

type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string };
const font = (name: string): Fonts => ({ ascii: LETTER_FONTS.latin, hAnsi: LETTER_FONTS.latin, eastAsia: name, cs: name });
const FONT = { title: font(LETTER_FONTS.title), body: font(LETTER_FONTS.body), heading: font('黑体'), table: font('宋体') };

/** Half-points: 二号 22 pt, 三号 16 pt, tables 五号 10.5 pt (table 四 has fifteen columns), 四号 page numbers. */
const SIZE = { title: 44, body: 32, table: 21, pageNumber: 28 } as const;
/** A fixed 29 pt line for the text (22 lines to the page, as official documents). */
const spacing = { line: 580, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Tables: single spacing so the small type fits its cells. */
const tableSpacing = { line: 240, lineRule: LineRuleType.AUTO, before: 40, after: 40 };
/** One 三号 character in twips. */
const CHAR = 320;
const MARGIN = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** The type area's width in twips: 210 mm less the margins. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - MARGIN.left - MARGIN.right);

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };
const HEADER_SHADE = 'F2F2F2';
const BAND_SHADE = 'D9E2F3';

function text(t: string, run: { font: Fonts; size: number; bold?: boolean }, options: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph {
  return new Paragraph({ spacing, ...options, children: [new TextRun({ text: t, font: run.font, size: run.size, bold: run.bold })] });
}

const bodyParagraph = (t: string) => text(t, { font: FONT.body, size: SIZE.body }, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR, firstLineChars: 200 } });

function gridCell(c: GridCell, width: number, shade?: string): TableCell {
  return new TableCell({
    borders,
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    textDirection: c.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
    shading: shade ? { type: ShadingType.CLEAR, color: 'auto', fill: shade } : undefined,
    children: [
      text(c.text, { font: FONT.table, size: SIZE.table, bold: c.header && !c.note }, {
        spacing: tableSpacing,
        // Headers and figures centred as the samples print them; the row labels and the note flush left.
        alignment: c.figure || (c.header && c.scope?.startsWith('col')) || c.vertical ? AlignmentType.CENTER : AlignmentType.LEFT,
      }),
    ],
  });
}

function gridTable(grid: ReportGrid): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const rows: TableRow[] = [];
  if (grid.band) {
    rows.push(new TableRow({ cantSplit: true, children: [gridCell({ text: grid.caption, header: true, rowSpan: 1, colSpan: grid.columns, scope: 'colgroup' }, TEXT_WIDTH, BAND_SHADE)] }));
  }
  grid.rows.forEach((row, r) => {
    // The width of each cell: the grid columns it covers, skipping columns still merged from rows above.
    const taken = occupied(grid, r);
    let col = 0;
    const cells = row.map((c) => {
      while (taken.has(col)) col++;
      const width = widths.slice(col, col + c.colSpan).reduce((a, b) => a + b, 0);
      col += c.colSpan;
      return gridCell(c, width, r < grid.headRows ? HEADER_SHADE : undefined);
    });
    rows.push(new TableRow({ cantSplit: true, tableHeader: r < grid.headRows && !grid.band, children: cells }));
  });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

/** The grid columns of row `r` covered by cells of earlier rows that span down into it. */
function occupied(grid: ReportGrid, r: number): Set<number> {
  const spans = new Map<number, number>(); // column → last row it is covered to
  for (let i = 0; i < r; i++) {
    let col = 0;
    for (const c of grid.rows[i]) {
      while ((spans.get(col) ?? -1) >= i) col++;
      for (let k = 0; k < c.colSpan; k++) spans.set(col + k, i + c.rowSpan - 1);
      col += c.colSpan;
    }
  }
  return new Set([...spans].filter(([, last]) => last >= r).map(([col]) => col));
}

const footer = () =>
  new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT.table, size: SIZE.pageNumber, children: ['- ', PageNumber.CURRENT, ' -'] })] })],
  });

export function annualReportDocument(report: RenderableReport, options: GridOptions = {}): Document {
  const grids = reportGrids(report.tables, options);
  const children: (Paragraph | Table)[] = [
    ...reportTitleLines(report.org, report.year).map((t) => text(t, { font: FONT.title, size: SIZE.title }, { alignment: AlignmentType.CENTER, spacing: { ...spacing, line: 720 } })),
    text('', { font: FONT.body, size: SIZE.body }),
    bodyParagraph(report.preamble),
  ];
  for (const key of SECTION_KEYS) {
    children.push(text(SECTION_TITLES[key], { font: FONT.heading, size: SIZE.body }, { keepNext: true, indent: { firstLine: 2 * CHAR, firstLineChars: 200 } }));
    if (key === 'proactive' || key === 'applications' || key === 'appeals') {
      for (const g of grids[key]) children.push(gridTable(g), new Paragraph({ spacing: tableSpacing, children: [] }));
    } else {
      children.push(...sectionParagraphs(report.sections[key]).map(bodyParagraph));
    }
  }
  return new Document({
    title: reportTitle(report.org, report.year),
    creator: 'Gongkai',
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body }, paragraph: { spacing } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.left),
              right: convertMillimetersToTwip(MARGIN.right),
              footer: convertMillimetersToTwip(25.5),
            },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
}

export async function annualReportDocx(report: RenderableReport, options: GridOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(annualReportDocument(report, options));
}

/** The file name the report downloads as. */
export const annualReportFileName = (report: Pick<RenderableReport, 'org' | 'year'>) => `${reportTitle(report.org, report.year)}.docx`.replace(/[\\/:*?"<>|]/g, '_');
