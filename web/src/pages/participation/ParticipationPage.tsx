// 公众参与 in the workbench (issue #7): #/participation (征求意见), #/participation/decisions
// (决策事项目录), #/participation/meetings (列席会议). Each screen handles the addresses below its own.
import { useRoute } from '../../router';
import { ConsultationsPage } from './Consultations';
import { DecisionsPage } from './Decisions';
import { MeetingsPage } from './Meetings';

/** The sub-screens the menu lists under 公众参与, with the action each needs. */
export const PARTICIPATION_SCREENS = [
  { route: '/participation', label: '征求意见', permission: 'consultations.read' },
  { route: '/participation/decisions', label: '决策事项目录', permission: 'decisions.read' },
  { route: '/participation/meetings', label: '列席会议', permission: 'meetings.read' },
];

export function ParticipationPage() {
  const route = useRoute();
  if (route.startsWith('/participation/decisions')) return <DecisionsPage />;
  if (route.startsWith('/participation/meetings')) return <MeetingsPage />;
  return <ConsultationsPage />;
}
