// One 列席 meeting in the workbench: its fields, its representatives with the switch for their consent
// to be named on the portal (and how the portal will show them), their opinions and the handling of
// each, and publishing. Once published the record stays as the public read it; the handling and the
// consent still change, and 撤回发布 (with a reason) reopens the record for a correction.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api';
import { useChangeRunner } from '../../../hooks/useChangeRunner';
import { useRecord } from '../../../hooks/useRecord';
import { chineseDate, isoDay } from '../../../format';
import { navigate } from '../../../router';
import { MeetingFieldsForm, meetingBody, type MeetingFormValues } from './MeetingFields';
import { meetingsRoute, type Meeting, type Opinion, type Representative } from './types';
import { spinnerWhile } from '../../../spinner';

type Dialog = { kind: 'representative' } | { kind: 'opinion' } | { kind: 'handling'; opinion: Opinion } | { kind: 'withdraw' } | null;

export function MeetingEditor({ id }: { id: number }) {
  const { data: meeting, load, show } = useRecord<Meeting>(`/meetings/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<MeetingFormValues>();

  // The form shows the meeting as last loaded (after every save too).
  useEffect(() => {
    if (meeting) form.setFieldsValue({ title: meeting.title, heldOn: dayjs(meeting.heldOn), topics: meeting.topics, selection: meeting.selection });
  }, [meeting, form]);

  const run = useChangeRunner(load);
  if (!meeting) return null;
  const m = meeting;
  const draft = m.canManage && !m.published;
  const close = () => setDialog(null);

  const save = async () => {
    const v = await form.validateFields();
    await run(() => api.put(`/meetings/${id}`, meetingBody(v)), '已保存');
  };
  const consent = (r: Representative, namePublic: boolean) =>
    run(() => api.put(`/meetings/${id}/representatives/${r.id}`, { name: r.name, capacity: r.capacity, namePublic }), namePublic ? `已改为公开${r.name}的姓名` : `已改为不公开${r.name}的姓名`);
  const representative = (rid: number) => m.representatives.find((r) => r.id === rid);

  return (
    <Card
      title={
        <Space wrap>
          <a href={`#${meetingsRoute}`}>列席会议</a>/<span>{m.title}</span>
          {m.published ? <Tag color="success">已发布</Tag> : <Tag>未发布</Tag>}
        </Space>
      }
      extra={
        m.canManage ? (
          <Space>
            {m.published ? (
              <Button onClick={() => setDialog({ kind: 'withdraw' })}>撤回发布</Button>
            ) : (
              <>
                <Popconfirm title="删除这次会议及其代表和意见？" okText="删除" cancelText="取消" onConfirm={() => run(() => api.delete(`/meetings/${id}`)).then(() => navigate(meetingsRoute))}>
                  <Button danger>删除</Button>
                </Popconfirm>
                <Popconfirm
                  title="发布到门户网站？"
                  description="发布后会议记录不再修改；办理情况和代表是否公开姓名仍可随时更改。"
                  okText="发布"
                  cancelText="取消"
                  onConfirm={() => run(() => api.post(`/meetings/${id}/publish`), '已发布到门户网站')}
                >
                  <Button type="primary">发布</Button>
                </Popconfirm>
              </>
            )}
          </Space>
        ) : null
      }
    >
      {m.published ? (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          message={
            <span>
              已于 {chineseDate(m.publishedOn)} 发布。会议记录不再修改；意见的办理情况和代表是否公开姓名可随时更改，更改后即在门户公开。如需更正会议记录，请先撤回发布。
              <a href={`/zfxxgk/lxhy/${m.id}`} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }}>
                在门户查看
              </a>
            </span>
          }
        />
      ) : null}

      <Typography.Title level={5}>会议信息（{m.org.name}）</Typography.Title>
      <MeetingFieldsForm form={form} disabled={!draft} />
      {draft ? (
        <Button onClick={save} style={{ marginBottom: 24 }}>
          保存会议信息
        </Button>
      ) : null}

      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Typography.Title level={5}>列席代表</Typography.Title>
        {draft ? <Button onClick={() => setDialog({ kind: 'representative' })}>登记代表</Button> : null}
      </Space>
      <Table<Representative>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.representatives}
        scroll={{ x: 700 }}
        locale={{ emptyText: '尚未登记列席代表' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '身份', dataIndex: 'capacity', width: 180 },
          {
            title: '同意公开姓名',
            width: 120,
            render: (_, r) => <Switch aria-label={`${r.name}同意公开姓名`} checked={r.namePublic} disabled={!m.canManage} onChange={(on) => consent(r, on)} />,
          },
          { title: '门户显示为', dataIndex: 'publicLabel' },
          {
            title: '操作',
            width: 90,
            render: (_, r) =>
              draft ? (
                <Popconfirm title={`删除${r.name}及其意见？`} okText="删除" cancelText="取消" onConfirm={() => run(() => api.delete(`/meetings/${id}/representatives/${r.id}`), '已删除')}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />

      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 24 }}>
        <Typography.Title level={5}>代表意见及办理情况</Typography.Title>
        {draft && m.representatives.length ? <Button onClick={() => setDialog({ kind: 'opinion' })}>登记意见</Button> : null}
      </Space>
      <Table<Opinion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.opinions}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚未登记代表意见' }}
        columns={[
          { title: '序号', width: 60, render: (_, __, i) => i + 1 },
          {
            title: '提出人',
            width: 170,
            render: (_, o) => {
              const r = representative(o.representativeId);
              return r ? `${r.name}（${r.capacity}）` : '';
            },
          },
          { title: '意见', dataIndex: 'opinion', render: (v: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v}</Typography.Paragraph> },
          {
            title: '办理情况',
            render: (_, o) =>
              o.handled ? (
                <div data-testid={`handling-${o.id}`}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.handling}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {chineseDate(o.handledOn)} · {o.handledBy?.orgName} {o.handledBy?.name}
                  </Typography.Text>
                </div>
              ) : (
                <Tag color="warning">待办理</Tag>
              ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, o) =>
              m.canManage ? (
                <Space size="small">
                  <Button size="small" onClick={() => setDialog({ kind: 'handling', opinion: o })} aria-label={`${o.handled ? '修改' : '登记'}第 ${m.opinions.indexOf(o) + 1} 条意见的办理情况`}>
                    {o.handled ? '修改办理' : '办理'}
                  </Button>
                  {draft ? (
                    <Popconfirm title="删除这条意见？" okText="删除" cancelText="取消" onConfirm={() => run(() => api.delete(`/meetings/${id}/opinions/${o.id}`), '已删除')}>
                      <Button size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />

      {dialog?.kind === 'representative' ? <RepresentativeDialog id={id} onDone={(v) => (close(), show(v))} onCancel={close} /> : null}
      {dialog?.kind === 'opinion' ? <OpinionDialog meeting={m} onDone={(v) => (close(), show(v))} onCancel={close} /> : null}
      {dialog?.kind === 'handling' ? <HandlingDialog meeting={m} opinion={dialog.opinion} onDone={(v) => (close(), show(v))} onCancel={close} /> : null}
      {dialog?.kind === 'withdraw' ? <WithdrawDialog id={id} onDone={(v) => (close(), show(v))} onCancel={close} /> : null}
    </Card>
  );
}

type Done = { onDone(m: Meeting): void; onCancel(): void };

/**
 * A dialog whose form is sent to the API: on success it says `done` and hands the meeting as it now is
 * to onDone; the server's refusal shows in the dialog and keeps it open with what was typed.
 */
function FormDialog<T extends object>(props: { name: string; title: string; okText: string; done: string; send(v: T): Promise<Meeting>; children: React.ReactNode; form: ReturnType<typeof Form.useForm<T>>[0] } & Done) {
  const { name, title, okText, done, send, children, form, onDone, onCancel } = props;
  const { message } = App.useApp();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      onDone(await send(v));
      message.success(done);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} open onOk={submit} onCancel={onCancel} okText={okText} cancelText="取消" okButtonProps={{ loading: spinnerWhile(busy) }} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form form={form} name={name} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

function RepresentativeDialog({ id, onDone, onCancel }: { id: number } & Done) {
  const [form] = Form.useForm<{ name: string; capacity: string; namePublic: boolean }>();
  return (
    <FormDialog
      name="meeting-representative"
      title="登记列席代表"
      okText="登记"
      form={form}
      onDone={onDone}
      onCancel={onCancel}
      send={(v) => api.post<Meeting>(`/meetings/${id}/representatives`, { name: v.name, capacity: v.capacity, namePublic: v.namePublic ?? false })}
      done="已登记代表"
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写代表姓名' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="capacity" label="身份" rules={[{ required: true, whitespace: true, message: '请填写代表身份' }]} extra="如 市民代表、县人大代表、县政协委员、专家、媒体记者；始终公开">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="namePublic" label="本人同意在门户网站公开姓名" valuePropName="checked" initialValue={false} extra="未同意的，门户只显示身份，如“市民代表（未公开姓名）”">
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}

function OpinionDialog({ meeting, onDone, onCancel }: { meeting: Meeting } & Done) {
  const [form] = Form.useForm<{ representativeId: number; opinion: string }>();
  return (
    <FormDialog
      name="meeting-opinion"
      title="登记代表意见"
      okText="登记"
      form={form}
      onDone={onDone}
      onCancel={onCancel}
      send={(v) => api.post<Meeting>(`/meetings/${meeting.id}/opinions`, v)}
      done="已登记意见"
    >
      <Form.Item name="representativeId" label="提出意见的代表" rules={[{ required: true, message: '请选择代表' }]}>
        <Select showSearch optionFilterProp="label" options={meeting.representatives.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}）` }))} />
      </Form.Item>
      <Form.Item name="opinion" label="意见内容" rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}>
        <Input.TextArea rows={5} maxLength={5000} />
      </Form.Item>
    </FormDialog>
  );
}

function HandlingDialog({ meeting, opinion, onDone, onCancel }: { meeting: Meeting; opinion: Opinion } & Done) {
  const [form] = Form.useForm<{ handling: string; handledOn: Dayjs }>();
  return (
    <FormDialog
      name="meeting-handling"
      title="意见办理情况"
      okText="保存"
      form={form}
      onDone={onDone}
      onCancel={onCancel}
      send={(v) => api.post<Meeting>(`/meetings/${meeting.id}/opinions/${opinion.id}/handling`, { handling: v.handling, handledOn: isoDay(v.handledOn) })}
      done={meeting.published ? '已保存，门户同步公开' : '已保存'}
    >
      <Typography.Paragraph type="secondary">意见：{opinion.opinion}</Typography.Paragraph>
      <Form.Item name="handling" label="办理情况" initialValue={opinion.handling} rules={[{ required: true, whitespace: true, message: '请填写办理情况' }]} extra="如 已采纳及落实情况；未采纳的说明理由">
        <Input.TextArea rows={5} maxLength={5000} />
      </Form.Item>
      <Form.Item name="handledOn" label="办理日期" initialValue={opinion.handledOn ? dayjs(opinion.handledOn) : dayjs()} rules={[{ required: true, message: '请选择办理日期' }]}>
        <DatePicker />
      </Form.Item>
    </FormDialog>
  );
}

function WithdrawDialog({ id, onDone, onCancel }: { id: number } & Done) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormDialog
      name="meeting-withdraw"
      title="撤回发布"
      okText="撤回"
      form={form}
      onDone={onDone}
      onCancel={onCancel}
      send={(v) => api.post<Meeting>(`/meetings/${id}/withdraw`, v)}
      done="已从门户撤回，可更正后重新发布"
    >
      <Typography.Paragraph>撤回后门户不再显示这次会议；更正会议记录后可重新发布。</Typography.Paragraph>
      <Form.Item name="reason" label="撤回原因" rules={[{ required: true, whitespace: true, message: '请说明撤回发布的原因' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
