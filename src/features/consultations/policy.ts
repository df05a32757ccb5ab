// Who may do what with consultations (issue #7). The drafting organization's editors and office head
// prepare a consultation, open it, moderate and answer the comments and publish the adoption report;
// reviewers and the supervisor (公开办) read every consultation below them and see whose adoption
// report is late.
import type { Grants, Role } from '../../domain/policy.js';

export type ConsultationAction = 'consultations.read' | 'consultations.manage';

const MANAGERS: Role[] = ['editor', 'office_head', 'admin'];

export const consultationGrants: Grants<ConsultationAction> = {
  'consultations.read': [...MANAGERS, 'reviewer', 'supervisor'],
  'consultations.manage': MANAGERS,
};
