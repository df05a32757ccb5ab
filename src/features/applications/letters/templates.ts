// The letters of 依申请公开 (RULES.md §2 "Letters"): the built-in default templates, the placeholders
// each kind may use, and the pure fill. A template is a title and a body of paragraphs, one per line,
// with {{placeholders}}. By convention the first line is the addressee (称呼, flush left) and the last
// two are the agency's name and the date (署名 and 成文日期, lower right with the seal over them):
// the Word layout (docx.ts) places them by that position, so an edited template must keep it.
//
// A reply letter must state (evaluators score exactly these): its 文号 (printed above the title), the
// applicant, the date the application was received, what was asked, the decision — for 不予公开 /
// 部分公开 which part is withheld and the specific article —, how the information is delivered, the
// remedies (行政复议 within 60 days, 行政诉讼 within 6 months), the agency, the date and the seal.
import type { EventKind } from '../events.js';
import type { LetterKind } from '../schema.js';

/** Every placeholder a template may use, with what staff see in the template editor. */
export const PLACEHOLDERS = {
  applicant: '申请人姓名或者名称',
  application_number: '申请编号',
  received_date: '收到申请之日',
  request: '申请获取的政府信息（名称、文号或者特征描述）',
  agency: '本机关名称（署名）',
  issued_date: '出具日期（成文日期）',
  agency_address: '本机关地址',
  agency_phone: '本机关联系电话',
  reply_days: '答复期限（工作日）',
  due_date: '答复期限届满日',
  review_body: '行政复议机关',
  information_form: '信息的提供形式',
  delivery_method: '获取信息的方式（送达方式）',
  decision: '处理决定',
  legal_basis: '所依据的条款',
  withheld_part: '不予公开的内容',
  withheld_reason: '不予公开的理由',
  details: '补充说明',
  correction_items: '需要补正的事项',
  correction_period: '补正期限（工作日）',
  correction_last_day: '补正截止日',
  extension_reason: '延期理由',
  extension_days: '延长的工作日数',
  new_due_date: '延期后的答复期限届满日',
  party: '被征求意见的第三方',
  consulted_information: '征求意见涉及的政府信息',
  consultation_days: '第三方提出意见的期限（工作日）',
  consultation_last_day: '第三方提出意见的截止日',
  fee_scheme: '计收方式',
  fee_amount: '应缴金额（元）',
  fee_explanation: '计费说明',
  fee_basis: '收费依据',
  payment_method: '缴费方式',
  payment_days: '缴费期限（工作日）',
  payment_last_day: '缴费截止日',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;
export type TemplateValues = Partial<Record<Placeholder, string>>;

const COMMON: readonly Placeholder[] = ['applicant', 'application_number', 'received_date', 'request', 'agency', 'issued_date', 'agency_address', 'agency_phone'];

/** The placeholders each kind of letter can be filled with (the case and what staff give when issuing). */
export const KIND_PLACEHOLDERS: Readonly<Record<LetterKind, readonly Placeholder[]>> = {
  acknowledgement: [...COMMON, 'reply_days', 'due_date'],
  correction_notice: [...COMMON, 'correction_items', 'correction_period', 'correction_last_day'],
  extension_notice: [...COMMON, 'extension_reason', 'extension_days', 'new_due_date'],
  // A letter to a third party: it never names the applicant (the applicant's identity is personal data).
  consultation_letter: COMMON.filter((p) => p !== 'applicant').concat(['party', 'consulted_information', 'consultation_days', 'consultation_last_day']),
  fee_notice: [...COMMON, 'fee_scheme', 'fee_amount', 'fee_explanation', 'fee_basis', 'payment_method', 'payment_days', 'payment_last_day'],
  reply: [...COMMON, 'review_body', 'information_form', 'delivery_method', 'decision', 'legal_basis', 'withheld_part', 'withheld_reason', 'details'],
};

export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  acknowledgement: '登记回执',
  correction_notice: '补正申请告知书',
  extension_notice: '延长答复期限告知书',
  consultation_letter: '征求第三方意见函',
  fee_notice: '收取信息处理费通知书',
  reply: '答复书',
};

/** Letters that go to the applicant (the tracking page offers them); the consultation letter goes to the third party. */
export const TO_APPLICANT: Readonly<Record<LetterKind, boolean>> = {
  acknowledgement: true,
  correction_notice: true,
  extension_notice: true,
  consultation_letter: false,
  fee_notice: true,
  reply: true,
};

/** The groups of table 三 as the outcome keys' first part: a reply template serves one group (or one outcome). */
export const REPLY_GROUPS = ['disclosed', 'partly_disclosed', 'withheld', 'unavailable', 'not_processed', 'other'] as const;
export type ReplyGroup = (typeof REPLY_GROUPS)[number];

export const REPLY_GROUP_LABELS: Readonly<Record<ReplyGroup, string>> = {
  disclosed: '予以公开',
  partly_disclosed: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

export function replyGroupOf(outcome: string): ReplyGroup {
  return outcome.split('.')[0] as ReplyGroup;
}

export interface TemplateText {
  title: string;
  body: string;
}

const LAW = '《中华人民共和国政府信息公开条例》';

const INTRO = '本机关于{{received_date}}收到您提出的政府信息公开申请（申请编号：{{application_number}}），申请获取：{{request}}。';
const END = ['{{agency}}', '{{issued_date}}'];

// 行政复议法第二十条 (60 days) and 行政诉讼法第四十六条 (6 months). Since 2024-01-01 (行政复议法第二十三条
// 第一款第（四）项) a refusal to disclose must first go to reconsideration; the letters that withhold say so.
const REMEDIES = '如对本答复不服，可以自收到本答复书之日起60日内向{{review_body}}申请行政复议，或者自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。';
const REMEDIES_WITHHELD =
  '如对本答复不服，可以自收到本答复书之日起60日内向{{review_body}}申请行政复议。依照《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，对不予公开决定不服的，应当先申请行政复议，对行政复议决定不服的，可以依法向人民法院提起行政诉讼；对本答复其他事项不服的，可以自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。';
const BASIS = '所依据的条款：{{legal_basis}}。';
const SERVED = '本答复书通过{{delivery_method}}方式送达。';

const lines = (...ls: string[]) => ls.join('\n');

/** The built-in templates: used when neither the organization nor the default row in the database has one. */
export const DEFAULT_TEMPLATES: Readonly<Record<Exclude<LetterKind, 'reply'>, TemplateText>> & { reply: Readonly<Record<ReplyGroup, TemplateText>> } = {
  acknowledgement: {
    title: '政府信息公开申请登记回执',
    body: lines(
      '{{applicant}}：',
      '本机关于{{received_date}}收到您提出的政府信息公开申请，申请获取：{{request}}。该申请已登记，申请编号为{{application_number}}。',
      `根据${LAW}第三十一条、第三十三条的规定，本机关收到申请之日为{{received_date}}，将自收到申请之日起{{reply_days}}个工作日内（即最迟于{{due_date}}）予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过20个工作日。征求第三方和其他机关意见、收取信息处理费所需时间不计算在答复期限内。`,
      '您可以凭申请编号和查询码在本机关政府信息公开平台查询办理进度、下载有关文书。',
      '特此回执。',
      ...END,
    ),
  },
  correction_notice: {
    title: '补正申请告知书',
    body: lines(
      '{{applicant}}：',
      INTRO,
      `经审查，您的申请内容不明确。根据${LAW}第二十九条、第三十条的规定，请您对下列事项作出补正：{{correction_items}}`,
      '请您自收到本告知书之日起{{correction_period}}个工作日内（截止日期：{{correction_last_day}}）向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。',
      `无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请（${LAW}第三十条）。`,
      '特此告知。',
      ...END,
    ),
  },
  extension_notice: {
    title: '延长答复期限告知书',
    body: lines(
      '{{applicant}}：',
      INTRO,
      `因{{extension_reason}}，本机关不能在规定期限内作出答复。根据${LAW}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extension_days}}个工作日，本机关将最迟于{{new_due_date}}作出答复。`,
      '特此告知。',
      ...END,
    ),
  },
  consultation_letter: {
    title: '政府信息公开征求第三方意见函',
    body: lines(
      '{{party}}：',
      '本机关于{{received_date}}收到一件政府信息公开申请（申请编号：{{application_number}}），申请获取：{{request}}。',
      `经审查，申请公开的下列政府信息可能损害你方合法权益：{{consulted_information}}。根据${LAW}第三十二条的规定，现书面征求你方意见。`,
      '请你方自收到本函之日起{{consultation_days}}个工作日内（截止日期：{{consultation_last_day}}）向本机关书面提出是否同意公开的意见；不同意公开的，请说明理由。',
      `你方逾期未提出意见的，由本机关依照${LAW}的规定决定是否公开。你方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。`,
      '特此函询。',
      ...END,
    ),
  },
  fee_notice: {
    title: '收取信息处理费通知书',
    body: lines(
      '{{applicant}}：',
      INTRO,
      '根据{{fee_basis}}的规定，本机关决定对该申请收取信息处理费。计收方式：{{fee_scheme}}。计费说明：{{fee_explanation}}应缴金额：人民币{{fee_amount}}元。',
      '请您自收到本通知书之日起{{payment_days}}个工作日内（截止日期：{{payment_last_day}}）缴纳。缴费方式：{{payment_method}}。缴费时请注明申请编号{{application_number}}。',
      '本机关发出本通知书之日至您缴纳费用之日的期间，不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请（《政府信息公开信息处理费管理办法》）。',
      '特此通知。',
      ...END,
    ),
  },
  reply: {
    disclosed: {
      title: '政府信息予以公开告知书',
      body: lines(
        '{{applicant}}：',
        INTRO,
        '经审查，{{decision}}。{{details}}',
        BASIS,
        '本机关以{{information_form}}形式，通过{{delivery_method}}方式向您提供该政府信息。',
        REMEDIES,
        ...END,
      ),
    },
    partly_disclosed: {
      title: '政府信息部分公开告知书',
      body: lines(
        '{{applicant}}：',
        INTRO,
        `经审查，您申请获取的政府信息中，{{withheld_part}}{{withheld_reason}}，根据{{legal_basis}}的规定不予公开；其余内容可以公开。根据${LAW}第三十七条的规定，本机关对该信息作区分处理，向您提供可以公开的内容。{{details}}`,
        '本机关以{{information_form}}形式，通过{{delivery_method}}方式向您提供可以公开的内容。',
        REMEDIES_WITHHELD,
        ...END,
      ),
    },
    withheld: {
      title: '政府信息不予公开告知书',
      body: lines(
        '{{applicant}}：',
        INTRO,
        '经审查，{{decision}}。{{details}}',
        '不予公开的内容：{{withheld_part}}{{withheld_reason}}。',
        BASIS,
        SERVED,
        REMEDIES_WITHHELD,
        ...END,
      ),
    },
    unavailable: {
      title: '政府信息无法提供告知书',
      body: lines('{{applicant}}：', INTRO, '经审查，{{decision}}。{{details}}', BASIS, SERVED, REMEDIES, ...END),
    },
    not_processed: {
      title: '政府信息公开申请不予处理告知书',
      body: lines('{{applicant}}：', INTRO, '经审查，{{decision}}。{{details}}', BASIS, SERVED, REMEDIES, ...END),
    },
    other: {
      title: '政府信息公开申请处理结果告知书',
      body: lines('{{applicant}}：', INTRO, '{{decision}}。{{details}}', BASIS, SERVED, REMEDIES, ...END),
    },
  },
};

/** The built-in template of a kind (for a reply: of the outcome's group). */
export function defaultTemplate(kind: LetterKind, outcome = ''): TemplateText {
  if (kind === 'reply') return DEFAULT_TEMPLATES.reply[replyGroupOf(outcome)] ?? DEFAULT_TEMPLATES.reply.other;
  return DEFAULT_TEMPLATES[kind];
}

/** A template that cannot be filled as given: the message says what, in Chinese. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** The placeholder names a body uses, in order of first use. Malformed ones ({{ 名称 }}) are returned as written. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(TOKEN)].map((m) => m[1]))];
}

function isPlaceholder(name: string, allowed: readonly string[]): name is Placeholder {
  return allowed.includes(name);
}

/**
 * Fills a body's placeholders and returns its lines. Refuses a placeholder it does not know (not in
 * `allowed`, by default every placeholder) and one whose value is missing; an empty string is a
 * value (an optional sentence left out). Lines that end up empty are dropped.
 */
export function fillTemplate(body: string, values: TemplateValues, allowed: readonly string[] = Object.keys(PLACEHOLDERS)): string[] {
  const used = placeholdersIn(body);
  const unknown = used.filter((name) => !isPlaceholder(name, allowed));
  if (unknown.length > 0) throw new TemplateError(`模板中有未知的占位符：${unknown.map((n) => `{{${n}}}`).join('、')}`);
  const missing = used.filter((name) => values[name as Placeholder] == null);
  if (missing.length > 0) {
    throw new TemplateError(`模板中的占位符缺少内容：${missing.map((n) => `{{${n}}}（${PLACEHOLDERS[n as Placeholder]}）`).join('、')}`);
  }
  return body
    .split(/\r?\n/)
    .map((line) => line.replace(TOKEN, (_, name: Placeholder) => values[name]!).trim())
    .filter((line) => line !== '');
}

/** Problems with a template staff wrote (empty when usable): known placeholders for the kind, the layout's first and last lines. */
export function templateProblems(kind: LetterKind, t: TemplateText): string[] {
  const problems: string[] = [];
  if (!t.title.trim()) problems.push('请填写文书标题');
  if (/[{}]/.test(t.title)) problems.push('文书标题中不能使用占位符');
  const ls = t.body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const allowed = KIND_PLACEHOLDERS[kind];
  const unknown = placeholdersIn(t.body).filter((n) => !allowed.includes(n as Placeholder));
  if (unknown.length > 0) problems.push(`${LETTER_KIND_LABELS[kind]}中不能使用这些占位符：${unknown.map((n) => `{{${n}}}`).join('、')}`);
  if (ls.length < 4) problems.push('正文至少应有称呼、一段正文、署名和日期四行');
  else {
    if (!/[：:]$/.test(ls[0])) problems.push('第一行应为称呼，以冒号结尾（如 {{applicant}}：）');
    if (!ls[ls.length - 2].includes('{{agency}}')) problems.push('倒数第二行应为署名 {{agency}}');
    if (!ls[ls.length - 1].includes('{{issued_date}}')) problems.push('最后一行应为日期 {{issued_date}}');
  }
  return problems;
}

/** The step of the case each kind of letter is issued for (the letter is shown beside it). */
export const LETTER_STEP: Readonly<Record<LetterKind, EventKind>> = {
  acknowledgement: 'received',
  correction_notice: 'correction_notice',
  extension_notice: 'extension',
  consultation_letter: 'consultation_sent',
  fee_notice: 'fee_notice',
  reply: 'replied',
};
