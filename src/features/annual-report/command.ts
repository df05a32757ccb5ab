// `gongkai report annual --org CODE --year YYYY --format json|html|docx [--out FILE]`: the report's
// figures as computed from the data (tables.proactive, tables.applications, tables.appeals) — as JSON
// for a script, an import into another system or a check by hand; as the report in HTML or Word, laid
// out in the national format, for staff to read before they complete it (figures from other systems
// show as dashes, the written sections as not yet written).
import { writeFileSync } from 'node:fs';
import type { Db } from '../../db/client.js';
import { checkAnnualReport } from '../../domain/annual-report-check.js';
import { findOrgByCode } from '../orgs/organizations.js';
import { annualReportDocx } from './render-docx.js';
import { annualReportHtml } from './render-html.js';
import { reportPreamble, type RenderableReport } from './report-grid.js';
import { computeTables } from './tables.js';

const FORMATS = ['json', 'html', 'docx'];

export class ReportUsageError extends Error {}

export interface AnnualReportOptions {
  org: string;
  year: string;
  format: string;
  out?: string;
}

export async function annualReportCommand(db: Db, o: AnnualReportOptions, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const year = Number(o.year);
  if (!/^\d{4}$/.test(o.year) || year < 2008) throw new ReportUsageError(`年度应为四位数字（《条例》施行的2008年及以后），实际为“${o.year}”`);
  if (!FORMATS.includes(o.format)) throw new ReportUsageError(`输出格式应为 json、html 或 docx，实际为“${o.format}”`);
  // A Word file is not text: it goes to a file, never to the terminal.
  if (o.format === 'docx' && !o.out) throw new ReportUsageError('输出 Word 文件（docx）时须用 --out 指定文件');
  const org = await findOrgByCode(db, o.org);
  if (!org) throw new ReportUsageError(`找不到机构代码为“${o.org}”的机构`);
  const tables = await computeTables(db, org, year);
  if (o.format !== 'json') {
    const report: RenderableReport = { org: org.name, year, preamble: reportPreamble(org, year), tables, sections: {} };
    if (o.format === 'docx') writeFileSync(o.out!, await annualReportDocx(report));
    else if (o.out) writeFileSync(o.out, annualReportHtml(report));
    else write(annualReportHtml(report));
    return 0;
  }
  // The checks of a report before publishing: figures from other systems not yet entered show as errors.
  const validation = checkAnnualReport({ year, report: { tables } });
  const text = `${JSON.stringify({ org: { code: org.code, name: org.name }, year, source: 'computed', tables, validation }, null, 2)}\n`;
  if (o.out) writeFileSync(o.out, text);
  else write(text);
  return 0;
}
