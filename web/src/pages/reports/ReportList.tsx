// 年度报告 (#/reports): the user's organization's reports by year, a button to write the report of a
// year (last year by default) or open the one there is, 录入往年报告 for the office head, and — for a
// government's staff and the supervisor — where every report below stands for a year.
import { useEffect, useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { ReportStatusesCard } from './ReportStatuses';
import { lastYear, ProgressTag, yearOptions } from './shared';
import type { DraftResult, ReportListItem } from './types';
import { spinnerWhile } from '../../spinner';

export function ReportListPage() {
  const { message } = App.useApp();
  const { user, orgs, can } = useSession();
  const [reports, setReports] = useState<ReportListItem[] | null>(null);
  const [year, setYear] = useState(lastYear);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.get<ReportListItem[]>('/annual-reports').then(setReports, (err: Error) => message.error(err.message));
  }, [message]);

  const existing = reports?.find((r) => r.year === year);
  const write = async () => {
    if (existing) return navigate(`/reports/${existing.id}`);
    setBusy(true);
    try {
      const result = await api.post<DraftResult>('/annual-reports/drafts', { year });
      message.success(`已按系统数据生成${year}年度报告草稿`);
      navigate(`/reports/${result.report.id}`);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // A government sees the reports of everything below it.
  const government = orgs.find((o) => o.id === user?.orgId)?.kind === 'government';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`${user?.orgName ?? ''}的年度报告`}
        loading={!reports}
        extra={
          <Space wrap>
            {can('reports.edit') ? (
              <>
                <Select aria-label="报告年度" value={year} onChange={setYear} options={yearOptions(lastYear() + 1, 10)} style={{ width: 120 }} />
                <Button type="primary" loading={spinnerWhile(busy)} disabled={!reports} onClick={() => void write()}>
                  {existing ? `打开${year}年度报告` : `编写${year}年度报告`}
                </Button>
              </>
            ) : null}
            {can('reports.publish') ? <Button onClick={() => navigate('/reports/entered')}>录入往年报告</Button> : null}
          </Space>
        }
      >
        <Table<ReportListItem>
          rowKey="id"
          dataSource={reports ?? []}
          pagination={false}
          locale={{ emptyText: can('reports.edit') ? '还没有年度报告。选择年度后点“编写”，系统按已记录的数据生成草稿。' : '还没有年度报告。' }}
          scroll={{ x: 700 }}
          columns={[
            { title: '年度', dataIndex: 'year', render: (y: number) => `${y}年度` },
            { title: '报告', dataIndex: 'title', render: (t: string, r) => <a href={`#/reports/${r.id}`}>{t}</a> },
            {
              title: '状态',
              dataIndex: 'status',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <ProgressTag progress={r.status} />
                  {r.source === 'entered' ? <Tag>录入</Tag> : null}
                </Space>
              ),
            },
            { title: '发布日期', dataIndex: 'publishedOn', render: (d: string | null) => (d ? chineseDate(d) : '—') },
            {
              title: '检查',
              key: 'checks',
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.errors ? <Tag color="red">{r.errors} 处错误</Tag> : null}
                  {r.warnings ? <Tag color="orange">{r.warnings} 项提示</Tag> : null}
                  {!r.errors && !r.warnings ? <Tag color="green">无错误</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {government ? <ReportStatusesCard /> : null}
    </Space>
  );
}
