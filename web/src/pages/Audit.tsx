// 审计日志: read-only, filtered and paged on the server.
import { useEffect, useState } from 'react';
import { App, Card, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, query } from '../api';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { chineseDateTime, isoDay } from '../format';

interface Entry {
  id: number;
  at: string;
  actorName: string;
  orgName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  ip: string;
}

/** Chinese names of the actions the server records (src/features/*: recordAudit calls). */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解除锁定',
  'user.change_password': '修改本人密码',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'calendar.add_year': '新增节假日安排',
  'calendar.update_year': '更正节假日安排',
};

const TARGET_LABELS: Record<string, string> = { user: '用户', organization: '机构', holiday_year: '年度安排' };

const FAMILIES = [
  { value: 'auth.', label: '登录与退出' },
  { value: 'user.', label: '用户' },
  { value: 'org.', label: '机构' },
  { value: 'calendar.', label: '节假日安排' },
];

export function AuditPage() {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Entry[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    api
      .get<{ items: Entry[]; total: number }>(
        `/audit${query({ orgId, action, actor, from: range?.[0] ? isoDay(range[0]) : undefined, to: range?.[1] ? isoDay(range[1]) : undefined, page, pageSize: 20 })}`,
      )
      .then(setData, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [orgId, action, actor, range, page, message]);

  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    setPage(1);
    set(v);
  };

  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect value={orgId} onChange={reset(setOrgId)} allowClear placeholder="机构" style={{ width: 240 }} />
        <Select allowClear placeholder="操作类型" options={FAMILIES} value={action} onChange={reset(setAction)} style={{ width: 160 }} />
        <Input.Search placeholder="操作人" allowClear onSearch={reset(setActor)} style={{ width: 180 }} aria-label="操作人" />
        <DatePicker.RangePicker value={range} onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <Table<Entry>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => chineseDateTime(v) },
          { title: '操作人', dataIndex: 'actorName', width: 130 },
          { title: '机构', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'action', width: 110, render: (v: string) => ACTION_LABELS[v] ?? v },
          { title: '对象', width: 100, render: (_, e) => `${TARGET_LABELS[e.targetType] ?? e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` },
          { title: '摘要', dataIndex: 'summary', width: 320 },
          { title: 'IP', dataIndex: 'ip', width: 110 },
        ]}
      />
    </Card>
  );
}
