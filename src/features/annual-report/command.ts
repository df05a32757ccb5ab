// `gongkai report annual --org CODE --year YYYY --format json [--out FILE]`: the report's figures as
// computed from the data (tables.proactive, tables.applications, tables.appeals), for a script, an
// import into another system, or a check by hand. Word and HTML follow with the report itself.
import { writeFileSync } from 'node:fs';
import type { Db } from '../../db/client.js';
import { checkAnnualReport } from '../../domain/annual-report-check.js';
import { findOrgByCode } from '../orgs/organizations.js';
import { computeTables } from './tables.js';

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
  if (o.format !== 'json') throw new ReportUsageError(`暂只能输出 json 格式（docx 和 html 随年度报告的编辑和发布一并提供），实际为“${o.format}”`);
  const org = await findOrgByCode(db, o.org);
  if (!org) throw new ReportUsageError(`找不到机构代码为“${o.org}”的机构`);
  const tables = await computeTables(db, org, year);
  // The checks of a report before publishing: figures from other systems not yet entered show as errors.
  const validation = checkAnnualReport({ year, report: { tables } });
  const text = `${JSON.stringify({ org: { code: org.code, name: org.name }, year, source: 'computed', tables, validation }, null, 2)}\n`;
  if (o.out) writeFileSync(o.out, text);
  else write(text);
  return 0;
}
