// 政府公报 (the gazette): numbering of issues, their labels, the table of contents grouped by
// section, and what stands in the way of changing or publishing an issue. Pure: no I/O.
//
// An issue is a numbered collection of documents already published on the platform (同源发布):
// 期号 counts within a year (2026年第3期), 总期号 since the gazette began (总第57期).
import { isIsoDate, type IsoDate } from './dates.js';

export interface IssueNumbering {
  year: number;
  issueNo: number;
  totalNo: number | null;
}

/** Section headings offered when composing an issue; any other heading may be typed. */
export const SUGGESTED_SECTIONS = ['县政府文件', '县政府办公室文件', '部门文件', '人事任免'] as const;

/** The next free 期号 in a year: one after the highest taken, 1 for the year's first issue. */
export function nextIssueNo(taken: readonly number[]): number {
  return taken.length ? Math.max(...taken) + 1 : 1;
}

/**
 * The default 总期号 of a new issue: one after the 总期号 of the closest issue before it (by year
 * and 期号) that has one; none when no earlier issue carries a 总期号.
 */
export function defaultTotalNo(existing: readonly IssueNumbering[], year: number, issueNo: number): number | null {
  const before = existing
    .filter((i) => i.totalNo !== null && (i.year < year || (i.year === year && i.issueNo < issueNo)))
    .sort((a, b) => b.year - a.year || b.issueNo - a.issueNo);
  return before.length ? before[0]!.totalNo! + 1 : null;
}

/** '2026年第3期（总第57期）', or '2026年第3期' without a 总期号. */
export function issueLabel(i: IssueNumbering): string {
  return `${i.year}年${issueNoLabel(i)}`;
}

/** '第3期（总第57期）': the label within a year's list. */
export function issueNoLabel(i: Pick<IssueNumbering, 'issueNo' | 'totalNo'>): string {
  return `第${i.issueNo}期${i.totalNo ? `（总第${i.totalNo}期）` : ''}`;
}

/** 《示例县人民政府公报》: the gazette's name, from the government that publishes it. */
export function gazetteName(orgName: string): string {
  return `《${orgName}公报》`;
}

/** Why an issue cannot be changed any more, or null while it is a draft. */
export function changeProblem(status: 'draft' | 'published'): string | null {
  return status === 'published' ? '该期公报已发布，不能再修改' : null;
}

/**
 * Why an issue cannot be published: it is already out, it has no contents, the date is missing
 * or lies before the issue's own year.
 */
export function publishProblem(issue: { status: 'draft' | 'published'; year: number }, entryCount: number, publishedOn: IsoDate | null | undefined): string | null {
  const changed = changeProblem(issue.status);
  if (changed) return changed;
  if (entryCount < 1) return '公报至少须收录一件文件才能发布';
  if (!publishedOn || !isIsoDate(publishedOn)) return '请填写发布日期';
  if (Number(publishedOn.slice(0, 4)) < issue.year) return `发布日期不能早于公报所属年份（${issue.year}年）`;
  return null;
}

/** A new order of entries must name each of the issue's entries exactly once. */
export function reorderProblem(current: readonly number[], proposed: readonly number[]): string | null {
  const wanted = new Set(proposed);
  if (wanted.size !== proposed.length) return '排序中有重复的条目';
  if (proposed.length !== current.length || current.some((id) => !wanted.has(id))) return '排序须包含本期公报的全部条目';
  return null;
}

/**
 * The table of contents: entries (already in their order) grouped under their section headings,
 * sections in the order of their first entry. Entries without a heading form an untitled group.
 */
export function groupBySection<T extends { section: string }>(entries: readonly T[]): { section: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const key = e.section.trim();
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups].map(([section, list]) => ({ section, entries: list }));
}
