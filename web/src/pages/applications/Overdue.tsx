// 超期未答复: the supervisor's list of open cases past their due date across the organizations it
// oversees, most overdue first, with the count per organization. No applicant data.
import { useEffect, useState } from 'react';
import { App, Card, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api';
import { chineseDate } from '../../format';

interface OverdueItem {
  id: number;
  number: string;
  orgId: number;
  orgName: string;
  statusLabel: string;
  receivedOn: string;
  dueOn: string;
  assigneeName: string | null;
  workingDaysOverdue: number;
}

interface Overdue {
  items: OverdueItem[];
  total: number;
  byOrg: { orgId: number; orgName: string; count: number }[];
  today: string;
}

export function OverduePage() {
  const { message } = App.useApp();
  const [data, setData] = useState<Overdue | null>(null);
  const [orgId, setOrgId] = useState<number | null>(null);
  useEffect(() => {
    api.get<Overdue>('/applications/overdue').then(setData, (err: Error) => message.error(err.message));
  }, [message]);

  const items = (data?.items ?? []).filter((i) => orgId === null || i.orgId === orgId);
  return (
    <Card title="超期未答复的申请" loading={!data}>
      {data ? (
        <>
          <Typography.Paragraph>
            截至{chineseDate(data.today)}，共 <strong data-testid="overdue-total">{data.total}</strong> 件申请超过答复期限尚未答复。
          </Typography.Paragraph>
          {data.byOrg.length ? (
            <Space wrap style={{ marginBottom: 16 }}>
              <Tag.CheckableTag checked={orgId === null} onChange={() => setOrgId(null)}>
                全部
              </Tag.CheckableTag>
              {data.byOrg.map((o) => (
                <Tag.CheckableTag key={o.orgId} checked={orgId === o.orgId} onChange={(on) => setOrgId(on ? o.orgId : null)}>
                  {o.orgName} {o.count} 件
                </Tag.CheckableTag>
              ))}
            </Space>
          ) : null}
          <Table<OverdueItem>
            rowKey="id"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '没有超期未答复的申请' }}
            scroll={{ x: 800 }}
            columns={[
              { title: '申请编号', dataIndex: 'number', render: (v: string, r) => <a href={`#/applications/${r.id}`}>{v}</a> },
              { title: '受理机关', dataIndex: 'orgName' },
              { title: '收到申请之日', dataIndex: 'receivedOn', render: (v: string) => chineseDate(v) },
              { title: '答复期限', dataIndex: 'dueOn', render: (v: string) => chineseDate(v) },
              { title: '超期', dataIndex: 'workingDaysOverdue', render: (v: number) => <Tag color="red">超期 {v} 个工作日</Tag> },
              { title: '状态', dataIndex: 'statusLabel' },
              { title: '承办人', dataIndex: 'assigneeName', render: (v: string | null) => v ?? '未分配' },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
