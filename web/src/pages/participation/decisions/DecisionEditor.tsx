// One decision in the workbench: its place in the catalogue, its stages as a timeline in the 条例's
// order, 登记办理阶段 and 修改/完成 for its undertaking organization (or the government) — the
// legality review's 7 working days and the order of the stages are the server's rules, its refusals
// shown in the dialog in its words — and the links to the public consultation and the final document.
import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api';
import { DocumentPicker } from '../../../components/DocumentPicker';
import { chineseDate, isoDay } from '../../../format';
import { STAGE_KINDS, STAGE_LABELS, type StageKind } from '../../../../../src/domain/decision';
import { useRefusal, type RunChange } from './ItemDialog';
import { useLoaded } from './useLoaded';
import { catalogRoute, decisionsRoute, type Decision, type Stage } from './types';

type Dialog = { kind: 'stage'; stage: Stage | null } | null;

interface StageValues {
  kind: StageKind;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  summary?: string;
  isPublic: boolean;
  documentId?: number | null;
}

export function DecisionEditor({ id }: { id: number }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const { data: decision, load, fromDialog } = useLoaded<Decision>(`/decisions/${id}`, close);

  if (!decision) return null;
  const d = decision;

  return (
    <Card
      title={
        <Space wrap>
          <a href={`#${decisionsRoute}`}>决策事项目录</a>/<a href={`#${catalogRoute(d.catalog.id)}`}>{d.catalog.title}</a>/<span>{d.name}</span>
          {d.removed ? <Tag>已调出目录</Tag> : <Tag color="processing">{d.standing}</Tag>}
        </Space>
      }
      extra={
        d.canRecord && !d.removed ? (
          <Button type="primary" onClick={() => setDialog({ kind: 'stage', stage: null })}>
            登记办理阶段
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label="序号">{d.seq}</Descriptions.Item>
        <Descriptions.Item label="承办单位">{d.undertakingOrg.name}</Descriptions.Item>
        <Descriptions.Item label="决策依据">{d.basis || '—'}</Descriptions.Item>
        <Descriptions.Item label="计划完成时间">{d.plannedTime || '—'}</Descriptions.Item>
        {d.removed ? <Descriptions.Item label="调出理由">{d.removalReason}</Descriptions.Item> : null}
        {d.catalog.published ? (
          <Descriptions.Item label="门户">
            <a href={`/zfxxgk/zdjc/${d.id}`} target="_blank" rel="noreferrer">
              在门户查看
            </a>
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      <Typography.Title level={5}>办理阶段</Typography.Title>
      {d.stages.length ? (
        <Timeline
          data-testid="timeline"
          items={d.stages.map((s) => ({
            color: s.endedOn ? 'green' : 'blue',
            children: (
              <div data-testid="stage">
                <Space wrap>
                  <strong>{s.label}</strong>
                  <span>
                    {chineseDate(s.startedOn)}
                    {s.endedOn ? `至${chineseDate(s.endedOn)}` : '起'}
                  </span>
                  {s.endedOn ? <Tag color="success">已完成</Tag> : <Tag color="processing">进行中</Tag>}
                  {s.isPublic ? null : <Tag>不公开</Tag>}
                  {d.canRecord && !d.removed ? (
                    <Button size="small" aria-label={`修改${s.label}`} onClick={() => setDialog({ kind: 'stage', stage: s })}>
                      {s.endedOn ? '修改' : '修改或完成'}
                    </Button>
                  ) : null}
                </Space>
                {s.summary ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{s.summary}</Typography.Paragraph> : null}
                {s.document ? <div>相关文件：{s.document.title}</div> : null}
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">尚未登记办理阶段。</Typography.Paragraph>
      )}

      <Links decision={d} onSaved={load} />

      {d.changes.length ? (
        <>
          <Typography.Title level={5}>调整记录</Typography.Title>
          {d.changes.map((ch) => (
            <Typography.Paragraph key={ch.id}>
              {chineseDate(ch.changedOn)}：{ch.lines.join('；')}。理由：{ch.reason}
            </Typography.Paragraph>
          ))}
        </>
      ) : null}

      {dialog ? <StageDialog decision={d} stage={dialog.stage} onDone={fromDialog} onCancel={close} /> : null}
    </Card>
  );
}

function StageDialog({ decision, stage, onDone, onCancel }: { decision: Decision; stage: Stage | null; onDone: RunChange; onCancel: () => void }) {
  const [form] = Form.useForm<StageValues>();
  const refusal = useRefusal();
  useEffect(() => {
    form.setFieldsValue(
      stage
        ? { kind: stage.kind, startedOn: dayjs(stage.startedOn), endedOn: stage.endedOn ? dayjs(stage.endedOn) : null, summary: stage.summary, isPublic: stage.isPublic, documentId: stage.document?.id ?? null }
        : { isPublic: true },
    );
  }, [form, stage]);

  const send = async () => {
    const v = await form.validateFields();
    const body = { startedOn: isoDay(v.startedOn), endedOn: v.endedOn ? isoDay(v.endedOn) : null, summary: v.summary ?? '', isPublic: v.isPublic, documentId: v.documentId ?? null };
    await refusal.attempt(() =>
      onDone(
        () => (stage ? api.put(`/decisions/${decision.id}/stages/${stage.id}`, body) : api.post(`/decisions/${decision.id}/stages`, { kind: v.kind, ...body })),
        stage ? '已保存' : `已登记${STAGE_LABELS[v.kind]}`,
      ),
    );
  };

  return (
    <Modal title={stage ? `修改办理阶段：${stage.label}` : '登记办理阶段'} open onOk={send} onCancel={onCancel} okText="确定" cancelText="取消" destroyOnHidden width={640}>
      {refusal.shown}
      <Form form={form} layout="vertical" name="decision-stage">
        {stage ? null : (
          <Form.Item name="kind" label="阶段" rules={[{ required: true, message: '请选择阶段' }]} extra="合法性审查不少于7个工作日；作出决定须在合法性审查和集体讨论完成之后；执行后评估在作出决定满一年后。">
            <Select showSearch optionFilterProp="label" options={STAGE_KINDS.map((k) => ({ value: k, label: STAGE_LABELS[k] }))} />
          </Form.Item>
        )}
        <Form.Item name="startedOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endedOn" label="结束日期" extra="尚未结束的不填；合法性审查自送审次日起算">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label="情况说明">
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Form.Item name="documentId" label="相关文件（已发布）">
          <DocumentPicker publishedOnly placeholder="输入标题或文号，搜索已发布的文件" />
        </Form.Item>
        <Form.Item name="isPublic" label="在门户公开" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The public consultation on the draft and the decision as issued. */
function Links({ decision, onSaved }: { decision: Decision; onSaved: () => Promise<void> }) {
  const { message } = App.useApp();
  const [consultations, setConsultations] = useState<{ id: number; title: string }[]>([]);
  const [consultationId, setConsultationId] = useState<number | null>(decision.consultation?.id ?? null);
  const [documentId, setDocumentId] = useState<number | null>(decision.document?.id ?? null);
  const editable = decision.canRecord && !decision.removed;
  useEffect(() => {
    if (!editable) return;
    void api.get<{ items: { id: number; title: string }[] }>('/consultations').then((r) => setConsultations(r.items), () => setConsultations([]));
  }, [editable]);
  const options = [...(decision.consultation && !consultations.some((c) => c.id === decision.consultation!.id) ? [decision.consultation] : []), ...consultations];

  const save = async () => {
    try {
      await api.put(`/decisions/${decision.id}/links`, { consultationId, documentId });
      message.success('已保存关联');
      await onSaved();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <>
      <Typography.Title level={5}>征求意见和决策文件</Typography.Title>
      <Form layout="vertical" disabled={!editable} style={{ maxWidth: 640 }}>
        <Form.Item label="征求意见" htmlFor="decision-consultation">
          <Select
            id="decision-consultation"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="选择该事项草案的征求意见"
            value={consultationId ?? undefined}
            onChange={(v) => setConsultationId(v ?? null)}
            options={options.map((c) => ({ value: c.id, label: c.title }))}
          />
        </Form.Item>
        <Form.Item label="决策文件" htmlFor="decision-document">
          <DocumentPicker id="decision-document" publishedOnly value={documentId} onChange={(v) => setDocumentId(v)} placeholder="输入标题或文号，搜索已发布的文件" />
        </Form.Item>
        {editable ? (
          <Form.Item>
            <Button onClick={save}>保存关联</Button>
          </Form.Item>
        ) : null}
      </Form>
      {!editable && decision.document ? <Typography.Paragraph>决策文件：{decision.document.title}</Typography.Paragraph> : null}
    </>
  );
}
