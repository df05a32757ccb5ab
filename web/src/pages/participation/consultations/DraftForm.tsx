// The draft, its explanation, the other channels and the period; beside the draft, how it splits into
// the clauses people comment on (the domain's draftParts, as the portal numbers them). A period under
// 30 days asks for its reason, shown publicly. Once published only a later end date may be set.
import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { draftParts, MIN_PERIOD_DAYS, periodDays } from '../../../../../src/domain/consultation';
import { api } from '../../../api';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { chineseDate, isoDay } from '../../../format';
import { navigate } from '../../../router';
import { useSession } from '../../../session';
import type { Consultation } from './types';
import { spinnerWhile } from '../../../spinner';

interface Values {
  orgId?: number;
  title: string;
  draft: string;
  explanation?: string;
  channels?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  shortPeriodReason?: string;
}

function ClausePreview({ draft }: { draft: string }) {
  const parts = draftParts(draft ?? '');
  return (
    <div data-testid="clause-preview" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, maxHeight: 420, overflowY: 'auto' }}>
      {parts.length === 0 ? <Typography.Text type="secondary">输入草案后，这里显示门户网站上的条款编号。</Typography.Text> : null}
      {parts.map((p, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          {p.clause === null ? (
            <Typography.Text strong>{p.text}</Typography.Text>
          ) : (
            <>
              <Tag color="blue">第 {p.clause} 条</Tag>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.text}</span>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

export function DraftForm({ c, reload }: { c: Consultation | null; reload: () => Promise<void> }) {
  const { user } = useSession();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = Form.useWatch('draft', form) ?? c?.draft ?? '';
  const startsOn = Form.useWatch('startsOn', form);
  const endsOn = Form.useWatch('endsOn', form);
  const days = startsOn && endsOn && !endsOn.isBefore(startsOn, 'day') ? periodDays(isoDay(startsOn), isoDay(endsOn)) : null;
  const short = days !== null && days < MIN_PERIOD_DAYS;
  const editable = c === null || (c.canManage && !c.reportPublishedOn);
  const locked = c?.published ?? false;

  const body = (v: Values) => ({
    title: v.title ?? '',
    draft: v.draft ?? '',
    explanation: v.explanation ?? '',
    channels: v.channels ?? '',
    startsOn: v.startsOn ? isoDay(v.startsOn) : '',
    endsOn: v.endsOn ? isoDay(v.endsOn) : '',
    ...(short ? { shortPeriodReason: v.shortPeriodReason ?? '' } : {}),
  });

  /** Saves the form (creating the consultation the first time); the server's refusal shows above the buttons. */
  const save = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    setBusy(true);
    setError(null);
    try {
      if (c === null) {
        const created = await api.post<Consultation>('/consultations', { orgId: v.orgId, ...body(v) });
        navigate(`/participation/${created.id}`);
      } else {
        await api.put(`/consultations/${c.id}`, body(v));
        form.resetFields();
        await reload();
      }
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!c) return;
    if (form.isFieldsTouched() && !(await save())) return;
    setBusy(true);
    try {
      await api.post(`/consultations/${c.id}/publish`);
      await reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const initial: Values = c
    ? { title: c.title, draft: c.draft, explanation: c.explanation, channels: c.channels, startsOn: dayjs(c.startsOn), endsOn: dayjs(c.endsOn), shortPeriodReason: c.shortPeriodReason }
    : { orgId: user?.orgId, title: '', draft: '', startsOn: dayjs(), endsOn: dayjs().add(MIN_PERIOD_DAYS - 1, 'day') };

  return (
    <Form form={form} layout="vertical" initialValues={initial} disabled={!editable} key={c ? `${c.id}-${c.endsOn}-${c.published}` : 'new'}>
      {locked && editable ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已发布：标题、草案和开始日期不能再修改；截止日期只能延后，不能早于${chineseDate(c!.endsOn)}。如需修改草案，请另行发起征求意见。`}
        />
      ) : null}
      {c === null ? (
        <Form.Item name="orgId" label="起草单位" rules={[{ required: true, message: '请选择起草单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
      ) : null}
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={200} disabled={locked} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Form.Item name="draft" label="征求意见稿全文" extra="纯文本，每条（第一条、第二条……）或每段另起一行；右侧是门户网站上的条款编号，公众按此编号提意见。" rules={[{ required: true, message: '请填写征求意见稿全文' }]}>
            <Input.TextArea rows={14} disabled={locked} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            条款划分
          </Typography.Paragraph>
          <ClausePreview draft={draft} />
        </Col>
      </Row>
      <Form.Item name="explanation" label="起草说明">
        <Input.TextArea rows={4} maxLength={20_000} />
      </Form.Item>
      <Form.Item name="channels" label="其他提交意见的方式" extra="门户网站的意见表始终可用；这里填写信函、电子邮件等其他方式，每种一行。">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Space wrap size="large" align="start" style={{ display: 'flex' }}>
        <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker disabled={locked} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label="截止日期"
          rules={[{ required: true, message: '请选择截止日期' }]}
          extra={locked ? '已发布，只能延后' : undefined}
        >
          <DatePicker disabledDate={locked ? (d) => d.isBefore(dayjs(c!.endsOn), 'day') : undefined} />
        </Form.Item>
        <Form.Item label="期限">
          <Typography.Text data-testid="period-days">{days === null ? '—' : `共 ${days} 天`}</Typography.Text>
        </Form.Item>
      </Space>
      {short ? (
        <Form.Item
          name="shortPeriodReason"
          label="期限少于30日的理由"
          required
          extra="征求意见期限一般不少于30日；少于30日的，须说明理由，理由将在门户网站向社会公开。"
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" data-testid="form-error" style={{ marginBottom: 16 }} /> : null}
      {editable ? (
        <Space style={{ display: 'flex' }}>
          <Button onClick={save} loading={spinnerWhile(busy)}>
            {c === null ? '保存草稿' : '保存'}
          </Button>
          {c && !c.published ? (
            <Button
              type="primary"
              loading={spinnerWhile(busy)}
              onClick={() =>
                modal.confirm({ title: '发布征求意见', content: '发布后公众即可在门户网站阅读并提交意见，标题、草案和开始日期不能再修改。确定发布吗？', okText: '确定', cancelText: '取消', onOk: publish })
              }
            >
              发布
            </Button>
          ) : null}
        </Space>
      ) : null}
    </Form>
  );
}
