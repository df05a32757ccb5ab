// Hearings (听证会) held on the draft: when, where, how the participants were chosen, who took part
// and what was heard; each is shown on the consultation's portal page.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api';
import { chineseDate, isoDay } from '../../../format';
import type { Consultation, Hearing } from './types';

interface Values {
  heldOn: Dayjs;
  place: string;
  selection: string;
  participants?: string;
  record?: string;
}

const multiline = (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</span>;

export function HearingsTab({ c, reload }: { c: Consultation; reload: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const add = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.post(`/consultations/${c.id}/hearings`, { heldOn: isoDay(v.heldOn), place: v.place, selection: v.selection, participants: v.participants ?? '', record: v.record ?? '' });
      setOpen(false);
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <>
      <Table<Hearing>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.hearings}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚未登记听证会' }}
        columns={[
          { title: '日期', width: 140, render: (_, h) => chineseDate(h.heldOn) },
          { title: '地点', dataIndex: 'place', width: 200 },
          { title: '参加人产生方式', render: (_, h) => multiline(h.selection) },
          { title: '参加人', render: (_, h) => multiline(h.participants) },
          { title: '听证情况', render: (_, h) => multiline(h.record) },
        ]}
      />
      {c.canManage && !c.reportPublishedOn ? (
        <Button style={{ marginTop: 16 }} onClick={() => (setError(null), form.resetFields(), setOpen(true))}>
          登记听证会
        </Button>
      ) : null}
      <Modal title="登记听证会" open={open} onOk={add} onCancel={() => setOpen(false)} okText="登记" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="heldOn" label="听证日期" rules={[{ required: true, message: '请选择听证日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="selection" label="参加人产生方式" extra="如：自愿报名、随机抽取、邀请" rules={[{ required: true, message: '请填写参加人产生方式' }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="participants" label="参加人" extra="在门户网站公开；只写同意公开姓名的参加人姓名">
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item name="record" label="听证情况" extra="听证会举行后填写">
            <Input.TextArea rows={3} maxLength={20_000} />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
      </Modal>
    </>
  );
}
