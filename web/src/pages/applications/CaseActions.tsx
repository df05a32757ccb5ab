// The steps a case allows in its status, each a small form in a dialog: the fact's date defaults to
// today, irreversible steps ask once more, the server's refusal is shown in the dialog as it says it.
// A step that has a letter (correction notice, extension, consultation of a third party, fee notice,
// reply) hands the case page the letter to offer next.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { OUTCOME_GROUPS } from '../../../../src/domain/application-outcomes';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { chinaToday } from './shared';
import type { CaseDetail, FormOptions, HandlingStaff, LetterKind, Registered, TimelineEvent } from './types';
import { spinnerWhile } from '../../spinner';

export type Values = Record<string, unknown>;
type Choice = { value: string | number; label: string };

export interface ActionField {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'number' | 'select' | 'radio';
  /** Required always, or depending on the other values. */
  required?: boolean | ((v: Values) => boolean);
  /** Shown only when this says so. */
  when?: (v: Values) => boolean;
  max?: number;
  min?: number;
  /** Flat, or grouped (a select of outcomes by the groups of table 三). */
  options?: Choice[] | { label: string; options: Choice[] }[];
  initial?: unknown;
  help?: string;
  placeholder?: string;
  /** Part of the path, not of the body. */
  inPath?: boolean;
}

export interface CaseAction {
  key: string;
  label: string;
  /** POST /applications/:id/<path>; a function when the path carries a value of the form. */
  path: string | ((v: Values) => string);
  fields: ActionField[];
  /** Asked once more before sending: the step cannot be undone. */
  confirm?: string;
  /** A line above the form (the rule, the deadline). */
  intro?: ReactNode;
  /** The letter this step calls for, if any. */
  letter?: LetterKind | ((v: Values) => LetterKind | null);
  danger?: boolean;
  /** Sent with the form's values. */
  fixed?: Values;
}

const date = (name = 'on', label = '日期'): ActionField => ({ name, label, type: 'date', required: true, initial: 'today' });
const has = (events: TimelineEvent[], kind: string) => events.some((e) => e.kind === kind);
const OPEN = ['registered', 'in_progress'];

/** The answer still owed for each consultation sent. */
export function openConsultations(events: TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.kind === 'consultation_sent' && !events.some((a) => a.kind === 'consultation_answered' && a.data.sentEventId === e.id));
}

/** Outcomes a reply may record: the two lapses are recorded by their own steps. */
function replyOutcomes(options: FormOptions) {
  return OUTCOME_GROUPS.map((g) => ({
    label: g.label,
    options: options.outcomes.filter((o) => o.group === g.group && o.value !== 'other.no_correction' && o.value !== 'other.unpaid_fee').map((o) => ({ value: o.value, label: o.label })),
  })).filter((g) => g.options.length > 0);
}

/** The steps open to this user on this case now, in the order of handling. */
export function availableActions(kase: CaseDetail, options: FormOptions, staff: HandlingStaff | null, userId: number): CaseAction[] {
  const ev = kase.timeline;
  const p = kase.permissions;
  const open = OPEN.includes(kase.status);
  const deadlines = kase.clock?.deadlines;
  const list: CaseAction[] = [];
  const add = (cond: boolean, a: CaseAction) => cond && list.push(a);
  const colleagues = (staff?.staff ?? []).filter((s) => s.orgId === kase.orgId).map((s) => ({ value: s.id, label: s.name }));
  const basisRequired = (v: Values) => options.outcomes.find((o) => o.value === v.outcome)?.basisRequired ?? false;

  add(open && p.assign, { key: 'assign', label: kase.assigneeId ? '改派承办人' : '分配承办人', path: 'assign', fields: [{ name: 'assigneeId', label: '承办人', type: 'select', options: colleagues, required: true }, date('on', '分配日期')] });
  add(open && p.handle && !p.assign && kase.assigneeId === null, { key: 'claim', label: '认领', path: 'assign', intro: '由本人承办该申请。', fields: [date('on', '认领日期')], fixed: { assigneeId: userId } });

  const noticeSent = has(ev, 'correction_notice');
  const corrected = has(ev, 'correction_received');
  add(open && p.handle && !noticeSent, {
    key: 'correction-notice',
    label: '告知补正',
    path: 'correction-notice',
    intro: deadlines ? `条例第三十条：补正通知应当自收到申请之日起 7 个工作日内一次性发出，本申请最迟为${chineseDate(deadlines.correctionNoticeLastDay)}。` : undefined,
    fields: [
      { name: 'items', label: '需要补正的事项', type: 'textarea', max: 1000, required: true, placeholder: '如：请写明所需文件的名称、文号或者发布机关、发布时间等' },
      { name: 'periodDays', label: '补正期限（工作日，不填按默认设置）', type: 'number', min: 1, max: 60 },
      date('on', '补正通知发出日期'),
    ],
    confirm: '补正依法只能一次性告知，发出后不能再次告知。确定发出补正通知吗？',
    letter: 'correction_notice',
  });
  add(open && p.handle && noticeSent && !corrected, {
    key: 'correction-received',
    label: '登记收到补正',
    path: 'correction-received',
    intro: '答复期限自收到补正申请之日起重新计算。',
    fields: [date('on', '收到补正申请的日期'), { name: 'note', label: '补正内容说明', type: 'textarea', max: 1000 }],
  });
  // Offered once the clock says the period ran out (the server checks it again).
  add(open && p.handle && kase.clock?.ended?.outcome === 'other.no_correction', {
    key: 'correction-lapsed',
    label: '登记逾期未补正',
    path: 'correction-lapsed',
    danger: true,
    intro: deadlines?.correctionLastDay ? `补正期限至${chineseDate(deadlines.correctionLastDay)}。期满未补正的，本申请以“其他处理·逾期不补正”办结。` : undefined,
    fields: [],
    confirm: '登记后本申请即以“其他处理·逾期不补正”办结，不能撤销。确定吗？',
  });

  add(open && p.handle, {
    key: 'consultation',
    label: '征求意见',
    path: 'consultations',
    intro: '条例第三十二、三十四条：征求意见的期间不计入答复期限；对方自收到之日起 15 个工作日内提出意见。',
    fields: [
      { name: 'consultation', label: '征求意见的对象', type: 'radio', required: true, initial: 'third_party', options: [{ value: 'third_party', label: '第三方' }, { value: 'other_agency', label: '其他行政机关' }] },
      { name: 'party', label: '单位或者个人名称', type: 'text', max: 100, required: true },
      { name: 'subject', label: '征求意见的事项', type: 'textarea', max: 1000 },
      date('on', '征求意见函发出日期'),
    ],
    letter: (v) => (v.consultation === 'third_party' ? 'consultation_letter' : null),
  });
  const waiting = openConsultations(ev);
  add(open && p.handle && waiting.length > 0, {
    key: 'consultation-answer',
    label: '登记征求意见的答复',
    path: (v) => `consultations/${String(v.sentEventId)}/answer`,
    fields: [
      { name: 'sentEventId', label: '哪一次征求意见', type: 'select', required: true, inPath: true, initial: waiting[0]?.id, options: waiting.map((e) => ({ value: e.id, label: `${chineseDate(e.on)} ${String(e.data.party ?? '')}` })) },
      { name: 'gist', label: '答复要点（仅内部可见）', type: 'textarea', max: 2000, required: true },
      date('on', '收到答复的日期'),
    ],
  });
  add(open && p.handle, {
    key: 'joint-review',
    label: '会商',
    path: 'joint-review',
    fields: [{ name: 'parties', label: '会商单位', type: 'text', max: 200, required: true }, { name: 'note', label: '会商意见', type: 'textarea', max: 2000, required: true }, date('on', '会商日期')],
  });
  add(open && p.legalReview, {
    key: 'legal-review',
    label: '法制审核',
    path: 'legal-review',
    fields: [
      { name: 'decision', label: '审核意见', type: 'radio', required: true, initial: 'approved', options: [{ value: 'approved', label: '同意' }, { value: 'returned', label: '退回修改' }] },
      { name: 'note', label: '审核说明（退回时必填）', type: 'textarea', max: 2000, required: (v) => v.decision === 'returned' },
      date('on', '审核日期'),
    ],
  });
  // Offered to handlers too: the server says who may approve (条例第三十三条第二款).
  add(open && (p.handle || p.extend), {
    key: 'extension',
    label: '延长答复期限',
    path: 'extension',
    intro: '条例第三十三条第二款：延长答复期限须经政府信息公开工作机构负责人同意，合计不超过 20 个工作日，并书面告知申请人。',
    fields: [
      { name: 'days', label: '延长的工作日数', type: 'number', min: 1, max: 20, required: true },
      { name: 'reason', label: '延期理由', type: 'textarea', max: 1000, required: true },
      date('on', '批准日期'),
    ],
    letter: 'extension_notice',
  });

  const feeSent = has(ev, 'fee_notice');
  const feePaid = has(ev, 'fee_paid');
  add(open && p.handle && !feeSent, {
    key: 'fee-notice',
    label: '收费通知',
    path: 'fee-notice',
    intro: '《政府信息公开信息处理费管理办法》：按件计收按申请人本月申请件数自动计算；按量计收按页数累进计算。自发出收费通知至缴费之日不计入答复期限。',
    fields: [
      { name: 'scheme', label: '计收方式', type: 'radio', required: true, initial: 'per_application', options: [{ value: 'per_application', label: '按件计收' }, { value: 'per_page', label: '按量计收' }] },
      { name: 'pages', label: '页数', type: 'number', min: 1, max: 1000000, required: true, when: (v) => v.scheme === 'per_page' },
      date('on', '收费通知发出日期'),
    ],
    confirm: '每件申请只能发出一次收费通知。确定发出吗？',
    letter: 'fee_notice',
  });
  add(open && p.handle && feeSent && !feePaid, { key: 'fee-paid', label: '登记缴费', path: 'fee-paid', fields: [date('on', '缴费日期')] });
  add(open && p.handle && kase.clock?.ended?.outcome === 'other.unpaid_fee', {
    key: 'fee-lapsed',
    label: '登记逾期未缴费',
    path: 'fee-lapsed',
    danger: true,
    intro: deadlines?.feePaymentLastDay ? `缴费期限至${chineseDate(deadlines.feePaymentLastDay)}。期满未缴费的，本申请以“其他处理·逾期未缴费”办结。` : undefined,
    fields: [],
    confirm: '登记后本申请即以“其他处理·逾期未缴费”办结，不能撤销。确定吗？',
  });
  add(open && p.handle && !has(ev, 'later_date'), {
    key: 'later-date',
    label: '延迟答复（第三十五条）',
    path: 'later-date',
    intro: '条例第三十五条：申请公开政府信息的数量、频次明显超过合理范围的，可以确定延迟答复的合理期限并告知申请人。',
    fields: [{ name: 'dueOn', label: '延迟答复的期限', type: 'date', required: true }, { name: 'reason', label: '理由', type: 'textarea', max: 1000, required: true }, date('on', '确定之日')],
  });
  add(open && p.handle, {
    key: 'reply',
    label: '答复',
    path: 'reply',
    intro: '办理结果为年度报告表三所列情形之一；不予公开、不予处理、部分公开和其他处理须写明所依据的具体法律条款。',
    fields: [
      { name: 'outcome', label: '办理结果', type: 'select', required: true, options: replyOutcomes(options) },
      { name: 'basis', label: '法律依据（具体条款）', type: 'text', max: 500, required: basisRequired, placeholder: '如：《中华人民共和国政府信息公开条例》第十五条、第三十七条' },
      { name: 'note', label: '答复说明', type: 'textarea', max: 2000 },
      date('on', '答复日期'),
    ],
    confirm: '答复后办理结果不能更改。确定作出答复吗？',
    letter: 'reply',
  });
  add(open && p.handle, {
    key: 'transfer',
    label: '转送其他机关',
    path: 'transfer',
    intro: '转送本级政府的其他行政机关办理：本申请办结，对方登记新申请，收到申请之日不变。',
    fields: [
      { name: 'toOrgId', label: '转送至', type: 'select', required: true, options: options.organizations.filter((o) => o.id !== kase.orgId).map((o) => ({ value: o.id, label: o.name })) },
      { name: 'reason', label: '转送理由', type: 'textarea', max: 1000, required: true },
    ],
    confirm: '转送后本申请即办结，不能撤销。确定转送吗？',
    danger: true,
  });

  add(kase.status === 'replied' && p.handle && !has(ev, 'delivered'), { key: 'delivery', label: '登记送达', path: 'delivery', fields: [{ name: 'method', label: '送达方式', type: 'select', required: true, initial: kase.delivery[0], options: options.delivery }, date('on', '送达日期')] });
  add(kase.status === 'replied' && p.handle, { key: 'close', label: '办结', path: 'close', fields: [date('on', '办结日期'), { name: 'note', label: '办结说明', type: 'textarea', max: 1000 }], confirm: '确定办结本申请吗？' });
  add(kase.status === 'closed' && p.handle, { key: 'archive', label: '归档', path: 'archive', fields: [], confirm: '归档后不能再出具文书或变更。确定归档吗？' });
  add(kase.status !== 'archived' && p.handle, { key: 'note', label: '内部备注', path: 'notes', fields: [{ name: 'note', label: '备注（仅内部可见）', type: 'textarea', max: 2000, required: true }] });
  return list;
}

/** The control of a field; Form.Item hands it id, value and onChange, passed on to the antd input. */
function FieldInput({ field, ...control }: { field: ActionField } & Record<string, unknown>) {
  switch (field.type) {
    case 'date':
      return <DatePicker {...control} style={{ width: '100%' }} />;
    case 'text':
      return <Input {...control} maxLength={field.max} placeholder={field.placeholder} />;
    case 'textarea':
      return <Input.TextArea {...control} rows={3} maxLength={field.max} placeholder={field.placeholder} showCount />;
    case 'number':
      return <InputNumber {...control} min={field.min} max={field.max} precision={0} style={{ width: '100%' }} />;
    case 'select':
      return <Select {...control} showSearch optionFilterProp="label" options={field.options as SelectProps['options']} placeholder="请选择" />;
    case 'radio':
      return <Radio.Group {...control} options={field.options as { value: string | number; label: string }[]} />;
  }
}

/** The fields that apply to the values given (conditional ones only when their condition holds). */
export const shownFields = (fields: ActionField[], v: Values): ActionField[] => fields.filter((f) => !f.when || f.when(v));

/** The form's fields for the values given: conditional ones only when they apply. */
export function ActionFields({ fields }: { fields: ActionField[] }) {
  return (
    <Form.Item noStyle shouldUpdate>
      {(form) => {
        const v = form.getFieldsValue(true) as Values;
        return shownFields(fields, v).map((f) => {
          const required = typeof f.required === 'function' ? f.required(v) : Boolean(f.required);
          return (
            <Form.Item key={f.name} name={f.name} label={f.label} extra={f.help} rules={required ? [{ required: true, message: `请填写${f.label.replace(/（.*）$/, '')}` }] : []}>
              <FieldInput field={f} />
            </Form.Item>
          );
        });
      }}
    </Form.Item>
  );
}

/** Form values → request body: dates as YYYY-MM-DD, empty text left out. */
export function toBody(values: Values): Values {
  const body: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    body[k] = dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
  }
  return body;
}

export function initialValues(fields: ActionField[]): Values {
  return Object.fromEntries(fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial === 'today' ? dayjs(chinaToday()) : f.initial]));
}

export interface ActionDone {
  action: CaseAction;
  values: Values;
  /** What the server returned (a transfer: the new case's receipt). */
  result: { result?: unknown };
}

/** A dialog of fields that sends its values to the API: a case step, an appeal, a draft from a reply. */
export interface FormDialog {
  /** Names the form (the ids its labels point to). */
  name: string;
  label: string;
  title?: string;
  fields: ActionField[];
  intro?: ReactNode;
  /** Asked once more before sending, when the step cannot be undone (may depend on the values). */
  confirm?: string | ((v: Values) => string | undefined);
  danger?: boolean;
  /** The form's first values; by default each field's own. */
  initial?: Values;
  /** Sends the values of the fields shown; a refusal it throws is shown in the dialog as the server says it. */
  send(values: Values): Promise<void>;
}

export function FormModal({ dialog, onClose }: { dialog: FormDialog | null; onClose(): void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (values: Values) => {
    if (!dialog) return;
    setBusy(true);
    setError(null);
    try {
      await dialog.send(values);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!dialog) return;
    const all = (await form.validateFields()) as Values;
    // A field hidden by another's value keeps its first value in the form: it is not sent.
    const values = Object.fromEntries(shownFields(dialog.fields, all).filter((f) => f.name in all).map((f) => [f.name, all[f.name]]));
    const question = typeof dialog.confirm === 'function' ? dialog.confirm(values) : dialog.confirm;
    if (!question) return send(values);
    modal.confirm({ title: dialog.label, content: question, okText: '确定', cancelText: '取消', okButtonProps: { danger: dialog.danger }, onOk: () => send(values) });
  };

  return (
    <Modal
      title={dialog ? (dialog.title ?? dialog.label) : ''}
      open={dialog !== null}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: spinnerWhile(busy), danger: dialog?.danger }}
      destroyOnHidden
      afterOpenChange={(open) => open || setError(null)}
    >
      {dialog ? (
        <Form form={form} layout="vertical" name={dialog.name} initialValues={dialog.initial ?? initialValues(dialog.fields)} onValuesChange={() => setError(null)}>
          {dialog.intro ? <Typography.Paragraph type="secondary">{dialog.intro}</Typography.Paragraph> : null}
          <ActionFields fields={dialog.fields} />
          {error ? <Alert type="error" showIcon message={error} data-testid="action-error" /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}

/** One step's dialog: POST /applications/:id/<path>. */
export function ActionModal({ kase, action, onClose, onDone }: { kase: CaseDetail; action: CaseAction | null; onClose(): void; onDone(done: ActionDone): void }) {
  const dialog: FormDialog | null = action
    ? {
        name: `action-${action.key}`,
        label: action.label,
        title: `${action.label}（${kase.number}）`,
        fields: action.fields,
        intro: action.intro,
        confirm: action.confirm,
        danger: action.danger,
        send: async (values) => {
          const path = typeof action.path === 'function' ? action.path(values) : action.path;
          const body = { ...toBody(values), ...action.fixed };
          for (const f of action.fields) if (f.inPath) delete body[f.name];
          const result = await api.post<{ result?: unknown }>(`/applications/${kase.id}/${path}`, body);
          onDone({ action, values, result });
        },
      }
    : null;
  return <FormModal dialog={dialog} onClose={onClose} />;
}

/** The buttons of the steps open to the user. */
export function ActionBar({ actions, onPick }: { actions: CaseAction[]; onPick(a: CaseAction): void }) {
  if (actions.length === 0) return null;
  return (
    <Space wrap>
      {actions.map((a) => (
        <Button key={a.key} danger={a.danger} type={a.key === 'reply' ? 'primary' : 'default'} onClick={() => onPick(a)}>
          {a.label}
        </Button>
      ))}
    </Space>
  );
}

/** A transfer's result: the applicant must be told the new number and query code. */
export function transferReceipt(result: unknown): Registered | null {
  const r = result as Registered | undefined;
  return r && typeof r.number === 'string' ? r : null;
}
