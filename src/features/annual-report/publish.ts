// Publishing a report (issue #6 item 3): the checks run again on the report as it stands; any error
// blocks publishing (409, every error listed in Chinese), and the warnings must be confirmed. A
// published report is not changed again: a correction would be published as a new version.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import type { ReportIssue } from '../../domain/annual-report-check.js';
import { AppError } from '../../errors.js';
import { authorize } from '../authorize.js';
import { recheck } from './check.js';
import { reportGrants } from './policy.js';
import { auditReport, draftForChange, loadReport, orgTarget, reportName, reportView } from './reports.js';
import { annualReports } from './schema.js';

const listed = (issues: readonly ReportIssue[]) => issues.map((i, n) => `${n + 1}. ${i.message}`).join('\n');

export async function publishReport(db: Db, ctx: ActionContext, id: number, input: { confirmWarnings?: boolean } = {}) {
  const result = await db.transaction(async (tx) => {
    const report = await draftForChange(tx, ctx, id, '发布该年度报告');
    authorize(ctx, reportGrants, 'reports.publish', orgTarget(report.org), '无权发布该年度报告（需公开办负责人）');
    const validation = await recheck(tx, report);
    // The checks are kept on the report even when publishing is refused (after the transaction).
    if (validation.errors.length) return { refused: new AppError(409, 'report_errors', `年度报告有 ${validation.errors.length} 处错误，改正后才能发布：\n${listed(validation.errors)}`, validation), validation };
    if (validation.warnings.length && !input.confirmWarnings) {
      return { refused: new AppError(409, 'report_warnings', `年度报告有 ${validation.warnings.length} 项提示，请逐项核对，确认无误后再发布：\n${listed(validation.warnings)}`, validation), validation };
    }
    await tx.update(annualReports).set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.actor?.userId ?? null, updatedAt: new Date() }).where(eq(annualReports.id, id));
    const confirmed = validation.warnings.length ? `，已确认 ${validation.warnings.length} 项提示` : '';
    await auditReport(tx, ctx, report, 'publish', `发布${reportName(report)}${confirmed}`);
    return { report: reportView(ctx, await loadReport(tx, id)) };
  });
  if ('refused' in result) throw result.refused;
  return result.report;
}
