// 行政复议 and 行政诉讼 about an application for government information (issue #5 item 9): what a
// record must satisfy, and how the annual report counts them (RULES.md §6, table 四 of 年报格式:
// 行政复议 / 行政诉讼 未经复议直接起诉 / 复议后起诉, each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 —
// "counting cases filed in the year by their state at year end"). Pure: today is a parameter.
//
// The kinds and results are the columns of table 四; the database stores the same keys
// (src/features/applications/schema.ts, application_appeals).
import { compareDates, formatChineseDate, isIsoDate, type IsoDate } from './dates.js';

export type AppealKindKey = 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration';
export type AppealResultKey = 'upheld' | 'corrected' | 'other' | 'pending';

export const APPEAL_KIND_LABELS: Readonly<Record<AppealKindKey, string>> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

export const APPEAL_RESULT_LABELS: Readonly<Record<AppealResultKey, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

/** Who decides: the reconsideration body or the court, for messages. */
export function appealBodyLabel(kind: AppealKindKey): string {
  return kind === 'reconsideration' ? '复议机关' : '人民法院';
}

/** One record as stored (or about to be): the decision date is null exactly while pending. */
export interface AppealFacts {
  kind: AppealKindKey;
  filedOn: IsoDate;
  result: AppealResultKey;
  decidedOn: IsoDate | null;
  /** For a corrected result: the date by which the decision requires the new reply. */
  reopenDueOn?: IsoDate | null;
}

export interface AppealContext {
  today: IsoDate;
  /** The earliest day an appeal can be filed: the reply (or, for a failure to reply, the receipt). */
  floor: { date: IsoDate; label: string };
  /** The filing dates of the case's reconsiderations (a lawsuit after reconsideration needs one). */
  reconsiderationsFiledOn: readonly IsoDate[];
}

function dateProblem(date: IsoDate | null | undefined, label: string, today: IsoDate, notBefore?: { date: IsoDate; label: string }): string | null {
  if (!isIsoDate(date)) return `${label}不是有效日期：${String(date)}，应为 YYYY-MM-DD`;
  if (compareDates(date, today) > 0) return `${label}（${formatChineseDate(date)}）晚于今天，不能登记`;
  if (notBefore && compareDates(date, notBefore.date) < 0) return `${label}（${formatChineseDate(date)}）早于${notBefore.label}（${formatChineseDate(notBefore.date)}）`;
  return null;
}

/** Null when the record can stand, otherwise why not (Chinese). */
export function appealProblem(a: AppealFacts, c: AppealContext): string | null {
  const filed = a.kind === 'reconsideration' ? '申请行政复议日期' : '起诉日期';
  const problem = dateProblem(a.filedOn, filed, c.today, c.floor);
  if (problem) return problem;
  if (a.kind === 'litigation_after_reconsideration') {
    if (c.reconsiderationsFiledOn.length === 0) return '复议后起诉须先登记该申请的行政复议';
    if (!c.reconsiderationsFiledOn.some((d) => compareDates(d, a.filedOn) <= 0)) return '起诉日期早于该申请的行政复议申请日期，不能登记为复议后起诉';
  }
  if (a.result !== 'corrected' && a.reopenDueOn != null) return '只有结果纠正的，才填写重新答复期限';
  if (a.result === 'pending') return a.decidedOn ? '尚未审结的，不填写审结日期' : null;
  if (a.decidedOn == null) return `${APPEAL_RESULT_LABELS[a.result]}的，请填写${appealBodyLabel(a.kind)}作出决定（裁判）的日期`;
  const decided = dateProblem(a.decidedOn, '审结日期', c.today, { date: a.filedOn, label: filed });
  if (decided) return decided;
  if (a.result === 'corrected') {
    if (a.reopenDueOn == null) return '结果纠正的，请填写决定（裁判）确定的重新答复期限';
    if (!isIsoDate(a.reopenDueOn)) return `重新答复期限不是有效日期：${String(a.reopenDueOn)}，应为 YYYY-MM-DD`;
    if (compareDates(a.reopenDueOn, a.decidedOn) <= 0) return `重新答复期限（${formatChineseDate(a.reopenDueOn)}）须晚于审结日期（${formatChineseDate(a.decidedOn)}）`;
  }
  return null;
}

// ---- table 四 ----

export interface AppealColumnCounts {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
}

/** Table 四's three groups, keyed as the report's JSON keys them (issue #6). */
export interface AppealTable {
  reconsideration: AppealColumnCounts;
  litigationDirect: AppealColumnCounts;
  litigationAfterReconsideration: AppealColumnCounts;
}

const TABLE_KEY: Readonly<Record<AppealKindKey, keyof AppealTable>> = {
  reconsideration: 'reconsideration',
  litigation_direct: 'litigationDirect',
  litigation_after_reconsideration: 'litigationAfterReconsideration',
};

const zero = (): AppealColumnCounts => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });

export function emptyAppealTable(): AppealTable {
  return { reconsideration: zero(), litigationDirect: zero(), litigationAfterReconsideration: zero() };
}

/** The result as it stood on 31 December of `year`: one decided later was still pending then. */
export function appealResultAtYearEnd(a: Pick<AppealFacts, 'result' | 'decidedOn'>, year: number): AppealResultKey {
  if (a.result === 'pending' || a.decidedOn == null) return 'pending';
  return compareDates(a.decidedOn, `${year}-12-31`) > 0 ? 'pending' : a.result;
}

/** Table 四 of `year`: the appeals filed in that year (others are ignored), by their result at year end. */
export function tallyAppeals(appeals: readonly Pick<AppealFacts, 'kind' | 'filedOn' | 'result' | 'decidedOn'>[], year: number): AppealTable {
  const table = emptyAppealTable();
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const a of appeals) {
    if (!a.filedOn.startsWith(prefix)) continue;
    const row = table[TABLE_KEY[a.kind]];
    row[appealResultAtYearEnd(a, year)] += 1;
    row.total += 1;
  }
  return table;
}
