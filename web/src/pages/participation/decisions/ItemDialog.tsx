// The dialogs that change a catalogue's items: add or change an item (序号, 决策事项, 承办单位 under the
// government, 决策依据, 计划完成时间) and take one out. Once the catalogue is published each asks the
// reason, which the portal shows with the change. A refusal stays in the dialog, in the server's words.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { api } from '../../../api';
import type { Catalog, ItemRow } from './types';

/** Sends the change; a refusal is thrown back to the dialog, which shows it. */
export type RunChange = (change: () => Promise<unknown>, done: string) => Promise<void>;

/** The server's refusal inside a dialog, for the person to correct what they typed. */
export function useRefusal() {
  const [error, setError] = useState<string | null>(null);
  const attempt = async (send: () => Promise<void>) => {
    setError(null);
    try {
      await send();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const shown = error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null;
  return { attempt, shown };
}

const REASON_HINT = '目录已公布：调整理由将与调整内容一并向社会公布';

export function ItemDialog({ catalog, item, onDone, onCancel }: { catalog: Catalog; item: ItemRow | null; onDone: RunChange; onCancel: () => void }) {
  const [form] = Form.useForm();
  const refusal = useRefusal();
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    void api.get<{ items: { id: number; name: string }[] }>(`/decision-catalogs/${catalog.id}/undertakers`).then((r) => setOrgs(r.items));
  }, [catalog.id]);
  useEffect(() => {
    form.setFieldsValue(
      item
        ? { seq: item.seq, name: item.name, undertakingOrgId: item.undertakingOrg.id, basis: item.basis, plannedTime: item.plannedTime }
        : { seq: Math.max(0, ...catalog.items.map((i) => i.seq)) + 1 },
    );
  }, [form, item, catalog.items]);

  const send = async () => {
    const v = await form.validateFields();
    const body = { seq: v.seq, name: v.name, undertakingOrgId: v.undertakingOrgId, basis: v.basis ?? '', plannedTime: v.plannedTime ?? '', ...(catalog.published ? { reason: v.reason } : {}) };
    await refusal.attempt(() => onDone(() => (item ? api.put(`/decisions/${item.id}`, body) : api.post(`/decision-catalogs/${catalog.id}/items`, body)), item ? '已修改' : '已新增事项'));
  };

  return (
    <Modal title={item ? '修改决策事项' : '新增决策事项'} open onOk={send} onCancel={onCancel} okText="确定" cancelText="取消" destroyOnHidden width={640}>
      {refusal.shown}
      <Form form={form} layout="vertical" name="decision-item">
        <Form.Item name="seq" label="序号" rules={[{ required: true, message: '请填写序号' }]}>
          <InputNumber min={1} max={999} />
        </Form.Item>
        <Form.Item name="name" label="决策事项" rules={[{ required: true, whitespace: true, message: '请填写决策事项名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="undertakingOrgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select showSearch optionFilterProp="label" options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="basis" label="决策依据">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="plannedTime" label="计划完成时间" extra="如 2026年9月、2026年第三季度">
          <Input maxLength={50} />
        </Form.Item>
        {catalog.published ? (
          <Form.Item name="reason" label="调整理由" extra={REASON_HINT} rules={[{ required: true, whitespace: true, message: '目录已公布，请填写调整理由' }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export function RemoveDialog({ catalog, item, onDone, onCancel }: { catalog: Catalog; item: ItemRow; onDone: RunChange; onCancel: () => void }) {
  const [form] = Form.useForm();
  const refusal = useRefusal();
  const send = async () => {
    const v: { reason?: string } = catalog.published ? await form.validateFields() : {};
    await refusal.attempt(() => onDone(() => api.post(`/decisions/${item.id}/removal`, catalog.published ? { reason: v.reason } : {}), catalog.published ? '已调出目录' : '已删除'));
  };
  return (
    <Modal title={catalog.published ? '调出目录' : '删除事项'} open onOk={send} onCancel={onCancel} okText="确定" cancelText="取消" destroyOnHidden>
      {refusal.shown}
      <Typography.Paragraph>
        {item.seq}. {item.name}（{item.undertakingOrg.name}）
      </Typography.Paragraph>
      {catalog.published ? (
        <Form form={form} layout="vertical" name="decision-removal">
          <Form.Item name="reason" label="调出理由" extra={REASON_HINT} rules={[{ required: true, whitespace: true, message: '请填写调出理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Paragraph>目录尚未公布，该事项将直接删除。</Typography.Paragraph>
      )}
    </Modal>
  );
}
