// Searching (issue #4 item 2): the query normalized and segmented like the index, matched through
// the GIN index, ranked by relevance (title > doc number and issuer > summary > body), the entry's
// prior (in force before repealed, answers and policies before notices) and recency; facets with
// counts; snippets with the terms marked; suggestions when nothing matches.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { normalizeText, parseQuery, quoteLexeme, snippet, type SnippetPart } from '../../domain/search-text.js';
import { htmlToPlainText } from '../../domain/text-checks.js';
import { DOC_TYPE_LABELS } from '../../domain/document-metadata.js';
import { VALIDITY_LABELS, type Validity } from '../../domain/validity.js';
import { documentVersions } from '../documents/schema.js';
import { knowledgeEntries, knowledgeSources } from '../knowledge/schema.js';
import { documentHref, knowledgeHref } from '../../portal/links.js';
import { organizations } from '../orgs/schema.js';
import { SEARCH_KIND_LABELS, type SearchKind } from './schema.js';

export const SEARCH_PAGE_SIZE = 10;
/** Ranked results are read this deep at most (50 pages): nobody reads further, and it bounds the work. */
export const SEARCH_MAX_PAGE = 50;

export interface SearchQuery {
  q: string;
  kind?: SearchKind;
  /** Organization code of the issuer. */
  org?: string;
  year?: number;
  docType?: string;
  /** A first-level gov.cn topic code ('11') or a second-level one ('11.02'). */
  topic?: string;
  validity?: Validity;
  page?: number;
}

type FacetName = 'kind' | 'org' | 'year' | 'docType' | 'topic' | 'validity';

export interface SearchItem {
  kind: SearchKind;
  id: number;
  documentId: number | null;
  knowledgeId: number | null;
  title: string;
  docNumber: string;
  orgName: string;
  publishedAt: Date;
  validity: Validity | null;
  snippet: SnippetPart[];
  url: string;
}

export interface SearchAnswer {
  id: number;
  question: string;
  /** Sanitized HTML, as stored. */
  answerHtml: string;
  url: string;
  sources: { documentId: number; title: string; docNumber: string; orgName: string; note: string; url: string; passage: SnippetPart[] }[];
}

export interface SearchResult {
  q: string;
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<FacetName, { value: string; label: string; count: number }[]>;
  answer: SearchAnswer | null;
  suggestions: string[];
  /** Not every word occurs anywhere: these results hold some of them (shown as such). */
  relaxed: boolean;
}

const e = sql.raw('e');

/** Every filter of the query but `except`'s own, so a facet counts what choosing it would give. */
function conditions(q: SearchQuery, tsquery: string, except?: FacetName): SQL {
  const conds: SQL[] = [sql`e.tsv @@ ${tsquery}::tsquery`];
  if (q.kind && except !== 'kind') conds.push(sql`e.kind = ${q.kind}`);
  if (q.org && except !== 'org') conds.push(sql`e.org_id = (select id from organizations where code = ${q.org})`);
  if (q.year && except !== 'year') conds.push(sql`e.year = ${q.year}`);
  if (q.docType && except !== 'docType') conds.push(sql`e.doc_type = ${q.docType}`);
  if (q.topic && except !== 'topic') conds.push(q.topic.includes('.') ? sql`e.topic = ${q.topic}` : sql`e.topic like ${`${q.topic}.%`}`);
  if (q.validity && except !== 'validity') conds.push(sql`e.validity = ${q.validity}`);
  return sql.join(conds, sql` and `);
}

/**
 * Relevance: ts_rank with weights D 0.1, C 0.2, B 0.5, A 1.0 (normalized by length), lifted by the
 * entry's prior, plus a little for recency (a notice of this year above the same words ten years
 * ago), plus a lot for the document that carries an asked-for doc number as its own (weight B).
 */
const score = (tsquery: string, docNumbers: string[]) => {
  const own = docNumbers.length ? sql`case when e.tsv @@ ${docNumbers.map((d) => `${quoteLexeme(d)}:B`).join(' | ')}::tsquery then 1 else 0 end` : sql`0`;
  return sql`ts_rank('{0.1,0.2,0.5,1.0}', e.tsv, ${tsquery}::tsquery, 1) * (1 + e.static_score) + 0.02 * e.static_score + 0.02 / (1 + extract(epoch from (now() - e.published_at)) / 31557600) + ${own}`;
};

/** Candidates read in rank order before the titles are compared with the query (see titleBonus). */
const CANDIDATES = 50;

const compact = (s: string) => normalizeText(s).replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The second look, on the first candidates only: a title that says what was asked, in those words,
 * beats one that merely contains them (怎么申请政府信息公开 → the question 怎么申请政府信息公开？).
 */
export function titleBonus(title: string, query: string, terms: string[]): number {
  const t = compact(title);
  const q = compact(query);
  if (q.length >= 2 && t.includes(q)) return 0.5;
  const covered = terms.filter((term) => t.includes(compact(term))).length;
  return terms.length ? (0.3 * covered) / terms.length : 0;
}

/**
 * The stored column each facet counts, grouped as stored: no cast or function per match (on a
 * common word that per-row work cost as much as reading the matches). Topics are counted per
 * second-level code and summed to the first level here.
 */
const FACET_COLUMN: Record<FacetName, string> = {
  kind: 'kind',
  org: 'org_id',
  year: 'year',
  docType: 'doc_type',
  topic: 'topic',
  validity: 'validity',
};

type FacetCount = { value: string | null; count: number };
const FACET_NAMES = Object.keys(FACET_COLUMN) as FacetName[];
const FACET_LIMIT = 30;

/** Counts as shown: values as text, topics summed to their first level, the largest first. */
function facetCounts(name: FacetName, rows: { value: unknown; count: number }[]): FacetCount[] {
  const sums = new Map<string | null, number>();
  for (const r of rows) {
    const raw = r.value === null || r.value === undefined ? null : String(r.value);
    const value = name === 'topic' && raw !== null ? raw.split('.')[0] : raw;
    sums.set(value, (sums.get(value) ?? 0) + Number(r.count));
  }
  return [...sums].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count).slice(0, FACET_LIMIT);
}

/** A facet whose own filter is set counts without that filter: one pass of its own. */
async function facet(db: Db, q: SearchQuery, tsquery: string, name: FacetName): Promise<FacetCount[]> {
  const rows = await queryRows<{ value: unknown; count: number }>(
    db,
    sql`select e.${sql.raw(FACET_COLUMN[name])} as value, count(*)::int as count from search_entries ${e} where ${conditions(q, tsquery, name)} group by 1`,
  );
  return facetCounts(name, rows);
}

/**
 * The total and every facet whose own filter is not set, in one pass over the matches (GROUPING
 * SETS) instead of one scan each: the matches of a common word are the expensive part.
 */
async function sharedCounts(db: Db, q: SearchQuery, tsquery: string, names: FacetName[]): Promise<{ total: number; facets: Map<FacetName, FacetCount[]> }> {
  const cols = names.map((n) => `e.${FACET_COLUMN[n]}`);
  const sets = [...cols.map((x) => `(${x})`), '()'].join(', ');
  const rows = await queryRows<Record<string, unknown> & { g: number; count: number }>(
    db,
    sql`select ${sql.raw(names.length ? `grouping(${cols.join(', ')})` : '0')}::int as g, ${sql.raw(cols.map((c, i) => `${c} as c${i}, `).join(''))}count(*)::int as count
          from search_entries ${e} where ${conditions(q, tsquery)}
          group by grouping sets (${sql.raw(sets)})`,
  );
  const all = (1 << names.length) - 1;
  const grouped = new Map<FacetName, { value: unknown; count: number }[]>(names.map((n) => [n, []]));
  let total = 0;
  for (const r of rows) {
    if (r.g === all) {
      total = r.count;
      continue;
    }
    // The set's own column is the one bit that is 0 (the first argument is the highest bit).
    const i = names.findIndex((_, k) => ((r.g >> (names.length - 1 - k)) & 1) === 0);
    grouped.get(names[i])!.push({ value: r[`c${i}`], count: r.count });
  }
  return { total, facets: new Map(names.map((n) => [n, facetCounts(n, grouped.get(n)!)])) };
}

interface Row {
  id: number;
  kind: SearchKind;
  document_id: number | null;
  knowledge_id: number | null;
  title: string;
  doc_number: string;
  org_name: string;
  published_at: string | Date;
  validity: Validity | null;
  score: number;
}

/**
 * ts_rank reads every match's whole vector: on a common word over a million entries, ranking all
 * matches would cost more than the rest of the search together. So at most RANKED_MATCHES are
 * ranked — first those whose titles hold every word, then by the entry's prior and recency — which
 * is every match whenever there are fewer (as for every query of the relevance set).
 */
export const RANKED_MATCHES = 1000;

async function ranked(db: Db, q: SearchQuery, tsquery: string, docNumbers: string[], titleTerms: string[], limit: number): Promise<Row[]> {
  // (A constant cannot stand in ORDER BY: without words, the prior and recency alone.)
  const titleFirst = titleTerms.length ? sql`${sql.join(titleTerms.map((t) => sql`strpos(e.title, ${t}) > 0`), sql` and `)} desc,` : sql``;
  return queryRows<Row>(
    db,
    sql`with c as materialized (
          select e.id from search_entries ${e} where ${conditions(q, tsquery)}
          order by ${titleFirst} e.static_score desc, e.published_at desc, e.id desc limit ${RANKED_MATCHES})
        select e.id, e.kind, e.document_id, e.knowledge_id, e.title, e.doc_number, o.name as org_name, e.published_at, e.validity, ${score(tsquery, docNumbers)} as score
          from c join search_entries ${e} on e.id = c.id join organizations o on o.id = e.org_id
          order by score desc, e.published_at desc, e.id desc
          limit ${limit}`,
  );
}

/** The text a snippet is cut from: the document's summary and body, or the answer. */
async function texts(db: Db, rows: Row[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const docIds = rows.flatMap((r) => (r.document_id ? [r.document_id] : []));
  const kIds = rows.flatMap((r) => (r.knowledge_id ? [r.knowledge_id] : []));
  if (docIds.length) {
    const docs = await db
      .select({ id: documentVersions.documentId, summary: documentVersions.summary, body: documentVersions.body })
      .from(documentVersions)
      .where(and(inArray(documentVersions.documentId, docIds), eq(documentVersions.isCurrent, true)));
    for (const d of docs) out.set(d.id, `${d.summary}\n${htmlToPlainText(d.body)}`);
  }
  if (kIds.length) {
    const ks = await db.select({ id: knowledgeEntries.id, answer: knowledgeEntries.answer }).from(knowledgeEntries).where(inArray(knowledgeEntries.id, kIds));
    for (const k of ks) out.set(-k.id, htmlToPlainText(k.answer));
  }
  return out;
}

/** 一网可答: the knowledge-base answer with the policies it rests on and their passages that answer it. */
async function answerOf(db: Db, knowledgeId: number, terms: string[]): Promise<SearchAnswer | null> {
  const [k] = await db.select().from(knowledgeEntries).where(and(eq(knowledgeEntries.id, knowledgeId), eq(knowledgeEntries.status, 'published')));
  if (!k) return null;
  const sources = await db
    .select({ documentId: knowledgeSources.documentId, note: knowledgeSources.note, title: documentVersions.title, docNumber: documentVersions.docNumber, body: documentVersions.body, orgName: organizations.name })
    .from(knowledgeSources)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, knowledgeSources.documentId), eq(documentVersions.isCurrent, true)))
    .innerJoin(organizations, eq(organizations.id, documentVersions.orgId))
    .where(eq(knowledgeSources.knowledgeId, k.id));
  return {
    id: k.id,
    question: k.question,
    answerHtml: k.answer,
    url: knowledgeHref(k.id),
    sources: sources.map((s) => ({
      documentId: s.documentId,
      title: s.title,
      docNumber: s.docNumber,
      orgName: s.orgName,
      note: s.note,
      url: documentHref(s.documentId),
      passage: snippet(htmlToPlainText(s.body), terms, 160),
    })),
  };
}

/** When nothing matches: each word of a several-word query on its own, if that finds something. */
async function suggestionsFor(db: Db, normalized: string): Promise<string[]> {
  const words = normalized.split(' ').filter(Boolean);
  const out: string[] = [];
  for (const w of words.length > 1 ? words : []) {
    const p = parseQuery(w);
    if (!p.tsquery) continue;
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from search_entries where tsv @@ ${p.tsquery}::tsquery limit 1) x`);
    if (n) out.push(w);
  }
  return out;
}

const LABELS: Partial<Record<FacetName, Record<string, string>>> = { kind: SEARCH_KIND_LABELS, docType: DOC_TYPE_LABELS, validity: VALIDITY_LABELS };

export async function search(db: Db, query: SearchQuery, topicName: (code: string) => string = (c) => c): Promise<SearchResult> {
  const page = Math.min(Math.max(query.page ?? 1, 1), SEARCH_MAX_PAGE);
  const parsed = parseQuery(query.q);
  const empty: SearchResult['facets'] = { kind: [], org: [], year: [], docType: [], topic: [], validity: [] };
  if (!parsed.tsquery) return { q: query.q, items: [], total: 0, page, pageSize: SEARCH_PAGE_SIZE, facets: empty, answer: null, suggestions: [], relaxed: false };
  const own = FACET_NAMES.filter((n) => query[n] !== undefined);
  const shared = FACET_NAMES.filter((n) => query[n] === undefined);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const titleTerms = parsed.terms.filter((t) => !parsed.docNumbers.includes(t));
  // Counts, facets and the ranked page are independent reads: on PostgreSQL they run side by side.
  const run = (tsquery: string) =>
    Promise.all([
      sharedCounts(db, query, tsquery, shared),
      ranked(db, query, tsquery, parsed.docNumbers, titleTerms, Math.max(CANDIDATES, offset + SEARCH_PAGE_SIZE)),
      Promise.all(own.map((name) => facet(db, query, tsquery, name))),
    ]);
  let [counts, candidates, ownRows] = await run(parsed.tsquery);
  let relaxed = false;
  // A question in everyday words: when no entry has every word, those with most of them.
  if (!counts.total && parsed.anyTsquery) {
    const some = await run(parsed.anyTsquery);
    if (some[0].total) {
      [counts, candidates, ownRows] = some;
      relaxed = true;
    }
  }
  const total = counts.total;
  const facetRows = FACET_NAMES.map((n) => (own.includes(n) ? ownRows[own.indexOf(n)] : counts.facets.get(n)!));
  const head = candidates
    .slice(0, CANDIDATES)
    .map((r) => ({ r, s: Number(r.score) + titleBonus(r.title, parsed.normalized, parsed.terms) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.r);
  const rows = [...head, ...candidates.slice(CANDIDATES)].slice(offset, offset + SEARCH_PAGE_SIZE);
  const names = Object.keys(FACET_COLUMN) as FacetName[];
  const orgIds = facetRows[names.indexOf('org')].map((r) => Number(r.value));
  const orgs = orgIds.length ? await db.select({ id: organizations.id, code: organizations.code, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds)) : [];
  const facets = Object.fromEntries(
    names.map((name, i) => [
      name,
      facetRows[i]
        .filter((r) => r.value !== null && r.value !== '')
        .map((r) => {
          if (name === 'org') {
            const org = orgs.find((o) => o.id === Number(r.value));
            return { value: org?.code ?? '', label: org?.name ?? '', count: r.count };
          }
          const label = name === 'year' ? `${r.value}年` : name === 'topic' ? topicName(r.value!) : (LABELS[name]?.[r.value!] ?? r.value!);
          return { value: r.value!, label, count: r.count };
        })
        .filter((f) => f.value),
    ]),
  ) as SearchResult['facets'];
  if (facets.year) facets.year.sort((a, b) => Number(b.value) - Number(a.value));

  const bodies = await texts(db, rows);
  const items: SearchItem[] = rows.map((r) => ({
    kind: r.kind,
    id: r.document_id ?? r.knowledge_id!,
    documentId: r.document_id,
    knowledgeId: r.knowledge_id,
    title: r.title,
    docNumber: r.doc_number,
    orgName: r.org_name,
    publishedAt: new Date(r.published_at),
    validity: r.validity,
    snippet: snippet(r.document_id ? (bodies.get(r.document_id) ?? '') : (bodies.get(-r.knowledge_id!) ?? ''), parsed.terms),
    url: r.document_id ? documentHref(r.document_id) : knowledgeHref(r.knowledge_id!),
  }));
  // 一网可答: the best answer of the knowledge base, when one is among the first results.
  const best = page === 1 ? rows.slice(0, 3).find((r) => r.kind === 'answer') : undefined;
  const answer = best ? await answerOf(db, best.knowledge_id!, parsed.terms) : null;
  return {
    q: query.q,
    items,
    total,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    facets,
    answer,
    suggestions: total ? [] : await suggestionsFor(db, parsed.normalized),
    relaxed,
  };
}

/** Autocomplete: titles whose words start with what was typed (title words only, weight A). */
export async function suggestTitles(db: Db, prefix: string, limit = 8): Promise<{ title: string; url: string }[]> {
  const { tsquery } = parseQuery(prefix, { weight: 'A', prefixLast: true });
  if (!tsquery) return [];
  const rows = await queryRows<{ title: string; document_id: number | null; knowledge_id: number | null }>(
    db,
    sql`select title, document_id, knowledge_id from search_entries where tsv @@ ${tsquery}::tsquery order by static_score desc, published_at desc limit ${limit}`,
  );
  return rows.map((r) => ({ title: r.title, url: r.document_id ? documentHref(r.document_id) : knowledgeHref(r.knowledge_id!) }));
}
