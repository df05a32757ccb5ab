// 政务知识库: the questions and answers each organization keeps for 一网可答 — the list with status
// and a search box, and the edit dialog: question, other ways of asking, the answer in the
// rich-text editor, the topic, and the published policies the answer rests on (依据), then publish
// or take off the portal.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Cascader, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Card } from 'antd';
import { useChangeRunner } from '../hooks/useChangeRunner';
import { api, query } from '../api';
import { RichTextEditor } from '../components/RichTextEditor';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { chineseDate } from '../format';
import { useSession } from '../session';
import { KNOWLEDGE_STATUS_LABELS, type KnowledgeStatus } from '../../../src/domain/knowledge';

const STATUS_COLORS: Record<KnowledgeStatus, string> = { draft: 'default', published: 'success', archived: 'warning' };

interface Row {
  id: number;
  orgId: number;
  orgName: string;
  question: string;
  status: KnowledgeStatus;
  sourceCount: number;
  publishedAt: string | null;
  updatedAt: string;
}

interface Source {
  documentId: number;
  note: string;
  title: string;
  docNumber: string;
  orgName: string;
  isPublic: boolean;
}

interface Entry extends Row {
  variants: string;
  answer: string;
  topic: string;
  sources: Source[];
  canEdit: boolean;
  canPublish: boolean;
}

interface TopicNode {
  code: string;
  name: string;
  children?: TopicNode[];
}

interface Citable {
  id: number;
  title: string;
  docNumber: string;
  orgName: string;
}

const topicPath = (code: string) => (code ? (code.includes('.') ? [code.split('.')[0], code] : [code]) : []);

export function KnowledgePage() {
  const { can, user } = useSession();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<KnowledgeStatus | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Row[]; total: number; pageSize: number }>({ items: [], total: 0, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<typeof data>(`/knowledge${query({ q, status, page })}`)
      .then(setData, (err: Error) => message.error(err.message))
      .finally(() => setLoading(false));
  }, [q, status, page, message]);

  useEffect(load, [load]);

  return (
    <Card
      title="政务知识库"
      extra={
        can('knowledge.manage') ? (
          <Button type="primary" onClick={() => setEditing('new')}>
            新建问答
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label="检索问答" placeholder="问题、其他问法或答复中的文字" allowClear style={{ width: 320 }} onSearch={(v) => (setPage(1), setQ(v.trim()))} />
        <label htmlFor="knowledge-status">状态</label>
        <Select<KnowledgeStatus>
          id="knowledge-status"
          allowClear
          placeholder="全部"
          style={{ width: 120 }}
          value={status}
          onChange={(v) => (setPage(1), setStatus(v))}
          options={Object.entries(KNOWLEDGE_STATUS_LABELS).map(([value, label]) => ({ value: value as KnowledgeStatus, label }))}
        />
      </Space>
      <Table<Row>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 800 }}
        pagination={{ current: page, pageSize: data.pageSize, total: data.total, onChange: setPage, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '问题', dataIndex: 'question', render: (v: string, r) => <a onClick={() => setEditing(r.id)}>{v}</a> },
          { title: '所属机构', dataIndex: 'orgName', width: 180 },
          { title: '依据', dataIndex: 'sourceCount', width: 70 },
          { title: '状态', dataIndex: 'status', width: 90, render: (v: KnowledgeStatus) => <Tag color={STATUS_COLORS[v]}>{KNOWLEDGE_STATUS_LABELS[v]}</Tag> },
          { title: '发布日期', dataIndex: 'publishedAt', width: 140, render: (v: string | null) => chineseDate(v) },
          { title: '更新日期', dataIndex: 'updatedAt', width: 140, render: (v: string) => chineseDate(v) },
        ]}
      />
      {editing !== null ? <EntryDialog id={editing === 'new' ? null : editing} defaultOrgId={user?.orgId} onClose={() => (setEditing(null), load())} /> : null}
    </Card>
  );
}

/** Published documents of any organization, by title, 文号 or number: answers cite county and higher policies. */
function CitablePicker({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const [docs, setDocs] = useState<Citable[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      api.get<{ items: Citable[] }>(`/knowledge/citable-documents${query({ q: text.trim() })}`).then((r) => setDocs(r.items), () => setDocs([]));
    }, 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <Select<number>
      aria-label="选择依据文件"
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      value={value ?? undefined}
      placeholder="输入标题、文号或编号搜索已发布的文件"
      notFoundContent="没有找到，请换个关键词"
      onFocus={() => docs.length || search('')}
      onChange={(id) => onChange(id ?? null)}
      options={docs.map((d) => ({ value: d.id, label: `${d.title}${d.docNumber ? `（${d.docNumber}）` : ''} · ${d.orgName}` }))}
      style={{ width: '100%' }}
    />
  );
}

function EntryDialog({ id, defaultOrgId, onClose }: { id: number | null; defaultOrgId?: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [entryId, setEntryId] = useState<number | null>(id);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [topics, setTopics] = useState<TopicNode[]>([]);
  const [picked, setPicked] = useState<number | null>(null);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    if (!entryId) return;
    try {
      const e = await api.get<Entry>(`/knowledge/${entryId}`);
      setEntry(e);
      form.setFieldsValue({ question: e.question, variants: e.variants, answer: e.answer, topic: topicPath(e.topic) });
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [entryId, form, message]);

  useEffect(() => {
    void load();
    api.get<{ items: TopicNode[] }>('/meta/topics').then((t) => setTopics(t.items), () => {});
  }, [load]);

  /** Runs a change, reports its error in Chinese, and reloads the entry. */
  const run = useChangeRunner(load);

  const editable = entryId === null || (entry?.canEdit ?? false);
  const save = async () => {
    const v = await form.validateFields();
    const topic = (v.topic as string[] | undefined) ?? [];
    const body = { question: v.question, variants: v.variants ?? '', answer: v.answer ?? '', topic: topic[topic.length - 1] ?? '' };
    if (entryId === null) {
      await run(async () => {
        const created = await api.post<Entry>('/knowledge', { ...body, orgId: v.orgId });
        setEntryId(created.id);
      }, '已保存草稿，可以关联依据');
    } else await run(() => api.patch(`/knowledge/${entryId}`, body), '已保存');
  };
  const addSource = () =>
    picked &&
    run(async () => {
      await api.post(`/knowledge/${entryId}/sources`, { documentId: picked, note });
      setPicked(null);
      setNote('');
    }, '已关联依据');

  const status = entry?.status;
  return (
    <Modal
      open
      width={860}
      title={entry ? <Space>编辑问答<Tag color={STATUS_COLORS[entry.status]}>{KNOWLEDGE_STATUS_LABELS[entry.status]}</Tag></Space> : '新建问答'}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          {entry && entryId && status === 'draft' && !entry.publishedAt && entry.canEdit ? (
            <Popconfirm title="删除这条问答草稿？" okText="删除" cancelText="取消" onConfirm={() => run(() => api.delete(`/knowledge/${entryId}`), '已删除').then(onClose)}>
              <Button danger>删除草稿</Button>
            </Popconfirm>
          ) : null}
          {entry?.canPublish && status !== 'published' ? (
            <Button onClick={() => run(() => api.post(`/knowledge/${entryId}/publish`), '已发布')}>发布</Button>
          ) : null}
          {entry?.canPublish && status === 'published' ? (
            <Popconfirm title="下线后门户和检索不再显示这条问答，确定？" okText="下线" cancelText="取消" onConfirm={() => run(() => api.post(`/knowledge/${entryId}/archive`, {}), '已下线')}>
              <Button>下线</Button>
            </Popconfirm>
          ) : null}
          {status === 'published' ? (
            <a href={`/zfxxgk/zsk/${entryId}`} target="_blank" rel="noreferrer">
              在门户查看
            </a>
          ) : null}
          {editable ? (
            <Button type="primary" onClick={save}>
              保存
            </Button>
          ) : null}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      {status === 'published' ? <Typography.Paragraph type="secondary">已发布：保存后立即更新门户和检索中的答复。</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" disabled={!editable} initialValues={{ orgId: defaultOrgId }}>
        {entryId === null ? (
          <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgTreeSelect id="knowledge-org" />
          </Form.Item>
        ) : null}
        <Form.Item name="question" label="问题" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
          <Input maxLength={200} placeholder="按群众的问法填写，如：怎么申请政府信息公开？" />
        </Form.Item>
        <Form.Item name="variants" label="其他问法（每行一个）">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="topic" label="主题分类">
          <Cascader options={topics} fieldNames={{ label: 'name', value: 'code', children: 'children' }} placeholder="选择主题分类" changeOnSelect />
        </Form.Item>
        <Form.Item name="answer" label="答复" rules={[{ required: true, message: '请填写答复' }]}>
          <RichTextEditor label="答复" disabled={!editable} />
        </Form.Item>
      </Form>

      <Typography.Title level={5}>依据（已发布的政策文件）</Typography.Title>
      {entryId === null ? (
        <Typography.Paragraph type="secondary">保存草稿后可关联依据；发布前至少关联一件。</Typography.Paragraph>
      ) : (
        <>
          <Table<Source>
            rowKey="documentId"
            size="small"
            pagination={false}
            dataSource={entry?.sources ?? []}
            locale={{ emptyText: '尚未关联依据' }}
            columns={[
              {
                title: '文件',
                render: (_, s) => (
                  <span>
                    {s.title}
                    {s.docNumber ? `（${s.docNumber}）` : ''} {s.isPublic ? null : <Tag color="error">已撤回</Tag>}
                  </span>
                ),
              },
              { title: '发文机关', dataIndex: 'orgName', width: 170 },
              { title: '条款说明', dataIndex: 'note', width: 150 },
              {
                title: '操作',
                width: 80,
                render: (_, s) =>
                  editable ? (
                    <Popconfirm title="移除这件依据？" okText="移除" cancelText="取消" onConfirm={() => run(() => api.delete(`/knowledge/${entryId}/sources/${s.documentId}`), '已移除')}>
                      <a>移除</a>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
          {editable ? (
            <Space.Compact style={{ width: '100%', marginTop: 8 }}>
              <div style={{ flex: 1 }}>
                <CitablePicker value={picked} onChange={setPicked} />
              </div>
              <Input aria-label="条款说明" placeholder="条款，如 第三条（可选）" maxLength={100} style={{ width: 200 }} value={note} onChange={(e) => setNote(e.target.value)} />
              <Button onClick={addSource} disabled={!picked}>
                关联
              </Button>
            </Space.Compact>
          ) : null}
        </>
      )}
    </Modal>
  );
}
