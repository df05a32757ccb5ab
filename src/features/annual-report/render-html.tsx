// An annual report as HTML (issue #6 item 5): the title, the opening paragraph, sections 一…六 with the
// written sections as paragraphs and tables 二, 三 and 四 as real tables with the national format's exact
// labels. Every figure names its headers (`headers`, ids from the format), every header its `scope`, so a
// screen reader announces 「自然人」「（三）不予公开」「1.属于国家秘密」 with a figure of table 三 and not a bare
// number. The portal page wraps it in the site's layout; the command writes it as a page of its own.
import { readFileSync } from 'node:fs';
import { SECTION_KEYS, SECTION_TITLES } from '../../domain/annual-report-format.js';
import { renderPage } from '../../portal/layout.js';
import { reportGrids, reportTitle, reportTitleLines, sectionParagraphs, type GridCell, type GridOptions, type RenderableReport, type ReportGrid } from './report-grid.js';

function Cell({ cell }: { cell: GridCell }) {
  const span = { rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined, colSpan: cell.colSpan > 1 ? cell.colSpan : undefined };
  if (cell.header) {
    return (
      <th id={cell.id} scope={cell.scope} class={cell.vertical ? 'vertical' : undefined} {...span}>
        {cell.text}
      </th>
    );
  }
  return (
    <td headers={cell.headers?.join(' ')} class={cell.figure ? 'num' : cell.note ? 'note' : undefined} {...span}>
      {cell.text}
    </td>
  );
}

function GridTable({ grid }: { grid: ReportGrid }) {
  return (
    // Wide tables scroll on a phone; the region is focusable so a keyboard can scroll it too.
    <div class="report-table-wrap" role="region" aria-label={grid.caption} tabIndex={0}>
      <table class={`report-table report-${grid.section}`}>
        <caption>{grid.caption}</caption>
        <thead>
          {grid.rows.slice(0, grid.headRows).map((row) => (
            <tr>
              {row.map((c) => (
                <Cell cell={c} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {grid.rows.slice(grid.headRows).map((row) => (
            <tr>
              {row.map((c) => (
                <Cell cell={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The report itself: its h1, then the sections. */
export function AnnualReportView({ report, options = {} }: { report: RenderableReport; options?: GridOptions }) {
  const grids = reportGrids(report.tables, options);
  const [org, rest] = reportTitleLines(report.org, report.year);
  return (
    <article class="annual-report">
      <h1 class="report-title">
        {org}
        <br />
        {rest}
      </h1>
      <p>{report.preamble}</p>
      {SECTION_KEYS.map((key) => (
        <section aria-labelledby={`section-${key}`}>
          <h2 id={`section-${key}`}>{SECTION_TITLES[key]}</h2>
          {key === 'proactive' || key === 'applications' || key === 'appeals'
            ? grids[key].map((g) => <GridTable grid={g} />)
            : sectionParagraphs(report.sections[key]).map((p) => <p>{p}</p>)}
        </section>
      ))}
    </article>
  );
}

/** The report as a page of its own (the command's --format html), styled like the portal. */
export function annualReportHtml(report: RenderableReport, options: GridOptions = {}): string {
  const css = readFileSync(new URL('../../portal/portal.css', import.meta.url), 'utf8');
  return renderPage(
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{reportTitle(report.org, report.year)}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <main id="main" class="wrap">
          <AnnualReportView report={report} options={options} />
        </main>
      </body>
    </html>,
  );
}
