// Reading annual reports: one report with its organization, the list of an organization's reports, and
// what the shared steps of every operation need (loading for a change, the audit entry, the view).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { scopeIn, authorize } from '../authorize.js';
import { inScope } from '../../domain/policy.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit } from '../orgs/audit.js';
import { requireOrg } from '../orgs/organizations.js';
import { organizations, type Organization } from '../orgs/schema.js';
import { reportGrants, type ReportAction } from './policy.js';
import { annualReports, type AnnualReport } from './schema.js';

export type LoadedReport = AnnualReport & { org: Organization };

export const orgTarget = (org: Organization) => ({ orgId: org.id, orgPath: org.path });

export async function loadReport(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedReport> {
  const query = db.select({ report: annualReports, org: organizations }).from(annualReports).innerJoin(organizations, eq(organizations.id, annualReports.orgId)).where(eq(annualReports.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: annualReports }) : await query;
  if (!row) throw notFound('找不到该年度报告');
  return { ...row.report, org: row.org };
}

/** The organization's report for a year, if there is one. */
export async function reportFor(db: Db, orgId: number, year: number, opts: { forUpdate?: boolean } = {}): Promise<AnnualReport | undefined> {
  const query = db.select().from(annualReports).where(and(eq(annualReports.orgId, orgId), eq(annualReports.year, year)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export { requireOrg };

/** A draft loaded for a change by ctx: in scope, not yet published (a published report is not edited). */
export async function draftForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedReport> {
  const report = await loadReport(tx, id, { forUpdate: true });
  authorize(ctx, reportGrants, 'reports.edit', orgTarget(report.org), `无权${what}`);
  if (report.status === 'published') throw conflict(`${report.year}年度报告已经发布，不能再修改；发布后的更正需另行发布更正版本`);
  return report;
}

export const auditReport = (tx: Db, ctx: ActionContext, report: { id: number; orgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `annual_report.${action}`, orgId: report.orgId, targetType: 'annual_report', targetId: report.id, summary });

export const reportName = (r: { year: number; org: { name: string } }) => `${r.org.name}${r.year}年政府信息公开工作年度报告`;

/** The day of publication in China, as the report prints it. */
export const publishedOn = (r: { publishedAt: Date | null }): IsoDate | null => (r.publishedAt ? chinaDate(r.publishedAt) : null);

/** China's midnight at the start of a day: the instant stored for a report published on that day elsewhere. */
export const startOfChinaDay = (day: IsoDate) => new Date(`${day}T00:00:00+08:00`);

export function reportView(ctx: ActionContext, r: LoadedReport) {
  const allowed = (action: ReportAction) => inScope(scopeIn(ctx, reportGrants, action), orgTarget(r.org));
  const draft = r.status === 'draft';
  return {
    id: r.id,
    org: { id: r.org.id, code: r.org.code, name: r.org.name, kind: r.org.kind },
    year: r.year,
    title: reportName(r),
    status: r.status,
    source: r.source,
    tables: r.tables,
    sections: r.sections,
    validation: r.validation,
    publishedOn: publishedOn(r),
    updatedAt: r.updatedAt,
    canEdit: draft && allowed('reports.edit'),
    canPublish: draft && allowed('reports.publish'),
  };
}

export async function getReport(db: Db, ctx: ActionContext, id: number) {
  const report = await loadReport(db, id);
  authorize(ctx, reportGrants, 'reports.read', orgTarget(report.org), '无权查看该年度报告');
  return reportView(ctx, report);
}

/** An organization's reports, newest year first (figures left out: the list shows where each stands). */
export async function listReports(db: Db, ctx: ActionContext, orgId: number) {
  const org = await requireOrg(db, orgId);
  authorize(ctx, reportGrants, 'reports.read', orgTarget(org), '无权查看该机构的年度报告');
  const rows = await db.select().from(annualReports).where(eq(annualReports.orgId, org.id)).orderBy(desc(annualReports.year), asc(annualReports.id));
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: reportName({ year: r.year, org }),
    status: r.status,
    source: r.source,
    errors: r.validation.errors.length,
    warnings: r.validation.warnings.length,
    publishedOn: publishedOn(r),
    updatedAt: r.updatedAt,
  }));
}
