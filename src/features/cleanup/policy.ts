// Who may do what with clean-up campaigns (规范性文件清理). A campaign belongs to an organization;
// administrators and supervisors act on their subtree, an office head on its own organization.
import type { Grants, Role } from '../../domain/policy.js';

export type CleanupAction = 'cleanup.read' | 'cleanup.manage';

const STAFF: Role[] = ['admin', 'supervisor', 'editor', 'reviewer', 'secrecy_reviewer', 'handler', 'office_head', 'legal_reviewer'];

export const cleanupGrants: Grants<CleanupAction> = {
  'cleanup.read': STAFF,
  'cleanup.manage': ['admin', 'supervisor', 'office_head'],
};
