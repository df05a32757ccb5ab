// The portal's application form as the citizen filled it (a draft: every value kept as typed, so a
// refused form comes back with nothing lost), turned into the use case's fields, and checked with
// every problem found at once, each beside its field.
import { AppError } from '../../../errors.js';
import { idCheckDigit } from '../../../domain/id-number.js';
import { isApplicantKind, isOrganization, type ApplicantKind, type DeliveryMethod, type InformationForm } from '../../../domain/application-outcomes.js';
import { cleanApplicationFields, RESIDENT_ID, type ApplicationFields } from '../applicant.js';
import { creditCodeCheckChar } from '../credit-code.js';
import { text, texts, type PostedForm } from './form-body.js';

export interface Draft {
  orgId: string;
  applicantKind: string;
  personName: string;
  idType: string;
  idNumber: string;
  orgName: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  description: string;
  docTitle: string;
  docNumber: string;
  purpose: string;
  forms: string[];
  delivery: string[];
  consent: boolean;
}

export type DraftField = Exclude<keyof Draft, 'consent'>;
export type FieldName = keyof Draft | 'attachments' | 'answer';
/** Messages by field; `form` for a problem that belongs to no single field. */
export type FieldErrors = Partial<Record<FieldName | 'form', string>>;

/** The labels of the form, worded as the use case words its messages, so a message finds its field. */
export const FIELD_LABELS: Record<FieldName, string> = {
  orgId: '受理机关',
  applicantKind: '申请人类型',
  personName: '申请人姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  orgName: '法人或者其他组织名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人或者负责人',
  contactName: '联系人姓名',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需政府信息的内容描述',
  docTitle: '所需信息的名称',
  docNumber: '所需信息的文号',
  purpose: '用途',
  forms: '所需信息的提供形式',
  delivery: '获取信息的方式',
  consent: '个人信息保护说明',
  attachments: '身份证明材料',
  answer: '验证题',
};
/** Other words a message may use for a field. */
const ALIASES: Partial<Record<FieldName, string[]>> = { idNumber: ['身份证号码'] };

const MULTI: readonly DraftField[] = ['forms', 'delivery'];

export function emptyDraft(orgId = ''): Draft {
  return {
    orgId,
    applicantKind: 'person',
    personName: '',
    idType: RESIDENT_ID,
    idNumber: '',
    orgName: '',
    creditCode: '',
    legalRepresentative: '',
    contactName: '',
    phone: '',
    email: '',
    address: '',
    postcode: '',
    description: '',
    docTitle: '',
    docNumber: '',
    purpose: '',
    // The choices that ask nothing more of the applicant: an electronic copy, fetched on this site.
    forms: ['electronic'],
    delivery: ['online'],
    consent: false,
  };
}

export function draftOf(form: PostedForm): Draft {
  const d = emptyDraft();
  for (const key of Object.keys(d) as (keyof Draft)[]) {
    if (key === 'consent') continue;
    if (MULTI.includes(key)) (d[key] as string[]) = texts(form, key);
    else (d[key] as string) = text(form, key);
  }
  d.consent = text(form, 'consent') === 'yes';
  return d;
}

/** The use case's fields: the person's or the organization's identity, by the kind chosen. */
export function applicationFields(d: Draft): ApplicationFields {
  const kind = d.applicantKind as ApplicantKind;
  const contact = { phone: d.phone, email: d.email, address: d.address, postcode: d.postcode };
  const organization = isApplicantKind(kind) && isOrganization(kind);
  return {
    applicantKind: kind,
    applicant: organization
      ? { name: d.orgName, creditCode: d.creditCode, legalRepresentative: d.legalRepresentative, contactName: d.contactName, ...contact }
      : { name: d.personName, idType: d.idType, idNumber: d.idNumber, ...contact },
    description: d.description,
    docTitle: d.docTitle,
    docNumber: d.docNumber,
    purpose: d.purpose,
    forms: d.forms as InformationForm[],
    delivery: d.delivery as DeliveryMethod[],
  };
}

/** The field a message of the use case is about: the one whose label it names (the longest, if several). */
export function fieldOfMessage(message: string): FieldName | null {
  let best: { field: FieldName; length: number } | null = null;
  for (const [field, label] of Object.entries(FIELD_LABELS) as [FieldName, string][]) {
    for (const word of [label, ...(ALIASES[field] ?? [])]) {
      if (message.includes(word) && word.length > (best?.length ?? 0)) best = { field, length: word.length };
    }
  }
  return best?.field ?? null;
}

const first17 = '91110102MA0000009';
const standInId = '11010119900101001';
/** Values the use case accepts, put in place of a field found wrong so that the check can go on to the next. */
const STAND_IN: Partial<Record<DraftField, string | string[]>> = {
  applicantKind: 'person',
  personName: '某',
  idType: RESIDENT_ID,
  // Valid as a resident ID (by its check digit) and as any other ID type's number.
  idNumber: standInId + idCheckDigit(standInId),
  orgName: '某',
  creditCode: first17 + creditCodeCheckChar(first17),
  legalRepresentative: '某',
  contactName: '某',
  phone: '12345678',
  email: 'someone@example.cn',
  address: '某',
  postcode: '',
  description: '某',
  docTitle: '',
  docNumber: '',
  purpose: '',
  forms: ['paper'],
  delivery: ['pickup'],
};

/**
 * Every problem of the applicant's fields, by field. The use case's check (cleanApplicationFields)
 * stops at the first problem; the form wants them all, beside their fields, without a second copy of
 * the rules. So the check runs again with each field found wrong replaced by a stand-in value that
 * passes, until nothing is left; a message naming no field goes to the top of the form.
 */
export function applicantProblems(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  let work = d;
  for (let round = 0; round <= Object.keys(STAND_IN).length; round++) {
    try {
      cleanApplicationFields(applicationFields(work));
      return errors;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const field = fieldOfMessage(err.message);
      const standIn = field && field !== 'consent' && field in STAND_IN ? STAND_IN[field as DraftField] : undefined;
      if (!field || standIn === undefined || errors[field]) {
        errors.form ??= err.message;
        return errors;
      }
      errors[field] = err.message;
      work = { ...work, [field]: standIn };
    }
  }
  return errors;
}

/** The form's own questions beyond the use case's: the agency among those offered, and the consent. */
export function formProblems(d: Draft, agencyIds: readonly number[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!agencyIds.includes(Number(d.orgId))) errors.orgId = '请选择受理机关';
  if (!d.consent) errors.consent = '请阅读个人信息保护说明，并勾选同意后再提交';
  return errors;
}
