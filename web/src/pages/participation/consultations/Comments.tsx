// The comments received, as those who handle them see them: clause, text (as text, never as HTML),
// sender, moderation (公开 / 不予公开 with a note) and — after the period — the disposition with its
// reason and topic. Filtered by moderation state and by disposition.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, AutoComplete, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { DISPOSITION_LABELS, DISPOSITIONS, MODERATION_LABELS, type CommentDisposition, type ModerationState } from '../../../../../src/domain/consultation';
import { api } from '../../../api';
import { chineseDate } from '../../../format';
import type { Consultation, StaffComment } from './types';

const MODERATION_COLORS: Readonly<Record<ModerationState, string>> = { pending: 'warning', published: 'success', rejected: 'default' };
const DISPOSITION_COLORS: Readonly<Record<CommentDisposition, string>> = { adopted: 'success', partly_adopted: 'processing', not_adopted: 'default' };

type Dialog = { kind: 'reject' | 'dispose'; comment: StaffComment } | null;

const clauseLabel = (m: StaffComment) => (m.clause === null ? '草案整体' : `第 ${m.clause} 条`);

export function CommentsTab({ c, active, reload }: { c: Consultation; active: boolean; reload: () => Promise<void> }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<StaffComment[]>([]);
  const [loading, setLoading] = useState(false);
  const [moderation, setModeration] = useState<ModerationState | undefined>();
  const [disposition, setDisposition] = useState<CommentDisposition | 'none' | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ note?: string; disposition?: CommentDisposition; reason?: string; topic?: string }>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api.get<{ items: StaffComment[] }>(`/consultations/${c.id}/comments`)).items);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, [c.id, message]);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const changeable = !c.reportPublishedOn;
  // Dispositions come after the period: the comments are summarised once all are in.
  const disposable = changeable && c.phase === 'closed';

  const send = async (comment: StaffComment, path: string, body: object) => {
    await api.post(`/consultations/${c.id}/comments/${comment.id}/${path}`, body);
    await Promise.all([load(), reload()]);
  };
  const publishComment = (m: StaffComment) => send(m, 'moderation', { moderation: 'published' }).catch((err: Error) => message.error(err.message));

  const open = (kind: 'reject' | 'dispose', comment: StaffComment) => {
    setError(null);
    setDialog({ kind, comment });
  };
  const submit = async () => {
    if (!dialog) return;
    const v = form.getFieldsValue();
    try {
      if (dialog.kind === 'reject') await send(dialog.comment, 'moderation', { moderation: 'rejected', note: v.note ?? '' });
      else {
        if (!v.disposition) return setError('请选择采纳情况');
        await send(dialog.comment, 'disposition', { disposition: v.disposition, reason: v.reason ?? '', topic: v.topic ?? '' });
      }
      setDialog(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const topics = [...new Set(items.map((m) => m.topic).filter(Boolean))].map((value) => ({ value }));
  const shown = items.filter((m) => (!moderation || m.moderation === moderation) && (!disposition || (disposition === 'none' ? m.moderation === 'published' && !m.disposition : m.disposition === disposition)));

  return (
    <>
      {c.phase === 'open' || c.phase === 'upcoming' ? (
        <Typography.Paragraph type="secondary">征求意见期间可以审核意见；征求意见结束后逐条作出采纳处理。</Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="comment-moderation">审核状态</label>
        <Select<ModerationState>
          id="comment-moderation"
          showSearch
          optionFilterProp="label"
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          value={moderation}
          onChange={setModeration}
          options={(Object.keys(MODERATION_LABELS) as ModerationState[]).map((value) => ({ value, label: MODERATION_LABELS[value] }))}
        />
        <label htmlFor="comment-disposition">采纳情况</label>
        <Select<CommentDisposition | 'none'>
          id="comment-disposition"
          showSearch
          optionFilterProp="label"
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          value={disposition}
          onChange={setDisposition}
          options={[{ value: 'none' as const, label: '未处理' }, ...DISPOSITIONS.map((value) => ({ value, label: DISPOSITION_LABELS[value] }))]}
        />
      </Space>
      <Table<StaffComment>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '没有意见' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          { title: '条款', width: 100, render: (_, m) => clauseLabel(m) },
          // React writes the text as text: a comment's HTML never becomes markup here.
          { title: '意见内容', render: (_, m) => <span style={{ whiteSpace: 'pre-wrap' }} data-testid="comment-body">{m.body}</span> },
          {
            title: '提交人',
            width: 150,
            render: (_, m) => (m.sender.name || m.sender.contact ? <span>{[m.sender.name, m.sender.contact].filter(Boolean).join('，')}</span> : <Typography.Text type="secondary">未留姓名</Typography.Text>),
          },
          { title: '收到日期', width: 130, render: (_, m) => chineseDate(m.receivedOn) },
          {
            title: '审核',
            width: 200,
            render: (_, m) => (
              <Space orientation="vertical" size={4}>
                <Tag color={MODERATION_COLORS[m.moderation]}>{m.moderationLabel}</Tag>
                {m.moderationNote ? <Typography.Text type="secondary">{m.moderationNote}</Typography.Text> : null}
                {changeable ? (
                  <Space size={4}>
                    {m.moderation !== 'published' ? (
                      <Button size="small" autoInsertSpace={false} onClick={() => publishComment(m)} aria-label={`公开第 ${m.id} 号意见`}>
                        公开
                      </Button>
                    ) : null}
                    {m.moderation !== 'rejected' ? (
                      <Button size="small" onClick={() => open('reject', m)} aria-label={`不予公开第 ${m.id} 号意见`}>
                        不予公开
                      </Button>
                    ) : null}
                  </Space>
                ) : null}
              </Space>
            ),
          },
          {
            title: '采纳情况',
            width: 240,
            render: (_, m) =>
              m.moderation !== 'published' ? (
                '—'
              ) : (
                <Space orientation="vertical" size={4}>
                  {m.disposition ? <Tag color={DISPOSITION_COLORS[m.disposition]}>{m.dispositionLabel}</Tag> : <Tag>未处理</Tag>}
                  {m.topic ? <Typography.Text type="secondary">归类：{m.topic}</Typography.Text> : null}
                  {m.reason ? <span style={{ whiteSpace: 'pre-wrap' }}>{m.reason}</span> : null}
                  {disposable ? (
                    <Button size="small" onClick={() => open('dispose', m)} aria-label={`${m.disposition ? '修改处理' : '采纳处理'}第 ${m.id} 号意见`}>
                      {m.disposition ? '修改处理' : '采纳处理'}
                    </Button>
                  ) : null}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={dialog?.kind === 'reject' ? `不予公开第 ${dialog.comment.id} 号意见` : `第 ${dialog?.comment.id ?? ''} 号意见的采纳处理`}
        open={dialog !== null}
        onOk={submit}
        onCancel={() => setDialog(null)}
        okText="确定"
        cancelText="取消"
        destroyOnHidden
      >
        {dialog ? (
          <Typography.Paragraph>
            <Typography.Text type="secondary">{clauseLabel(dialog.comment)}：</Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }}>{dialog.comment.body}</span>
          </Typography.Paragraph>
        ) : null}
        <Form
          form={form}
          layout="vertical"
          key={dialog ? `${dialog.kind}-${dialog.comment.id}` : 'none'}
          initialValues={dialog ? { note: dialog.comment.moderationNote, disposition: dialog.comment.disposition ?? undefined, reason: dialog.comment.reason, topic: dialog.comment.topic } : {}}
        >
          {dialog?.kind === 'reject' ? (
            <Form.Item name="note" label="不予公开的原因" required extra="如含有辱骂、广告或与征求意见无关的内容；原因不公开，留存备查。">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="disposition" label="采纳情况" required>
                <Radio.Group options={DISPOSITIONS.map((value) => ({ value, label: DISPOSITION_LABELS[value] }))} />
              </Form.Item>
              <Form.Item name="reason" label="理由或采纳方式" extra="部分采纳、未采纳的须说明理由；随采纳情况向社会公开。">
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="topic" label="归类（可选）" extra="把同类意见归在一起，如：补贴标准">
                <AutoComplete options={topics} maxLength={100} />
              </Form.Item>
            </>
          )}
        </Form>
        {error ? <Alert type="error" showIcon title={error} role="alert" data-testid="dialog-error" /> : null}
      </Modal>
    </>
  );
}
