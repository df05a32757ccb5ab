import { describe, expect, it } from 'vitest';
import { changeProblem, defaultTotalNo, gazetteName, groupBySection, issueLabel, issueNoLabel, nextIssueNo, publishProblem, reorderProblem } from './gazette.js';

describe('政府公报 numbering', () => {
  it('takes the next free 期号 in a year', () => {
    expect(nextIssueNo([])).toBe(1);
    expect(nextIssueNo([1, 2])).toBe(3);
    expect(nextIssueNo([1, 5, 3])).toBe(6);
  });

  it('continues the 总期号 from the closest earlier issue that has one', () => {
    const existing = [
      { year: 2025, issueNo: 12, totalNo: 55 },
      { year: 2026, issueNo: 1, totalNo: 56 },
      { year: 2026, issueNo: 2, totalNo: null },
    ];
    expect(defaultTotalNo(existing, 2026, 3)).toBe(57);
    expect(defaultTotalNo(existing, 2026, 1)).toBe(56); // the 2025 issue before it
    expect(defaultTotalNo(existing, 2025, 1)).toBeNull(); // nothing earlier
    expect(defaultTotalNo([], 2026, 1)).toBeNull();
    expect(defaultTotalNo([{ year: 2024, issueNo: 20, totalNo: 30 }, { year: 2025, issueNo: 1, totalNo: 31 }], 2027, 1)).toBe(32);
  });

  it('labels issues as printed on the cover', () => {
    expect(issueLabel({ year: 2026, issueNo: 3, totalNo: 57 })).toBe('2026年第3期（总第57期）');
    expect(issueLabel({ year: 2026, issueNo: 3, totalNo: null })).toBe('2026年第3期');
    expect(issueNoLabel({ issueNo: 12, totalNo: 55 })).toBe('第12期（总第55期）');
    expect(gazetteName('示例县人民政府')).toBe('《示例县人民政府公报》');
  });
});

describe('changing and publishing an issue', () => {
  it('refuses any change once published', () => {
    expect(changeProblem('draft')).toBeNull();
    expect(changeProblem('published')).toBe('该期公报已发布，不能再修改');
  });

  it('needs contents and a date not before the issue year', () => {
    const draft = { status: 'draft' as const, year: 2026 };
    expect(publishProblem(draft, 2, '2026-03-16')).toBeNull();
    expect(publishProblem(draft, 2, '2027-01-05')).toBeNull(); // the December issue may come out in January
    expect(publishProblem(draft, 0, '2026-03-16')).toBe('公报至少须收录一件文件才能发布');
    expect(publishProblem(draft, 1, null)).toBe('请填写发布日期');
    expect(publishProblem(draft, 1, '2026-02-30')).toBe('请填写发布日期');
    expect(publishProblem(draft, 1, '2025-12-31')).toBe('发布日期不能早于公报所属年份（2026年）');
    expect(publishProblem({ status: 'published', year: 2026 }, 1, '2026-03-16')).toBe('该期公报已发布，不能再修改');
  });

  it('accepts a new order only when it names every entry once', () => {
    expect(reorderProblem([1, 2, 3], [3, 1, 2])).toBeNull();
    expect(reorderProblem([1, 2, 3], [3, 1])).toBe('排序须包含本期公报的全部条目');
    expect(reorderProblem([1, 2, 3], [3, 1, 4])).toBe('排序须包含本期公报的全部条目');
    expect(reorderProblem([1, 2], [1, 1])).toBe('排序中有重复的条目');
  });
});

describe('table of contents', () => {
  it('groups entries by section in the order of their first entry', () => {
    const toc = groupBySection([
      { id: 1, section: '县政府文件' },
      { id: 2, section: '部门文件' },
      { id: 3, section: '县政府文件 ' },
      { id: 4, section: '' },
    ]);
    expect(toc.map((g) => [g.section, g.entries.map((e) => e.id)])).toEqual([
      ['县政府文件', [1, 3]],
      ['部门文件', [2]],
      ['', [4]],
    ]);
    expect(groupBySection([])).toEqual([]);
  });
});
