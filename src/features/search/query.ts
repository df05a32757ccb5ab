// Searching (issue #4 item 2): the query normalized and segmented like the index, matched through
// the GIN index, ranked by relevance (title > doc number and issuer > summary > body), the entry's
// prior (in force before repealed, answers and policies before notices) and recency; facets with
// counts; snippets with the terms marked; suggestions when nothing matches.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows, runsQueriesAtOnce } from '../../db/client.js';
import { chinaDate } from '../../domain/dates.js';
import { parseQuery, snippet, type SnippetPart, type SnippetText } from '../../domain/search-text.js';
import { DOC_TYPE_LABELS } from '../../domain/document-metadata.js';
import { VALIDITY_LABELS, type Validity } from '../../domain/validity.js';
import { documentVersions } from '../documents/schema.js';
import { knowledgeEntries, knowledgeSources } from '../knowledge/schema.js';
import { documentHref, knowledgeHref } from '../../portal/links.js';
import { organizations } from '../orgs/schema.js';
import { SEARCH_KIND_LABELS, type SearchKind } from './schema.js';
import { countFacets, countOwnFacet, probe, FACET_NAMES, filtered, type FacetCount, type FacetName, type Filters } from './counts.js';
import { snippetTextOf } from './snippet-texts.js';
import { NO_MATCHES, recentCounts, rememberCounts } from './recent-counts.js';
import { likelyRankedSet, pageOf, ranked, RANKED_MATCHES, rankedSet, severalNewestYears, TITLE_CANDIDATES, type RankedRow } from './ranking.js';

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
  /** The total and the facet counts are estimates (a sample of very many matches), shown as 约. */
  estimated: boolean;
}

/** The text a snippet is cut from: the document's summary and body, or the answer. */
async function texts(db: Db, rows: RankedRow[]): Promise<Map<number, SnippetText>> {
  const out = new Map<number, SnippetText>();
  const docIds = rows.flatMap((r) => (r.document_id ? [r.document_id] : []));
  const kIds = rows.flatMap((r) => (r.knowledge_id ? [r.knowledge_id] : []));
  if (docIds.length) {
    const docs = await db
      .select({ id: documentVersions.documentId, summary: documentVersions.summary, body: documentVersions.body })
      .from(documentVersions)
      .where(and(inArray(documentVersions.documentId, docIds), eq(documentVersions.isCurrent, true)));
    for (const d of docs) out.set(d.id, snippetTextOf(d.body, d.summary));
  }
  if (kIds.length) {
    const ks = await db.select({ id: knowledgeEntries.id, answer: knowledgeEntries.answer }).from(knowledgeEntries).where(inArray(knowledgeEntries.id, kIds));
    for (const k of ks) out.set(-k.id, snippetTextOf(k.answer));
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
      passage: snippet(snippetTextOf(s.body), terms, 160),
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

/** The organization's id for its code; -1 (matching nothing) for an unknown code. */
async function orgIdOf(db: Db, code: string): Promise<number> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code));
  return org?.id ?? -1;
}

interface Found {
  total: number;
  rows: RankedRow[];
  facetRows: FacetCount[][];
  estimated: boolean;
}

export async function search(db: Db, query: SearchQuery, topicName: (code: string) => string = (c) => c): Promise<SearchResult> {
  const page = Math.min(Math.max(query.page ?? 1, 1), SEARCH_MAX_PAGE);
  const parsed = parseQuery(query.q);
  const empty: SearchResult['facets'] = { kind: [], org: [], year: [], docType: [], topic: [], validity: [] };
  const none = { q: query.q, items: [], total: 0, page, pageSize: SEARCH_PAGE_SIZE, facets: empty, answer: null, relaxed: false, estimated: false };
  if (!parsed.tsquery) return { ...none, suggestions: [] };
  const { q: _q, page: _p, org, ...rest } = query;
  const filters: Filters = { ...rest, orgId: org ? await orgIdOf(db, org) : undefined };
  const own = FACET_NAMES.filter((n) => (n === 'org' ? org : query[n]) !== undefined);
  const shared = FACET_NAMES.filter((n) => !own.includes(n));
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const limit = Math.max(TITLE_CANDIDATES, offset + SEARCH_PAGE_SIZE);
  const titleTerms = parsed.terms.filter((t) => !parsed.docNumbers.includes(t));

  const find = async (words: string): Promise<Found | null> => {
    // Words no entry holds together, lately (a question, then one of its facets chosen): no entry
    // holds them under a filter either.
    if (recentCounts(words)?.total === 0) return null;
    const matches = filtered(words, filters);
    // The probe tells how many there are and of which years; on PostgreSQL the ranking most likely
    // wanted (this year's matches) runs beside it, and again with the probe's set only when that
    // differs. PGlite runs one query at a time: there a guess that proves wrong only adds its time
    // (at 100k documents a search took 21.5 ms on average with the guess, 17.8 without), so this
    // year's ranking runs after the probe, when it is wanted.
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const likely = likelyRankedSet(matches, year);
    const early = runsQueriesAtOnce(db) ? ranked(db, likely, words, parsed.docNumbers, titleTerms, limit) : null;
    early?.catch(() => {}); // awaited below, or not needed
    const thisYear = () => early ?? ranked(db, likely, words, parsed.docNumbers, titleTerms, limit);
    // A facet whose value is chosen counts without that filter (what choosing another would give):
    // passes of their own, which need nothing from the probe.
    const owned = Promise.all(own.map((n) => countOwnFacet(db, words, filters, n)));
    owned.catch(() => {});
    const probed = await probe(db, matches, shared);
    const set = rankedSet(matches, probed.estimate, probed.years);
    // None in the probe's bucket: most often none at all (the words never meet, or not under these
    // filters), so the count goes first and the rest only when there are some.
    const counting = countFacets(db, matches, probed, shared);
    if (probed.estimate === 0 && !(await counting).total) {
      rememberCounts(matches, NO_MATCHES);
      return null;
    }
    const rank = (of: string) => ranked(db, of, words, parsed.docNumbers, titleTerms, limit).then((r) => r.rows);
    // The probe asks for more years than this one when it expects too few matches in it — an
    // estimate from 1/64 of them. This year's, counted exactly by their own ranking, serve when they
    // hold the RANKED_MATCHES: the 50 pages are full with the newest, and the older years are not
    // read again (a third of a search's time for words with some thousands of matches). Tried only
    // when the probe expects half as many there at least (else, on PGlite, a query in vain).
    const thisYearMay = (probed.years.find((y) => y.year === year)?.count ?? 0) >= RANKED_MATCHES / 2;
    const ranking =
      set === likely
        ? thisYear().then((r) => r.rows)
        : severalNewestYears(set, matches) && thisYearMay
          ? thisYear().then((r) => (r.setSize >= RANKED_MATCHES ? r.rows : rank(set)))
          : rank(set);
    const [pass, ownCounts, rows] = await Promise.all([counting, owned, ranking]);
    rememberCounts(matches, pass.total ? pass : NO_MATCHES);
    if (!pass.total) return null;
    return {
      total: pass.total,
      rows,
      facetRows: FACET_NAMES.map((n) => (own.includes(n) ? ownCounts[own.indexOf(n)].counts : pass.facets.get(n)!)),
      estimated: pass.estimated || ownCounts.some((c) => c.estimated),
    };
  };
  let found = await find(parsed.tsquery);
  let relaxed = false;
  // A question in everyday words: when no entry has every word, those with most of them.
  if (!found && parsed.anyTsquery) {
    found = await find(parsed.anyTsquery);
    relaxed = found !== null;
  }
  if (!found) return { ...none, suggestions: await suggestionsFor(db, parsed.normalized) };
  const { total, facetRows } = found;
  const rows = pageOf(found.rows, parsed.normalized, parsed.terms, offset, SEARCH_PAGE_SIZE);
  const names = FACET_NAMES;
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
    suggestions: [],
    relaxed,
    estimated: found.estimated,
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
