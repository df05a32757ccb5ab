// The checks of a report (issue #6 item 3): the identities of the format within the year and against
// last year's published report (its 结转下年度 is this year's 上年结转), the zeros against what the system
// recorded, section 五's follow-up, and a draft note left in the text. Stored on the row, so the list and
// the workbench show them without recomputing; publishing runs them again.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { checkAnnualReport, type AnnualReportValidation, type RecordedFigures } from '../../domain/annual-report-check.js';
import { unfinishedSections } from '../../domain/annual-report-draft.js';
import { authorize } from '../authorize.js';
import type { Organization } from '../orgs/schema.js';
import { reportGrants } from './policy.js';
import { loadReport, orgTarget, reportFor, reportView } from './reports.js';
import { annualReports, type AnnualReport } from './schema.js';
import { computeTables } from './tables.js';

/** Last year's report of the organization, when it was published (here, or elsewhere and entered). */
export async function lastYearReport(db: Db, orgId: number, year: number): Promise<AnnualReport | undefined> {
  const last = await reportFor(db, orgId, year - 1);
  return last?.status === 'published' ? last : undefined;
}

/**
 * The checks of a report's figures and text. `recorded` is what the system counted for the year (null
 * for a report made elsewhere: the system may not hold that year's records, and its zeros prove nothing).
 */
export async function validateReport(
  db: Db,
  org: Organization,
  report: Pick<AnnualReport, 'year' | 'tables' | 'sections'>,
  recorded: RecordedFigures | null,
): Promise<AnnualReportValidation> {
  const last = await lastYearReport(db, org.id, report.year);
  const v = checkAnnualReport({ year: report.year, report: { tables: report.tables, sections: report.sections }, lastYear: last ?? null, recorded });
  return { errors: [...v.errors, ...unfinishedSections(report.sections)], warnings: v.warnings };
}

/** Runs the checks of a stored report and keeps the result on it. */
export async function recheck(tx: Db, report: AnnualReport & { org: Organization }): Promise<AnnualReportValidation> {
  const recorded = report.source === 'system' ? await computeTables(tx, report.org, report.year) : null;
  const validation = await validateReport(tx, report.org, report, recorded);
  await tx.update(annualReports).set({ validation }).where(eq(annualReports.id, report.id));
  return validation;
}

export async function checkReport(db: Db, ctx: ActionContext, id: number) {
  return db.transaction(async (tx) => {
    const report = await loadReport(tx, id, { forUpdate: true });
    authorize(ctx, reportGrants, 'reports.edit', orgTarget(report.org), '无权检查该年度报告');
    const validation = await recheck(tx, report);
    return reportView(ctx, { ...report, validation });
  });
}
