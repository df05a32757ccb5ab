// Who may keep the letter templates: the wording of an office's letters is its head's (公开办负责人)
// and the administrators'. Issuing and reading letters follow the case's own rules
// (../policy.ts: applications.handle to issue, applications.read to read).
import type { Grants } from '../../../domain/policy.js';

export type LetterAction = 'letters.templates';

export const letterGrants: Grants<LetterAction> = {
  'letters.templates': ['office_head', 'admin'],
};
