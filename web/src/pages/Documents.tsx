// 信息发布: the organization's documents by status, and a new draft.
import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tabs, Tag } from 'antd';
import { api, query } from '../api';
import { chineseDateTime } from '../format';
import { navigate } from '../router';
import { useSession } from '../session';
import { DOC_TYPE_LABELS, STATUS_COLORS, STATUS_LABELS } from '../documentLabels';

interface Row {
  id: number;
  title: string;
  docNumber: string;
  docType: keyof typeof DOC_TYPE_LABELS;
  status: keyof typeof STATUS_LABELS;
  indexNo: string | null;
  orgName: string;
  interpretationOf: number | null;
  updatedAt: string;
}

export function DocumentsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Row[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    api
      .get<{ items: Row[]; total: number }>(`/documents${query({ status, q, page, pageSize: 20 })}`)
      .then(setData, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [status, q, page, message]);

  return (
    <Card
      title="信息发布"
      extra={
        can('document.edit') ? (
          <Button type="primary" onClick={() => navigate('/documents/new')}>
            起草文件
          </Button>
        ) : null
      }
    >
      <Tabs
        activeKey={status}
        onChange={(k) => {
          setPage(1);
          setStatus(k);
        }}
        items={[{ key: '', label: '全部' }, ...Object.entries(STATUS_LABELS).map(([key, label]) => ({ key, label }))]}
      />
      <Space style={{ marginBottom: 16 }}>
        <Input.Search placeholder="标题或文号" allowClear onSearch={(v) => (setPage(1), setQ(v))} style={{ width: 260 }} aria-label="搜索文件" />
      </Space>
      <Table<Row>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (v: string, r) => <a href={`#/documents/${r.id}`}>{v}</a> },
          { title: '类型', dataIndex: 'docType', width: 130, render: (v: Row['docType'], r) => (r.interpretationOf ? '政策解读' : DOC_TYPE_LABELS[v]) },
          { title: '文号', dataIndex: 'docNumber', width: 160 },
          { title: '机构', dataIndex: 'orgName', width: 160 },
          { title: '状态', dataIndex: 'status', width: 110, render: (v: Row['status']) => <Tag color={STATUS_COLORS[v]}>{STATUS_LABELS[v]}</Tag> },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => chineseDateTime(v) },
        ]}
      />
    </Card>
  );
}
