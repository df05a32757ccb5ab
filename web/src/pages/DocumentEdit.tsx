// One document in the workbench: the form (editable while a draft), the checks that stand in the
// way of publishing, the workflow buttons the server allows this user, relations, and the timeline.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Cascader, Col, DatePicker, Descriptions, Form, Input, List, Modal, Row, Select, Space, Tag, Timeline, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, csrfToken } from '../api';
import { DocumentPicker } from '../components/DocumentPicker';
import { DocumentColumnFields } from './Columns';
import { useSession } from '../session';
import { RichTextEditor } from '../components/RichTextEditor';
import { chineseDateTime } from '../format';
import { navigate } from '../router';
import { DISCLOSURE_LABELS, DOC_TYPE_LABELS, EVENT_LABELS, FORM_LABELS, RELATION_LABELS, STATUS_COLORS, STATUS_LABELS } from '../documentLabels';

interface Finding {
  code: string;
  severity: 'block' | 'warn';
  field: string;
  message: string;
  excerpt?: string;
}

interface Action {
  name: string;
  label: string;
  needsReason: boolean;
}

interface Doc {
  id: number;
  title: string;
  status: keyof typeof STATUS_LABELS;
  indexNo: string | null;
  orgId: number;
  orgName: string;
  body: string;
  publishedVersion: number | null;
  interpretationOf: number | null;
  findings: Finding[];
  actions: Action[];
  canEdit: boolean;
  canRevise: boolean;
  events: { id: number; at: string; actorName: string; action: string; note: string }[];
  interpretations: { id: number; title: string; status: keyof typeof STATUS_LABELS }[];
  attachments: { id: number; fileName: string; kind: string; size: number }[];
  [field: string]: unknown;
}

interface TopicNode {
  code: string;
  name: string;
  children: { code: string; name: string }[];
}

const DATE_FIELDS = ['writtenOn', 'effectiveOn', 'expiresOn', 'formedOn'] as const;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Form values → API body: dates as YYYY-MM-DD, topic as its code. */
function toBody(values: Record<string, unknown>) {
  const body: Record<string, unknown> = { ...values };
  for (const f of DATE_FIELDS) body[f] = values[f] ? (values[f] as Dayjs).format('YYYY-MM-DD') : null;
  const topic = values.topic as string[] | undefined;
  body.topic = topic?.length ? topic[topic.length - 1] : '';
  if (!body.interpretationOf) {
    body.interpretationOf = null;
    body.interpretationForm = null;
  }
  return body;
}

function toForm(doc: Doc) {
  const values: Record<string, unknown> = { ...doc };
  for (const f of DATE_FIELDS) values[f] = doc[f] ? dayjs(doc[f] as string) : null;
  const topic = String(doc.topic ?? '');
  values.topic = topic ? (topic.includes('.') ? [topic.split('.')[0], topic] : [topic]) : [];
  return values;
}

export function DocumentEditPage({ id }: { id: number | null }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { user } = useSession();
  const [doc, setDoc] = useState<Doc | null>(null);
  const [topics, setTopics] = useState<TopicNode[]>([]);
  const [pending, setPending] = useState<Action | null>(null);
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [scheduledAt, setScheduledAt] = useState<Dayjs | null>(null);
  const [relation, setRelation] = useState<{ toDocumentId?: number; kind?: string; effectiveOn?: Dayjs } | null>(null);
  const isInterpretation = Form.useWatch('interpretationOf', form);

  const load = useCallback(async () => {
    if (id === null) return;
    const d = await api.get<Doc>(`/documents/${id}`);
    setDoc(d);
    form.setFieldsValue(toForm(d));
  }, [id, form]);

  useEffect(() => {
    api.get<{ items: TopicNode[] }>('/meta/topics').then((t) => setTopics(t.items));
    if (id === null) form.setFieldsValue({ docType: 'policy', disclosure: 'proactive', writtenOn: dayjs() });
    load().catch((err: Error) => message.error(err.message));
  }, [id, load, form, message]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      if (id === null) {
        const created = await api.post<{ id: number }>('/documents', toBody(values));
        message.success('草稿已保存');
        navigate(`/documents/${created.id}`);
      } else {
        await api.patch(`/documents/${id}`, toBody(values));
        message.success('草稿已保存');
        await load();
      }
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const run = async (action: Action) => {
    try {
      const body: Record<string, string> = { ...extra };
      if (action.name === 'schedule' && scheduledAt) body.scheduledAt = scheduledAt.toISOString();
      await api.post(`/documents/${id}/transitions/${action.name}`, body);
      message.success(`已${action.label}`);
      setPending(null);
      setExtra({});
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const revise = async () => {
    try {
      await api.post(`/documents/${id}/revise`);
      message.success('已发起修订，请修改后重新提交审核');
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const addRelation = async () => {
    if (!relation?.toDocumentId || !relation.kind || !relation.effectiveOn) return message.error('请填写完整');
    try {
      await api.post(`/documents/${id}/relations`, { toDocumentId: relation.toDocumentId, kind: relation.kind, effectiveOn: relation.effectiveOn.format('YYYY-MM-DD') });
      message.success('已登记');
      setRelation(null);
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const removeAttachment = async (attachmentId: number) => {
    try {
      await api.delete(`/documents/${id}/attachments/${attachmentId}`);
      message.success('附件已删除');
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const checkLinks = async () => {
    try {
      const d = await api.post<Doc>(`/documents/${id}/check-links`);
      setDoc(d);
      const broken = d.findings.filter((f) => f.code === 'broken_link').length;
      if (broken) message.warning(`有 ${broken} 个链接无法打开，请查看检查结果`);
      else message.success('正文中的链接都能打开');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const editable = id === null || Boolean(doc?.canEdit);
  const blocking = doc?.findings.filter((f) => f.severity === 'block') ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={id === null ? '起草文件' : doc?.title}
        extra={
          doc ? (
            <Space wrap>
              <Tag color={STATUS_COLORS[doc.status]}>{STATUS_LABELS[doc.status]}</Tag>
              {doc.indexNo ? <span>索引号 {doc.indexNo}</span> : null}
              {doc.body.includes('href=') ? (
                <Button size="small" onClick={() => void checkLinks()}>
                  检查链接
                </Button>
              ) : null}
              {doc.publishedVersion ? (
                <a href={`/zfxxgk/wj/${doc.id}`} target="_blank" rel="noreferrer">
                  查看门户页面
                </a>
              ) : null}
            </Space>
          ) : null
        }
      >
        {doc && doc.findings.length ? (
          <Alert
            style={{ marginBottom: 16 }}
            type={blocking.length ? 'error' : 'warning'}
            showIcon
            message={blocking.length ? `发布前须处理 ${blocking.length} 个问题` : '请确认以下提示'}
            description={
              <List
                size="small"
                dataSource={doc.findings}
                renderItem={(f) => (
                  <List.Item data-testid="finding">
                    <Space direction="vertical" size={0}>
                      <span>
                        <Tag color={f.severity === 'block' ? 'red' : 'gold'}>{f.severity === 'block' ? '须处理' : '提示'}</Tag>
                        {f.message}
                      </span>
                      {f.excerpt ? <Typography.Text type="secondary">…{f.excerpt}…</Typography.Text> : null}
                    </Space>
                  </List.Item>
                )}
              />
            }
          />
        ) : null}
        <Form form={form} layout="vertical" name="document" disabled={!editable}>
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '请输入标题' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="文件类型" name="docType" rules={[{ required: true }]}>
                <Select options={options(DOC_TYPE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="发文字号" name="docNumber">
                <Input placeholder="如：示政发〔2026〕5号" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="文种" name="genre">
                <Select allowClear options={['通知', '意见', '办法', '规定', '决定', '方案', '通告', '公告', '报告', '批复'].map((g) => ({ value: g, label: g }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            {(
              [
                ['writtenOn', '成文日期'],
                ['effectiveOn', '施行日期'],
                ['expiresOn', '有效期至'],
                ['formedOn', '信息形成日期'],
              ] as const
            ).map(([name, label]) => (
              <Col xs={12} md={6} key={name}>
                <Form.Item label={label} name={name}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label="主题分类" name="topic">
                <Cascader options={topics} fieldNames={{ label: 'name', value: 'code', children: 'children' }} placeholder="选择主题分类" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="联合发文机关（本机关牵头时填写其他机关）" name="coIssuers">
                <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="输入机关名称后回车，如：示例县财政局" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="关键词" name="keywords">
                <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
              </Form.Item>
            </Col>
          </Row>
          <DocumentColumnFields orgId={doc?.orgId ?? user?.orgId} disabled={!editable} />
          <Form.Item label="内容概述" name="summary">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item label="正文" name="body" extra="可从 Word 复制粘贴；保留段落、标题、列表、表格、链接和对齐，其余格式会被清除">
            <RichTextEditor label="正文" disabled={!editable} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="公开属性" name="disclosure">
                <Select options={options(DISCLOSURE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label="公开属性依据（非主动公开时必填）" name="disclosureReason">
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="解读的政策文件（本文件为政策解读时选择）" name="interpretationOf">
                <DocumentPicker orgId={doc?.orgId} aria-label="解读的政策文件（本文件为政策解读时选择）" />
              </Form.Item>
            </Col>
            {isInterpretation ? (
              <Col xs={24} md={8}>
                <Form.Item label="解读形式" name="interpretationForm">
                  <Select options={options(FORM_LABELS)} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
        </Form>
        <Space wrap>
          {editable ? (
            <Button type="primary" onClick={save}>
              保存草稿
            </Button>
          ) : null}
          {doc?.actions.map((a) => (
            <Button key={a.name} onClick={() => (a.needsReason || a.name === 'publish' || a.name === 'schedule' ? setPending(a) : void run(a))}>
              {a.label}
            </Button>
          ))}
          {doc?.canRevise ? <Button onClick={revise}>发起修订</Button> : null}
          {doc?.canEdit ? <Button onClick={() => setRelation({})}>登记修改/废止关系</Button> : null}
        </Space>
      </Card>

      {doc ? (
        <Card
          title="附件"
          extra={
            doc.canEdit ? (
              <Upload
                name="file"
                action={`/api/v1/documents/${doc.id}/attachments`}
                headers={{ 'x-csrf-token': csrfToken() }}
                accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,.png,.jpg,.jpeg,.gif"
                showUploadList={false}
                onChange={(info) => {
                  if (info.file.status === 'done') {
                    message.success(`附件“${info.file.name}”已上传`);
                    void load();
                  } else if (info.file.status === 'error') {
                    message.error((info.file.response as { error?: { message?: string } })?.error?.message ?? '上传失败');
                  }
                }}
              >
                <Button>上传附件</Button>
              </Upload>
            ) : null
          }
        >
          {doc.attachments.length ? (
            <List
              dataSource={doc.attachments}
              renderItem={(a) => (
                <List.Item
                  actions={doc.canEdit ? [<a key="remove" onClick={() => void removeAttachment(a.id)}>删除</a>] : []}
                >
                  <a href={`/api/v1/documents/${doc.id}/attachments/${a.id}`}>{a.fileName}</a>（{a.kind.toUpperCase()}，{Math.max(1, Math.round(a.size / 1024))} KB）
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">暂无附件。可上传 PDF、Word、Excel、OFD 和图片。</Typography.Text>
          )}
        </Card>
      ) : null}

      {doc ? (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title="政策解读">
              {doc.interpretations.length ? (
                <List
                  dataSource={doc.interpretations}
                  renderItem={(i) => (
                    <List.Item>
                      <a href={`#/documents/${i.id}`}>{i.title}</a> <Tag color={STATUS_COLORS[i.status]}>{STATUS_LABELS[i.status]}</Tag>
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Paragraph type="secondary">
                  {doc.interpretationOf ? '本文件是政策解读。' : `暂无解读。起草解读时在“解读的政策文件编号”中填写 ${doc.id}。`}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="办理记录">
              <Timeline
                items={doc.events.map((e) => ({
                  children: (
                    <span>
                      {chineseDateTime(e.at)} {e.actorName} {EVENT_LABELS[e.action] ?? e.action}
                      {e.note ? `：${e.note}` : ''}
                    </span>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      ) : null}

      <Modal title={pending?.label} open={pending !== null} onOk={() => pending && void run(pending)} onCancel={() => setPending(null)} okText="确定" cancelText="取消" destroyOnHidden>
        {pending?.needsReason ? (
          <Descriptions column={1}>
            <Descriptions.Item label="理由">
              <Input.TextArea rows={3} value={extra.note ?? ''} onChange={(e) => setExtra({ ...extra, note: e.target.value })} aria-label="理由" />
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        {pending?.name === 'schedule' ? <DatePicker showTime value={scheduledAt} onChange={setScheduledAt} placeholder="发布时间" /> : null}
        {pending?.name === 'publish' ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {doc?.publishedVersion ? <Input placeholder="修订说明（公开显示）" value={extra.changeNote ?? ''} onChange={(e) => setExtra({ ...extra, changeNote: e.target.value })} aria-label="修订说明" /> : null}
            <Input.TextArea rows={2} placeholder="行政规范性文件未同步发布解读时，须写明理由" value={extra.interpretationExemption ?? ''} onChange={(e) => setExtra({ ...extra, interpretationExemption: e.target.value })} aria-label="不同步发布解读的理由" />
          </Space>
        ) : null}
      </Modal>

      <Modal title="登记本文件修改、废止或替代的文件" open={relation !== null} onOk={addRelation} onCancel={() => setRelation(null)} okText="登记" cancelText="取消" destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          <DocumentPicker publishedOnly placeholder="被修改、废止或替代的文件：输入标题、文号或编号" value={relation?.toDocumentId} onChange={(v) => setRelation({ ...relation, toDocumentId: v ?? undefined })} aria-label="被修改、废止或替代的文件" />
          <Select placeholder="关系" options={options(RELATION_LABELS)} style={{ width: '100%' }} onChange={(kind) => setRelation({ ...relation, kind })} />
          <DatePicker placeholder="生效日期" style={{ width: '100%' }} onChange={(d) => setRelation({ ...relation, effectiveOn: d ?? undefined })} />
        </Space>
      </Modal>
    </Space>
  );
}
