// The workbench shell: sign-in, then a side menu of the screens the user may use.
import { useState } from 'react';
import { Dropdown, Layout, Menu, Spin, Typography } from 'antd';
import { api } from './api';
import { ChangePassword } from './components/ChangePassword';
import { APPLICATION_SCREENS, ApplicationsPage } from './pages/applications/ApplicationsPage';
import { AuditPage } from './pages/Audit';
import { CalendarPage } from './pages/Calendar';
import { CheckRulesPage } from './pages/CheckRules';
import { CleanupPage } from './pages/Cleanup';
import { ColumnsPage } from './pages/Columns';
import { CoveragePage } from './pages/Coverage';
import { DocumentEditPage } from './pages/DocumentEdit';
import { DocumentsPage } from './pages/Documents';
import { GazettePage } from './pages/Gazette';
import { KnowledgePage } from './pages/Knowledge';
import { HomePage } from './pages/Home';
import { LoginPage } from './pages/Login';
import { OrgsPage } from './pages/Orgs';
import { PARTICIPATION_SCREENS, ParticipationPage } from './pages/participation/ParticipationPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { UsersPage } from './pages/Users';
import { navigate, useRoute } from './router';
import { useSession } from './session';

export const SCREENS = [
  { route: '/', label: '首页', permission: null, page: HomePage },
  { route: '/documents', label: '信息发布', permission: 'document.read', page: DocumentsPage },
  { route: '/applications', label: '依申请公开', permission: 'applications.read', page: ApplicationsPage, children: APPLICATION_SCREENS },
  { route: '/participation', label: '公众参与', permission: 'consultations.read', page: ParticipationPage, children: PARTICIPATION_SCREENS },
  { route: '/gazette', label: '政府公报', permission: 'gazette.read', page: GazettePage },
  { route: '/knowledge', label: '政务知识库', permission: 'knowledge.read', page: KnowledgePage },
  { route: '/cleanup', label: '文件清理', permission: 'cleanup.read', page: CleanupPage },
  { route: '/reports', label: '年度报告', permission: 'reports.read', page: ReportsPage },
  { route: '/coverage', label: '解读覆盖率', permission: 'document.read', page: CoveragePage },
  { route: '/columns', label: '栏目管理', permission: 'column.read', page: ColumnsPage },
  { route: '/orgs', label: '机构管理', permission: 'org.read', page: OrgsPage },
  { route: '/users', label: '用户管理', permission: 'user.read', page: UsersPage },
  { route: '/calendar', label: '工作日历', permission: null, page: CalendarPage },
  { route: '/audit', label: '审计日志', permission: 'audit.read', page: AuditPage },
  { route: '/check-rules', label: '发布检查规则', permission: 'settings.manage', page: CheckRulesPage },
];

export function App() {
  const session = useSession();
  const route = useRoute();
  const [changingPassword, setChangingPassword] = useState(false);

  if (session.loading) return <Spin fullscreen />;
  if (!session.user) return <LoginPage />;

  const screens = SCREENS.filter((s) => !s.permission || session.can(s.permission));
  const screen = screens.find((s) => s.route === route || route.startsWith(`${s.route}/`)) ?? screens[0];
  // '#/documents/12' and '#/documents/new' open one document.
  const docMatch = screen.route === '/documents' ? route.match(/^\/documents\/(new|\d+)$/) : null;
  const Page = screen.page;
  // A screen with sub-screens (依申请公开, 公众参与) shows them as a submenu; a page inside one marks the
  // sub-screen whose address is the longest start of its own (#/participation/meetings/3: 列席会议).
  const within = (c: { route: string }) => route === c.route || route.startsWith(`${c.route}/`);
  const selected = screen.children?.filter(within).sort((a, b) => b.route.length - a.route.length)[0]?.route ?? screen.route;
  const logout = async () => {
    await api.post('/auth/logout');
    navigate('/');
    await session.refresh();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#9e1b1b' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          政务公开工作台
        </Typography.Title>
        <Dropdown
          menu={{
            items: [
              { key: 'password', label: '修改密码', onClick: () => setChangingPassword(true) },
              { key: 'logout', label: '退出登录', onClick: () => void logout() },
            ],
          }}
        >
          <a data-testid="user-menu" style={{ color: '#fff' }} onClick={(e) => e.preventDefault()} href="#">
            {session.user.name}（{session.user.orgName}）
          </a>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light" breakpoint="md" collapsedWidth={0}>
          <Menu
            key={screen.route}
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={screen.children ? [`group:${screen.route}`] : []}
            items={screens.map((s) =>
              s.children
                ? { key: `group:${s.route}`, label: s.label, children: s.children.filter((c) => session.can(c.permission)).map((c) => ({ key: c.route, label: c.label })) }
                : { key: s.route, label: s.label },
            )}
            onClick={(e) => navigate(e.key)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          {docMatch ? <DocumentEditPage key={route} id={docMatch[1] === 'new' ? null : Number(docMatch[1])} /> : <Page />}
        </Layout.Content>
      </Layout>
      <ChangePassword open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
