// 依申请公开: the vocabulary every application is recorded in — outcomes, applicant kinds, how the
// applicant wants the information and how it is delivered. Pure data (RULES.md §2).
//
// The outcomes are exactly the leaves of table 三 of the annual report (《中华人民共和国政府信息公开工作
// 年度报告格式》, 国办公开办函〔2021〕30号), so that closing a case is also counting it in the report: an
// outcome is never free text. Each carries the articles of 《中华人民共和国政府信息公开条例》(国务院令第711号)
// the reply letter relies on.

/** The outcome keys, in the order of table 三. */
export const OUTCOME_KEYS = [
  'disclosed',
  'partly_disclosed',
  'withheld.state_secret',
  'withheld.prohibited_by_law',
  'withheld.security_stability',
  'withheld.third_party',
  'withheld.internal_affairs',
  'withheld.process_info',
  'withheld.enforcement_file',
  'withheld.inquiry_matter',
  'unavailable.not_held',
  'unavailable.needs_creation',
  'unavailable.still_unclear',
  'not_processed.petition_complaint',
  'not_processed.repeated',
  'not_processed.publication',
  'not_processed.excessive',
  'not_processed.confirmation',
  'other.no_correction',
  'other.unpaid_fee',
  'other.other',
] as const;

export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** The six groups of table 三's 三、本年度办理结果, by their numeral. */
export type OutcomeGroup = '一' | '二' | '三' | '四' | '五' | '六';

export const OUTCOME_GROUPS: readonly { group: OutcomeGroup; label: string }[] = [
  { group: '一', label: '（一）予以公开' },
  { group: '二', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { group: '三', label: '（三）不予公开' },
  { group: '四', label: '（四）无法提供' },
  { group: '五', label: '（五）不予处理' },
  { group: '六', label: '（六）其他处理' },
];

export interface OutcomeInfo {
  key: OutcomeKey;
  group: OutcomeGroup;
  /** The row's label in table 三 as the format prints it (a group's own label for 一 and 二). */
  reportLabel: string;
  /** A short name for lists and filters in the workspace. */
  shortLabel: string;
  /** The articles of the 条例 the reply letter cites, in citation order. */
  articles: readonly string[];
  /** The citation as the reply letter writes it. */
  legalBasis: string;
  /** What the reply letter tells the applicant, in the letter's words (the handler completes it). */
  reply: string;
  /** True when the letter must say which part is withheld and the specific article (RULES.md §2, Letters). */
  statesWithheldPart: boolean;
  /** True when the case ends without the information being looked at on its merits (the applicant's side ended it). */
  endsWithoutDecision: boolean;
}

const LAW = '《中华人民共和国政府信息公开条例》';

function cite(articles: readonly string[]): string {
  return `${LAW}${articles.join('、')}`;
}

type Row = [OutcomeKey, OutcomeGroup, string, string, string[], string];

// [key, group, 年报 row label, short label, articles, reply text]. Articles from the 条例's own text:
// 第十四条 (secrets, prohibited, 三安全一稳定), 第十五条 (third party), 第十六条 (internal affairs, process
// information, enforcement files), 第三十五条 (excessive), 第三十六条 (the kinds of reply), 第三十七条
// (区分处理), 第三十八条 (no creation of new information), 第三十九条 (petitions, publications), 第三十条
// (correction).
const ROWS: Row[] = [
  ['disclosed', '一', '（一）予以公开', '予以公开', ['第三十六条第（一）项', '第三十六条第（二）项'],
    '所申请公开信息可以公开，向申请人提供该政府信息，或者告知获取该政府信息的方式、途径和时间；已经主动公开的，告知获取的方式、途径'],
  ['partly_disclosed', '二', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', ['第三十七条'],
    '所申请公开信息中含有不应当公开或者不属于政府信息的内容，能够作区分处理，向申请人提供可以公开的内容，并对不予公开的内容说明理由'],
  ['withheld.state_secret', '三', '1.属于国家秘密', '不予公开·国家秘密', ['第十四条', '第三十六条第（三）项'],
    '所申请公开信息属于依法确定为国家秘密的政府信息，决定不予公开'],
  ['withheld.prohibited_by_law', '三', '2.其他法律行政法规禁止公开', '不予公开·法律行政法规禁止公开', ['第十四条', '第三十六条第（三）项'],
    '所申请公开信息属于法律、行政法规禁止公开的政府信息，决定不予公开'],
  ['withheld.security_stability', '三', '3.危及“三安全一稳定”', '不予公开·危及三安全一稳定', ['第十四条', '第三十六条第（三）项'],
    '所申请公开信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，决定不予公开'],
  ['withheld.third_party', '三', '4.保护第三方合法权益', '不予公开·第三方合法权益', ['第十五条', '第三十六条第（三）项'],
    '所申请公开信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，决定不予公开'],
  ['withheld.internal_affairs', '三', '5.属于三类内部事务信息', '不予公开·内部事务信息', ['第十六条第一款', '第三十六条第（三）项'],
    '所申请公开信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等），决定不予公开'],
  ['withheld.process_info', '三', '6.属于四类过程性信息', '不予公开·过程性信息', ['第十六条第二款', '第三十六条第（三）项'],
    '所申请公开信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，决定不予公开'],
  ['withheld.enforcement_file', '三', '7.属于行政执法案卷', '不予公开·行政执法案卷', ['第十六条第二款', '第三十六条第（三）项'],
    '所申请公开信息属于行政执法案卷信息，决定不予公开'],
  ['withheld.inquiry_matter', '三', '8.属于行政查询事项', '不予公开·行政查询事项', ['第三十六条第（七）项'],
    '所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照有关法律、行政法规的规定办理'],
  ['unavailable.not_held', '四', '1.本机关不掌握相关政府信息', '无法提供·本机关不掌握', ['第三十六条第（四）项', '第三十六条第（五）项'],
    '经检索没有所申请公开的信息，该政府信息不存在；所申请公开信息不属于本机关负责公开的，说明理由，并告知负责公开的行政机关的名称、联系方式'],
  ['unavailable.needs_creation', '四', '2.没有现成信息需要另行制作', '无法提供·需另行制作', ['第三十八条'],
    '所申请公开信息需要行政机关对现有政府信息进行加工、分析，本机关不予提供'],
  ['unavailable.still_unclear', '四', '3.补正后申请内容仍不明确', '无法提供·补正后仍不明确', ['第二十九条第二款', '第三十条'],
    '经补正后申请内容仍不明确，本机关无法确定所申请公开的政府信息，无法提供'],
  ['not_processed.petition_complaint', '五', '1.信访举报投诉类申请', '不予处理·信访举报投诉', ['第三十九条第一款'],
    '以政府信息公开申请的形式进行信访、投诉、举报等活动，不作为政府信息公开申请处理，可以通过相应渠道提出'],
  ['not_processed.repeated', '五', '2.重复申请', '不予处理·重复申请', ['第三十六条第（六）项'],
    '本机关已就申请人提出的政府信息公开申请作出答复，申请人重复申请公开相同政府信息，不予重复处理'],
  ['not_processed.publication', '五', '3.要求提供公开出版物', '不予处理·公开出版物', ['第三十九条第二款'],
    '申请内容为要求提供政府公报、报刊、书籍等公开出版物，告知获取的途径'],
  ['not_processed.excessive', '五', '4.无正当理由大量反复申请', '不予处理·大量反复申请', ['第三十五条'],
    '申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理，不予处理'],
  // The 条例 has no article written for this row; 第二条 and 第三十八条 say that a request reaches only
  // information already made or obtained, which is what the 年报 row excludes.
  ['not_processed.confirmation', '五', '5.要求行政机关确认或重新出具已获取信息', '不予处理·确认或重新出具', ['第二条', '第三十八条'],
    '申请内容为要求行政机关确认或者重新出具申请人已获取的信息，不属于政府信息公开申请的处理范围'],
  ['other.no_correction', '六', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '其他·逾期不补正', ['第三十条'],
    '申请人无正当理由逾期不补正，视为放弃申请，本机关不再处理该政府信息公开申请'],
  ['other.unpaid_fee', '六', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他·逾期未缴费', ['第四十二条'],
    '申请人逾期未按收费通知要求缴纳信息处理费，本机关不再处理该政府信息公开申请（《政府信息公开信息处理费管理办法》）'],
  ['other.other', '六', '3.其他', '其他处理', [], '其他处理情形，由承办人写明事实和依据'],
];

const STATES_WITHHELD_PART = new Set<OutcomeGroup>(['二', '三']);
const ENDS_WITHOUT_DECISION = new Set<OutcomeKey>(['other.no_correction', 'other.unpaid_fee']);

function outcomeInfo([key, group, reportLabel, shortLabel, articles, reply]: Row): OutcomeInfo {
  return {
    key,
    group,
    reportLabel,
    shortLabel,
    articles,
    legalBasis: articles.length > 0 ? cite(articles) : '',
    reply,
    statesWithheldPart: STATES_WITHHELD_PART.has(group),
    endsWithoutDecision: ENDS_WITHOUT_DECISION.has(key),
  };
}

export const OUTCOMES: Readonly<Record<OutcomeKey, OutcomeInfo>> = Object.fromEntries(ROWS.map((row) => [row[0], outcomeInfo(row)])) as Record<
  OutcomeKey,
  OutcomeInfo
>;

export function isOutcomeKey(s: unknown): s is OutcomeKey {
  return typeof s === 'string' && (OUTCOME_KEYS as readonly string[]).includes(s);
}

/** The outcomes of one group of table 三, in table order. */
export function outcomesInGroup(group: OutcomeGroup): OutcomeInfo[] {
  return OUTCOME_KEYS.filter((k) => OUTCOMES[k].group === group).map((k) => OUTCOMES[k]);
}

// ---- applicants (table 三's columns) ----

/** 申请人: a person, or an organization of one of the annual report's five kinds. */
export const APPLICANT_KINDS = ['person', 'business', 'research', 'nonprofit', 'legal_services', 'other'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The column labels of table 三 (法人或其他组织 spans the five organization columns). */
export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
};

export const ORGANIZATION_COLUMNS_LABEL = '法人或其他组织';
export const TOTAL_COLUMN_LABEL = '总计';

export function isApplicantKind(s: unknown): s is ApplicantKind {
  return typeof s === 'string' && (APPLICANT_KINDS as readonly string[]).includes(s);
}

/** True for the five organization columns: the application form then asks for the organization's identity. */
export function isOrganization(kind: ApplicantKind): boolean {
  return kind !== 'person';
}

// ---- what the applicant asks for (第二十九条第二款第（三）项, 第四十条) ----

/** 所需信息的提供形式 (the carrier): the form of the application asks for one. */
export const INFORMATION_FORMS = ['paper', 'electronic', 'disc', 'inspection'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];
export const INFORMATION_FORM_LABELS: Readonly<Record<InformationForm, string>> = {
  paper: '纸质文本',
  electronic: '电子文本',
  disc: '光盘',
  inspection: '当场查阅、抄录',
};

/** 获取信息的方式: how the information and the letters reach the applicant. */
export const DELIVERY_METHODS = ['post', 'email', 'fax', 'pickup', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  post: '邮寄',
  email: '电子邮件',
  fax: '传真',
  pickup: '自行领取',
  online: '网上获取',
};

export function isInformationForm(s: unknown): s is InformationForm {
  return typeof s === 'string' && (INFORMATION_FORMS as readonly string[]).includes(s);
}

export function isDeliveryMethod(s: unknown): s is DeliveryMethod {
  return typeof s === 'string' && (DELIVERY_METHODS as readonly string[]).includes(s);
}
