// Text checks run on a document before publishing (issue #3 item 3): personal data (身份证号 with
// its check digit, mobile numbers, bank card numbers), secrecy marks, sensitive words and serious
// wording errors. Severity 'block' stops publication. Personal data is masked in every message.
import { isValidIdNumber, maskIdNumber } from './id-number.js';

export type Severity = 'block' | 'warn';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** The field checked: 'title', 'body', 'summary', … */
  field: string;
  /** Offset in the field's plain text. */
  index: number;
  /** The text around the match, personal data masked. */
  excerpt: string;
}

export interface CheckRules {
  sensitiveWords: string[];
  /** Serious wording errors: wrong → right (names of institutions, titles). */
  wordingErrors: { wrong: string; right: string }[];
}

export const DEFAULT_CHECK_RULES: CheckRules = {
  sensitiveWords: ['内部讨论稿', '未定稿', '送审稿（内部）'],
  wordingErrors: [
    { wrong: '国务院办公室', right: '国务院办公厅' },
    { wrong: '中共中央办公室', right: '中共中央办公厅' },
    { wrong: '国家发改委员会', right: '国家发展和改革委员会' },
    { wrong: '中华人民共和国政府信息公开条列', right: '中华人民共和国政府信息公开条例' },
    { wrong: '全国人民代表大会常委会委员长', right: '全国人民代表大会常务委员会委员长' },
  ],
};

const FIELD_LABELS: Record<string, string> = { title: '标题', body: '正文', summary: '内容概述', docNumber: '发文字号', disclosureReason: '公开属性依据' };

function where(field: string, index: number): string {
  return `${FIELD_LABELS[field] ?? field}第 ${index + 1} 字处`;
}

function excerptAt(text: string, index: number, length: number, replacement: string): string {
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + length, index + length + 12);
  return `${before}${replacement}${after}`.replace(/\s+/g, ' ');
}

const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Candidates stand apart from other digits and letters (not part of a longer code or number).
const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])1[3-9]\d(?:[\s-]?\d{4}){2}(?![0-9])/g;
const CARD = /(?<![0-9])\d{4}(?:[ ]?\d{4}){2,3}(?:[ ]?\d{1,3})?(?![0-9])/g;
// A classification mark: 绝密/机密/秘密 joined to ★ (either side), or 绝密/机密 standing alone at the
// start of a line. '国家秘密', '商业秘密' in ordinary legal wording are not marks.
const SECRECY_STAR = /(?:绝密|机密|秘密)\s*★[^\s，。；]{0,6}|★\s*(?:绝密|机密|秘密)/g;
const SECRECY_LINE = /(?:^|\n)\s*(绝密|机密)(?=\s|$|[（(])/g;
const INTERNAL = /内部(?:资料|文件|使用|传阅)/g;

/** Masks the middle of a span in place (same length, separators kept), so offsets stay valid. */
function maskSpan(text: string, start: number, end: number, keepStart: number, keepEnd: number): string {
  let seen = 0;
  const digits = text.slice(start, end).replace(/[\s-]/g, '').length;
  const middle = [...text.slice(start, end)]
    .map((ch) => {
      if (/[\s-]/.test(ch)) return ch;
      seen++;
      return seen > keepStart && seen <= digits - keepEnd ? '*' : ch;
    })
    .join('');
  return text.slice(0, start) + middle + text.slice(end);
}

interface PersonalMatch {
  code: 'id_number' | 'mobile' | 'bank_card';
  index: number;
  length: number;
  masked: string;
  label: string;
}

/** Every piece of personal data in a text, each once (an ID number is not also a bank card). */
function personalData(text: string): PersonalMatch[] {
  const found: PersonalMatch[] = [];
  const overlaps = (i: number, len: number) => found.some((f) => i < f.index + f.length && i + len > f.index);
  for (const m of text.matchAll(ID_CANDIDATE)) {
    if (isValidIdNumber(m[0])) found.push({ code: 'id_number', index: m.index, length: m[0].length, masked: maskIdNumber(m[0]), label: '有效的居民身份证号码' });
  }
  for (const m of text.matchAll(MOBILE)) {
    const d = digitsOnly(m[0]);
    if (!overlaps(m.index, m[0].length)) found.push({ code: 'mobile', index: m.index, length: m[0].length, masked: `${d.slice(0, 3)}****${d.slice(7)}`, label: '手机号码' });
  }
  for (const m of text.matchAll(CARD)) {
    const d = digitsOnly(m[0]);
    if (d.length < 16 || d.length > 19 || overlaps(m.index, m[0].length) || !luhn(d)) continue;
    found.push({ code: 'bank_card', index: m.index, length: m[0].length, masked: `${d.slice(0, 4)}${'*'.repeat(d.length - 8)}${d.slice(-4)}`, label: '疑似银行卡号' });
  }
  return found;
}

const KEEP: Record<PersonalMatch['code'], [number, number]> = { id_number: [6, 4], mobile: [3, 4], bank_card: [4, 4] };

export function checkText(fields: Record<string, string>, rules: CheckRules): Finding[] {
  const out: Finding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const personal = personalData(text);
    // Excerpts are cut from this copy, so no excerpt shows any personal data, not even a neighbour's.
    let safe = text;
    for (const p of personal) safe = maskSpan(safe, p.index, p.index + p.length, ...KEEP[p.code]);
    const excerpt = (index: number, length: number) => excerptAt(safe, index, length, safe.slice(index, index + length));

    for (const p of personal) {
      out.push({ code: p.code, severity: 'block', field, index: p.index, excerpt: excerpt(p.index, p.length), message: `${where(field, p.index)}含${p.label}（${p.masked}），属于个人信息，发布前须删除或隐藏` });
    }
    for (const re of [SECRECY_STAR, SECRECY_LINE, INTERNAL]) {
      for (const m of text.matchAll(re)) {
        const mark = m[0].trim();
        const index = m.index + m[0].indexOf(mark);
        out.push({ code: 'secrecy_mark', severity: 'block', field, index, excerpt: excerpt(index, mark.length), message: `${where(field, index)}有密级或内部标志“${mark}”，涉密或内部信息不得公开发布，须经保密审查处理` });
      }
    }
    for (const word of rules.sensitiveWords) {
      for (let i = text.indexOf(word); word && i >= 0; i = text.indexOf(word, i + word.length)) {
        out.push({ code: 'sensitive_word', severity: 'warn', field, index: i, excerpt: excerpt(i, word.length), message: `${where(field, i)}有敏感词“${word}”，请确认是否适合公开` });
      }
    }
    for (const { wrong, right } of rules.wordingErrors) {
      // The wrong form may be part of the right one ('国务院办' in '国务院办公厅'): such a match is correct text.
      const at = right.indexOf(wrong);
      const insideRight = (i: number) => at >= 0 && text.startsWith(right, i - at);
      for (let i = text.indexOf(wrong); wrong && i >= 0; i = text.indexOf(wrong, i + wrong.length)) {
        if (insideRight(i)) continue;
        out.push({ code: 'wording_error', severity: 'block', field, index: i, excerpt: excerpt(i, wrong.length), message: `${where(field, i)}“${wrong}”疑为错误表述，应为“${right}”` });
      }
    }
  }
  return out.sort((a, b) => (a.field === b.field ? a.index - b.index : a.field < b.field ? -1 : 1));
}

export function hasBlocking(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The text a reader sees: tags removed, block ends as line breaks, entities decoded. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote)>|<br\s*\/?>/gi, '\n')
    // Table cells end with a space, so the words of two cells never run together.
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (all, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
