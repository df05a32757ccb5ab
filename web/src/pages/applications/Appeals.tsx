// 复议/诉讼 on the case page (issue #5 item 9): the case's reconsiderations and lawsuits, a form to
// record one and another to record the result of one still pending. The API decides who may write
// (the handling organization's staff; the buttons show only to those the case detail says may
// handle it) and checks the dates; its refusal shows in the dialog. A corrected result reopens the
// case (status and due date change), so the case is reloaded after every change.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS, appealBodyLabel, type AppealKindKey, type AppealResultKey } from '../../../../src/domain/appeals';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { FormModal, initialValues, toBody, type ActionField, type FormDialog, type Values } from './CaseActions';
import type { AppealRecord, CaseDetail } from './types';

const KINDS = Object.keys(APPEAL_KIND_LABELS) as AppealKindKey[];
/** In the order a record goes through: undecided first. */
const RESULTS: AppealResultKey[] = ['pending', 'upheld', 'corrected', 'other'];
const RESULT_COLORS: Record<AppealResultKey, string> = { pending: 'blue', upheld: 'green', corrected: 'red', other: 'default' };

const REOPENS = '结果纠正的，本申请即重新办理：已作出的答复和办结记录保留在办理过程中，申请回到“办理中”，答复期限为决定（裁判）确定的重新答复期限。';

/**
 * The form's fields: with `kind` null a new record (its kind chosen in the form), otherwise the
 * decision of a record of that kind. Labels follow the kind: 复议机关 or 人民法院, 申请复议 or 起诉.
 */
function appealFields(kind: AppealKindKey | null): ActionField[] {
  const kindOf = (v: Values) => kind ?? (v.kind as AppealKindKey | undefined) ?? 'reconsideration';
  const reconsideration = (v: Values) => kindOf(v) === 'reconsideration';
  const litigation = (v: Values) => !reconsideration(v);
  const fresh: ActionField[] = [
    { name: 'kind', label: '类别', type: 'radio', required: true, initial: 'reconsideration', options: KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] })), help: '复议后起诉的，须先登记该行政复议。' },
    { name: 'filedOn', label: '申请行政复议日期', type: 'date', required: true, initial: 'today', when: reconsideration },
    { name: 'filedOn', label: '起诉日期', type: 'date', required: true, initial: 'today', when: litigation },
  ];
  return [
    ...(kind === null ? fresh : []),
    { name: 'authority', label: appealBodyLabel('reconsideration'), type: 'text', max: 100, placeholder: '如：示例县人民政府', when: reconsideration },
    { name: 'authority', label: appealBodyLabel('litigation_direct'), type: 'text', max: 100, placeholder: '如：示例县人民法院', when: litigation },
    { name: 'caseNumber', label: '案号', type: 'text', max: 100 },
    { name: 'result', label: '结果', type: 'radio', required: true, initial: 'pending', options: RESULTS.map((r) => ({ value: r, label: APPEAL_RESULT_LABELS[r] })), help: REOPENS },
    { name: 'decidedOn', label: '审结日期（决定或裁判作出之日）', type: 'date', required: true, initial: 'today', when: (v) => v.result !== 'pending' },
    {
      name: 'reopenDueOn',
      label: '重新答复期限',
      type: 'date',
      required: true,
      when: (v) => v.result === 'corrected',
      help: '复议决定或判决确定的重新答复期限，须晚于审结日期；登记后即为本申请的答复期限。',
    },
    { name: 'note', label: '备注', type: 'textarea', max: 2000 },
  ];
}

const confirmCorrected = (v: Values) => (v.result === 'corrected' ? `${REOPENS}登记后该项的结果、审结日期和重新答复期限不能再更改。确定吗？` : undefined);

/** The dialog recording a new appeal, or the result of a pending one. */
function appealDialog(kase: CaseDetail, appeal: AppealRecord | null, saved: () => Promise<void>): FormDialog {
  const fields = appealFields(appeal?.kind ?? null);
  if (!appeal) {
    return {
      name: 'appeal-new',
      label: '登记复议或诉讼',
      title: `登记行政复议或行政诉讼（${kase.number}）`,
      fields,
      confirm: confirmCorrected,
      send: async (values) => {
        await api.post(`/applications/${kase.id}/appeals`, toBody(values));
        await saved();
      },
    };
  }
  return {
    name: `appeal-${appeal.id}`,
    label: '登记结果',
    title: `${appeal.kindLabel}：登记结果（${kase.number}）`,
    fields,
    initial: { ...initialValues(fields), authority: appeal.authority, caseNumber: appeal.caseNumber, note: appeal.note, ...(appeal.decidedOn ? { decidedOn: dayjs(appeal.decidedOn) } : {}) },
    confirm: confirmCorrected,
    send: async (values) => {
      // Text emptied in the form is emptied on the record too.
      await api.patch(`/applications/${kase.id}/appeals/${appeal.id}`, { authority: '', caseNumber: '', note: '', ...toBody(values) });
      await saved();
    },
  };
}

export function AppealsCard({ kase, onChanged }: { kase: CaseDetail; onChanged(): Promise<void> }) {
  const [appeals, setAppeals] = useState<AppealRecord[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [editing, setEditing] = useState<AppealRecord | 'new' | null>(null);
  const writes = kase.permissions.handle;

  const load = useCallback(async () => {
    try {
      setAppeals(await api.get<AppealRecord[]>(`/applications/${kase.id}/appeals`));
      setRefusal(null);
    } catch (err) {
      setRefusal((err as Error).message);
    }
  }, [kase.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = async () => {
    setEditing(null);
    await Promise.all([load(), onChanged()]);
  };
  const dialog = editing === null ? null : appealDialog(kase, editing === 'new' ? null : editing, saved);

  return (
    <Card
      title="行政复议、行政诉讼"
      size="small"
      data-testid="appeals"
      loading={appeals === null && refusal === null}
      extra={
        writes ? (
          <Button size="small" onClick={() => setEditing('new')}>
            登记复议或诉讼
          </Button>
        ) : null
      }
    >
      {refusal ? <Alert type="error" showIcon message={refusal} /> : null}
      {appeals?.length ? (
        <List
          size="small"
          dataSource={appeals}
          renderItem={(a) => (
            <List.Item
              data-testid="appeal"
              actions={
                writes && a.result === 'pending'
                  ? [
                      <Button key="edit" type="link" size="small" onClick={() => setEditing(a)}>
                        登记结果
                      </Button>,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={0}>
                <span>
                  {a.kindLabel} <Tag color={RESULT_COLORS[a.result]}>{a.resultLabel}</Tag>
                </span>
                <Typography.Text type="secondary">
                  {[a.authority, a.caseNumber].filter(Boolean).join('　')}
                  {a.authority || a.caseNumber ? '　' : ''}
                  {a.kind === 'reconsideration' ? '申请' : '起诉'}于{chineseDate(a.filedOn)}
                  {a.decidedOn ? `，${chineseDate(a.decidedOn)}审结` : ''}
                </Typography.Text>
                {a.note ? <span>{a.note}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : appeals ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有行政复议、行政诉讼记录" />
      ) : null}
      <FormModal dialog={dialog} onClose={() => setEditing(null)} />
    </Card>
  );
}
