// Drafting an organization's annual report from the data (issue #6 items 1 and 2): tables 二, 三 and 四
// computed, sections 一, 五 and 六 written from the year's figures for staff to rewrite. Run again, it
// refreshes the computed figures (cases closed since, a repeal recorded late) but keeps the figures
// staff entered from other systems, and keeps the text of every section staff rewrote unless asked to
// write them anew. Corrections of computed figures are recomputed; the answer lists each figure that
// changed so staff see what moved.
import { and, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { draftSections, TEXT_SECTION_KEYS, type DraftFacts } from '../../domain/annual-report-draft.js';
import { APPEAL_COLUMN_KEYS, APPEAL_GROUP_KEYS, ISSUED_ROW_KEYS, SECTION_TITLES, type TextSectionKey } from '../../domain/annual-report-format.js';
import { TALLY_COLUMNS, TALLY_ROWS } from '../../domain/annual-report-tally.js';
import { chinaDate } from '../../domain/dates.js';
import { conflict, invalid } from '../../errors.js';
import { authorize } from '../authorize.js';
import { applicationEvents, applications } from '../applications/schema.js';
import { documents } from '../documents/schema.js';
import { auditLog, type Organization } from '../orgs/schema.js';
import { lastYearReport, validateReport } from './check.js';
import { reportGrants } from './policy.js';
import { auditReport, loadReport, orgTarget, reportFor, reportName, reportView, requireOrg } from './reports.js';
import { annualReports, type AnnualReport } from './schema.js';
import { computeTables, coveredOrgIds, type ComputedTables } from './tables.js';

const HAND_FIGURES = ['licensing', 'penalties', 'enforcement', 'feesTenThousandYuan'] as const;

/** The facts of the year that the draft text reports, counted for the organization and everything below it. */
async function draftFacts(db: Db, org: Organization, year: number, tables: ComputedTables): Promise<DraftFacts> {
  const orgIds = await coveredOrgIds(db, org);
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const published = await db
    .select({ interpretation: sql<boolean>`${documents.interpretationOf} is not null`, n: count() })
    .from(documents)
    .where(and(inArray(documents.orgId, orgIds), isNotNull(documents.publishedVersion), gte(documents.firstPublishedAt, from), sql`${documents.firstPublishedAt} < ${to}`))
    .groupBy(sql`1`);
  const inYear = (column: typeof applicationEvents.on) => and(gte(column, `${year}-01-01`), lte(column, `${year}-12-31`));
  const replies = await db
    .select({ late: sql<boolean>`coalesce((${applicationEvents.data}->>'late')::boolean, false)`, n: count() })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    // A case sent on to another agency is answered there: saying so lets applications_report_idx serve.
    .where(and(inArray(applications.orgId, orgIds), isNull(applications.transferredToId), eq(applicationEvents.kind, 'replied'), inYear(applicationEvents.on)))
    .groupBy(sql`1`);
  // A payment is recorded on its own; the amount is on the case's fee notice.
  const notices = db
    .select({ applicationId: applicationEvents.applicationId, amount: sql<string>`(${applicationEvents.data}->>'amountYuan')::numeric`.as('amount') })
    .from(applicationEvents)
    .where(eq(applicationEvents.kind, 'fee_notice'))
    .as('notices');
  const [fees] = await db
    .select({ total: sql<string | null>`sum(${notices.amount})` })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .innerJoin(notices, eq(notices.applicationId, applicationEvents.applicationId))
    .where(and(inArray(applications.orgId, orgIds), eq(applicationEvents.kind, 'fee_paid'), inYear(applicationEvents.on)));
  const docs = (interpretation: boolean) => published.find((p) => Boolean(p.interpretation) === interpretation)?.n ?? 0;
  const replied = replies.reduce((a, r) => a + r.n, 0);
  const a = tables.applications;
  const ap = tables.appeals;
  return {
    orgName: org.name,
    year,
    documentsPublished: docs(false),
    interpretationsPublished: docs(true),
    normativeMade: tables.proactive.normativeDocuments.made,
    applications: {
      received: a.received.total,
      carriedIn: a.carriedIn.total,
      decided: a.total.total,
      carriedOut: a.carriedOut.total,
      replied,
      repliedInTime: replied - (replies.find((r) => r.late)?.n ?? 0),
    },
    appeals: {
      reconsideration: ap.reconsideration.total,
      litigation: ap.litigationDirect.total + ap.litigationAfterReconsideration.total,
      corrected: ap.reconsideration.corrected + ap.litigationDirect.corrected + ap.litigationAfterReconsideration.corrected,
    },
    feesYuan: fees?.total ? Number(fees.total) : null,
    hasLastYear: Boolean(await lastYearReport(db, org.id, year)),
  };
}

/**
 * The sections staff rewrote since the draft last wrote them: each edit of a section is audited
 * ('annual_report.section', summary naming the section), and a refresh asked to write the text anew
 * ('annual_report.rewrite') starts over.
 */
async function rewrittenSections(db: Db, reportId: number): Promise<Set<TextSectionKey>> {
  const target = and(eq(auditLog.targetType, 'annual_report'), eq(auditLog.targetId, String(reportId)));
  const [reset] = await db.select({ id: auditLog.id }).from(auditLog).where(and(target, eq(auditLog.action, 'annual_report.rewrite'))).orderBy(desc(auditLog.id)).limit(1);
  const edits = await db
    .select({ summary: auditLog.summary })
    .from(auditLog)
    .where(and(target, eq(auditLog.action, 'annual_report.section'), reset ? gt(auditLog.id, reset.id) : undefined));
  return new Set(TEXT_SECTION_KEYS.filter((k) => edits.some((e) => e.summary.includes(SECTION_TITLES[k]))));
}

export interface ChangedFigure {
  section: 'proactive' | 'applications' | 'appeals';
  row: string;
  column: string;
  from: number | null;
  to: number | null;
}

/** The computed figures that a refresh changed. */
function changedFigures(before: AnnualReport['tables'], after: AnnualReport['tables']): ChangedFigure[] {
  const changes: ChangedFigure[] = [];
  const note = (section: ChangedFigure['section'], row: string, column: string, from: number | null | undefined, to: number | null | undefined) => {
    if ((from ?? null) !== (to ?? null)) changes.push({ section, row, column, from: from ?? null, to: to ?? null });
  };
  for (const row of ISSUED_ROW_KEYS) for (const c of ['made', 'repealed', 'inForce'] as const) note('proactive', row, c, before.proactive[row]?.[c], after.proactive[row][c]);
  for (const row of TALLY_ROWS) for (const c of TALLY_COLUMNS) note('applications', row, c, before.applications[row]?.[c], after.applications[row][c]);
  for (const row of APPEAL_GROUP_KEYS) for (const c of APPEAL_COLUMN_KEYS) note('appeals', row, c, before.appeals[row]?.[c], after.appeals[row][c]);
  return changes;
}

export interface DraftInput {
  orgId: number;
  year: number;
  /** Write sections 一, 五 and 六 anew from the figures, replacing what staff wrote. */
  rewriteSections?: boolean;
}

/** Creates the draft of an organization's report for a year, or refreshes the one there is. */
export async function draftReport(db: Db, ctx: ActionContext, input: DraftInput, today = chinaDate(new Date())) {
  const thisYear = Number(today.slice(0, 4));
  if (input.year < 2008 || input.year > thisYear) throw invalid(`年度应在2008年（《条例》施行）至${thisYear}年之间`);
  return db.transaction(async (tx) => {
    const org = await requireOrg(tx, input.orgId);
    authorize(ctx, reportGrants, 'reports.edit', orgTarget(org), '无权编写该机构的年度报告');
    const existing = await reportFor(tx, org.id, input.year, { forUpdate: true });
    if (existing?.status === 'published') throw conflict(`${input.year}年度报告已经发布，不能重新生成`);
    const computed = await computeTables(tx, org, input.year);
    const written = draftSections(await draftFacts(tx, org, input.year, computed));
    const tables: AnnualReport['tables'] = structuredClone(computed);
    // Figures from other systems stay as staff entered them.
    if (existing) for (const k of HAND_FIGURES) if (existing.tables.proactive[k] !== null && existing.tables.proactive[k] !== undefined) tables.proactive[k] = existing.tables.proactive[k];
    const kept = existing && !input.rewriteSections ? await rewrittenSections(tx, existing.id) : new Set<TextSectionKey>();
    const sections = Object.fromEntries(TEXT_SECTION_KEYS.map((k) => [k, kept.has(k) ? (existing!.sections[k] ?? '') : written[k]]));
    const validation = await validateReport(tx, org, { year: input.year, tables, sections }, computed);
    const values = { tables, sections, validation, source: 'system' as const, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() };
    const [row] = existing
      ? await tx.update(annualReports).set(values).where(eq(annualReports.id, existing.id)).returning()
      : await tx.insert(annualReports).values({ orgId: org.id, year: input.year, ...values, createdBy: ctx.actor?.userId ?? null }).returning();
    const changed = existing ? changedFigures(existing.tables, tables) : [];
    const name = reportName({ year: input.year, org });
    if (!existing) await auditReport(tx, ctx, row, 'draft', `生成${name}草稿`);
    else {
      const text = input.rewriteSections ? '，重写第一、五、六部分文字' : kept.size ? `，保留已修改的${[...kept].map((k) => SECTION_TITLES[k]).join('、')}` : '';
      await auditReport(tx, ctx, row, input.rewriteSections ? 'rewrite' : 'refresh', `按最新数据更新${name}草稿（${changed.length} 项数字有变化${text}）`);
    }
    return { report: reportView(ctx, await loadReport(tx, row.id)), created: !existing, changed };
  });
}
