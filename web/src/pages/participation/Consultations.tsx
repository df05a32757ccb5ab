// 征求意见 in the workbench (issue #7): the consultations the user may see with their phase, comments
// received and waiting, and the adoption report's due date (late ones marked); the supervisor's list
// of adoption reports overdue; #/participation/new and #/participation/ID open the editor.
import { useEffect, useState } from 'react';
import { App, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { ConsultationEditor } from './consultations/Editor';
import { PhaseTag } from './consultations/PhaseTag';
import type { ConsultationRow } from './consultations/types';

export function ConsultationsPage() {
  const route = useRoute();
  if (route === '/participation/new') return <ConsultationEditor key="new" id={null} />;
  const match = route.match(/^\/participation\/(\d+)$/);
  return match ? <ConsultationEditor key={match[1]} id={Number(match[1])} /> : <ConsultationList />;
}

/** The adoption report's due date, marked when late; its publication once out. */
function ReportDue({ r }: { r: ConsultationRow }) {
  if (r.phase === 'reported') return <Tag color="success">已公布</Tag>;
  if (r.phase === 'draft' || r.phase === 'upcoming') return <span>{chineseDate(r.reportDue)}</span>;
  return (
    <Space size={4} wrap>
      <span>{chineseDate(r.reportDue)}</span>
      {r.reportOverdue ? (
        <Tag color="error" data-testid="report-overdue">
          已逾期
        </Tag>
      ) : null}
    </Space>
  );
}

function ConsultationTable({ items, loading, empty }: { items: ConsultationRow[]; loading: boolean; empty: string }) {
  return (
    <Table<ConsultationRow>
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      columns={[
        { title: '标题', render: (_, r) => <a href={`#/participation/${r.id}`}>{r.title}</a> },
        { title: '起草单位', width: 190, render: (_, r) => r.org.name },
        {
          title: '征求意见期限',
          width: 230,
          render: (_, r) => (
            <span>
              {chineseDate(r.startsOn)}至{chineseDate(r.endsOn)}
              <Typography.Text type="secondary">（{r.periodDays} 天）</Typography.Text>
            </span>
          ),
        },
        { title: '状态', width: 150, render: (_, r) => <PhaseTag c={r} /> },
        {
          title: '收到意见',
          width: 170,
          render: (_, r) => (
            <Space size={4} wrap>
              <span>{r.comments.total} 条</span>
              {r.comments.pending ? <Tag color="warning">待审核 {r.comments.pending}</Tag> : null}
              {r.comments.undisposed && r.phase === 'closed' ? <Tag color="processing">待处理 {r.comments.undisposed}</Tag> : null}
            </Space>
          ),
        },
        { title: '采纳情况公布期限', width: 190, render: (_, r) => <ReportDue r={r} /> },
      ]}
    />
  );
}

function ConsultationList() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [tab, setTab] = useState('all');
  const [items, setItems] = useState<ConsultationRow[]>([]);
  const [overdue, setOverdue] = useState<ConsultationRow[] | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    const path = tab === 'overdue' ? '/consultations/overdue' : '/consultations';
    api
      .get<{ items: ConsultationRow[] }>(path)
      .then((r) => (tab === 'overdue' ? setOverdue(r.items) : setItems(r.items)), (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [tab, message]);

  return (
    <Card
      title="征求意见"
      extra={
        can('consultations.manage') ? (
          <Button type="primary" onClick={() => navigate('/participation/new')}>
            新建征求意见
          </Button>
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'all', label: '全部', children: <ConsultationTable items={items} loading={loading} empty="暂无征求意见" /> },
          {
            key: 'overdue',
            label: '采纳情况逾期',
            children: (
              <>
                <Typography.Paragraph type="secondary">征求意见结束满一个月仍未公布意见采纳情况的（乐清要点：结束后一个月内公布）。</Typography.Paragraph>
                <ConsultationTable items={overdue ?? []} loading={loading} empty="没有逾期未公布的采纳情况" />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
