// 生成告知书/答复书: the letter a step calls for, filled from the case and what was just recorded
// (what to correct, the reason for the extension, the party consulted, the fee), numbered by the
// server; then shown with its 文号 and a Word download. Also opens an issued letter to read.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { LETTER_KIND_LABELS, LETTER_STEP } from '../../../../src/features/applications/letters/templates';
import { api } from '../../api';
import { chineseDate } from '../../format';
import { ActionFields, initialValues, toBody, type ActionField } from './CaseActions';
import { letterDocxUrl } from './shared';
import type { CaseDetail, FormOptions, IssuedLetter, LetterKind, TimelineEvent } from './types';
import { spinnerWhile } from '../../spinner';

type Values = Record<string, unknown>;
type Field = ActionField;

const last = (events: TimelineEvent[], kind: string, also: (e: TimelineEvent) => boolean = () => true) => [...events].reverse().find((e) => e.kind === kind && also(e));

/** What the letter's form starts with, from the fact the case recorded for it. */
function prefill(kind: LetterKind, kase: CaseDetail): Values {
  const ev = kase.timeline;
  switch (kind) {
    case 'correction_notice': {
      const e = last(ev, 'correction_notice');
      return { correctionItems: e?.data.items, correctionDays: e?.data.periodDays };
    }
    case 'extension_notice':
      return { extensionReason: last(ev, 'extension')?.data.reason };
    case 'consultation_letter': {
      const e = last(ev, 'consultation_sent', (x) => x.data.consultation === 'third_party');
      return { party: e?.data.party, consultedInformation: e?.data.subject || kase.description };
    }
    case 'fee_notice': {
      const e = last(ev, 'fee_notice');
      return { feeScheme: e?.data.scheme ?? 'per_application', countInMonth: e?.data.countInMonth ?? kase.screening.countInMonth, pages: e?.data.pages };
    }
    case 'reply':
      return { outcome: kase.outcome ?? undefined };
    default:
      return {};
  }
}

/** The fields each kind of letter asks for beyond the case. */
function letterFields(kind: LetterKind, kase: CaseDetail, options: FormOptions): Field[] {
  const issued: Field = { name: 'issuedOn', label: '成文日期', type: 'date', required: true, initial: 'today' };
  switch (kind) {
    case 'correction_notice':
      return [{ name: 'correctionItems', label: '需要补正的事项', type: 'textarea', max: 2000, required: true }, { name: 'correctionDays', label: '补正期限（工作日）', type: 'number', min: 1, max: 60 }, issued];
    case 'extension_notice':
      return [{ name: 'extensionReason', label: '延期理由', type: 'textarea', max: 1000, required: true }, issued];
    case 'consultation_letter':
      return [{ name: 'party', label: '被征求意见的第三方', type: 'text', max: 200, required: true }, { name: 'consultedInformation', label: '征求意见涉及的政府信息', type: 'textarea', max: 1000, required: true }, issued];
    case 'fee_notice':
      return [
        { name: 'feeScheme', label: '计收方式', type: 'radio', required: true, options: [{ value: 'per_application', label: '按件计收' }, { value: 'per_page', label: '按量计收' }] },
        { name: 'countInMonth', label: '申请人本月申请件数（含本件）', type: 'number', min: 1, max: 100000, required: true, when: (v) => v.feeScheme === 'per_application' },
        { name: 'pages', label: '页数', type: 'number', min: 1, max: 1000000, required: true, when: (v) => v.feeScheme === 'per_page' },
        { name: 'paymentMethod', label: '缴费方式（不填用默认表述）', type: 'textarea', max: 500 },
        issued,
      ];
    case 'reply': {
      const outcomeOf = (v: Values) => (kase.outcome ?? v.outcome) as string | undefined;
      const withholds = (v: Values) => /^(partly_disclosed|withheld\.)/.test(outcomeOf(v) ?? '');
      return [
        ...(kase.outcome
          ? []
          : ([
              { name: 'outcome', label: '答复结果', type: 'select', required: true, options: options.outcomes.map((o) => ({ value: o.value, label: o.label })) },
              { name: 'basis', label: '所依据的法律条款', type: 'text', max: 500, required: (v) => options.outcomes.find((o) => o.value === v.outcome)?.basisRequired ?? false },
            ] satisfies Field[])),
        { name: 'withheldPart', label: '不予公开的内容', type: 'textarea', max: 1000, required: (v) => outcomeOf(v) === 'partly_disclosed', when: withholds },
        { name: 'withheldReason', label: '不予公开的理由', type: 'textarea', max: 1000, when: withholds },
        { name: 'details', label: '补充说明（如已公开的网址、负责公开的机关）', type: 'textarea', max: 2000, required: (v) => outcomeOf(v) === 'other.other' },
        { name: 'informationForm', label: '信息的提供形式（不填按申请）', type: 'text', max: 100 },
        { name: 'deliveryMethod', label: '送达方式（不填按申请）', type: 'text', max: 100 },
        issued,
      ];
    }
    default:
      return [issued];
  }
}

/** The form's values → the API's body (the fee as one object). */
function letterBody(kind: LetterKind, values: Values): Values {
  const { feeScheme, countInMonth, pages, ...rest } = toBody(values);
  const body: Values = { kind, ...rest };
  if (kind === 'fee_notice') body.fee = feeScheme === 'per_page' ? { scheme: 'per_page', pages } : { scheme: 'per_application', countInMonth };
  return body;
}

/** A letter as issued (or previewed): 文号, title, paragraphs, and its Word file when it has one. */
export function LetterView({ letter, docxUrl }: { letter: { number: string; title: string; paragraphs: string[]; issuedOn?: string }; docxUrl?: string }) {
  const n = letter.paragraphs.length;
  // The last two lines are the agency and the date (templates.ts): flush right, as signed.
  const signature = (i: number) => i >= n - 2;
  return (
    <div data-testid="letter">
      <Typography.Paragraph>
        文号：<strong data-testid="letter-number">{letter.number}</strong>
        {letter.issuedOn ? `　成文日期：${chineseDate(letter.issuedOn)}` : null}
      </Typography.Paragraph>
      <div style={{ border: '1px solid #eee', padding: 16, maxHeight: 420, overflow: 'auto', fontFamily: 'FangSong, STFangsong, serif' }}>
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {letter.title}
        </Typography.Title>
        {letter.paragraphs.map((p, i) => (
          <Typography.Paragraph key={i} style={{ textIndent: i === 0 || signature(i) ? 0 : '2em', textAlign: signature(i) ? 'right' : 'left' }}>
            {p}
          </Typography.Paragraph>
        ))}
      </div>
      {docxUrl ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <a href={docxUrl} download>
            下载 Word 文件（.docx）
          </a>
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

export function IssueLetterModal({ kase, kind, options, onClose, onIssued }: { kase: CaseDetail; kind: LetterKind | null; options: FormOptions; onClose(): void; onIssued(): void }) {
  const [form] = Form.useForm();
  const [chosen, setChosen] = useState<LetterKind>(kind ?? 'acknowledgement');
  const [letter, setLetter] = useState<IssuedLetter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (kind) setChosen(kind);
    setLetter(null);
    setError(null);
  }, [kind]);

  const fields = letterFields(chosen, kase, options);
  const issue = async () => {
    const values = (await form.validateFields()) as Values;
    setBusy(true);
    setError(null);
    try {
      // Issued for the latest step of its kind, so the timeline (and the applicant's) shows it beside that step.
      const stepEvent = kase.timeline.filter((e) => e.kind === LETTER_STEP[chosen]).at(-1);
      setLetter(await api.post<IssuedLetter>(`/applications/${kase.id}/letters`, { ...letterBody(chosen, values), ...(stepEvent ? { eventId: stepEvent.id } : {}) }));
      onIssued();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const label = LETTER_KIND_LABELS[chosen];
  return (
    <Modal
      title={letter ? `已出具${label}` : `生成${label}`}
      open={kind !== null}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        letter ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={spinnerWhile(busy)} onClick={() => void issue().catch(() => undefined)}>
              生成{label}
            </Button>
          </Space>
        )
      }
    >
      {letter ? (
        <LetterView letter={letter} docxUrl={letterDocxUrl(letter.id)} />
      ) : (
        <Form key={chosen} form={form} layout="vertical" name="letter" initialValues={{ ...initialValues(fields), ...prefill(chosen, kase) }} onValuesChange={() => setError(null)}>
          <Form.Item label="文书种类">
            <Select aria-label="文书种类" value={chosen} onChange={(k: LetterKind) => setChosen(k)} options={Object.entries(LETTER_KIND_LABELS).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          <ActionFields fields={fields} />
          {error ? <Alert type="error" showIcon message={error} data-testid="letter-error" /> : null}
        </Form>
      )}
    </Modal>
  );
}

/** An issued letter, read back (its text names the applicant: handlers only). */
export function ShowLetterModal({ letterId, onClose }: { letterId: number | null; onClose(): void }) {
  const { message } = App.useApp();
  const [letter, setLetter] = useState<IssuedLetter | null>(null);
  useEffect(() => {
    setLetter(null);
    if (letterId === null) return;
    api.get<IssuedLetter>(`/applications/letters/${letterId}`).then(setLetter, (err: Error) => {
      message.error(err.message);
      onClose();
    });
  }, [letterId, message, onClose]);
  return (
    <Modal title={letter?.title ?? '文书'} open={letterId !== null} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {letter ? <LetterView letter={letter} docxUrl={letterDocxUrl(letter.id)} /> : null}
    </Modal>
  );
}
