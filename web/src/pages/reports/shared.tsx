// Pieces the annual report's screens share: the status tag, the years to choose from, the checks'
// findings as the server words them, and the portal's addresses of a published report.
import { Alert, Tag } from 'antd';
import { REPORT_PROGRESS_LABELS } from '../../../../src/domain/annual-report-status';
import { annualReportHref } from '../../../../src/portal/links';
import { chinaToday } from '../applications/shared';
import type { ReportIssue, ReportProgress } from './types';

const PROGRESS_COLORS: Record<ReportProgress, string> = { not_started: 'default', draft: 'blue', published: 'green', late: 'red' };

export function ProgressTag({ progress }: { progress: ReportProgress }) {
  return (
    <Tag color={PROGRESS_COLORS[progress]} data-status={progress}>
      {REPORT_PROGRESS_LABELS[progress]}
    </Tag>
  );
}

/** The year whose report is due now (reports are published early in the next year). */
export const lastYear = () => Number(chinaToday().slice(0, 4)) - 1;

/** The years a report may be written for: this year back to `back` years before last year. */
export function yearOptions(from: number, back: number) {
  return Array.from({ length: back + 1 }, (_, i) => from - i).map((y) => ({ value: y, label: `${y}年度` }));
}

/** The portal's page of a published report, and its Word file. */
export const portalPage = (orgCode: string, year: number) => annualReportHref(orgCode, year);
export const portalWord = (orgCode: string, year: number) => annualReportHref(orgCode, year, 'docx');

/** The checks' errors (they block publishing) and warnings (each to be confirmed), word for word. */
export function Findings({ errors, warnings }: { errors: readonly ReportIssue[]; warnings: readonly ReportIssue[] }) {
  if (!errors.length && !warnings.length) return <Alert type="success" showIcon title="检查通过：没有发现错误或需要确认的提示。" data-testid="report-clean" />;
  const list = (issues: readonly ReportIssue[]) => (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {issues.map((i, n) => (
        <li key={n}>{i.message}</li>
      ))}
    </ol>
  );
  return (
    <>
      {errors.length ? (
        <Alert type="error" showIcon title={`${errors.length} 处错误，改正后才能发布`} description={list(errors)} data-testid="report-errors" style={{ marginBottom: 8 }} />
      ) : null}
      {warnings.length ? (
        <Alert type="warning" showIcon title={`${warnings.length} 项提示，发布前须逐项核对并确认`} description={list(warnings)} data-testid="report-warnings" />
      ) : null}
    </>
  );
}
