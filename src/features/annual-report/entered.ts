// Entering a past year's report published elsewhere (issue #6 item 7): its tables and text as printed,
// with the day it was published, so that in the first year of use this year's 上年结转 is checked
// against last year's 结转下年度 (and section 五 against last year's problems).
//
// Decided: the report is stored as published, whatever the checks find — it was published as such and
// cannot be corrected here. The checks run all the same and are kept on it (and returned), so staff see
// the slips of that report (洪泽区 2023's table 四) and carry none into this year unknowingly. They are
// run without the system's own figures: the system may hold none of that year's cases, and its zeros
// would prove nothing. An unpublished draft for that year gives way to the report as published.
import { eq } from 'drizzle-orm';
import { systemContext, type ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import type { AnnualReportFigures } from '../../domain/annual-report-check.js';
import { TEXT_SECTION_KEYS } from '../../domain/annual-report-draft.js';
import { chinaDate, compareDates, formatChineseDate, isIsoDate, type IsoDate } from '../../domain/dates.js';
import { conflict, invalid } from '../../errors.js';
import { authorize } from '../authorize.js';
import { findOrgByCode } from '../orgs/organizations.js';
import { validateReport } from './check.js';
import { reportGrants } from './policy.js';
import { reportFileProblems } from './report-schema.js';
import { auditReport, loadReport, orgTarget, reportFor, reportName, reportView, requireOrg, startOfChinaDay } from './reports.js';
import { annualReports } from './schema.js';

export interface EnteredReport extends AnnualReportFigures {
  orgId: number;
  year: number;
  publishedOn: IsoDate;
}

export async function enterPublishedReport(db: Db, ctx: ActionContext, input: EnteredReport, today = chinaDate(new Date())) {
  if (compareDates(input.publishedOn, `${input.year}-12-31`) <= 0) throw invalid(`${input.year}年度报告应在${input.year + 1}年发布，发布日期为${formatChineseDate(input.publishedOn)}`);
  if (compareDates(input.publishedOn, today) > 0) throw invalid(`发布日期${formatChineseDate(input.publishedOn)}晚于今天，只能录入已经发布的年度报告`);
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, input.orgId);
    authorize(ctx, reportGrants, 'reports.publish', orgTarget(org), '无权录入该机构已发布的年度报告（需公开办负责人）');
    const existing = await reportFor(tx, org.id, input.year, { forUpdate: true });
    if (existing?.status === 'published') throw conflict(`${org.name}${input.year}年度报告已于${formatChineseDate(chinaDate(existing.publishedAt!))}发布，不能重复录入`);
    const sections = Object.fromEntries(TEXT_SECTION_KEYS.map((k) => [k, (input.sections?.[k] ?? '').replace(/\r\n?/g, '\n').trim()]));
    const report = { year: input.year, tables: input.tables, sections };
    const validation = await validateReport(tx, org, report, null);
    const values = {
      ...report,
      validation,
      status: 'published' as const,
      source: 'entered' as const,
      publishedAt: startOfChinaDay(input.publishedOn),
      publishedBy: ctx.actor?.userId ?? null,
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(annualReports).set(values).where(eq(annualReports.id, existing.id)).returning()
      : await tx.insert(annualReports).values({ orgId: org.id, ...values, createdBy: ctx.actor?.userId ?? null }).returning();
    const found = validation.errors.length ? `，检查发现 ${validation.errors.length} 处错误（按发布时的原样保存）` : '';
    await auditReport(tx, ctx, row, 'enter', `录入已于${formatChineseDate(input.publishedOn)}发布的${reportName({ year: input.year, org })}${existing ? '（取代未发布的草稿）' : ''}${found}`);
    return reportView(ctx, await loadReport(tx, row.id));
  });
}

export interface ImportReportOptions {
  org?: string;
  year?: string;
  publishedOn?: string;
}

/**
 * `gongkai report annual import --org CODE --year YYYY [--published-on YYYY-MM-DD] FILE.json`: a report
 * published elsewhere, from a file in the shape of the JSON output (tables, sections; publishedOn in the
 * file or given). Stored as published like the API's entry; its checks are printed. Throws
 * ReportFileError for a file or option that cannot be used (the command line's usage error).
 */
export async function importReportCommand(db: Db, o: ImportReportOptions, file: string, text: string, write: (t: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  if (!o.org || !o.year) throw new ReportFileError('请用 --org 指定机构代码、--year 指定年度');
  if (!/^\d{4}$/.test(o.year)) throw new ReportFileError(`年度应为四位数字，实际为“${o.year}”`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ReportFileError(`${file} 不是有效的 JSON：${(err as Error).message}`);
  }
  const problems = reportFileProblems(data);
  if (problems.length) throw new ReportFileError(`${file} 的内容不是年度报告的格式：\n${problems.join('\n')}`);
  const report = data as AnnualReportFigures & { publishedOn?: string };
  const publishedOn = o.publishedOn ?? report.publishedOn;
  if (!publishedOn || !isIsoDate(publishedOn)) throw new ReportFileError('请用 --published-on YYYY-MM-DD 给出报告的发布日期（或写在文件的 publishedOn 中）');
  const org = await findOrgByCode(db, o.org);
  if (!org) throw new ReportFileError(`找不到机构代码为“${o.org}”的机构`);
  const stored = await enterPublishedReport(db, systemContext, { orgId: org.id, year: Number(o.year), publishedOn, tables: report.tables, sections: report.sections });
  const { errors, warnings } = stored.validation;
  const lines = [`已录入${stored.title}（${formatChineseDate(publishedOn)}发布），按已发布保存。`];
  if (errors.length) lines.push(`检查发现 ${errors.length} 处错误（按发布时的原样保存）：`, ...errors.map((e) => `  ${e.message}`));
  if (warnings.length) lines.push(`提示 ${warnings.length} 项：`, ...warnings.map((w) => `  ${w.message}`));
  write(`${lines.join('\n')}\n`);
  return 0;
}

export class ReportFileError extends Error {}
