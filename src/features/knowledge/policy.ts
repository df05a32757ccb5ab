// Who may do what with the knowledge base (政务知识库). Entries belong to an organization; staff
// keep their own organization's entries, supervisors (公开办) and administrators their subtree.
import type { Grants, Role } from '../../domain/policy.js';

export type KnowledgeAction = 'knowledge.read' | 'knowledge.manage' | 'knowledge.publish';

const STAFF: Role[] = ['admin', 'supervisor', 'editor', 'reviewer', 'secrecy_reviewer', 'handler', 'office_head', 'legal_reviewer'];

export const knowledgeGrants: Grants<KnowledgeAction> = {
  'knowledge.read': STAFF,
  // Create and edit drafts (question, variants, answer, topic) and their sources.
  'knowledge.manage': ['editor', 'reviewer', 'office_head', 'supervisor', 'admin'],
  // Publish, take off the portal, and change what the public already sees (a published entry).
  'knowledge.publish': ['reviewer', 'office_head', 'supervisor', 'admin'],
};
