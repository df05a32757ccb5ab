// Who may do what with 列席 meetings (issue #7 item 6): the holding organization's editors and office
// head record a meeting, its representatives and the handling of their opinions; reviewers and the
// supervisor read everything below them.
import type { Grants, Role } from '../../domain/policy.js';

export type MeetingAction = 'meetings.read' | 'meetings.manage';

const MANAGERS: Role[] = ['editor', 'office_head', 'admin'];

export const meetingGrants: Grants<MeetingAction> = {
  'meetings.read': [...MANAGERS, 'reviewer', 'supervisor'],
  'meetings.manage': MANAGERS,
};
