// Where an organization's annual report stands (issue #6 items 4 and 6, RULES.md §6, 条例第四十九条):
// departments and everything below a government publish the year's report by 31 January of the next
// year; a government's own report, covering the government as a whole, by 31 March. The government's
// report shows each lower report's status, and the supervisor sees which are late. Pure.
import { compareDates, type IsoDate } from './dates.js';

export type ReportProgress = 'not_started' | 'draft' | 'published' | 'late';

export const REPORT_PROGRESS_LABELS: Readonly<Record<ReportProgress, string>> = {
  not_started: '未开始',
  draft: '草稿',
  published: '已发布',
  late: '逾期未发布',
};

/**
 * Who publishes a 政府信息公开工作年度报告 (条例第四十九条): governments, their departments and
 * townships (乡镇人民政府). A 村（居）民委员会 or a public institution is not an administrative organ
 * under the 条例 and publishes none, so it is neither listed nor reminded.
 */
export function publishesAnnualReport(orgKind: string): boolean {
  return orgKind === 'government' || orgKind === 'department' || orgKind === 'township';
}

/** The last day to publish the report for `year`: 31 March for a government, 31 January for the others. */
export function reportDeadline(orgKind: string, year: number): IsoDate {
  return orgKind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

export interface ReportStanding {
  progress: ReportProgress;
  deadline: IsoDate;
  /** Published after its deadline (shown as published, with the lateness kept). */
  publishedLate: boolean;
}

/**
 * The status on `today`: late once the deadline has passed with no published report (a draft or
 * nothing); a published report stays published, with `publishedLate` when it came after the deadline.
 */
export function reportStanding(input: { orgKind: string; year: number; status: 'draft' | 'published' | null; publishedOn: IsoDate | null; today: IsoDate }): ReportStanding {
  const deadline = reportDeadline(input.orgKind, input.year);
  if (input.status === 'published') {
    return { progress: 'published', deadline, publishedLate: input.publishedOn !== null && compareDates(input.publishedOn, deadline) > 0 };
  }
  if (compareDates(input.today, deadline) > 0) return { progress: 'late', deadline, publishedLate: false };
  return { progress: input.status ?? 'not_started', deadline, publishedLate: false };
}
