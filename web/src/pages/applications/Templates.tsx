// 文书模板: what each letter of the organization is issued from — its own text or the default — per
// kind, and for replies per group of outcomes (or one outcome). Edit the title, the body with its
// placeholders and the 文号 prefix; preview it filled with a fictional case (also as Word); go back
// to the default. The API lets office heads and administrators do this.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { api, csrfToken, query } from '../../api';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useSession } from '../../session';
import { LetterView } from './LetterModal';
import { useApplicationOptions } from './shared';
import type { LetterKind } from './types';

interface Template {
  kind: LetterKind;
  outcome: string;
  label: string;
  title: string;
  body: string;
  numberPrefix: string;
  source: 'org' | 'default' | 'builtin';
}

interface Listing {
  orgId: number;
  orgName: string;
  templates: Template[];
  placeholders: Record<LetterKind, { name: string; label: string }[]>;
}

interface Preview {
  number: string;
  title: string;
  paragraphs: string[];
}

const SOURCE: Record<Template['source'], { label: string; color: string }> = {
  org: { label: '本机关', color: 'blue' },
  default: { label: '默认', color: 'default' },
  builtin: { label: '默认', color: 'default' },
};

const slotKey = (t: { kind: string; outcome: string }) => `${t.kind}/${t.outcome}`;

/** POSTs and saves the Word file the server returns (a preview is not a stored letter, so no link to it). */
async function downloadPost(path: string, body: unknown, fileName: string) {
  const res = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? `请求失败（${res.status}）`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export function TemplatesPage() {
  const { user, orgs } = useSession();
  const { message } = App.useApp();
  const { options } = useApplicationOptions(user?.id);
  const [orgId, setOrgId] = useState<number | undefined>(user?.orgId);
  const [listing, setListing] = useState<Listing | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [selected, setSelected] = useState<Template | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ title: string; body: string; numberPrefix: string }>();
  const bodyRef = useRef<TextAreaRef>(null);

  const load = useCallback(
    async (keep?: string) => {
      if (!orgId) return;
      try {
        const l = await api.get<Listing>(`/applications/letter-templates${query({ orgId })}`);
        setListing(l);
        setRefusal(null);
        const again = l.templates.find((t) => slotKey(t) === keep) ?? l.templates[0] ?? null;
        setSelected(again);
      } catch (err) {
        setRefusal((err as Error).message);
      }
    },
    [orgId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    setPreview(null);
    setError(null);
    if (selected) form.setFieldsValue({ title: selected.title, body: selected.body, numberPrefix: selected.numberPrefix });
  }, [selected, form]);

  if (refusal) return <Alert type="error" showIcon message={refusal} />;
  if (!listing) return <Card loading />;

  const slot = () => ({ orgId, kind: selected!.kind, outcome: selected!.outcome });
  const edited = () => {
    const v = form.getFieldsValue();
    return { ...slot(), title: v.title ?? '', body: v.body ?? '', numberPrefix: (v.numberPrefix ?? '').trim() };
  };
  const guard = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const save = () =>
    guard(async () => {
      await form.validateFields();
      await api.put('/applications/letter-templates', edited());
      message.success('模板已保存');
      await load(slotKey(selected!));
    });
  const reset = () =>
    guard(async () => {
      await api.delete(`/applications/letter-templates${query(slot())}`);
      message.success('已恢复为默认模板');
      await load(slotKey(selected!));
    });
  const insert = (name: string) => {
    const el = bodyRef.current?.resizableTextArea?.textArea;
    const body = form.getFieldValue('body') ?? '';
    const at = el?.selectionStart ?? body.length;
    form.setFieldValue('body', `${body.slice(0, at)}{{${name}}}${body.slice(at)}`);
  };
  // A reply template for one outcome (beside its group's): starts from the group's text.
  const addOutcome = (outcome: string) => {
    const group = listing.templates.find((t) => t.kind === 'reply' && t.outcome === outcome.split('.')[0]);
    const label = options?.outcomes.find((o) => o.value === outcome)?.label ?? outcome;
    setSelected({ kind: 'reply', outcome, label: `答复书（${label}）`, title: group?.title ?? '', body: group?.body ?? '', numberPrefix: group?.numberPrefix ?? '', source: 'default' });
  };
  const taken = new Set(listing.templates.map(slotKey));

  return (
    <Card
      title={`文书模板（${listing.orgName}）`}
      extra={
        orgs.length > 1 ? (
          <div style={{ width: 260 }}>
            <OrgTreeSelect value={orgId} onChange={(v) => v && setOrgId(v)} placeholder="选择机构" />
          </div>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Table<Template>
            size="small"
            rowKey={slotKey}
            pagination={false}
            dataSource={listing.templates}
            rowClassName={(t) => (selected && slotKey(t) === slotKey(selected) ? 'ant-table-row-selected' : '')}
            onRow={(t) => ({ onClick: () => setSelected(t), style: { cursor: 'pointer' } })}
            columns={[
              { title: '文书', dataIndex: 'label', render: (v: string) => <a>{v}</a> },
              { title: '来源', dataIndex: 'source', width: 80, render: (s: Template['source']) => <Tag color={SOURCE[s].color}>{SOURCE[s].label}</Tag> },
            ]}
          />
          <Select
            style={{ width: '100%', marginTop: 12 }}
            placeholder="为某一办理结果单独设置答复书模板"
            aria-label="为某一办理结果单独设置答复书模板"
            value={null}
            options={(options?.outcomes ?? []).filter((o) => !taken.has(`reply/${o.value}`)).map((o) => ({ value: o.value, label: o.label }))}
            onChange={(v: string | null) => v && addOutcome(v)}
          />
        </Col>
        <Col xs={24} lg={16}>
          {selected ? (
            <Form form={form} layout="vertical" name="template" onValuesChange={() => setError(null)}>
              <Typography.Title level={5}>
                {selected.label} <Tag color={SOURCE[selected.source].color}>{SOURCE[selected.source].label}</Tag>
              </Typography.Title>
              <Row gutter={12}>
                <Col xs={24} md={16}>
                  <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label="文号前缀（机关代字）" name="numberPrefix" extra="不填按机关名称简称自动生成，如 示教依复〔2026〕1号">
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="正文（每行一段；第一行为称呼，最后两行为署名和日期）" name="body" rules={[{ required: true, message: '请填写正文' }]}>
                <Input.TextArea ref={bodyRef} rows={16} maxLength={20000} />
              </Form.Item>
              <Typography.Paragraph type="secondary">点击占位符插入到光标处：</Typography.Paragraph>
              <Space wrap style={{ marginBottom: 16 }}>
                {listing.placeholders[selected.kind].map((p) => (
                  <Tag key={p.name} style={{ cursor: 'pointer' }} onClick={() => insert(p.name)} title={`{{${p.name}}}`}>
                    {p.label}
                  </Tag>
                ))}
              </Space>
              {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="template-error" /> : null}
              <Space wrap>
                <Button type="primary" onClick={() => void save()}>
                  保存
                </Button>
                <Button onClick={() => void guard(async () => setPreview(await api.post<Preview>('/applications/letter-templates/preview', edited())))}>预览</Button>
                <Button onClick={() => void guard(() => downloadPost('/applications/letter-templates/preview/docx', edited(), `${selected.label}（预览）.docx`))}>下载预览（Word）</Button>
                {selected.source === 'org' ? (
                  <Popconfirm title="恢复为默认模板？本机关修改的内容将被删除。" okText="恢复" cancelText="取消" onConfirm={() => void reset()}>
                    <Button danger>恢复默认</Button>
                  </Popconfirm>
                ) : null}
              </Space>
              {preview ? (
                <div style={{ marginTop: 16 }}>
                  <Typography.Paragraph type="secondary">以虚构的示例申请填充：</Typography.Paragraph>
                  <LetterView letter={preview} />
                </div>
              ) : null}
            </Form>
          ) : null}
        </Col>
      </Row>
    </Card>
  );
}
