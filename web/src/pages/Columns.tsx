// 栏目管理: an organization's column tree with kind, update rule, last update and status; create,
// edit (including moving under another column) and delete; the late columns across the user's scope.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { api, query } from '../api';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { chineseDate } from '../format';
import { useSession } from '../session';
import { COLUMN_KIND_LABELS, fieldsForKinds, type ColumnKind } from '../../../src/domain/special-fields';
import { UPDATE_STATUS_LABELS, UPDATE_UNIT_LABELS, type UpdateStatus } from '../../../src/domain/column-update';

export interface ColumnNode {
  id: number;
  orgId: number;
  orgName: string;
  orgCode: string;
  parentId: number | null;
  code: string;
  name: string;
  kind: ColumnKind;
  kindLabel: string;
  description: string;
  updateEvery: number | null;
  updateUnit: 'day' | 'week' | 'month' | null;
  catalogItemCode: string;
  sortOrder: number;
  ruleText: string;
  lastPublishedAt: string | null;
  update: { status: UpdateStatus; dueOn: string | null; daysOverdue: number; daysLeft: number };
  children: ColumnNode[];
}

const STATUS_COLORS: Record<UpdateStatus, string> = { ok: 'green', due_soon: 'orange', overdue: 'red', none: 'default' };

export function StatusTag({ update }: { update: ColumnNode['update'] }) {
  const extra = update.status === 'overdue' ? `（${update.daysOverdue}天）` : update.status === 'due_soon' ? `（剩${update.daysLeft}天）` : '';
  return <Tag color={STATUS_COLORS[update.status]}>{UPDATE_STATUS_LABELS[update.status] + extra}</Tag>;
}

/** Nodes without an empty children array, so antd's table shows no expander on leaves. */
const forTable = (nodes: ColumnNode[]): ColumnNode[] =>
  nodes.map((n) => ({ ...n, children: n.children.length ? forTable(n.children) : (undefined as unknown as ColumnNode[]) }));
interface SelectNode {
  value: number;
  title: string;
  children: SelectNode[];
}
const forSelect = (nodes: ColumnNode[], exclude?: number): SelectNode[] =>
  nodes.filter((n) => n.id !== exclude).map((n) => ({ value: n.id, title: n.name, children: forSelect(n.children, exclude) }));

type Editing = { mode: 'create'; parentId: number | null } | { mode: 'edit'; column: ColumnNode } | null;

export function ColumnsPage() {
  const { user, can } = useSession();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number | undefined>(user?.orgId);
  const [items, setItems] = useState<ColumnNode[]>([]);
  const [overdue, setOverdue] = useState<ColumnNode[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm();
  const manage = can('column.manage');

  const load = useCallback(async () => {
    if (!orgId) return;
    setLoading(true);
    try {
      const [tree, late] = await Promise.all([
        api.get<{ items: ColumnNode[] }>(`/columns${query({ orgId })}`),
        api.get<{ items: ColumnNode[] }>('/columns/overdue'),
      ]);
      setItems(tree.items);
      setOverdue(late.items);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, [orgId, message]);
  useEffect(() => void load(), [load]);

  const open = (e: Editing) => {
    setEditing(e);
    form.resetFields();
    if (e?.mode === 'edit') form.setFieldsValue(e.column);
    if (e?.mode === 'create') form.setFieldsValue({ parentId: e.parentId, kind: 'general', sortOrder: 0 });
  };

  const save = async () => {
    const values = await form.validateFields();
    const body = { ...values, parentId: values.parentId ?? null, updateEvery: values.updateEvery ?? null, updateUnit: values.updateUnit ?? null };
    try {
      if (editing?.mode === 'edit') await api.patch(`/columns/${editing.column.id}`, body);
      else await api.post('/columns', { ...body, orgId });
      message.success('栏目已保存');
      setEditing(null);
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const remove = async (c: ColumnNode) => {
    try {
      await api.delete(`/columns/${c.id}`);
      message.success(`已删除栏目“${c.name}”`);
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title="栏目管理"
        extra={
          <Space>
            <label htmlFor="column-org">机构</label>
            <OrgTreeSelect id="column-org" value={orgId} onChange={setOrgId} style={{ width: 260 }} />
            {manage ? (
              <Button type="primary" onClick={() => open({ mode: 'create', parentId: null })}>
                新建栏目
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<ColumnNode>
          rowKey="id"
          loading={loading}
          dataSource={forTable(items)}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          columns={[
            { title: '栏目', dataIndex: 'name', render: (_, c) => <a href={`/zfxxgk/lm/${encodeURIComponent(c.orgCode)}/${c.code}`} target="_blank" rel="noreferrer">{c.name}</a> },
            { title: '代码', dataIndex: 'code' },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '更新要求', dataIndex: 'ruleText' },
            { title: '最近更新', dataIndex: 'lastPublishedAt', render: (v: string | null) => (v ? chineseDate(v) : '尚无发布') },
            { title: '应更新日期', render: (_, c) => chineseDate(c.update.dueOn) },
            { title: '状态', render: (_, c) => <StatusTag update={c.update} /> },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, c: ColumnNode) => (
                      <Space size="small">
                        <Button size="small" onClick={() => open({ mode: 'edit', column: c })}>
                          编辑
                        </Button>
                        <Button size="small" onClick={() => open({ mode: 'create', parentId: c.id })}>
                          新建子栏目
                        </Button>
                        <Popconfirm title={`删除栏目“${c.name}”？`} description="只能删除没有文件和子栏目的栏目" okText="删除" cancelText="取消" onConfirm={() => remove(c)}>
                          <Button size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={`超期未更新的栏目（${overdue.length}）`}>
        <Table<ColumnNode>
          rowKey="id"
          size="small"
          dataSource={overdue}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '没有超期的栏目' }}
          columns={[
            { title: '机构', dataIndex: 'orgName' },
            { title: '栏目', dataIndex: 'name' },
            { title: '更新要求', dataIndex: 'ruleText' },
            { title: '最近更新', dataIndex: 'lastPublishedAt', render: (v: string | null) => (v ? chineseDate(v) : '尚无发布') },
            { title: '状态', render: (_, c) => <StatusTag update={c.update} /> },
          ]}
        />
      </Card>
      <Modal
        title={editing?.mode === 'edit' ? '编辑栏目' : '新建栏目'}
        open={editing !== null}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
        width={600}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="column">
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="栏目名称" name="name" rules={[{ required: true, message: '请输入栏目名称' }]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="栏目代码（用于网址）"
                name="code"
                rules={[{ required: true, message: '请输入栏目代码' }, { pattern: /^[a-z0-9][a-z0-9-]*$/, message: '只能包含小写字母、数字和连字符' }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="栏目类型" name="kind" extra="规划、财政预决算、重大建设项目栏目的文件须填写专项字段">
                <Select options={Object.entries(COLUMN_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="上级栏目" name="parentId">
                <TreeSelect allowClear treeDefaultExpandAll placeholder="无（顶级栏目）" treeData={forSelect(items, editing?.mode === 'edit' ? editing.column.id : undefined)} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="栏目说明" name="description">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label="更新周期" name="updateEvery" extra="留空表示不要求定期更新">
                <InputNumber min={1} max={366} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="周期单位" name="updateUnit">
                <Select allowClear options={Object.entries(UPDATE_UNIT_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="排序" name="sortOrder">
                <InputNumber min={0} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="对应标准目录事项编码" name="catalogItemCode">
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

const flatten = (nodes: ColumnNode[]): ColumnNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/**
 * The 栏目 of a document in the document form: a multi-select of the organization's columns and,
 * for special columns (规划, 财政预决算, 重大建设项目), that kind's fields (checked again by the server).
 */
export function DocumentColumnFields({ orgId, disabled }: { orgId: number | undefined; disabled?: boolean }) {
  const form = Form.useFormInstance();
  const selected = (Form.useWatch('columnIds', form) as number[] | undefined) ?? [];
  const [columns, setColumns] = useState<ColumnNode[]>([]);
  useEffect(() => {
    if (!orgId) return;
    api
      .get<{ items: ColumnNode[] }>(`/columns${query({ orgId })}`)
      .then((t) => setColumns(flatten(t.items)))
      .catch(() => setColumns([]));
  }, [orgId]);
  const kinds = columns.filter((c) => selected.includes(c.id)).map((c) => c.kind);
  return (
    <>
      <Form.Item label="栏目" name="columnIds" extra="文件发布后出现在所选栏目及其上级栏目中">
        <Select
          mode="multiple"
          disabled={disabled}
          optionFilterProp="label"
          placeholder="选择栏目"
          options={columns.map((c) => ({ value: c.id, label: c.parentId ? `${columns.find((p) => p.id === c.parentId)?.name ?? ''} / ${c.name}` : c.name }))}
        />
      </Form.Item>
      {fieldsForKinds(kinds).length ? (
        <Row gutter={12}>
          {fieldsForKinds(kinds).map((f) => (
            <Col xs={24} md={8} key={f.key}>
              <Form.Item label={f.label} name={['specialFields', f.key]} rules={[{ required: true, message: `请填写${f.label}` }]} extra={f.hint}>
                {f.options ? <Select disabled={disabled} options={f.options.map((o) => ({ value: o, label: o }))} /> : <Input disabled={disabled} maxLength={100} />}
              </Form.Item>
            </Col>
          ))}
        </Row>
      ) : null}
    </>
  );
}
