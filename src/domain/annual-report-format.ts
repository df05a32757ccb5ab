// The national fixed format of the annual report (政府信息公开工作年度报告), as data: the six sections,
// the tables' row and column keys, their exact labels and how the header cells group and span, so that
// the portal's HTML tables (headers marked up for screen readers), the Word tables and the entry form
// are all drawn from one description (RULES.md §6, issue #6).
//
// Source: 《中华人民共和国政府信息公开工作年度报告格式》, issued by 国务院办公厅政府信息与政务公开办公室
// (国办公开办函〔2021〕30号), as the 淮安市洪泽区 reports of 2023 and 2024 print it. Those reports draw
// （六）其他处理 as a single row; the 2021 format splits it into three (RULES.md §2's three `other.*`
// outcomes), so the rows here have three, and `applicationsRows({ otherAsOneRow: true })` gives the
// samples' layout when a report must look like them.
//
// Keys: table 三 uses the annual-report tally's rows and columns (RULES.md §6 column keys, the outcome keys
// of application-outcomes.ts), table 四 the appeals' table, table 二 its own below. Labels of outcomes and
// applicant kinds come from application-outcomes.ts and appeals.ts, never copied here.
import { TALLY_COLUMNS, TALLY_ROWS, type TallyColumn, type TallyRow } from './annual-report-tally.js';
import {
  APPLICANT_KIND_LABELS,
  OUTCOME_GROUPS,
  OUTCOMES,
  ORGANIZATION_COLUMNS_LABEL,
  TOTAL_COLUMN_LABEL,
  isOrganization,
  outcomesInGroup,
  type OutcomeGroup,
  type OutcomeKey,
} from './application-outcomes.js';
import { APPEAL_RESULT_LABELS, type AppealColumnCounts, type AppealTable } from './appeals.js';

export const ANNUAL_REPORT_FORMAT_NAME = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';

// ---- sections ----

export const SECTION_KEYS = ['overview', 'proactive', 'applications', 'appeals', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
/** The sections staff write as text (一, 五, 六); the others are tables. */
export type TextSectionKey = 'overview' | 'problems' | 'other';

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  // The fees collected under 收费办法 are reported here.
  other: '六、其他需要报告的事项',
};

// ---- header cells, shared by the three tables ----

/**
 * One header cell (th). `id` is stable and unique within the report, for the `headers` attribute of the
 * data cells (screen readers announce every header of a cell in a table with spanning groups).
 */
export interface HeaderCell {
  id: string;
  label: string;
  rowSpan: number;
  colSpan: number;
}

function cell(id: string, label: string, rowSpan = 1, colSpan = 1): HeaderCell {
  return { id, label, rowSpan, colSpan };
}

// ---- table 二: 主动公开政府信息情况 (条例第二十条) ----

/** 本年制发件数, 本年废止件数, 现行有效件数. */
export interface IssuedCounts {
  made: number;
  repealed: number;
  inForce: number;
}

/**
 * Table 二's figures. 规章 and 行政规范性文件 come from the policy library; the others come from other
 * systems and are entered by staff (null until entered).
 */
export interface ProactiveTable {
  regulations: IssuedCounts;
  normativeDocuments: IssuedCounts;
  /** 行政许可 本年处理决定数量. */
  licensing: number | null;
  /** 行政处罚 本年处理决定数量. */
  penalties: number | null;
  /** 行政强制 本年处理决定数量. */
  enforcement: number | null;
  /** 行政事业性收费 本年收费金额, in 万元 (may have decimals). */
  feesTenThousandYuan: number | null;
}

export type ProactiveRowKey = keyof ProactiveTable;
export type IssuedRowKey = 'regulations' | 'normativeDocuments';
/** The figure columns: the three counts of （一）, the one number of the other items. */
export type ProactiveColumnKey = keyof IssuedCounts | 'decisions' | 'amount';

export interface ProactiveBlock {
  /** The item of 条例第二十条 the block reports, printed as a heading row across the table. */
  heading: string;
  /** The first header cell, over the row labels. */
  rowHeaderLabel: string;
  columns: readonly { key: ProactiveColumnKey; label: string }[];
  rows: readonly { key: ProactiveRowKey; label: string }[];
}

const CONTENT = '信息内容';
const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量' }] as const;

/** Table 二 as four blocks, in the format's order. */
export const PROACTIVE_BLOCKS: readonly ProactiveBlock[] = [
  {
    heading: '第二十条第（一）项',
    rowHeaderLabel: CONTENT,
    columns: [
      { key: 'made', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'inForce', label: '现行有效件数' },
    ],
    rows: [
      { key: 'regulations', label: '规章' },
      { key: 'normativeDocuments', label: '行政规范性文件' },
    ],
  },
  { heading: '第二十条第（五）项', rowHeaderLabel: CONTENT, columns: DECISIONS, rows: [{ key: 'licensing', label: '行政许可' }] },
  {
    heading: '第二十条第（六）项',
    rowHeaderLabel: CONTENT,
    columns: DECISIONS,
    rows: [
      { key: 'penalties', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
  },
  {
    heading: '第二十条第（八）项',
    rowHeaderLabel: CONTENT,
    columns: [{ key: 'amount', label: '本年收费金额（单位：万元）' }],
    rows: [{ key: 'feesTenThousandYuan', label: '行政事业性收费' }],
  },
];

export const ISSUED_ROW_KEYS: readonly IssuedRowKey[] = ['regulations', 'normativeDocuments'];

export function isIssuedRow(row: ProactiveRowKey): row is IssuedRowKey {
  return (ISSUED_ROW_KEYS as readonly string[]).includes(row);
}

/** The figure in one cell of table 二 (a value that is not there is undefined). */
export function proactiveFigure(table: ProactiveTable, row: ProactiveRowKey, column: ProactiveColumnKey): number | null | undefined {
  const value = table[row];
  if (isIssuedRow(row)) return (value as IssuedCounts | undefined)?.[column as keyof IssuedCounts];
  return value as number | null | undefined;
}

export function proactiveLabels(row: ProactiveRowKey, column: ProactiveColumnKey): { block: ProactiveBlock; row: string; column: string } {
  const block = PROACTIVE_BLOCKS.find((b) => b.rows.some((r) => r.key === row))!;
  return { block, row: block.rows.find((r) => r.key === row)!.label, column: block.columns.find((c) => c.key === column)?.label ?? '' };
}

// ---- table 三: 收到和处理政府信息公开申请情况 ----

/** The corner cell over the row labels. */
export const APPLICATIONS_CORNER_LABEL = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER_LABEL = '申请人情况';
/** Table 三's row labels take three columns: 一…四, the groups （一）…（七）, the items 1.…8. */
export const APPLICATIONS_ROW_HEADER_COLUMNS = 3;

export interface ApplicationsColumn {
  key: TallyColumn;
  label: string;
  /** The header cells above this column's data cells, outermost first (for `headers`). */
  headerIds: readonly string[];
}

const colId = (key: TallyColumn) => `applications-col-${key}`;
const APPLICANT_ID = 'applications-applicant';
const ORGANIZATIONS_ID = 'applications-organizations';

export function applicationsColumnLabel(key: TallyColumn): string {
  return key === 'total' ? TOTAL_COLUMN_LABEL : APPLICANT_KIND_LABELS[key];
}

export const APPLICATIONS_COLUMNS: readonly ApplicationsColumn[] = TALLY_COLUMNS.map((key) => ({
  key,
  label: applicationsColumnLabel(key),
  headerIds: [APPLICANT_ID, ...(key !== 'total' && isOrganization(key) ? [ORGANIZATIONS_ID] : []), colId(key)],
}));

/**
 * The three rows of column headers: the corner and 申请人情况; 自然人, 法人或其他组织 and 总计; the five
 * kinds of organization.
 */
export const APPLICATIONS_HEAD_ROWS: readonly (readonly HeaderCell[])[] = [
  [cell('applications-corner', APPLICATIONS_CORNER_LABEL, 3, APPLICATIONS_ROW_HEADER_COLUMNS), cell(APPLICANT_ID, APPLICANT_HEADER_LABEL, 1, TALLY_COLUMNS.length)],
  [
    cell(colId('person'), APPLICANT_KIND_LABELS.person, 2),
    cell(ORGANIZATIONS_ID, ORGANIZATION_COLUMNS_LABEL, 1, TALLY_COLUMNS.filter((k) => k !== 'total' && isOrganization(k)).length),
    cell(colId('total'), TOTAL_COLUMN_LABEL, 2),
  ],
  APPLICATIONS_COLUMNS.filter((c) => c.key !== 'person' && c.key !== 'total').map((c) => cell(colId(c.key), c.label)),
];

/** The one row the samples print for （六）其他处理, when asked for their layout. */
export const OTHER_AS_ONE_ROW = 'other' as const;

export interface ApplicationsRow {
  /** The row's key in `tables.applications`, or `other` for （六） printed as one row. */
  key: TallyRow | typeof OTHER_AS_ONE_ROW;
  /** The rows of `tables.applications` whose figures this row shows (their sum). */
  sums: readonly TallyRow[];
  /** The row's own label, as printed in its last header cell. */
  label: string;
  /** The row's name in messages: its group and item, e.g. （三）不予公开 1.属于国家秘密. */
  name: string;
  /** The row header cells that start on this row, left to right (earlier rows' cells may span into it). */
  headers: readonly HeaderCell[];
  /** Every row header cell of this row, outermost first (for `headers`). */
  headerIds: readonly string[];
}

const RESULTS_LABEL = '三、本年度办理结果';
const RESULTS_ID = 'applications-results';
const TOTAL_ROW_LABEL = '（七）总计';
const ROW_LABELS: Readonly<Record<'received' | 'carriedIn' | 'carriedOut', string>> = {
  received: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  carriedOut: '四、结转下年度继续办理',
};

const rowId = (key: string) => `applications-row-${key.replace('.', '-')}`;
const groupId = (group: OutcomeGroup) => `applications-group-${outcomesInGroup(group)[0].key.split('.')[0]}`;

/** Rows with a label of their own across all three header columns (一, 二, 四). */
function wholeRow(key: 'received' | 'carriedIn' | 'carriedOut'): ApplicationsRow {
  const label = ROW_LABELS[key];
  return { key, sums: [key], label, name: label, headers: [cell(rowId(key), label, 1, APPLICATIONS_ROW_HEADER_COLUMNS)], headerIds: [rowId(key)] };
}

/**
 * The rows of table 三 in order, with their header cells. `otherAsOneRow` prints （六）其他处理 as one row
 * (the sum of its three outcomes), as the 洪泽区 reports do.
 */
export function applicationsRows(options: { otherAsOneRow?: boolean } = {}): ApplicationsRow[] {
  const results: ApplicationsRow[] = [];
  for (const { group, label } of OUTCOME_GROUPS) {
    const items = outcomesInGroup(group);
    const single = items.length === 1 && items[0].reportLabel === label;
    if (single || (group === '六' && options.otherAsOneRow)) {
      const key = single ? items[0].key : OTHER_AS_ONE_ROW;
      const id = single ? rowId(key) : groupId(group);
      results.push({ key, sums: items.map((o) => o.key), label, name: label, headers: [cell(id, label, 1, 2)], headerIds: [RESULTS_ID, id] });
      continue;
    }
    const gid = groupId(group);
    items.forEach((o, i) => {
      const item = cell(rowId(o.key), o.reportLabel);
      const headers = i === 0 ? [cell(gid, label, items.length), item] : [item];
      results.push({ key: o.key, sums: [o.key], label: o.reportLabel, name: `${label} ${o.reportLabel}`, headers, headerIds: [RESULTS_ID, gid, item.id] });
    });
  }
  const total = cell(rowId('total'), TOTAL_ROW_LABEL, 1, 2);
  results.push({ key: 'total', sums: ['total'], label: TOTAL_ROW_LABEL, name: TOTAL_ROW_LABEL, headers: [total], headerIds: [RESULTS_ID, total.id] });
  // 三、本年度办理结果 starts on the first result row and spans them all, （七）总计 included.
  results[0] = { ...results[0], headers: [cell(RESULTS_ID, RESULTS_LABEL, results.length), ...results[0].headers] };
  return [wholeRow('received'), wholeRow('carriedIn'), ...results, wholeRow('carriedOut')];
}

/** Table 三's rows as the 2021 format prints them (every key of `tables.applications`, in order). */
export const APPLICATIONS_ROWS: readonly ApplicationsRow[] = applicationsRows();

/** A row's name in messages, by its key. */
export function applicationsRowName(key: TallyRow): string {
  return APPLICATIONS_ROWS.find((r) => r.key === key)!.name;
}

export const APPLICATIONS_OUTCOME_ROWS: readonly OutcomeKey[] = TALLY_ROWS.filter((r): r is OutcomeKey => r in OUTCOMES);

// ---- table 四: 政府信息公开行政复议、行政诉讼情况 ----

export type AppealGroupKey = keyof AppealTable;
export type AppealColumnKey = keyof AppealColumnCounts;

export const APPEAL_GROUP_KEYS: readonly AppealGroupKey[] = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
export const APPEAL_COLUMN_KEYS: readonly AppealColumnKey[] = ['upheld', 'corrected', 'other', 'pending', 'total'];

const RECONSIDERATION_LABEL = '行政复议';
const LITIGATION_LABEL = '行政诉讼';
export const APPEAL_GROUP_LABELS: Readonly<Record<AppealGroupKey, string>> = {
  reconsideration: RECONSIDERATION_LABEL,
  litigationDirect: '未经复议直接起诉',
  litigationAfterReconsideration: '复议后起诉',
};

/** A group's name in messages: the two lawsuit groups under 行政诉讼. */
export function appealGroupName(group: AppealGroupKey): string {
  return group === 'reconsideration' ? RECONSIDERATION_LABEL : `${LITIGATION_LABEL}（${APPEAL_GROUP_LABELS[group]}）`;
}

export function appealColumnLabel(column: AppealColumnKey): string {
  return column === 'total' ? TOTAL_COLUMN_LABEL : APPEAL_RESULT_LABELS[column];
}

const appealGroupId = (group: AppealGroupKey) => `appeals-${group}`;
const appealCellId = (group: AppealGroupKey, column: AppealColumnKey) => `appeals-${group}-${column}`;
const LITIGATION_ID = 'appeals-litigation';

/**
 * The three rows of column headers: 行政复议 (over two rows) and 行政诉讼; 未经复议直接起诉 and 复议后起诉;
 * the five result columns under each of the three.
 */
export const APPEALS_HEAD_ROWS: readonly (readonly HeaderCell[])[] = [
  [
    cell(appealGroupId('reconsideration'), RECONSIDERATION_LABEL, 2, APPEAL_COLUMN_KEYS.length),
    cell(LITIGATION_ID, LITIGATION_LABEL, 1, 2 * APPEAL_COLUMN_KEYS.length),
  ],
  (['litigationDirect', 'litigationAfterReconsideration'] as const).map((g) => cell(appealGroupId(g), APPEAL_GROUP_LABELS[g], 1, APPEAL_COLUMN_KEYS.length)),
  APPEAL_GROUP_KEYS.flatMap((g) => APPEAL_COLUMN_KEYS.map((c) => cell(appealCellId(g, c), appealColumnLabel(c)))),
];

/** The one data row, cell by cell from the left, with each cell's headers. */
export const APPEALS_CELLS: readonly { group: AppealGroupKey; column: AppealColumnKey; headerIds: readonly string[] }[] = APPEAL_GROUP_KEYS.flatMap((group) =>
  APPEAL_COLUMN_KEYS.map((column) => ({
    group,
    column,
    headerIds: [...(group === 'reconsideration' ? [] : [LITIGATION_ID]), appealGroupId(group), appealCellId(group, column)],
  })),
);
