// Who may do what with the decision catalogue (issue #7). The government's office (editors and office
// head of the government) draws up and publishes its catalogue and changes items with a reason; the
// undertaking organization's editors and office head record their decision's stages; reviewers and the
// supervisor read everything below them.
import type { Grants, Role } from '../../domain/policy.js';

export type DecisionAction = 'decisions.read' | 'decisions.manage';

const MANAGERS: Role[] = ['editor', 'office_head', 'admin'];

export const decisionGrants: Grants<DecisionAction> = {
  'decisions.read': [...MANAGERS, 'reviewer', 'supervisor'],
  'decisions.manage': MANAGERS,
};
