import { describe, expect, it } from 'vitest';
import { TALLY_COLUMNS, TALLY_ROWS } from './annual-report-tally.js';
import {
  APPEALS_CELLS,
  APPEALS_HEAD_ROWS,
  APPLICATIONS_COLUMNS,
  APPLICATIONS_HEAD_ROWS,
  APPLICATIONS_ROW_HEADER_COLUMNS,
  APPLICATIONS_ROWS,
  PROACTIVE_BLOCKS,
  SECTION_KEYS,
  SECTION_TITLES,
  applicationsRows,
  proactiveFigure,
  type HeaderCell,
} from './annual-report-format.js';
import { hongzeReport } from '../../test/fixtures/annual-report/hongze.js';

/** Lays header cells out on a grid the way a table does (each cell in the next free slot); ids per slot. */
function layOut(rows: readonly (readonly HeaderCell[])[], width: number): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => Array<string | undefined>(width).fill(undefined));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      for (let i = 0; i < cell.rowSpan; i++) {
        for (let j = 0; j < cell.colSpan; j++) {
          expect(r + i < rows.length && c + j < width, `${cell.label} leaves the table`).toBe(true);
          expect(grid[r + i][c + j], `${cell.label} overlaps ${grid[r + i][c + j]}`).toBeUndefined();
          grid[r + i][c + j] = cell.id;
        }
      }
      c += cell.colSpan;
    }
  });
  for (const row of grid) expect(row.every((id) => id !== undefined)).toBe(true);
  return grid as string[][];
}

const column = (grid: string[][], j: number) => [...new Set(grid.map((row) => row[j]))];

// Table 三's row labels as the 洪泽区 2024 report prints them, top to bottom (the typesetting's stray
// spaces removed; its （六）其他处理 is one row).
const PRINTED_ROW_LABELS = [
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量',
  '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密', '2.其他法律行政止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息',
  '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理', '（七）总计', '四、结转下年度继续办理',
];

describe('the national format as data', () => {
  it('has the six sections in order', () => {
    expect(SECTION_KEYS.map((k) => SECTION_TITLES[k])).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
  });

  it('table 二: four blocks of 条例第二十条 with the printed labels, read from the figures by key', () => {
    expect(PROACTIVE_BLOCKS.map((b) => [b.heading, b.rowHeaderLabel, ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)])).toEqual([
      ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件'],
      ['第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可'],
      ['第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '行政强制'],
      ['第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费'],
    ]);
    const t = hongzeReport(2023).tables.proactive;
    const printed = PROACTIVE_BLOCKS.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => proactiveFigure(t, r.key, c.key))));
    expect(printed).toEqual([0, 0, 0, 0, 5, 5, 550, 4119, 195, 7730.28]);
  });

  it('table 三: every row key of the tally, in order, with the 2021 format’s three rows under （六）', () => {
    expect(APPLICATIONS_ROWS.map((r) => r.key)).toEqual([...TALLY_ROWS]);
    expect(APPLICATIONS_ROWS.every((r) => r.sums.length === 1 && r.sums[0] === r.key)).toBe(true);
    expect(APPLICATIONS_ROWS.find((r) => r.key === 'other.unpaid_fee')!.name).toBe('（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(APPLICATIONS_ROWS.find((r) => r.key === 'withheld.state_secret')!.name).toBe('（三）不予公开 1.属于国家秘密');
  });

  it('table 三 in the samples’ layout: their row labels, except their misprint of 2.其他法律行政法规禁止公开', () => {
    const rows = applicationsRows({ otherAsOneRow: true });
    const ours = rows.map((r) => r.label);
    expect(ours).toHaveLength(PRINTED_ROW_LABELS.length);
    const differences = ours.map((label, i) => [rows[i].key, PRINTED_ROW_LABELS[i], label]).filter(([, printed, label]) => printed !== label);
    expect(differences).toEqual([['withheld.prohibited_by_law', '2.其他法律行政止公开', '2.其他法律行政法规禁止公开']]);
    expect(rows.find((r) => r.key === 'other')!.sums).toEqual(['other.no_correction', 'other.unpaid_fee', 'other.other']);
  });

  it('table 三: the column headers group 自然人, 法人或其他组织 (five kinds) and 总计 under 申请人情况', () => {
    expect(APPLICATIONS_COLUMNS.map((c) => c.key)).toEqual([...TALLY_COLUMNS]);
    expect(APPLICATIONS_COLUMNS.map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const grid = layOut(APPLICATIONS_HEAD_ROWS, APPLICATIONS_ROW_HEADER_COLUMNS + APPLICATIONS_COLUMNS.length);
    const labels = new Map(APPLICATIONS_HEAD_ROWS.flat().map((c) => [c.id, c.label]));
    expect(labels.get(grid[0][0])).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    APPLICATIONS_COLUMNS.forEach((col, j) => expect(column(grid, APPLICATIONS_ROW_HEADER_COLUMNS + j)).toEqual(col.headerIds));
    expect(column(grid, APPLICATIONS_ROW_HEADER_COLUMNS + 3).map((id) => labels.get(id))).toEqual(['申请人情况', '法人或其他组织', '社会公益组织']);
  });

  it('table 三: the row headers span three columns and name every header of each row', () => {
    for (const rows of [APPLICATIONS_ROWS, applicationsRows({ otherAsOneRow: true })]) {
      const grid = layOut(rows.map((r) => r.headers), APPLICATIONS_ROW_HEADER_COLUMNS);
      rows.forEach((row, i) => expect([...new Set(grid[i])]).toEqual(row.headerIds));
      const labels = new Map(rows.flatMap((r) => r.headers).map((c) => [c.id, c.label]));
      expect(column(grid, 0).map((id) => labels.get(id))).toEqual([
        '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理',
      ]);
      expect(column(grid, 1).map((id) => labels.get(id)).slice(2, -1)).toEqual([
        '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '（七）总计',
      ]);
    }
  });

  it('table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), each with the five result columns', () => {
    const grid = layOut(APPEALS_HEAD_ROWS, APPEALS_CELLS.length);
    const labels = new Map(APPEALS_HEAD_ROWS.flat().map((c) => [c.id, c.label]));
    APPEALS_CELLS.forEach((c, j) => expect(column(grid, j)).toEqual(c.headerIds));
    expect(APPEALS_CELLS.map((c) => column(grid, APPEALS_CELLS.indexOf(c)).map((id) => labels.get(id)).join('/'))).toEqual(
      ['行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉'].flatMap((g) => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((r) => `${g}/${r}`)),
    );
    expect(APPEALS_CELLS.map((c) => `${c.group}.${c.column}`).slice(0, 6)).toEqual([
      'reconsideration.upheld', 'reconsideration.corrected', 'reconsideration.other', 'reconsideration.pending', 'reconsideration.total', 'litigationDirect.upheld',
    ]);
  });

  it('gives every header cell a unique id', () => {
    const ids = [...APPLICATIONS_HEAD_ROWS.flat(), ...APPLICATIONS_ROWS.flatMap((r) => r.headers), ...APPEALS_HEAD_ROWS.flat()].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
