// 决策事项目录 in the workbench (issue #7): the catalogues the user may see by year — their
// government's, and those holding an item their organization undertakes — and 新建目录 for the
// government's staff; #/participation/decisions/catalogs/ID opens a catalogue (items, changes with their
// reasons, publishing), #/participation/decisions/ID a decision (its stages as a timeline, links).
import { useEffect, useState } from 'react';
import { YearFilter } from '../../components/YearFilter';
import { App, Button, Card, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, query } from '../../api';
import { chineseDate } from '../../format';
import { navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { CatalogEditor } from './decisions/CatalogEditor';
import { DecisionEditor } from './decisions/DecisionEditor';
import { catalogRoute, type Catalog, type CatalogRow } from './decisions/types';

export function DecisionsPage() {
  const route = useRoute();
  const catalog = route.match(/^\/participation\/decisions\/catalogs\/(\d+)$/);
  if (catalog) return <CatalogEditor key={catalog[1]} id={Number(catalog[1])} />;
  const decision = route.match(/^\/participation\/decisions\/(\d+)$/);
  if (decision) return <DecisionEditor key={decision[1]} id={Number(decision[1])} />;
  return <CatalogList />;
}

function CatalogList() {
  const { can, user, orgs } = useSession();
  const government = orgs.find((o) => o.id === user?.orgId)?.kind === 'government';
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>();
  const [years, setYears] = useState<number[]>([]);
  const [items, setItems] = useState<CatalogRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  useEffect(() => {
    setLoading(true);
    api
      .get<{ items: CatalogRow[] }>(`/decision-catalogs${query({ year })}`)
      .then((r) => {
        setItems(r.items);
        if (!year) setYears([...new Set(r.items.map((i) => i.year))]);
      }, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [year, message]);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const c = await api.post<Catalog>('/decision-catalogs', { year: v.year, note: v.note ?? '' });
      message.success(`已新建${c.title}`);
      setCreating(false);
      navigate(catalogRoute(c.id));
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card
      title="决策事项目录"
      extra={
        can('decisions.manage') && government ? (
          <Button type="primary" onClick={() => (form.setFieldsValue({ year: dayjs().year() + 1 }), setCreating(true))}>
            新建目录
          </Button>
        ) : null
      }
    >
      <YearFilter id="decisions-year" years={years} value={year} onChange={setYear} />
      <Table<CatalogRow>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: '没有可查看的决策事项目录' }}
        columns={[
          { title: '目录', render: (_, r) => <a href={`#${catalogRoute(r.id)}`}>{r.title}</a> },
          { title: '年度', dataIndex: 'year', width: 90 },
          { title: '事项数', dataIndex: 'items', width: 90 },
          { title: '状态', width: 170, render: (_, r) => (r.published ? <Tag color="success">{chineseDate(r.publishedOn)}公布</Tag> : <Tag>未公布</Tag>) },
        ]}
      />
      <Modal title="新建决策事项目录" open={creating} onOk={create} onCancel={() => setCreating(false)} okText="新建" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" name="decision-catalog">
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="note" label="目录说明">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
