// Where every report below the government stands for a year (GET /annual-reports/statuses): 未开始,
// 草稿, 已发布 or 逾期未发布, with the deadline (departments 31 January, the government 31 March), late
// ones marked, each report there is linked.
import { useEffect, useState } from 'react';
import { App, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { REPORT_PROGRESS_LABELS } from '../../../../src/domain/annual-report-status';
import { api, query } from '../../api';
import { chineseDate } from '../../format';
import { lastYear, ProgressTag, yearOptions } from './shared';
import type { ReportProgress, ReportStatuses } from './types';
import './reports.css';

type Item = ReportStatuses['items'][number];

export function ReportStatusesCard() {
  const { message } = App.useApp();
  const [year, setYear] = useState(lastYear);
  const [data, setData] = useState<ReportStatuses | null>(null);
  useEffect(() => {
    setData(null);
    api.get<ReportStatuses>(`/annual-reports/statuses${query({ year })}`).then(setData, (err: Error) => message.error(err.message));
  }, [year, message]);

  return (
    <Card
      title="各单位年度报告发布情况"
      data-testid="report-statuses"
      extra={<Select aria-label="查看年度" value={year} onChange={setYear} options={yearOptions(lastYear(), 10)} style={{ width: 120 }} />}
    >
      {data ? (
        <>
          <Typography.Paragraph>
            截至{chineseDate(data.today)}，{data.year}年度：
            <Space size={4} wrap style={{ marginLeft: 8 }}>
              {(Object.keys(REPORT_PROGRESS_LABELS) as ReportProgress[]).map((p) => (
                <Tag key={p} color={p === 'late' && data.counts[p] ? 'red' : undefined}>
                  {REPORT_PROGRESS_LABELS[p]} {data.counts[p]} 个
                </Tag>
              ))}
            </Space>
          </Typography.Paragraph>
          <Table<Item>
            rowKey={(i) => i.org.id}
            dataSource={data.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 700 }}
            rowClassName={(i) => (i.status === 'late' ? 'report-late' : '')}
            columns={[
              { title: '单位', key: 'org', render: (_: unknown, i) => (i.reportId ? <a href={`#/reports/${i.reportId}`}>{i.org.name}</a> : i.org.name) },
              {
                title: '状态',
                key: 'status',
                render: (_: unknown, i) => (
                  <Space size={4}>
                    <ProgressTag progress={i.status} />
                    {i.publishedLate ? <Tag color="orange">逾期发布</Tag> : null}
                  </Space>
                ),
              },
              { title: '发布期限', dataIndex: 'deadline', render: (d: string) => chineseDate(d) },
              { title: '发布日期', dataIndex: 'publishedOn', render: (d: string | null) => (d ? chineseDate(d) : '—') },
              { title: '错误', dataIndex: 'errors', render: (n: number, i) => (i.reportId && i.status !== 'published' && n ? <Tag color="red">{n} 处</Tag> : '—') },
            ]}
          />
        </>
      ) : (
        <Card loading variant="borderless" />
      )}
    </Card>
  );
}
