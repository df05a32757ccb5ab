// 滥用申请权 screening (abuse, issue #5 item 7): hints shown to the handler of a new application — how
// many the applicant filed this month and quarter, earlier applications that read almost the same,
// and wording that suggests a petition or complaint rather than a request for information. Hints
// only: each names the rule that *may* apply; the handler decides (the 条例 gives the agency the
// judgement, e.g. 第三十五条 "明显超过合理范围"). Pure: the earlier applications are given.
import { compareDates, isIsoDate, type IsoDate } from './dates.js';
import { OUTCOMES, type OutcomeKey } from './application-outcomes.js';
import { findDocNumbers, normalizeText } from './search-text.js';

export interface ScreeningSettings {
  /** Cosine similarity of character bigrams (0–1) from which two applications count as near-duplicates. */
  similarityThreshold: number;
  /** Request boilerplate left out before comparing, so that only what is asked for counts. */
  ignoredPhrases: readonly string[];
  /** At most this many similar applications are listed, most similar first. */
  maxSimilar: number;
  /** A count above this in the calendar month is pointed out (收费办法第四条: the first 10 are free). */
  monthCountNotice: number;
  /** A count above this in the calendar quarter is pointed out. */
  quarterCountNotice: number;
  /** Wording of petitions, complaints and reports (条例第三十九条第一款). */
  petitionTerms: readonly string[];
  /** Wording asking for publications (条例第三十九条第二款). */
  publicationTerms: readonly string[];
  /** Registers with their own access rules (条例第三十六条第（七）项). */
  inquiryTerms: readonly string[];
  /** Asking to confirm or re-issue information already held (年报 （五）5). */
  confirmationTerms: readonly string[];
}

export const SCREENING_DEFAULTS: Readonly<ScreeningSettings> = Object.freeze({
  similarityThreshold: 0.7,
  ignoredPhrases: ['申请公开', '请求公开', '要求公开', '申请获取', '请提供', '请公开', '本人', '我单位', '政府信息', '相关信息', '有关信息', '相关文件'],
  maxSimilar: 10,
  monthCountNotice: 10,
  quarterCountNotice: 30,
  petitionTerms: ['信访', '上访', '投诉', '举报', '检举', '控告', '申诉', '要求查处', '依法查处', '严肃查处', '追究责任', '追责', '赔偿', '补偿款未', '维权', '讨薪', '要求处理', '责令', '撤销处罚', '恳请领导'],
  publicationTerms: ['政府公报', '报刊', '报纸', '杂志', '书籍', '年鉴', '出版物'],
  inquiryTerms: ['工商登记', '企业登记档案', '注册登记资料', '股东信息', '不动产登记', '房产登记', '产权登记', '户籍档案', '婚姻登记档案'],
  confirmationTerms: ['确认真伪', '是否真实', '真实性', '重新出具', '再次出具', '加盖公章', '盖章确认', '予以确认'],
});

/** Chinese problems with screening settings an administrator entered (empty when usable). */
export function screeningSettingsProblems(s: ScreeningSettings): string[] {
  const problems: string[] = [];
  if (!(s.similarityThreshold > 0 && s.similarityThreshold <= 1)) problems.push(`相似度阈值须大于 0 且不超过 1：${String(s.similarityThreshold)}`);
  for (const [value, label] of [[s.maxSimilar, '列出的相似申请数'], [s.monthCountNotice, '本月件数提示'], [s.quarterCountNotice, '本季度件数提示']] as const) {
    if (!Number.isInteger(value) || value < 1) problems.push(`${label}须为正整数：${String(value)}`);
  }
  return problems;
}

/** An earlier application the new one is compared with (any applicant's, of the same agency). */
export interface EarlierApplication {
  id: string | number;
  /** Whatever identifies the applicant consistently (the service's choice, e.g. a hash of the ID number). */
  applicantKey: string;
  receivedOn: IsoDate;
  /** What was asked for. */
  text: string;
  /** Its outcome once replied; null while open. */
  outcome?: OutcomeKey | null;
}

export interface ScreeningInput {
  applicantKey: string;
  receivedOn: IsoDate;
  text: string;
  /** Earlier applications, without the one screened. */
  earlier: readonly EarlierApplication[];
}

export interface SimilarApplication {
  id: string | number;
  sameApplicant: boolean;
  receivedOn: IsoDate;
  /** 0–1, rounded to two decimals. */
  score: number;
  /** Doc numbers both ask for. */
  sharedDocNumbers: string[];
  /** True when both name numbers (years, serials) and they are not the same: alike in words, maybe not in substance. */
  numbersDiffer: boolean;
  replied: boolean;
}

export type ScreeningHintKind = 'frequency' | 'repeated' | 'same_information' | 'petition_complaint' | 'publication' | 'inquiry_matter' | 'confirmation';

export interface ScreeningHint {
  kind: ScreeningHintKind;
  /** Chinese, worded as a possibility for the handler. */
  message: string;
  /** The provision that could apply. */
  rule: string;
  /** The outcome that could follow, when one would. */
  outcome?: OutcomeKey;
  /** The words found, for content hints. */
  terms?: string[];
  /** The applications concerned, for similarity hints. */
  similar?: SimilarApplication[];
}

export interface ScreeningResult {
  /** The applicant's applications received in the calendar month of this one, this one included. */
  countInMonth: number;
  /** The same for the calendar quarter. */
  countInQuarter: number;
  similar: SimilarApplication[];
  hints: ScreeningHint[];
}

// ---- text similarity ----

/** Letters and digits only, Simplified, lower case, without boilerplate: only what is asked for counts. */
function compact(normalized: string, ignored: readonly string[]): string {
  let s = normalized;
  for (const p of ignored) s = s.split(normalizeText(p)).join(' ');
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  if (s.length === 1) grams.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, x] of a) {
    na += x * x;
    dot += x * (b.get(g) ?? 0);
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Cosine similarity (0–1) of the character bigrams of two texts after normalization, without the ignored phrases. */
export function textSimilarity(a: string, b: string, ignored: readonly string[] = SCREENING_DEFAULTS.ignoredPhrases): number {
  return cosine(bigrams(compact(normalizeText(a), ignored)), bigrams(compact(normalizeText(b), ignored)));
}

/**
 * Doc numbers both texts name. Running text can glue words to the issuer's abbreviation
 * (请公开乐政办发〔2021〕19号), so two numbers match when the year and serial agree and one issuer ends the other.
 */
function sharedDocNumbers(a: readonly string[], b: readonly string[]): string[] {
  const split = (n: string) => {
    const i = n.indexOf('〔');
    return { issuer: n.slice(0, i), rest: n.slice(i) };
  };
  const shared = new Set<string>();
  for (const x of a.map(split)) {
    for (const y of b.map(split)) {
      if (x.rest !== y.rest || !(x.issuer.endsWith(y.issuer) || y.issuer.endsWith(x.issuer))) continue;
      shared.add((x.issuer.length <= y.issuer.length ? x.issuer : y.issuer) + x.rest);
    }
  }
  return [...shared];
}

function numbersIn(normalized: string): string {
  return [...new Set(normalized.match(/\d+/g) ?? [])].sort().join(',');
}

// ---- counts ----

function sameMonth(a: IsoDate, b: IsoDate): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

function quarterOf(d: IsoDate): string {
  return `${d.slice(0, 4)}Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
}

// ---- hints ----

const LAW = '《中华人民共和国政府信息公开条例》';

function termsIn(normalized: string, terms: readonly string[]): string[] {
  return terms.filter((t) => normalized.includes(normalizeText(t)));
}

function quoted(terms: readonly string[]): string {
  return terms.map((t) => `“${t}”`).join('');
}

function frequencyHint(month: number, quarter: number, s: ScreeningSettings): ScreeningHint | null {
  if (month <= s.monthCountNotice && quarter <= s.quarterCountNotice) return null;
  return {
    kind: 'frequency',
    message:
      `该申请人本月已提出 ${month} 件申请、本季度 ${quarter} 件（均含本件）。申请数量、频次明显超过合理范围的，可以要求申请人说明理由；` +
      '理由不合理的，可能适用不予处理，理由合理但无法按期答复的，可以确定延迟答复的合理期限；也可能适用收取信息处理费。是否明显超过合理范围由承办人判断。',
    rule: `${LAW}第三十五条、第四十二条，《政府信息公开信息处理费管理办法》第四条`,
    outcome: 'not_processed.excessive',
  };
}

/** Similar wording is not the same information: say so when years or serials differ. */
function numbersNote(similar: readonly SimilarApplication[]): string {
  const n = similar.filter((x) => x.numbersDiffer).length;
  return n > 0 ? `其中 ${n} 件所列年份或编号不同，可能并非相同信息。` : '';
}

function repeatedHint(own: SimilarApplication[]): ScreeningHint | null {
  if (own.length === 0) return null;
  const replied = own.filter((x) => x.replied);
  const message =
    replied.length > 0
      ? `与该申请人此前已答复的 ${replied.length} 件申请内容相近。如申请公开的是相同政府信息，可能适用不予重复处理；请核对此前的答复内容后判断。${numbersNote(replied)}`
      : `与该申请人尚在办理中的 ${own.length} 件申请内容相近，可能申请的是相同政府信息，可考虑一并办理；前一申请答复后再次申请的，可能适用不予重复处理。${numbersNote(own)}`;
  return { kind: 'repeated', message, rule: `${LAW}第三十六条第（六）项`, outcome: 'not_processed.repeated', similar: own };
}

function sameInformationHint(others: SimilarApplication[]): ScreeningHint | null {
  if (others.length === 0) return null;
  return {
    kind: 'same_information',
    message: `其他申请人此前提出过 ${others.length} 件内容相近的申请。多个申请人申请相同政府信息且该信息可以公开的，可以考虑纳入主动公开的范围。${numbersNote(others)}`,
    rule: `${LAW}第四十四条第一款`,
    similar: others,
  };
}

const CONTENT_HINTS: readonly {
  kind: ScreeningHintKind;
  terms: (s: ScreeningSettings) => readonly string[];
  outcome: OutcomeKey;
  message: (found: string) => string;
}[] = [
  {
    kind: 'petition_complaint',
    terms: (s) => s.petitionTerms,
    outcome: 'not_processed.petition_complaint',
    message: (found) =>
      `申请内容含有${found}等词语。如实为以政府信息公开申请的形式进行信访、投诉、举报等活动，可能适用不作为政府信息公开申请处理，并告知通过相应渠道提出；含有这些词语的也可能是正当的信息公开申请（例如申请公开投诉处理结果），由承办人判断。`,
  },
  {
    kind: 'publication',
    terms: (s) => s.publicationTerms,
    outcome: 'not_processed.publication',
    message: (found) => `申请内容含有${found}等词语。如要求提供的是政府公报、报刊、书籍等公开出版物，可以告知获取的途径。`,
  },
  {
    kind: 'inquiry_matter',
    terms: (s) => s.inquiryTerms,
    outcome: 'withheld.inquiry_matter',
    message: (found) => `申请内容含有${found}等词语。如属于工商、不动产登记资料等有关法律、行政法规对获取另有规定的信息，可能适用告知申请人依照有关规定办理。`,
  },
  {
    kind: 'confirmation',
    terms: (s) => s.confirmationTerms,
    outcome: 'not_processed.confirmation',
    message: (found) => `申请内容含有${found}等词语。如要求行政机关确认或者重新出具申请人已获取的信息，可能不属于政府信息公开申请的处理范围。`,
  },
];

function contentHints(normalized: string, s: ScreeningSettings): ScreeningHint[] {
  const hints: ScreeningHint[] = [];
  for (const h of CONTENT_HINTS) {
    const found = termsIn(normalized, h.terms(s));
    if (found.length === 0) continue;
    const o = OUTCOMES[h.outcome];
    hints.push({ kind: h.kind, message: h.message(quoted(found)), rule: o.legalBasis, outcome: h.outcome, terms: found });
  }
  return hints;
}

/** Hints for the handler of a new application. Throws RangeError (Chinese) on an invalid date. */
export function screenApplication(input: ScreeningInput, settings: ScreeningSettings = SCREENING_DEFAULTS): ScreeningResult {
  if (!isIsoDate(input.receivedOn)) throw new RangeError(`收到申请之日不是有效日期：${String(input.receivedOn)}`);
  const mine = input.earlier.filter((e) => e.applicantKey === input.applicantKey && compareDates(e.receivedOn, input.receivedOn) <= 0);
  const countInMonth = 1 + mine.filter((e) => sameMonth(e.receivedOn, input.receivedOn)).length;
  const countInQuarter = 1 + mine.filter((e) => quarterOf(e.receivedOn) === quarterOf(input.receivedOn)).length;

  const normalized = normalizeText(input.text);
  const grams = bigrams(compact(normalized, settings.ignoredPhrases));
  const docNumbers = findDocNumbers(normalized);
  const numbers = numbersIn(normalized);
  const similar = input.earlier
    .map((e): SimilarApplication => {
      const other = normalizeText(e.text);
      const otherNumbers = numbersIn(other);
      return {
        id: e.id,
        sameApplicant: e.applicantKey === input.applicantKey,
        receivedOn: e.receivedOn,
        score: Math.round(cosine(grams, bigrams(compact(other, settings.ignoredPhrases))) * 100) / 100,
        sharedDocNumbers: sharedDocNumbers(docNumbers, findDocNumbers(other)),
        numbersDiffer: numbers !== '' && otherNumbers !== '' && numbers !== otherNumbers,
        replied: e.outcome != null,
      };
    })
    .filter((x) => x.score >= settings.similarityThreshold || x.sharedDocNumbers.length > 0)
    .sort((a, b) => b.score - a.score || compareDates(b.receivedOn, a.receivedOn))
    .slice(0, settings.maxSimilar);

  const hints = [
    frequencyHint(countInMonth, countInQuarter, settings),
    repeatedHint(similar.filter((x) => x.sameApplicant)),
    sameInformationHint(similar.filter((x) => !x.sameApplicant)),
    ...contentHints(normalized, settings),
  ].filter((h): h is ScreeningHint => h !== null);
  return { countInMonth, countInQuarter, similar, hints };
}
