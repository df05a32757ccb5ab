// Text for search (issue #4): what the index stores and what a query looks for, made the same way
// so that they meet. Pure: no I/O beyond the segmenter's dictionaries, loaded once.
//
//  - Normalization: Traditional → Simplified (政務公開 → 政务公开), full-width → half-width letters
//    and digits, lower case, and every bracket form of a doc number (乐政办发[2021]19号,
//    乐政办发（2021）19号, 乐政办发2021年19号) to the official 〔〕 form.
//  - Segmentation: jieba's precise mode with a dictionary of government terms
//    (resources/search/gov-dict.txt); a long word also yields its parts at the same position
//    (人民政府 → 人民, 政府), so a query for a part finds the whole.
//  - The index gets a weighted tsvector built here as a literal (lexemes, positions, weights), so
//    PostgreSQL's own parser — which does not know Chinese — never touches the text; queries are
//    built as tsquery literals the same way.
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const twToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Every character either converter changes, on its own or inside one of its dictionaries' phrases (瞭
 * in 一目瞭然, 沈 in 意志消沈): resources/search/convertible-chars.txt, checked against opencc by a test.
 * Most text holds none, and the converters — a dictionary walk over the whole text, twice — were a
 * third of the cost of indexing a document: they run only on text that holds one.
 */
const CONVERTIBLE = new Set(readFileSync(new URL('../../resources/search/convertible-chars.txt', import.meta.url), 'utf8'));
/** The same set for a scan by UTF-16 unit: one flag per BMP character; the rare astral ones looked up in the set. */
const CONVERTIBLE_BMP = new Uint8Array(0x10000);
for (const c of CONVERTIBLE) if (c.length === 1) CONVERTIBLE_BMP[c.charCodeAt(0)] = 1;

export function hasConvertible(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (CONVERTIBLE_BMP[u]) return true;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length && CONVERTIBLE.has(s.slice(i, i + 2))) return true;
  }
  return false;
}

/**
 * Characters no phrase of the converters' dictionaries holds (a test checks it; ；！？ are half-width
 * by then): the converters' longest-match walk starts afresh after one, so each sentence between them
 * converts on its own, and only the sentences that hold a convertible character need the walk (著 or
 * 坏 turn up in a third of long bodies, once or twice each).
 */
export const SENTENCE_END = '。;!?\n';
const SENTENCES = new RegExp(`[^${SENTENCE_END}]+`, 'g');
const convert = (s: string) => twToSimplified(toSimplified(s));
const simplified = (s: string) => (hasConvertible(s) ? s.replace(SENTENCES, (sentence) => (hasConvertible(sentence) ? convert(sentence) : sentence)) : s);

/** Every character the converters change, alone or in a phrase (for the test that keeps the file current). */
export function convertibleChars(): string[] {
  const out = new Set<string>();
  for (const [lo, hi] of [[0x3400, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ffff]]) {
    for (let cp = lo; cp <= hi; cp++) {
      const c = String.fromCodePoint(cp);
      if (toSimplified(c) !== c || twToSimplified(c) !== c) out.add(c);
    }
  }
  // A phrase the converters change though none of its characters changes alone: the characters that
  // change in it (一目瞭然 → 一目了然: 瞭).
  const { from, to } = OpenCC.Locale;
  for (const dicts of [...from.hk, ...from.tw, ...to.cn]) {
    for (const entries of dicts) {
      for (const entry of entries.split('|')) {
        const phrase = [...entry.slice(0, entry.indexOf(' '))];
        if (phrase.length < 2 || phrase.some((c) => out.has(c))) continue;
        const converted = [...twToSimplified(toSimplified(phrase.join('')))];
        if (converted.length === phrase.length) phrase.forEach((c, i) => c !== converted[i] && out.add(c));
      }
    }
  }
  return [...out];
}

let segmenter: Jieba | undefined;
function jieba(): Jieba {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    segmenter.loadDict(readFileSync(new URL('../../resources/search/gov-dict.txt', import.meta.url)));
  }
  return segmenter;
}

/** Full-width ASCII (Ａ１，) → half-width, ideographic space → space. */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const OPEN = '〔\\[［(（【〈<「';
const CLOSE = '〕\\]］)）】〉>」';
/**
 * A doc number: an issuer's abbreviation ending in a word such as 发, 函, 字, 办, 令 (乐政办发,
 * 示教发, 浙政办函), the year in any brackets or followed by 年, and the serial with 号.
 */
const DOC_NUMBER = new RegExp(`([\\u4e00-\\u9fa5]{1,12}?(?:发|函|字|办|令|告|通|复|规|呈|报|议))\\s*(?:[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]|(\\d{4})\\s*年?)\\s*(?:第\\s*)?(\\d{1,5})\\s*号`, 'g');

/**
 * Words that often stand right before a doc number in running text (根据浙政办发〔2020〕5号): not part
 * of the issuer's abbreviation, which the pattern alone cannot tell.
 */
const LEAD = /^(?:根据|依据|按照|参照|对照|贯彻|落实|执行|印发|转发|见|按|据|依|经|和|与|及|以及|或|的|是|由|将|对|在|即|为|以|同|并|及时|文件|精神|要求)+/;

function splitLead(prefix: string): [string, string] {
  const lead = prefix.match(LEAD)?.[0] ?? '';
  // Never strip the whole abbreviation.
  return lead.length < prefix.length - 1 ? [lead, prefix.slice(lead.length)] : ['', prefix];
}

/** Simplified, half-width, lower-case text with doc numbers in the official 〔〕 form. */
export function normalizeText(s: string): string {
  const text = simplified(halfWidth(s.normalize('NFC'))).toLowerCase();
  // Every doc number ends in a serial and 号: text without one (most of it) is not scanned for them.
  if (!HAS_SERIAL.test(text)) return text;
  return text.replace(DOC_NUMBER, (_m: string, prefix: string, y1?: string, y2?: string, n?: string) => {
    const [lead, issuer] = splitLead(prefix);
    return `${lead}${issuer}〔${y1 ?? y2}〕${Number(n)}号`;
  });
}
const HAS_SERIAL = /\d\s*号/;

/** Every doc number in a (normalized) text, in the official form. */
export function findDocNumbers(normalized: string): string[] {
  if (!normalized.includes('〔')) return [];
  return [...new Set([...normalized.matchAll(/([\u4e00-\u9fa5]{1,12})(〔\d{4}〕\d{1,5}号)/g)].map((m) => splitLead(m[1])[1] + m[2]))];
}

/** Words too common to search for on their own (they still count inside phrases of the index). */
const STOP = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '对', '为', '之', '其', '等', '将', '把', '被', '从', '以', '于', '也', '并', '而', '就', '都', '有', '个', '这', '那', '中', '上', '下', '我', '你', '他', '怎么', '怎样', '如何', '什么', '哪里', '哪些', '吗', '呢', '吧', '啊', '请问', '想', '要', '能', '可以', '需要']);

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

export interface Term {
  lexeme: string;
  /** Position in the field's word sequence, from 1. */
  pos: number;
}

/**
 * A lexeme of the index, remembered with its quoted form: the same few thousand words recur in every
 * document. tsvectorLiteral writes the literal's entry for it on the lexeme itself (`entry`, for the
 * literal numbered `literalNo`), so a long body's thousands of terms need no map of their own.
 */
interface Lexeme {
  text: string;
  quoted: string;
  literalNo: number;
  entry: string;
  positions: number;
}
/**
 * What a token of the precise cut gives the index: nothing (punctuation, spaces), or the word and,
 * for a long word, its parts (人民政府 → 人民, 政府); `word` is null for a word token that is blank
 * once trimmed (it still takes a position). Remembered, like the lexemes.
 */
interface TokenTerms {
  word: Lexeme | null;
  parts: Lexeme[];
}
const lexemes = new Map<string, Lexeme>();
const tokens = new Map<string, TokenTerms | null>();
/** Both caches are emptied together, so that one text never meets two objects for one lexeme. */
const CACHE_SIZE = 200_000;
function keepCachesSmall() {
  if (lexemes.size < CACHE_SIZE && tokens.size < CACHE_SIZE) return;
  lexemes.clear();
  tokens.clear();
}

function lexemeOf(text: string): Lexeme {
  let l = lexemes.get(text);
  if (!l) {
    keepCachesSmall();
    lexemes.set(text, (l = { text, quoted: quote(text), literalNo: 0, entry: '', positions: 0 }));
  }
  return l;
}

/**
 * The parts of a long Chinese word (人民政府 → 人民, 政府), indexed at the word's position and asked
 * for as an alternative to it: one rule for both, or a query for a part would miss the whole.
 */
function partsOf(word: string): string[] {
  if ([...word].length < 3 || !/\p{Script=Han}/u.test(word)) return [];
  return jieba()
    .cutForSearch(word, false)
    .filter((part) => part !== word && [...part].length >= 2);
}

function tokenTerms(token: string): TokenTerms | null {
  let t = tokens.get(token);
  if (t === undefined) {
    if (!isWord(token)) t = null;
    else {
      const word = token.trim();
      t = { word: word ? lexemeOf(word) : null, parts: partsOf(word).map(lexemeOf) };
    }
    keepCachesSmall();
    tokens.set(token, t);
  }
  return t;
}

/**
 * Each lexeme of a text at its position (from 1): precise cut, parts of long words, doc numbers
 * whole. A callback, not a list: a long body has thousands of terms, and tsvectorLiteral needs each
 * once.
 */
function eachTerm(text: string, add: (lexeme: Lexeme, pos: number) => void): void {
  const normalized = normalizeText(text);
  let pos = 0;
  const bracketed = normalized.includes('〔') || normalized.includes('〕');
  for (const token of jieba().cut(bracketed ? normalized.replace(/[〔〕]/g, ' ') : normalized, true)) {
    const t = tokenTerms(token);
    if (!t) continue;
    pos++;
    if (!t.word) continue;
    add(t.word, pos);
    for (const part of t.parts) add(part, pos);
  }
  // A doc number in running text may carry the words before it (…的通知示政发〔2019〕8号): its
  // shorter endings are indexed too, so a query with the issuer's abbreviation alone finds it.
  for (const dn of findDocNumbers(normalized)) {
    const at = dn.indexOf('〔');
    for (let start = 0; start <= at - 2; start++) add(lexemeOf(dn.slice(start)), Math.max(pos, 1));
  }
}

/** The lexemes of a text with their positions: precise cut, parts of long words, doc numbers whole. */
export function indexTerms(text: string): Term[] {
  const out: Term[] = [];
  eachTerm(text, (lexeme, pos) => out.push({ lexeme: lexeme.text, pos }));
  return out;
}

export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL's limits on a tsvector. */
const MAX_POS = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_LEXEME_BYTES = 2046;

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** A lexeme quoted for a tsvector or tsquery literal. */
export const quoteLexeme = quote;

/**
 * A tsvector literal of several weighted fields (title A, doc number and issuer B, summary C, body
 * D): positions run on across fields, so a phrase never spans two of them by accident.
 */
export function tsvectorLiteral(fields: { text: string; weight: Weight }[]): string {
  const literalNo = ++literalsWritten;
  const inLiteral: Lexeme[] = [];
  let offset = 0;
  for (const field of fields) {
    let last = 0;
    eachTerm(field.text, (lexeme, termPos) => {
      last = Math.max(last, termPos);
      // A UTF-16 unit is at most 3 bytes of UTF-8: only a long lexeme needs counting.
      if (lexeme.text.length > MAX_LEXEME_BYTES / 3 && Buffer.byteLength(lexeme.text) > MAX_LEXEME_BYTES) return;
      const pos = Math.min(offset + termPos, MAX_POS);
      if (lexeme.literalNo !== literalNo) {
        lexeme.literalNo = literalNo;
        lexeme.entry = `${lexeme.quoted}:${pos}${field.weight}`;
        lexeme.positions = 1;
        inLiteral.push(lexeme);
      } else if (lexeme.positions < MAX_POSITIONS_PER_LEXEME) {
        lexeme.entry += `,${pos}${field.weight}`;
        lexeme.positions++;
      }
    });
    offset = Math.min(offset + last + 1, MAX_POS);
  }
  let out = '';
  for (const lexeme of inLiteral) {
    out += out ? ` ${lexeme.entry}` : lexeme.entry;
    lexeme.entry = '';
  }
  return out;
}
let literalsWritten = 0;

export interface ParsedQuery {
  /** The normalized query, for display and suggestions. */
  normalized: string;
  /** A tsquery literal, or null when nothing searchable is left (only stop words, punctuation). */
  tsquery: string | null;
  /**
   * Each word of the query (of the cut, with its parts as in tsquery) joined by OR, for a question in
   * everyday words when not every word occurs anywhere (孩子几岁上小学); null for a single word.
   */
  anyTsquery: string | null;
  /** Doc numbers asked for, in the official form. */
  docNumbers: string[];
  /** The words to highlight in snippets. */
  terms: string[];
}

export interface QueryOptions {
  /** Match only lexemes of this weight (A: titles, for autocomplete). */
  weight?: Weight;
  /** Match the last word of the query by prefix even when it is Chinese (typing in progress). */
  prefixLast?: boolean;
}

/** One query word: its precise cut, a long word matching either itself or all of its parts. */
function wordQuery(word: string, prefix: boolean, opts: QueryOptions = {}): { query: string; parts: string[]; terms: string[] } | null {
  const w = opts.weight ?? '';
  const lex = (t: string, star = false) => `${quote(t)}${star || w ? ':' : ''}${star ? '*' : ''}${w}`;
  const tokens = jieba()
    .cut(word, true)
    .map((t) => t.trim())
    .filter((t) => isWord(t) && !STOP.has(t));
  if (!tokens.length) return null;
  const parts = tokens.map((t, i) => {
    const last = prefix && i === tokens.length - 1 && (opts.prefixLast || /^[a-z0-9]+$/.test(t));
    const self = lex(t, last);
    const sub = partsOf(t);
    return sub.length ? `( ${self} | ( ${sub.map((p) => lex(p)).join(' & ')} ) )` : self;
  });
  return { query: parts.length > 1 ? `( ${parts.join(' & ')} )` : parts[0], parts, terms: tokens };
}

/**
 * A query as citizens type it: words separated by spaces must all match (AND); a word in quotes
 * must match as a phrase; a doc number in any bracket form matches the document that carries it.
 */
export function parseQuery(q: string, opts: QueryOptions = {}): ParsedQuery {
  const normalized = normalizeText(q).replace(/\s+/g, ' ').trim();
  const docNumbers = findDocNumbers(normalized);
  let rest = normalized;
  for (const dn of docNumbers) rest = rest.replace(dn, ' ');
  const clauses: string[] = docNumbers.map(quote);
  // For the relaxed query: each word of the cut on its own, not each space-separated word — citizens
  // type a question without spaces (孩子几岁上小学), and it is one clause of several words.
  const anyClauses: string[] = docNumbers.map(quote);
  const terms: string[] = [];
  // Phrases in straight or curly quotes.
  rest = rest.replace(/["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g, (_m, phrase: string) => {
    const tokens = jieba()
      .cut(phrase, true)
      .map((t) => t.trim())
      .filter(isWord);
    if (tokens.length) {
      const clause = tokens.length > 1 ? `( ${tokens.map(quote).join(' <-> ')} )` : quote(tokens[0]);
      clauses.push(clause);
      anyClauses.push(clause);
      terms.push(tokens.join(''));
    }
    return ' ';
  });
  const words = rest.split(/[\s,，;；、。.!?！？:：/|()（）《》<>〈〉\[\]【】-]+/).filter(Boolean);
  words.forEach((w, i) => {
    const parsed = wordQuery(w, i === words.length - 1, opts);
    if (parsed) {
      clauses.push(parsed.query);
      anyClauses.push(...parsed.parts);
      terms.push(...parsed.terms);
    }
  });
  terms.push(...docNumbers);
  return {
    normalized,
    tsquery: clauses.length ? clauses.join(' & ') : null,
    anyTsquery: anyClauses.length > 1 ? anyClauses.join(' | ') : null,
    docNumbers,
    terms: [...new Set(terms)],
  };
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** A text as snippets are cut from it: spaces collapsed, and normalized for finding the terms. */
export interface SnippetText {
  plain: string;
  normalized: string;
}

export function snippetText(text: string): SnippetText {
  const plain = text.replace(/\s+/g, ' ').trim();
  return { plain, normalized: normalizeText(plain) };
}

/**
 * The passage of a text that holds the most query terms, with the terms marked: at most `length`
 * characters, cut at sentence ends where it can. The caller renders it (escaped) with <mark>.
 */
export function snippet(text: string | SnippetText, terms: string[], length = 120): SnippetPart[] {
  const { plain, normalized } = typeof text === 'string' ? snippetText(text) : text;
  if (!plain) return [];
  // Conversion keeps the length of almost every character; positions found in the normalized text
  // are used on the original, so what is shown is what was written (衢州's Traditional text stays so).
  const sameLength = normalized.length === plain.length;
  const haystack = sameLength ? normalized : plain.toLowerCase();
  const hits: [number, number][] = [];
  for (const term of terms.filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let i = haystack.indexOf(term); i >= 0; i = haystack.indexOf(term, i + term.length)) {
      if (!hits.some(([s, e]) => i < e && i + term.length > s)) hits.push([i, i + term.length]);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  // The window with the most hits.
  let start = 0;
  let best = -1;
  for (const [s] of hits) {
    const from = Math.max(0, s - 20);
    const count = hits.filter(([hs, he]) => hs >= from && he <= from + length).length;
    if (count > best) {
      best = count;
      start = from;
    }
  }
  const sentenceStart = plain.slice(0, start).search(/[。；！？][^。；！？]*$/);
  if (sentenceStart >= 0 && start - sentenceStart < 20) start = sentenceStart + 1;
  const end = Math.min(plain.length, start + length);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of hits) {
    if (s < start || e > end) continue;
    if (s > at) parts.push({ text: plain.slice(at, s), hit: false });
    parts.push({ text: plain.slice(s, e), hit: true });
    at = e;
  }
  if (at < end) parts.push({ text: plain.slice(at, end), hit: false });
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < plain.length) parts.push({ text: '…', hit: false });
  return parts;
}
