// What a letter is filled with: the case (number, the applicant's NAME only, received date, what was
// asked, outcome and basis), the due dates of its stored clock, the organization, and what staff give
// when issuing (what to correct, the reason for an extension, the party consulted, the fee …).
// Pure: the caller loads the case and hands in a working-day counter for deadlines the clock has not
// computed yet (a letter issued before its fact is recorded).
import { formatChineseDate, type IsoDate } from '../../../domain/dates.js';
import { APPLICATION_RULE_DEFAULTS, type ApplicationClock, type ApplicationRuleSettings } from '../../../domain/application-clock.js';
import {
  DELIVERY_METHOD_LABELS,
  INFORMATION_FORM_LABELS,
  OUTCOMES,
  type DeliveryMethod,
  type InformationForm,
  type OutcomeKey,
} from '../../../domain/application-outcomes.js';
import { FEE_SCHEME_LABELS, PROCESSING_FEE_DEFAULTS, processingFee, type ProcessingFeeInput, type ProcessingFeeSchedule } from '../../../domain/processing-fee.js';
import type { LetterKind } from '../schema.js';
import { DECISION_TEXT } from './decisions.js';
import { replyGroupOf, type TemplateValues } from './templates.js';

/** The case as a letter needs it. Never the applicant's ID number or contacts. */
export interface LetterCase {
  number: string;
  applicantName: string;
  receivedOn: IsoDate;
  description: string;
  docTitle: string;
  docNumber: string;
  forms: readonly InformationForm[];
  delivery: readonly DeliveryMethod[];
  dueOn: IsoDate | null;
  clock: ApplicationClock | null;
  outcome: OutcomeKey | null;
  outcomeBasis: string;
}

export interface LetterOrg {
  name: string;
  address: string;
  phone: string;
  /** 行政复议机关: the government the organization answers to (行政复议法第二十四条). */
  reviewBody: string;
}

/** What staff give when issuing a letter; each kind reads its own fields. */
export interface LetterExtra {
  /** 成文日期; today (China) when not given. */
  issuedOn?: IsoDate;
  /** Reply: the outcome, when the case has none recorded yet (must agree with a recorded one). */
  outcome?: OutcomeKey;
  /** Reply: the specific article relied on, when the case has none recorded. */
  basis?: string;
  /** Reply, 部分公开 / 不予公开: which part is withheld. */
  withheldPart?: string;
  withheldReason?: string;
  /** Reply: facts added after the decision (the agency that holds the information, where it is published …). */
  details?: string;
  /** Overrides of how the information is provided and delivered (else the application's choice). */
  informationForm?: string;
  deliveryMethod?: string;
  reviewBody?: string;
  correctionItems?: string;
  correctionDays?: number;
  extensionReason?: string;
  party?: string;
  consultedInformation?: string;
  fee?: ProcessingFeeInput;
  paymentMethod?: string;
}

/** A letter that cannot be written from what was given: the message says what is missing, in Chinese. */
export class LetterInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterInputError';
  }
}

export interface LetterContext {
  kind: LetterKind;
  kase: LetterCase;
  org: LetterOrg;
  extra: LetterExtra;
  issuedOn: IsoDate;
  /** The government's settings (../settings.ts); the law's defaults when not given. */
  rules?: ApplicationRuleSettings;
  feeSchedule?: ProcessingFeeSchedule;
  /** The N-th working day after a date (the calendar of the working days). */
  addWorkingDays: (from: IsoDate, n: number) => IsoDate;
}

const date = (d: IsoDate) => formatChineseDate(d);

function required(value: string | undefined, message: string): string {
  const v = value?.trim();
  if (!v) throw new LetterInputError(message);
  return v;
}

const sentence = (s: string) => s.trim().replace(/[。；;，,\s]+$/, '');

/** What was asked: the document's title and number when given, then the applicant's description. */
export function requestText(k: Pick<LetterCase, 'description' | 'docTitle' | 'docNumber'>): string {
  const title = k.docTitle.trim() ? `《${k.docTitle.trim().replace(/^《|》$/g, '')}》` : '';
  const number = k.docNumber.trim() ? `（${k.docNumber.trim()}）` : '';
  const description = sentence(k.description);
  const head = `${title}${number}`;
  if (!head) return description;
  return description && !description.includes(k.docTitle.trim()) ? `${head}，${description}` : head;
}

function labels<T extends string>(values: readonly T[], names: Readonly<Record<T, string>>): string | undefined {
  return values.length > 0 ? values.map((v) => names[v]).join('、') : undefined;
}

/** The outcome a reply states: the recorded one, or the one staff give while none is recorded. */
export function replyOutcome(kase: LetterCase, extra: LetterExtra): OutcomeKey {
  if (kase.outcome && extra.outcome && extra.outcome !== kase.outcome) {
    throw new LetterInputError(`答复结果与案件已登记的结果（${OUTCOMES[kase.outcome].shortLabel}）不一致`);
  }
  const outcome = kase.outcome ?? extra.outcome;
  if (!outcome) throw new LetterInputError('请先登记答复结果，或在出具答复书时选择答复结果');
  return outcome;
}

function replyValues(c: LetterContext): TemplateValues {
  const { kase, extra } = c;
  const outcome = replyOutcome(kase, extra);
  const group = replyGroupOf(outcome);
  const withholds = group === 'partly_disclosed' || group === 'withheld';
  // 部分公开: the template cites 第三十七条 itself; the basis is the article the withheld part rests on.
  const basis =
    kase.outcomeBasis.trim() || extra.basis?.trim() || (group === 'partly_disclosed' ? '' : OUTCOMES[outcome].legalBasis);
  if (!basis) {
    throw new LetterInputError(group === 'partly_disclosed' ? '部分公开须写明不予公开部分所依据的具体条款' : '请写明答复所依据的法律条款');
  }
  let decision = DECISION_TEXT[outcome];
  let details = sentence(extra.details ?? '');
  if (!decision) {
    decision = required(details, '“其他处理”须写明处理的事实和理由（补充说明）');
    details = '';
  }
  let withheldPart = '';
  if (group === 'partly_disclosed') withheldPart = required(extra.withheldPart, '部分公开须写明不予公开的内容');
  else if (withholds) withheldPart = extra.withheldPart?.trim() || '您申请获取的上述全部政府信息';
  const reason = sentence(extra.withheldReason ?? '');
  return {
    decision,
    details: details ? `${details}。` : '',
    legal_basis: sentence(basis),
    withheld_part: sentence(withheldPart),
    withheld_reason: withholds && reason ? `，${reason}` : '',
    review_body: extra.reviewBody?.trim() || c.org.reviewBody,
  };
}

function deadlineDate(clockDay: IsoDate | undefined, c: LetterContext, days: number): string {
  return date(clockDay ?? c.addWorkingDays(c.issuedOn, days));
}

function kindValues(c: LetterContext, rules: ApplicationRuleSettings): TemplateValues {
  const { kase, extra } = c;
  const clock = kase.clock;
  switch (c.kind) {
    case 'acknowledgement':
      return { reply_days: String(clock?.replyDays ?? rules.replyDays), due_date: kase.dueOn ? date(kase.dueOn) : undefined };
    case 'correction_notice': {
      const days = extra.correctionDays ?? rules.correctionPeriodDays;
      // The clock's last day once the notice is recorded (with its own period), else counted from this letter.
      const fromClock = extra.correctionDays === undefined ? clock?.deadlines.correctionLastDay : undefined;
      return {
        correction_items: sentence(required(extra.correctionItems, '请写明需要补正的事项')) + '。',
        correction_period: String(days),
        correction_last_day: deadlineDate(fromClock, c, days),
      };
    }
    case 'extension_notice': {
      if (!clock || clock.extensionDays <= 0 || !kase.dueOn) {
        throw new LetterInputError('请先登记经政府信息公开工作机构负责人批准的延期，再出具延长答复期限告知书');
      }
      return {
        extension_reason: sentence(required(extra.extensionReason, '请写明延长答复期限的理由')),
        extension_days: String(clock.extensionDays),
        new_due_date: date(kase.dueOn),
      };
    }
    case 'consultation_letter': {
      const party = required(extra.party, '请写明被征求意见的第三方');
      const recorded = clock?.deadlines.consultations.find((k) => k.party === party);
      return {
        party,
        consulted_information: sentence(required(extra.consultedInformation, '请写明征求意见涉及的政府信息')),
        consultation_days: String(rules.consultationDays),
        consultation_last_day: deadlineDate(recorded?.lastDay, c, rules.consultationDays),
      };
    }
    case 'fee_notice': {
      if (!extra.fee) throw new LetterInputError('请选择计收方式并填写本月申请件数或页数');
      let fee;
      try {
        fee = processingFee(extra.fee, c.feeSchedule ?? PROCESSING_FEE_DEFAULTS);
      } catch (err) {
        throw new LetterInputError(err instanceof RangeError ? err.message : String(err));
      }
      if (fee.amountYuan === 0) throw new LetterInputError('按该标准本申请不收取信息处理费，无需出具收费通知书');
      return {
        fee_scheme: FEE_SCHEME_LABELS[fee.scheme],
        fee_amount: String(fee.amountYuan),
        // The scheme is stated on its own; the explanation goes on with the count and the bands.
        fee_explanation: fee.text.replace(/^按[件量]计收：/, ''),
        fee_basis: fee.basis,
        payment_method: sentence(extra.paymentMethod?.trim() || '按照本机关开具的非税收入缴款通知书，通过银行或者线上缴费渠道缴纳'),
        payment_days: String(rules.feePaymentDays),
        payment_last_day: deadlineDate(clock?.deadlines.feePaymentLastDay, c, rules.feePaymentDays),
      };
    }
    case 'reply':
      return replyValues(c);
  }
}

/** Every value the kind's template may use. A value left undefined is refused by fillTemplate if the template uses it. */
export function letterValues(c: LetterContext): TemplateValues {
  const { kase, org, extra } = c;
  const rules = c.rules ?? APPLICATION_RULE_DEFAULTS;
  return {
    applicant: kase.applicantName.trim(),
    application_number: kase.number,
    received_date: date(kase.receivedOn),
    request: requestText(kase),
    agency: org.name,
    issued_date: date(c.issuedOn),
    agency_address: org.address || undefined,
    agency_phone: org.phone || undefined,
    information_form: extra.informationForm?.trim() || labels(kase.forms, INFORMATION_FORM_LABELS),
    delivery_method: extra.deliveryMethod?.trim() || labels(kase.delivery, DELIVERY_METHOD_LABELS),
    review_body: org.reviewBody,
    ...kindValues(c, rules),
  };
}
