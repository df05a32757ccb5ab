// Who may do what with organizations, users and the audit log. Scope (own organization or
// subtree) follows from the role: see src/domain/policy.ts.
import type { Grants } from '../../domain/policy.js';

export type OrgAction = 'org.read' | 'org.manage' | 'org.exemption_setting' | 'user.read' | 'user.manage' | 'audit.read';

export const orgGrants: Grants<OrgAction> = {
  // Every member of staff sees its own organization; supervisors and administrators see their subtree.
  'org.read': ['admin', 'supervisor', 'editor', 'reviewer', 'secrecy_reviewer', 'handler', 'office_head', 'legal_reviewer'],
  'org.manage': ['admin'],
  // A government's 三同步 exemption setting: its administrators and its supervising office (公开办).
  'org.exemption_setting': ['admin', 'supervisor'],
  // Colleagues are visible to the office head; administrators and supervisors see their subtree.
  'user.read': ['admin', 'supervisor', 'office_head'],
  'user.manage': ['admin'],
  // The supervising office audits its subtree; an office head sees the trail of its own organization.
  'audit.read': ['admin', 'supervisor', 'office_head'],
};
