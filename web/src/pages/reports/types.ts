// Shapes the annual reports' API returns to the workbench (src/features/annual-report/reports.ts,
// statuses.ts, draft.ts), with the figures' and checks' types taken from the server's domain.
import type { AnnualReportFigures, AnnualReportValidation } from '../../../../src/domain/annual-report-check';
import type { ReportProgress } from '../../../../src/domain/annual-report-status';
import type { ReportSource, ReportStatus } from '../../../../src/features/annual-report/schema';

export type { ReportIssue } from '../../../../src/domain/annual-report-check';
export type { ReportProgress, ReportSource, ReportStatus };
export type Tables = AnnualReportFigures['tables'];
export type Sections = NonNullable<AnnualReportFigures['sections']>;

/** A line of an organization's list of reports (GET /annual-reports). */
export interface ReportListItem {
  id: number;
  year: number;
  title: string;
  status: ReportStatus;
  source: ReportSource;
  errors: number;
  warnings: number;
  publishedOn: string | null;
  updatedAt: string;
}

/** One report (GET /annual-reports/:id and the answer of every change). */
export interface ReportDetail {
  id: number;
  org: { id: number; code: string; name: string; kind: string };
  year: number;
  title: string;
  status: ReportStatus;
  source: ReportSource;
  tables: Tables;
  sections: Sections;
  validation: AnnualReportValidation;
  publishedOn: string | null;
  updatedAt: string;
  canEdit: boolean;
  canPublish: boolean;
}

/** POST /annual-reports/drafts: the draft, whether it is new, the computed figures a refresh changed. */
export interface DraftResult {
  report: ReportDetail;
  created: boolean;
  changed: unknown[];
}

/** GET /annual-reports/statuses: where each report below a government stands for a year. */
export interface ReportStatuses {
  year: number;
  today: string;
  items: {
    org: { id: number; code: string; name: string; kind: string; parentId: number | null };
    reportId: number | null;
    status: ReportProgress;
    statusLabel: string;
    deadline: string;
    publishedOn: string | null;
    publishedLate: boolean;
    errors: number;
  }[];
  counts: Record<ReportProgress, number>;
}
