// 解读覆盖率: per organization, how many current policy files have their interpretation published,
// went out with a recorded exemption, or have neither; expand a row for the files without one.
import { useEffect, useState } from 'react';
import { App, Card, List, Radio, Table, Tag } from 'antd';
import { api } from '../api';
import { DOC_TYPE_LABELS } from '../documentLabels';

interface Figures {
  total: number;
  interpreted: number;
  exempted: number;
  missing: number;
  rate: number | null;
}

interface Row {
  orgId: number;
  orgName: string;
  normative: Figures;
  all: Figures;
  withoutInterpretation: { id: number; title: string; docNumber: string; docType: keyof typeof DOC_TYPE_LABELS; exempted: boolean; exemptionReason: string | null }[];
}

const rate = (r: number | null) => (r === null ? '—' : `${r}%`);
/** Organizations without files sort last either way. */
const byRate = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

export function CoveragePage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Row[]>([]);
  const [loading, setLoading] = useState(true);
  const [kind, setKind] = useState<'normative' | 'all'>('normative');

  useEffect(() => {
    api
      .get<{ items: Row[] }>('/documents/coverage')
      .then((r) => setItems(r.items), (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [message]);

  const shown = items.filter((r) => r[kind].total > 0 || r.withoutInterpretation.length > 0);
  return (
    <Card
      title="解读覆盖率"
      extra={
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" aria-label="统计范围">
          <Radio value="normative">行政规范性文件</Radio>
          <Radio value="all">全部政策文件</Radio>
        </Radio.Group>
      }
    >
      <p>统计现行有效和已修改的政策文件：已随文发布解读、记录了不同步发布理由（豁免），以及两者皆无的件数。</p>
      <Table<Row>
        rowKey="orgId"
        loading={loading}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 800 }}
        expandable={{
          rowExpandable: (r) => r.withoutInterpretation.some((f) => kind === 'all' || f.docType === 'normative'),
          expandedRowRender: (r) => (
            <List
              size="small"
              header="未发布解读的文件"
              dataSource={r.withoutInterpretation.filter((f) => kind === 'all' || f.docType === 'normative')}
              renderItem={(f) => (
                <List.Item>
                  <a href={`#/documents/${f.id}`}>{f.title}</a>
                  {f.docNumber ? `（${f.docNumber}）` : ''}
                  {f.exempted ? <Tag color="warning">豁免：{f.exemptionReason}</Tag> : <Tag color="error">未解读、无豁免理由</Tag>}
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { title: '机构', dataIndex: 'orgName' },
          { title: '现行文件', key: 'total', width: 100, render: (_: unknown, r) => r[kind].total },
          { title: '已解读', key: 'interpreted', width: 90, render: (_: unknown, r) => r[kind].interpreted },
          { title: '豁免', key: 'exempted', width: 80, render: (_: unknown, r) => r[kind].exempted },
          { title: '缺失', key: 'missing', width: 80, render: (_: unknown, r) => (r[kind].missing ? <Tag color="error">{r[kind].missing}</Tag> : 0) },
          {
            title: '覆盖率',
            key: 'rate',
            width: 110,
            sorter: (a, b) => byRate(a[kind].rate, b[kind].rate),
            defaultSortOrder: 'ascend',
            render: (_: unknown, r) => rate(r[kind].rate),
          },
        ]}
      />
    </Card>
  );
}
