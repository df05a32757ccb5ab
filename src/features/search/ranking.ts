// Ranking (issue #4 item 2): relevance by weight (title > doc number and issuer > summary > body),
// the entry's prior (in force before repealed, answers and policies before notices), recency, the
// document carrying an asked-for doc number first, then a second look at the first titles.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { anyOf, bucketsFor, facetTerm, MAX_SAMPLE_BUCKETS, recentYears, SAMPLE_BUCKETS, sampleBuckets } from '../../domain/search-facets.js';
import { normalizeText, quoteLexeme } from '../../domain/search-text.js';
import type { Validity } from '../../domain/validity.js';
import type { SearchKind } from './schema.js';

/**
 * ts_rank reads every match's whole vector, so at most this many matches are ranked (the 50 result
 * pages of 10). They are chosen among all matches when the probe estimates at most twice as many
 * (every query of the relevance set), else among the newest — publication years from the newest
 * back until about twice as many (by the probe's estimates), sampled if one year alone holds far
 * more, or this year's alone when they are this many or more (counted exactly as they are ranked) —
 * together with every matching knowledge-base answer. Older matches of a common word are reached
 * through the year filter.
 */
export const RANKED_MATCHES = 500;
/** The matches the ranked ones are chosen from when there are many more. */
const CANDIDATE_POOL = 2 * RANKED_MATCHES;

export interface RankedRow {
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
 * Relevance: ts_rank with weights D 0.1, C 0.2, B 0.5, A 1.0 (normalized by length), lifted by the
 * entry's prior, plus a little for recency (a notice of this year above the same words ten years
 * ago), plus a lot for the document that carries an asked-for doc number as its own (weight B).
 */
const score = (tsquery: string, docNumbers: string[]) => {
  const own = docNumbers.length ? sql`case when e.tsv @@ ${docNumbers.map((d) => `${quoteLexeme(d)}:B`).join(' | ')}::tsquery then 1 else 0 end` : sql`0`;
  return sql`ts_rank('{0.1,0.2,0.5,1.0}', e.tsv, ${tsquery}::tsquery, 1) * (1 + e.static_score) + 0.02 * e.static_score + 0.02 / (1 + extract(epoch from (now() - e.published_at)) / 31557600) + ${own}`;
};

/** The matches that are ranked: all, or the newest ones and every answer (see RANKED_MATCHES). */
export function rankedSet(tsquery: string, estimate: number, years: { year: number; count: number }[]): string {
  if (estimate <= CANDIDATE_POOL || !years.length) return tsquery;
  const newest = recentYears(years, CANDIDATE_POOL);
  const inNewest = newest.reduce((n, y) => n + (years.find((x) => x.year === y)?.count ?? 0), 0);
  // A sample of the newest, when one of at most MAX_SAMPLE_BUCKETS buckets is expected to hold the
  // matches ranked with a quarter to spare (the years' counts are themselves estimated from one
  // bucket, within 8 % at such sizes, and the 50th page must stay full): this year's 12,000 matches
  // of a common word are read as 750.
  const buckets = Math.min(bucketsFor(inNewest, CANDIDATE_POOL), MAX_SAMPLE_BUCKETS);
  const sample = (inNewest * buckets) / SAMPLE_BUCKETS >= 1.25 * RANKED_MATCHES ? ` & ${sampleBuckets(buckets)}` : '';
  // One AND at the top (the query, then which entries): the index answers that form fastest.
  return `(${tsquery}) & ((${anyOf('p', newest)}${sample}) | ${facetTerm('k', 'answer')})`;
}

/**
 * The set ranking will most likely read for a very common word: this year's matches and the answers
 * (what rankedSet gives when this year alone holds enough of them). Searched for beside the probe,
 * and used when the probe agrees: the probe is then off the way to the first page.
 */
export function likelyRankedSet(tsquery: string, thisYear: number): string {
  return rankedSet(tsquery, Number.POSITIVE_INFINITY, [{ year: thisYear, count: 2 * CANDIDATE_POOL }]);
}

/** Whether a set of rankedSet reads newest years of the matches, whole: neither all of them nor a sample. */
export const severalNewestYears = (set: string, matches: string) => set !== matches && !set.includes(facetTerm('b', 0));

export interface Ranked {
  rows: RankedRow[];
  /** How many matches the set held (the ranked ones were chosen among them). */
  setSize: number;
}

/** The first `limit` ranked rows of the matches of `set`, scored against `tsquery`. */
export async function ranked(db: Db, set: string, tsquery: string, docNumbers: string[], titleTerms: string[], limit: number): Promise<Ranked> {
  // (A constant cannot stand in ORDER BY: without words, the prior and recency alone.)
  const titleFirst = titleTerms.length ? sql`${sql.join(titleTerms.map((t) => sql`strpos(e.title, ${t}) > 0`), sql` and `)} desc,` : sql``;
  const rows = await queryRows<RankedRow & { set_size: number }>(
    db,
    sql`with c as materialized (
          select e.id, count(*) over () as set_size from search_entries e where e.tsv @@ ${set}::tsquery
          order by ${titleFirst} e.static_score desc, e.published_at desc, e.id desc limit ${RANKED_MATCHES})
        select e.id, e.kind, e.document_id, e.knowledge_id, e.title, e.doc_number, o.name as org_name, e.published_at, e.validity, ${score(tsquery, docNumbers)} as score, c.set_size::int as set_size
          from c join search_entries e on e.id = c.id join organizations o on o.id = e.org_id
          order by score desc, e.published_at desc, e.id desc
          limit ${limit}`,
  );
  return { rows, setSize: rows[0]?.set_size ?? 0 };
}

/** Candidates read in rank order before the titles are compared with the query (see titleBonus). */
export const TITLE_CANDIDATES = 50;

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

/** The page: the first candidates re-ordered by titleBonus, the rest as ranked. */
export function pageOf(rows: RankedRow[], normalized: string, terms: string[], offset: number, size: number): RankedRow[] {
  const head = rows
    .slice(0, TITLE_CANDIDATES)
    .map((r) => ({ r, s: Number(r.score) + titleBonus(r.title, normalized, terms) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.r);
  return [...head, ...rows.slice(TITLE_CANDIDATES)].slice(offset, offset + size);
}
