// 用户管理: staff accounts within the user's scope.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { api, query } from '../api';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { chineseDateTime } from '../format';
import { useSession } from '../session';
import type { User } from '../types';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UsersPage() {
  const { meta, can, roleLabel } = useSession();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(false);
  const [orgId, setOrgId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const manage = can('user.manage');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setUsers((await api.get<{ items: User[] }>(`/users${query({ orgId, q })}`)).items);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, [orgId, q, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = (d: Dialog) => {
    form.resetFields();
    if (d?.kind === 'edit') form.setFieldsValue({ name: d.user.name, email: d.user.email, roles: d.user.roles, orgId: d.user.orgId, active: d.user.active });
    if (d?.kind === 'create') form.setFieldsValue({ orgId });
    setDialog(d);
  };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog?.kind === 'create') {
        await api.post('/users', v);
        message.success('用户已创建');
      } else if (dialog?.kind === 'edit') {
        await api.patch(`/users/${dialog.user.id}`, v);
        message.success('用户已保存');
      } else if (dialog?.kind === 'password') {
        await api.post(`/users/${dialog.user.id}/reset-password`, { password: v.password });
        message.success('密码已重置');
      }
      setDialog(null);
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const unlock = async (u: User) => {
    try {
      await api.post(`/users/${u.id}/unlock`);
      message.success('已解除锁定');
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const title = dialog?.kind === 'create' ? '新建用户' : dialog?.kind === 'edit' ? `编辑用户 ${dialog.user.username}` : dialog ? `重置 ${dialog.user.username} 的密码` : '';

  return (
    <Card
      title="用户管理"
      extra={
        manage ? (
          <Button type="primary" onClick={() => open({ kind: 'create' })}>
            新建用户
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect value={orgId} onChange={setOrgId} allowClear placeholder="按机构筛选" style={{ width: 260 }} />
        <Input.Search placeholder="用户名或姓名" allowClear onSearch={setQ} style={{ width: 220 }} aria-label="搜索用户" />
      </Space>
      <Table<User>
        rowKey="id"
        loading={loading}
        dataSource={users}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人` }}
        scroll={{ x: 800 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'name' },
          { title: '机构', dataIndex: 'orgName' },
          { title: '提醒邮箱', dataIndex: 'email', render: (v: string) => v || '—' },
          { title: '角色', dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>) },
          {
            title: '状态',
            render: (_, u) => (!u.active ? <Tag>已停用</Tag> : u.locked ? <Tag color="orange">已锁定</Tag> : <Tag color="green">正常</Tag>),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => chineseDateTime(v) },
          ...(manage
            ? [
                {
                  title: '操作',
                  render: (_: unknown, u: User) => (
                    <Space>
                      <a onClick={() => open({ kind: 'edit', user: u })}>编辑</a>
                      <a onClick={() => open({ kind: 'password', user: u })}>重置密码</a>
                      {u.locked ? <a onClick={() => void unlock(u)}>解除锁定</a> : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal title={title} open={dialog !== null} onOk={submit} onCancel={() => setDialog(null)} okText="确定" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" name="user">
          {dialog?.kind === 'create' ? (
            <Form.Item label="用户名" name="username" extra="3–32 位小写字母、数字、下划线、点或连字符，以字母开头" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input autoComplete="off" maxLength={32} />
            </Form.Item>
          ) : null}
          {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
            <>
              <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item
                label="提醒邮箱"
                name="email"
                extra="依申请公开答复期限届满前 5 个、2 个工作日和超期时的提醒发到此邮箱；不填则只在工作台提示"
                rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
              <Form.Item label="所属机构" name="orgId" rules={[{ required: true, message: '请选择机构' }]}>
                <OrgTreeSelect />
              </Form.Item>
              <Form.Item label="角色" name="roles" rules={[{ required: true, message: '至少选择一个角色' }]}>
                <Checkbox.Group options={meta.roles} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === 'edit' ? (
            <Form.Item label="启用" name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
          {dialog?.kind === 'create' || dialog?.kind === 'password' ? (
            <Form.Item
              label={dialog.kind === 'create' ? '初始密码' : '新密码'}
              name="password"
              extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类"
              rules={[{ required: true, message: '请输入密码' }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}
