// Who may do what with columns (栏目): the organization's editors and office head, the supervising
// office and administrators arrange them; every member of staff reads them (within scope).
import type { Grants } from '../../domain/policy.js';

export type ColumnAction = 'column.read' | 'column.manage';

export const columnGrants: Grants<ColumnAction> = {
  'column.read': ['admin', 'supervisor', 'editor', 'reviewer', 'secrecy_reviewer', 'handler', 'office_head', 'legal_reviewer'],
  'column.manage': ['admin', 'supervisor', 'editor', 'office_head'],
};
