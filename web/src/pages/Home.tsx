import { Card, Descriptions, Tag, Typography } from 'antd';
import { SCREENS } from '../App';
import { useSession } from '../session';

export function HomePage() {
  const { user, can, roleLabel } = useSession();
  if (!user) return null;
  const screens = SCREENS.filter((s) => s.route !== '/' && (!s.permission || can(s.permission)));
  return (
    <Card>
      <Typography.Title level={3}>您好，{user.name}</Typography.Title>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
        <Descriptions.Item label="所属机构">{user.orgName}</Descriptions.Item>
        <Descriptions.Item label="角色">
          {user.roles.map((r) => (
            <Tag key={r}>{roleLabel(r)}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        可以使用：
        {screens.map((s) => (
          <a key={s.route} href={`#${s.route}`} style={{ marginLeft: 12 }}>
            {s.label}
          </a>
        ))}
      </Typography.Paragraph>
    </Card>
  );
}
