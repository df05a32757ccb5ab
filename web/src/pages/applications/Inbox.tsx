// 收件箱: the cases within the user's scope, sorted by due date, each with its traffic light; filters
// by status (open by default), light, assignee, organization, received range and text; paging.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, query } from '../../api';
import { chineseDate, isoDay } from '../../format';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { DueDate, LIGHTS, useApplicationOptions } from './shared';
import type { Inbox, InboxItem, TrafficLight } from './types';

const STATUS_FILTERS = [
  { value: 'open', label: '在办（已登记、办理中）' },
  { value: '', label: '全部状态' },
  { value: 'registered', label: '已登记' },
  { value: 'in_progress', label: '办理中' },
  { value: 'replied', label: '已答复' },
  { value: 'closed', label: '已办结' },
  { value: 'archived', label: '已归档' },
];

const STATUS_COLORS: Record<string, string> = { registered: 'blue', in_progress: 'processing', replied: 'cyan', closed: 'default', archived: 'default' };

interface Filters {
  status: string;
  light?: TrafficLight;
  /** A user id, 'mine' or 'none' (nobody has taken it up). */
  assignee?: string;
  orgId?: number;
  received?: [Dayjs | null, Dayjs | null] | null;
  q: string;
  page: number;
}

export function InboxPage() {
  const { user, can } = useSession();
  const { message } = App.useApp();
  const { staff } = useApplicationOptions(user?.id);
  const [f, setF] = useState<Filters>({ status: 'open', q: '', page: 1 });
  const [data, setData] = useState<Inbox | null>(null);
  const [loading, setLoading] = useState(false);
  const set = (change: Partial<Filters>) => setF((old) => ({ ...old, page: 1, ...change }));

  useEffect(() => {
    const assigneeId = f.assignee === 'mine' ? user?.id : f.assignee && f.assignee !== 'none' ? Number(f.assignee) : undefined;
    const params = {
      status: f.status,
      light: f.light,
      assigneeId,
      unassigned: f.assignee === 'none' ? 'true' : undefined,
      orgId: f.orgId,
      receivedFrom: f.received?.[0] ? isoDay(f.received[0]) : undefined,
      receivedTo: f.received?.[1] ? isoDay(f.received[1]) : undefined,
      q: f.q.trim(),
      page: f.page,
    };
    setLoading(true);
    api
      .get<Inbox>(`/applications${query(params)}`)
      .then(setData, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [f, user?.id, message]);

  const orgs = staff?.organizations ?? [];
  const assigneeOptions = useMemo(() => {
    const named = (staff?.staff ?? []).filter((s) => !f.orgId || s.orgId === f.orgId);
    const orgName = (id: number) => orgs.find((o) => o.id === id)?.name ?? '';
    return [
      { value: 'mine', label: '我承办的' },
      { value: 'none', label: '未分配承办人' },
      ...named.map((s) => ({ value: String(s.id), label: orgs.length > 1 ? `${s.name}（${orgName(s.orgId)}）` : s.name })),
    ];
  }, [staff, orgs, f.orgId]);

  return (
    <Card
      title="依申请公开收件箱"
      extra={
        can('applications.register') ? (
          <Button type="primary" onClick={() => navigate('/applications/new')}>
            登记申请
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="办理状态" style={{ width: 190 }} value={f.status} options={STATUS_FILTERS} onChange={(status) => set({ status })} />
        <Select
          aria-label="期限状态"
          style={{ width: 130 }}
          allowClear
          placeholder="期限状态"
          value={f.light}
          options={Object.entries(LIGHTS).map(([value, l]) => ({ value, label: l.label }))}
          onChange={(light) => set({ light })}
        />
        <Select aria-label="承办人" style={{ width: 180 }} allowClear placeholder="承办人" value={f.assignee} options={assigneeOptions} onChange={(assignee) => set({ assignee })} />
        {orgs.length > 1 ? (
          <Select
            aria-label="受理机关"
            style={{ width: 220 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="受理机关"
            value={f.orgId}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            onChange={(orgId) => set({ orgId, assignee: undefined })}
          />
        ) : null}
        <DatePicker.RangePicker aria-label="收到申请之日" placeholder={['收到日期起', '收到日期止']} value={f.received ?? null} onChange={(received) => set({ received })} />
        <Input.Search aria-label="搜索申请" placeholder="申请编号或申请内容" allowClear style={{ width: 240 }} onSearch={(q) => set({ q })} />
      </Space>
      <Table<InboxItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: orgs.length > 1 ? 1250 : 1080 }}
        locale={{ emptyText: '没有符合条件的申请' }}
        pagination={{ current: f.page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (page) => setF({ ...f, page }), showTotal: (n) => `共 ${n} 件` }}
        columns={[
          { title: '申请编号', dataIndex: 'number', width: 140, render: (v: string, r) => <a href={`#/applications/${r.id}`}>{v}</a> },
          // Sorted by it, and what the handler looks at first: right after the number.
          {
            title: '答复期限',
            dataIndex: 'dueOn',
            width: 210,
            render: (_: unknown, r: InboxItem) => <DueDate dueOn={r.dueOn} light={r.trafficLight} clockState={r.clockState} />,
          },
          { title: '收到日期', dataIndex: 'receivedOn', width: 140, render: (v: string) => chineseDate(v) },
          {
            title: '申请人',
            dataIndex: 'applicantName',
            width: 150,
            render: (v: string | null, r) => (v ? v : <Typography.Text type="secondary">{r.applicantKindLabel}</Typography.Text>),
          },
          { title: '申请内容', dataIndex: 'description', width: 260 },
          ...(orgs.length > 1 ? [{ title: '受理机关', dataIndex: 'orgName', width: 170 }] : []),
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v: string, r: InboxItem) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag> },
          { title: '承办人', dataIndex: 'assigneeName', width: 100, render: (v: string | null) => v ?? <Typography.Text type="secondary">未分配</Typography.Text> },
        ]}
      />
    </Card>
  );
}
