// The official application form's fields (条例第二十九条): who applies — a person (name, ID type and
// number) or an organization (name, 统一社会信用代码, legal representative, contact person) — how to
// reach them, what information they want, in what form and how delivered. Checked and cleaned here;
// every refusal says in Chinese which field to fix.
import { invalid } from '../../errors.js';
import { isValidIdNumber } from '../../domain/id-number.js';
import {
  DELIVERY_METHOD_LABELS,
  INFORMATION_FORM_LABELS,
  isApplicantKind,
  isDeliveryMethod,
  isInformationForm,
  isOrganization,
  type ApplicantKind,
  type DeliveryMethod,
  type InformationForm,
} from '../../domain/application-outcomes.js';
import { isValidCreditCode } from './credit-code.js';
import type { ApplicantDetails } from './schema.js';

/** 证件类型 as the form names them; only the resident ID has a check digit to verify. */
export const ID_TYPES = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '其他有效身份证件'] as const;
export const RESIDENT_ID = ID_TYPES[0];

export interface ApplicationFields {
  applicantKind: ApplicantKind;
  applicant: ApplicantDetails;
  /** 所需政府信息的名称、文号或者便于查询的其他特征性描述. */
  description: string;
  docTitle?: string;
  docNumber?: string;
  purpose?: string;
  forms: InformationForm[];
  delivery: DeliveryMethod[];
}

const PHONE = /^[0-9+\-()（） ]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTCODE = /^\d{6}$/;
const OTHER_ID = /^[A-Za-z0-9-]{5,30}$/;

function text(value: string | undefined, label: string, max: number, required = false): string {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  if (required && !v) throw invalid(`请填写${label}`);
  if (v.length > max) throw invalid(`${label}不能超过 ${max} 个字`);
  return v;
}

function person(a: ApplicantDetails): ApplicantDetails {
  const idType = text(a.idType, '证件类型', 30, true);
  if (!(ID_TYPES as readonly string[]).includes(idType)) throw invalid(`证件类型应为：${ID_TYPES.join('、')}`);
  const idNumber = text(a.idNumber, '证件号码', 30, true).replace(/\s/g, '').toUpperCase();
  if (idType === RESIDENT_ID && !isValidIdNumber(idNumber)) throw invalid('居民身份证号码有误，请核对（位数、出生日期或校验码不符）');
  if (idType !== RESIDENT_ID && !OTHER_ID.test(idNumber)) throw invalid('证件号码应为 5 至 30 位字母或数字');
  return { name: text(a.name, '申请人姓名', 50, true), idType, idNumber };
}

function organization(a: ApplicantDetails): ApplicantDetails {
  const creditCode = text(a.creditCode, '统一社会信用代码', 18, true).toUpperCase();
  if (!isValidCreditCode(creditCode)) throw invalid('统一社会信用代码有误，请核对（应为 18 位，校验码须相符）');
  return {
    name: text(a.name, '法人或者其他组织名称', 100, true),
    creditCode,
    legalRepresentative: text(a.legalRepresentative, '法定代表人或者负责人', 50, true),
    contactName: text(a.contactName, '联系人姓名', 50, true),
  };
}

/** The applicant's identity and contacts, cleaned; which fields the form asks for depends on the kind. */
function applicantDetails(kind: ApplicantKind, a: ApplicantDetails, delivery: readonly DeliveryMethod[]): ApplicantDetails {
  const who = isOrganization(kind) ? organization(a) : person(a);
  const phone = text(a.phone, '联系电话', 30, true);
  if (!PHONE.test(phone)) throw invalid('联系电话格式不正确');
  const email = text(a.email, '电子邮箱', 100);
  if (email && !EMAIL.test(email)) throw invalid('电子邮箱格式不正确');
  const address = text(a.address, '通信地址', 200);
  const postcode = text(a.postcode, '邮政编码', 6);
  if (postcode && !POSTCODE.test(postcode)) throw invalid('邮政编码应为 6 位数字');
  // The letters and the information have to reach the applicant the way they asked.
  if (delivery.includes('post') && !address) throw invalid('选择邮寄的，请填写通信地址');
  if (delivery.includes('email') && !email) throw invalid('选择电子邮件的，请填写电子邮箱');
  return { ...who, phone, ...(email ? { email } : {}), ...(address ? { address } : {}), ...(postcode ? { postcode } : {}) };
}

function choices<T extends string>(values: readonly string[], is: (v: string) => v is T, labels: Record<T, string>, what: string): T[] {
  const unique = [...new Set(values)];
  if (unique.length === 0) throw invalid(`请选择${what}`);
  const bad = unique.filter((v) => !is(v));
  if (bad.length) throw invalid(`${what}应为：${Object.values(labels).join('、')}`);
  return unique as T[];
}

/** The form's fields, checked and cleaned (throws 400 with the field to fix). */
export function cleanApplicationFields(f: ApplicationFields): ApplicationFields {
  if (!isApplicantKind(f.applicantKind)) throw invalid('申请人类型不正确');
  const forms = choices(f.forms, isInformationForm, INFORMATION_FORM_LABELS, '所需信息的提供形式');
  const delivery = choices(f.delivery, isDeliveryMethod, DELIVERY_METHOD_LABELS, '获取信息的方式');
  return {
    applicantKind: f.applicantKind,
    applicant: applicantDetails(f.applicantKind, f.applicant, delivery),
    description: text(f.description, '所需政府信息的内容描述', 2000, true),
    docTitle: text(f.docTitle, '所需信息的名称', 200),
    docNumber: text(f.docNumber, '所需信息的文号', 100),
    purpose: text(f.purpose, '用途', 500),
    forms,
    delivery,
  };
}
