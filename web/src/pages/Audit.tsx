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
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => chineseDateTime(v) },
          { title: '操作人', dataIndex: 'actorName', width: 160 },
          { title: '机构', dataIndex: 'orgName', width: 180, render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'action', width: 150 },
          { title: '对象', render: (_, e) => `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}`, width: 130 },
          { title: '摘要', dataIndex: 'summary' },
          { title: 'IP', dataIndex: 'ip', width: 120 },
        ]}
      />
    </Card>
  );
}
