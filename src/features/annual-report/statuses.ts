// Where each report of a government stands for a year (issue #6 items 4 and 6): the organization asked
// about and every organization below it, each with its report's status — not started, draft,
// published, or late once its deadline passed unpublished — so the government's office sees whose
// report is missing and the supervisor sees which are late.
import { and, eq, inArray } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { publishesAnnualReport, REPORT_PROGRESS_LABELS, reportStanding } from '../../domain/annual-report-status.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { inScope } from '../../domain/policy.js';
import { authorize } from '../authorize.js';
import { subtreeOrgs } from '../orgs/organizations.js';
import { reportGrants } from './policy.js';
import { orgTarget, publishedOn, requireOrg } from './reports.js';
import { annualReports } from './schema.js';

export async function reportStatuses(db: Db, ctx: ActionContext, input: { orgId: number; year?: number }, today: IsoDate = chinaDate(new Date())) {
  const org = await requireOrg(db, input.orgId);
  const scope = authorize(ctx, reportGrants, 'reports.read', orgTarget(org), '无权查看该机构的年度报告');
  // By default the year whose reports are due now.
  const year = input.year ?? Number(today.slice(0, 4)) - 1;
  const orgs = (await subtreeOrgs(db, org))
    // Only organs that publish a report, and only what the reader may read (a department's office head
    // sees its own line); the government first.
    .filter((o) => publishesAnnualReport(o.kind) && inScope(scope, orgTarget(o)))
    .sort((a, b) => Number(b.id === org.id) - Number(a.id === org.id));
  const reports = orgs.length
    ? await db.select().from(annualReports).where(and(eq(annualReports.year, year), inArray(annualReports.orgId, orgs.map((o) => o.id))))
    : [];
  const byOrg = new Map(reports.map((r) => [r.orgId, r]));
  const items = orgs.map((o) => {
    const r = byOrg.get(o.id);
    const standing = reportStanding({ orgKind: o.kind, year, status: r?.status ?? null, publishedOn: r ? publishedOn(r) : null, today });
    return {
      org: { id: o.id, code: o.code, name: o.name, kind: o.kind, parentId: o.parentId },
      reportId: r?.id ?? null,
      status: standing.progress,
      statusLabel: REPORT_PROGRESS_LABELS[standing.progress],
      deadline: standing.deadline,
      publishedOn: r ? publishedOn(r) : null,
      publishedLate: standing.publishedLate,
      errors: r?.validation.errors.length ?? 0,
    };
  });
  const counts = Object.fromEntries(Object.keys(REPORT_PROGRESS_LABELS).map((k) => [k, items.filter((i) => i.status === k).length]));
  return { year, today, items, counts };
}
