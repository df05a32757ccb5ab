// Who may do what with annual reports (issue #6). An organization's editors and office head write its
// report; the office head publishes it (or records one published elsewhere); the supervisor (公开办)
// and the administrator read every report below them and the status of each.
import type { Grants, Role } from '../../domain/policy.js';

export type ReportAction = 'reports.read' | 'reports.edit' | 'reports.publish';

const WRITERS: Role[] = ['editor', 'office_head', 'admin'];

export const reportGrants: Grants<ReportAction> = {
  'reports.read': [...WRITERS, 'reviewer', 'supervisor'],
  // Draft, refresh, enter figures and text, run the checks.
  'reports.edit': WRITERS,
  // Publish, and enter a past year's report published elsewhere (it is stored as published).
  'reports.publish': ['office_head', 'admin'],
};
