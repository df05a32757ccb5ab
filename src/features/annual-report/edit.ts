// Completing a draft (issue #6 item 3's input): the figures that come from other systems (行政许可,
// 行政处罚, 行政强制 counts, 行政事业性收费 in 万元), corrections of computed figures, and the text of
// sections 一, 五 and 六 — only while the report is a draft. Each change is audited with the figures
// before and after (a report holds no personal data), and the checks run again on the result.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import {
  appealColumnLabel,
  appealGroupName,
  applicationsColumnLabel,
  applicationsRowName,
  proactiveLabels,
  SECTION_TITLES,
  type AppealColumnKey,
  type AppealGroupKey,
  type IssuedCounts,
  type ProactiveColumnKey,
  type ProactiveRowKey,
  type TextSectionKey,
} from '../../domain/annual-report-format.js';
import type { TallyColumn, TallyRow } from '../../domain/annual-report-tally.js';
import { TEXT_SECTION_KEYS } from '../../domain/annual-report-draft.js';
import { invalid } from '../../errors.js';
import { recheck } from './check.js';
import { auditReport, draftForChange, loadReport, reportName, reportView } from './reports.js';
import { annualReports, type AnnualReport } from './schema.js';

type Cells<R extends string, C extends string> = Partial<Record<R, Partial<Record<C, number>>>>;

export interface ReportPatch {
  tables?: {
    proactive?: Partial<Record<'regulations' | 'normativeDocuments', Partial<IssuedCounts>>> & Partial<Record<'licensing' | 'penalties' | 'enforcement' | 'feesTenThousandYuan', number | null>>;
    applications?: Cells<TallyRow, TallyColumn>;
    appeals?: Cells<AppealGroupKey, AppealColumnKey>;
  };
  sections?: Partial<Record<TextSectionKey, string>>;
}

/** The audit summary lists this many changed figures, then how many more. */
const LISTED = 12;

const shown = (v: number | null | undefined) => (v === null || v === undefined ? '未填' : String(v));

/** Applies the patch to a copy of the tables; returns the copy and a line per figure that changed. */
function applyFigures(tables: AnnualReport['tables'], patch: NonNullable<ReportPatch['tables']>): { tables: AnnualReport['tables']; changes: string[] } {
  const next = structuredClone(tables);
  const changes: string[] = [];
  const note = (where: string, from: number | null | undefined, to: number | null) => {
    if ((from ?? null) !== to) changes.push(`${where} ${shown(from)}→${shown(to)}`);
  };
  const proactiveWhere = (row: ProactiveRowKey, column: ProactiveColumnKey) => {
    const l = proactiveLabels(row, column);
    return `表二「${l.row}」${l.column ? `「${l.column}」` : ''}`;
  };
  for (const [row, value] of Object.entries(patch.proactive ?? {}) as [ProactiveRowKey, unknown][]) {
    if (row === 'regulations' || row === 'normativeDocuments') {
      for (const [column, n] of Object.entries(value as Partial<IssuedCounts>) as [keyof IssuedCounts, number][]) {
        note(proactiveWhere(row, column), next.proactive[row][column], n);
        next.proactive[row][column] = n;
      }
    } else {
      const n = value as number | null;
      note(proactiveWhere(row, row === 'feesTenThousandYuan' ? 'amount' : 'decisions'), next.proactive[row], n);
      next.proactive[row] = n;
    }
  }
  for (const [row, cells] of Object.entries(patch.applications ?? {}) as [TallyRow, Partial<Record<TallyColumn, number>>][]) {
    for (const [column, n] of Object.entries(cells) as [TallyColumn, number][]) {
      note(`表三「${applicationsRowName(row)}」「${applicationsColumnLabel(column)}」`, next.applications[row][column], n);
      next.applications[row][column] = n;
    }
  }
  for (const [group, cells] of Object.entries(patch.appeals ?? {}) as [AppealGroupKey, Partial<Record<AppealColumnKey, number>>][]) {
    for (const [column, n] of Object.entries(cells) as [AppealColumnKey, number][]) {
      note(`表四「${appealGroupName(group)}」「${appealColumnLabel(column)}」`, next.appeals[group][column], n);
      next.appeals[group][column] = n;
    }
  }
  return { tables: next, changes };
}

export async function updateReport(db: Db, ctx: ActionContext, id: number, patch: ReportPatch) {
  return db.transaction(async (tx) => {
    const report = await draftForChange(tx, ctx, id, '修改该年度报告');
    const fees = patch.tables?.proactive?.feesTenThousandYuan;
    // 万元 to four decimals is one yuan: finer is a typing slip.
    if (typeof fees === 'number' && Math.round(fees * 10000) !== fees * 10000) throw invalid('行政事业性收费金额以万元为单位，最多保留四位小数（即精确到元）');
    const { tables, changes } = applyFigures(report.tables, patch.tables ?? {});
    const sections = { ...report.sections };
    const rewritten: TextSectionKey[] = [];
    for (const key of TEXT_SECTION_KEYS) {
      const text = patch.sections?.[key];
      if (text === undefined) continue;
      const cleaned = text.replace(/\r\n?/g, '\n').trim();
      if (cleaned === (sections[key] ?? '')) continue;
      sections[key] = cleaned;
      rewritten.push(key);
    }
    if (!changes.length && !rewritten.length) return reportView(ctx, report);
    const [row] = await tx.update(annualReports).set({ tables, sections, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() }).where(eq(annualReports.id, id)).returning();
    const name = reportName(report);
    if (changes.length) {
      const listed = changes.slice(0, LISTED).join('；') + (changes.length > LISTED ? `；等共 ${changes.length} 项` : '');
      await auditReport(tx, ctx, report, 'figures', `修改${name}的数字：${listed}`);
    }
    // One entry per section: a refresh of the draft keeps the sections staff rewrote (draft.ts).
    for (const key of rewritten) await auditReport(tx, ctx, report, 'section', `修改${name}「${SECTION_TITLES[key]}」文字`);
    await recheck(tx, { ...row, org: report.org });
    return reportView(ctx, await loadReport(tx, id));
  });
}
