// Who may do what with documents. Every document action stays inside the document's own
// organization; supervisors (公开办) and administrators read their whole subtree.
import { DOCUMENT_TRANSITIONS, type DocumentTransition } from '../../domain/document-workflow.js';
import type { Grants, Role } from '../../domain/policy.js';

export type DocumentAction = 'document.read' | 'document.edit' | `document.${DocumentTransition}`;

const STAFF: Role[] = ['admin', 'supervisor', 'editor', 'reviewer', 'secrecy_reviewer', 'handler', 'office_head', 'legal_reviewer'];

export const documentGrants: Grants<DocumentAction> = {
  'document.read': STAFF,
  'document.edit': ['editor'],
  ...(Object.fromEntries(Object.entries(DOCUMENT_TRANSITIONS).map(([name, t]) => [`document.${name}`, t.roles])) as unknown as Record<
    `document.${DocumentTransition}`,
    readonly Role[]
  >),
};
