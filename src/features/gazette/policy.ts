// Who may do what with the gazette (政府公报). Issues belong to an organization (normally the
// government); composing and publishing stay inside the actor's scope like every other action.
import type { Grants, Role } from '../../domain/policy.js';

export type GazetteAction = 'gazette.read' | 'gazette.compose' | 'gazette.publish';

const COMPOSERS: Role[] = ['editor', 'reviewer', 'office_head', 'supervisor', 'admin'];

export const gazetteGrants: Grants<GazetteAction> = {
  'gazette.read': COMPOSERS,
  // Create, edit, add/remove/reorder contents, set section headings, delete a draft.
  'gazette.compose': COMPOSERS,
  'gazette.publish': ['reviewer', 'office_head', 'supervisor', 'admin'],
};
