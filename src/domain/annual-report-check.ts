// Checking an annual report's figures before it is published (issue #6 item 3, RULES.md §6). Published
// reports are full of arithmetic slips (洪泽区 2023 printed 总计 0 under 维持 10); this finds them.
//
// Errors block publishing: a figure that is not a non-negative whole number, or an identity of the format
// that does not hold — in table 三 per column 一 + 二 = （七）总计 + 四, （七）总计 = the sum of the outcome rows,
// the 总计 column = the sum of the applicant columns; in table 四 总计 = 维持 + 纠正 + 其他 + 尚未审结; and this
// year's 上年结转 = last year's 结转下年度, per column.
// Warnings need a confirmation: what is unlikely but can be true, or cannot be settled from the report
// alone — table 二's 现行有效 against what was made and repealed, a figure that is zero where the system
// recorded cases (or the reverse), a section 五 that does not follow up last year's problems.
//
// Pure: the caller gives this year's figures, last year's report when there is one, and what the system
// counted. Every message is Chinese and names the section (table), row and column.
import { TALLY_COLUMNS, TALLY_ROWS, type ApplicationsTable, type TallyColumn, type TallyRow } from './annual-report-tally.js';
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_GROUP_KEYS,
  APPLICATIONS_OUTCOME_ROWS,
  ISSUED_ROW_KEYS,
  PROACTIVE_BLOCKS,
  SECTION_TITLES,
  appealColumnLabel,
  appealGroupName,
  applicationsColumnLabel,
  applicationsRowName,
  proactiveFigure,
  proactiveLabels,
  type ProactiveColumnKey,
  type ProactiveRowKey,
  type ProactiveTable,
  type SectionKey,
  type TextSectionKey,
} from './annual-report-format.js';
import type { AppealTable } from './appeals.js';

/** A report's figures and text, in the JSON shape of issue #6 item 5. */
export interface AnnualReportFigures {
  tables: {
    proactive: ProactiveTable;
    applications: ApplicationsTable;
    appeals: AppealTable;
  };
  /** Sections 一, 五 and 六 as written (paragraphs separated by line breaks). */
  sections?: Partial<Record<TextSectionKey, string>>;
}

/** What the system counted itself; a table or figure left out (or null) is not compared. */
export interface RecordedFigures {
  proactive?: Partial<ProactiveTable>;
  applications?: ApplicationsTable;
  appeals?: AppealTable;
}

export interface ReportIssue {
  section: SectionKey;
  /** The row key (table 二: `regulations`…, table 三: `received`, outcome keys…, table 四: the group). */
  row?: string;
  /** The column key (`made`…, `person`…`total`, `upheld`…`total`). */
  column?: string;
  message: string;
}

export interface AnnualReportValidation {
  errors: ReportIssue[];
  warnings: ReportIssue[];
}

export interface AnnualReportCheckInput {
  year: number;
  report: AnnualReportFigures;
  /** Last year's report (published, or its figures entered by hand): for 上年结转 and section 五. */
  lastYear?: AnnualReportFigures | null;
  recorded?: RecordedFigures | null;
}

type Issue = Omit<ReportIssue, 'message'>;

class Findings implements AnnualReportValidation {
  errors: ReportIssue[] = [];
  warnings: ReportIssue[] = [];
  error(at: Issue, message: string) {
    this.errors.push({ ...at, message: `${SECTION_TITLES[at.section]}：${message}` });
  }
  warning(at: Issue, message: string) {
    this.warnings.push({ ...at, message: `${SECTION_TITLES[at.section]}：${message}` });
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Shows an entered value in a message as it was given. */
function shown(v: unknown): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v);
}

/**
 * Checks one figure; true when it is a non-negative whole number (the amount of 行政事业性收费 may have
 * decimals). A figure not entered at all is an error: a report is published whole, 0 where there was none.
 */
function checkFigure(f: Findings, at: Issue, where: string, v: unknown, decimals = false): v is number {
  if (v === undefined || v === null || v === '') {
    f.error(at, `${where}未填写（没有的填 0）`);
    return false;
  }
  const ok = decimals ? typeof v === 'number' && Number.isFinite(v) && v >= 0 : isCount(v);
  if (!ok) f.error(at, `${where}应为${decimals ? '非负数' : '非负整数'}，现为 ${shown(v)}`);
  return ok;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// ---- table 二 ----

const PROACTIVE_CELLS: readonly { row: ProactiveRowKey; column: ProactiveColumnKey }[] = PROACTIVE_BLOCKS.flatMap((b) =>
  b.rows.flatMap((r) => b.columns.map((c) => ({ row: r.key, column: c.key }))),
);

function proactiveWhere(row: ProactiveRowKey, column: ProactiveColumnKey): string {
  const l = proactiveLabels(row, column);
  return `${l.block.heading}「${l.row}」「${l.column}」`;
}

function checkProactive(f: Findings, table: ProactiveTable | undefined, last: ProactiveTable | undefined, year: number) {
  const section = 'proactive';
  if (!table || typeof table !== 'object') return f.error({ section }, '未填写');
  let valid = true;
  for (const { row, column } of PROACTIVE_CELLS) {
    valid = checkFigure(f, { section, row, column }, proactiveWhere(row, column), proactiveFigure(table, row, column), row === 'feesTenThousandYuan') && valid;
  }
  if (!valid) return;
  for (const row of ISSUED_ROW_KEYS) {
    const { made, repealed, inForce } = table[row];
    const name = proactiveLabels(row, 'made').row;
    // A file made this year and repealed, lapsed or not yet in effect at year end leaves made > in force: possible, rare.
    if (made > inForce) {
      f.warning({ section, row, column: 'inForce' }, `「${name}」本年制发 ${made} 件，多于现行有效 ${inForce} 件；只有本年制发的文件年内又废止、失效或尚未施行时才会如此，请核对`);
    }
    const before = last?.[row];
    if (!before || !isCount(before.inForce)) continue;
    // What was in force at the start of the year is last year's 现行有效. Files also lapse when their
    // validity period ends (失效, not 废止), so fewer in force than this is normal; more is not — but last
    // year's published figure may itself be wrong and cannot be corrected now, so these only warn.
    const expected = before.inForce + made - repealed;
    if (repealed > before.inForce + made) {
      f.warning(
        { section, row, column: 'repealed' },
        `「${name}」本年废止 ${repealed} 件，多于${year - 1}年年报的现行有效 ${before.inForce} 件加本年制发 ${made} 件，请核对`,
      );
    } else if (inForce > expected) {
      f.warning(
        { section, row, column: 'inForce' },
        `「${name}」现行有效 ${inForce} 件，多于${year - 1}年年报的现行有效 ${before.inForce} 件加本年制发 ${made} 件减本年废止 ${repealed} 件（${expected} 件），请核对`,
      );
    }
  }
}

// ---- table 三 ----

const APPLICANT_COLUMNS = TALLY_COLUMNS.filter((c): c is Exclude<TallyColumn, 'total'> => c !== 'total');

function applicationsWhere(row: TallyRow, column: TallyColumn): string {
  return `「${applicationsRowName(row)}」「${applicationsColumnLabel(column)}」`;
}

/** True when every figure of the table is a non-negative whole number (each bad one is reported). */
function checkApplicationFigures(f: Findings, table: ApplicationsTable): boolean {
  const section = 'applications';
  let valid = true;
  for (const row of TALLY_ROWS) {
    const values = table[row];
    if (!values || typeof values !== 'object') {
      f.error({ section, row }, `「${applicationsRowName(row)}」行未填写`);
      valid = false;
      continue;
    }
    for (const column of TALLY_COLUMNS) valid = checkFigure(f, { section, row, column }, applicationsWhere(row, column), values[column]) && valid;
  }
  return valid;
}

function checkApplications(f: Findings, table: ApplicationsTable | undefined, last: ApplicationsTable | undefined, year: number) {
  const section = 'applications';
  if (!table || typeof table !== 'object') return f.error({ section }, '未填写');
  if (!checkApplicationFigures(f, table)) return;
  const total = applicationsColumnLabel('total');

  // The 总计 column adds up the applicant columns, in every row.
  for (const row of TALLY_ROWS) {
    const expected = sum(APPLICANT_COLUMNS.map((c) => table[row][c]));
    if (table[row].total !== expected) {
      f.error({ section, row, column: 'total' }, `「${applicationsRowName(row)}」的「${total}」应为各类申请人之和 ${expected}，现为 ${table[row].total}`);
    }
  }
  for (const column of TALLY_COLUMNS) {
    const t = (row: TallyRow) => table[row][column];
    // （七）总计 adds up the outcome rows.
    const decided = sum(APPLICATIONS_OUTCOME_ROWS.map(t));
    if (t('total') !== decided) {
      f.error({ section, row: 'total', column }, `「${applicationsColumnLabel(column)}」列的「${applicationsRowName('total')}」应为各项办理结果之和 ${decided}，现为 ${t('total')}`);
    }
    // The format's own identity, printed in the corner of the table: 一 + 二 = 三 + 四.
    const inflow = t('received') + t('carriedIn');
    const outflow = t('total') + t('carriedOut');
    if (inflow !== outflow) {
      f.error(
        { section, row: 'carriedOut', column },
        `「${applicationsColumnLabel(column)}」列本年新收 ${t('received')} 件加上年结转 ${t('carriedIn')} 件，共 ${inflow} 件，应等于办理结果总计 ${t('total')} 件加结转下年度 ${t('carriedOut')} 件，现为 ${outflow} 件`,
      );
    }
    // What last year carried out is what this year carries in.
    const before = last?.carriedOut?.[column];
    if (isCount(before) && t('carriedIn') !== before) {
      f.error(
        { section, row: 'carriedIn', column },
        `${applicationsWhere('carriedIn', column)}为 ${t('carriedIn')}，与${year - 1}年年报「${applicationsRowName('carriedOut')}」的 ${before} 不一致`,
      );
    }
  }
}

// ---- table 四 ----

function checkAppeals(f: Findings, table: AppealTable | undefined) {
  const section = 'appeals';
  if (!table || typeof table !== 'object') return f.error({ section }, '未填写');
  for (const group of APPEAL_GROUP_KEYS) {
    const counts = table[group];
    if (!counts || typeof counts !== 'object') {
      f.error({ section, row: group }, `「${appealGroupName(group)}」未填写`);
      continue;
    }
    let valid = true;
    for (const column of APPEAL_COLUMN_KEYS) {
      valid = checkFigure(f, { section, row: group, column }, `「${appealGroupName(group)}」「${appealColumnLabel(column)}」`, counts[column]) && valid;
    }
    if (!valid) continue;
    const parts = APPEAL_COLUMN_KEYS.filter((c) => c !== 'total');
    const expected = sum(parts.map((c) => counts[c]));
    if (counts.total !== expected) {
      f.error(
        { section, row: group, column: 'total' },
        `「${appealGroupName(group)}」的「${appealColumnLabel('total')}」应为${parts.map(appealColumnLabel).join('、')}之和 ${expected}，现为 ${counts.total}`,
      );
    }
  }
}

// ---- against what the system recorded ----

/** Warns where one of the entered and the recorded figure is zero and the other is not. */
function compareZero(f: Findings, at: Issue, where: string, entered: unknown, recorded: unknown) {
  if (typeof entered !== 'number' || typeof recorded !== 'number') return;
  if (entered === 0 && recorded !== 0) f.warning(at, `${where}填写为 0，但系统记录有 ${recorded}，请核对`);
  if (entered !== 0 && recorded === 0) f.warning(at, `${where}填写为 ${entered}，但系统中没有记录，请核对`);
}

function checkAgainstRecorded(f: Findings, report: AnnualReportFigures['tables'], recorded: RecordedFigures) {
  if (recorded.proactive && report.proactive) {
    for (const { row, column } of PROACTIVE_CELLS) {
      const value = proactiveFigure(recorded.proactive as ProactiveTable, row, column);
      compareZero(f, { section: 'proactive', row, column }, proactiveWhere(row, column), proactiveFigure(report.proactive, row, column), value);
    }
  }
  if (recorded.applications && report.applications) {
    for (const row of TALLY_ROWS) {
      for (const column of TALLY_COLUMNS) {
        compareZero(f, { section: 'applications', row, column }, applicationsWhere(row, column), report.applications[row]?.[column], recorded.applications[row]?.[column]);
      }
    }
  }
  if (recorded.appeals && report.appeals) {
    for (const row of APPEAL_GROUP_KEYS) {
      for (const column of APPEAL_COLUMN_KEYS) {
        const where = `「${appealGroupName(row)}」「${appealColumnLabel(column)}」`;
        compareZero(f, { section: 'appeals', row, column }, where, report.appeals[row]?.[column], recorded.appeals[row]?.[column]);
      }
    }
  }
}

// ---- section 五 ----

/**
 * How section 五 shows it followed up last year's problems: it names last year (上一年, 上年度, 上年, 去年,
 * 前一年 or the year's number). A simple reading, on purpose: it cannot judge whether each problem was
 * answered, only catch the common case of a 五 that talks about this year alone — a warning for staff
 * to read, never a block.
 */
export function mentionsLastYear(text: string, year: number): boolean {
  return /上一年|上年|去年|前一年/.test(text) || text.includes(`${year - 1}年`);
}

const normalized = (text: string | undefined) => (text ?? '').replace(/\s+/g, '');

function checkProblems(f: Findings, text: string | undefined, lastYearText: string | undefined, year: number) {
  const at = { section: 'problems' } as const;
  const mine = normalized(text);
  if (!mine) return f.warning(at, '尚未填写；应写明存在的主要问题和改进情况');
  const before = normalized(lastYearText);
  if (!before) return;
  if (mine === before) return f.warning(at, `与${year - 1}年年报的内容相同，请按本年情况填写`);
  if (!mentionsLastYear(mine, year)) {
    f.warning(at, `没有写${year - 1}年年报所列问题的改进情况（未提到“上年度”“上一年”“去年”或“${year - 1}年”），请补充`);
  }
}

/** Every check of a report: errors block publishing, warnings need a confirmation. */
export function checkAnnualReport({ year, report, lastYear, recorded }: AnnualReportCheckInput): AnnualReportValidation {
  const f = new Findings();
  const tables = report.tables ?? ({} as Partial<AnnualReportFigures['tables']>);
  checkProactive(f, tables.proactive, lastYear?.tables?.proactive, year);
  checkApplications(f, tables.applications, lastYear?.tables?.applications, year);
  checkAppeals(f, tables.appeals);
  if (recorded) checkAgainstRecorded(f, tables as AnnualReportFigures['tables'], recorded);
  checkProblems(f, report.sections?.problems, lastYear?.sections?.problems, year);
  return { errors: f.errors, warnings: f.warnings };
}
