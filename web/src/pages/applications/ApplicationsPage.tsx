// 依申请公开 in the workbench: #/applications (收件箱), #/applications/new (登记申请),
// #/applications/overdue (超期未答复), #/applications/templates (文书模板), #/applications/ID (one case).
import { useRoute } from '../../router';
import { CasePage } from './CasePage';
import { InboxPage } from './Inbox';
import { OverduePage } from './Overdue';
import { RegisterPage } from './Register';
import { TemplatesPage } from './Templates';

/** The sub-screens the menu lists under 依申请公开, with the action each needs. */
export const APPLICATION_SCREENS = [
  { route: '/applications', label: '收件箱', permission: 'applications.read' },
  { route: '/applications/new', label: '登记申请', permission: 'applications.register' },
  { route: '/applications/overdue', label: '超期未答复', permission: 'applications.overdue' },
  { route: '/applications/templates', label: '文书模板', permission: 'letters.templates' },
];

export function ApplicationsPage() {
  const route = useRoute();
  const id = route.match(/^\/applications\/(\d+)$/);
  if (id) return <CasePage key={id[1]} id={Number(id[1])} />;
  switch (route) {
    case '/applications/new':
      return <RegisterPage />;
    case '/applications/overdue':
      return <OverduePage />;
    case '/applications/templates':
      return <TemplatesPage />;
    default:
      return <InboxPage />;
  }
}
