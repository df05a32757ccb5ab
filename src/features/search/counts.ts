// How many entries match, and the facet counts beside the results (issue #4 item 2).
//
// Filters are facet lexemes of the vector (src/domain/search-facets.ts), answered by the GIN index.
// Every match the database counts is a table row it must visit (to check it is visible), and a
// common word in a million documents has tens of thousands. So a probe first counts the matches in
// one sample bucket (1/64 of them): when that promises few matches, all are counted exactly, with
// the facets, in one pass; when many, the total and the facets are estimated from a uniform sample
// of about EXACT_FACETS_UP_TO matches, and shown as estimates (约).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { bucketsFor, facetTerm, SAMPLE_BUCKETS, sampleBuckets, withTerms, type FacetKey } from '../../domain/search-facets.js';
import type { SearchQuery } from './query.js';

export type FacetName = 'kind' | 'org' | 'year' | 'docType' | 'topic' | 'validity';
export const FACET_NAMES: FacetName[] = ['kind', 'org', 'year', 'docType', 'topic', 'validity'];

/** Counted exactly up to this many matches; above, estimated from a sample of about this many. */
export const EXACT_FACETS_UP_TO = 2000;
const FACET_LIMIT = 30;

const KEY: Record<FacetName, FacetKey> = { kind: 'k', org: 'o', year: 'y', docType: 'd', topic: 't', validity: 'v' };

/**
 * The stored column each facet counts, grouped as stored: no cast or function per row. Topics are
 * counted per second-level code and summed to the first level in facetCounts.
 */
const COLUMN: Record<FacetName, string> = { kind: 'kind', org: 'org_id', year: 'year', docType: 'doc_type', topic: 'topic', validity: 'validity' };

export type FacetCount = { value: string | null; count: number };

/** The query's filters, the organization given by id (looked up once per search). */
export type Filters = Omit<SearchQuery, 'q' | 'page' | 'org'> & { orgId?: number };

/** The tsquery with every filter but `except` as facet terms: what choosing a facet value would give. */
export function filtered(tsquery: string, f: Filters, except?: FacetName): string {
  const values: Record<FacetName, string | number | undefined> = { kind: f.kind, org: f.orgId, year: f.year, docType: f.docType, topic: f.topic, validity: f.validity };
  const terms = FACET_NAMES.filter((n) => n !== except && values[n] !== undefined).map((n) => facetTerm(KEY[n], values[n]!));
  return withTerms(tsquery, terms);
}

/** What a probe of sample bucket 0 (about 1/64 of the matches) tells before anything is counted. */
export interface Probe {
  /** Matches, estimated: 64 × those in the bucket. */
  estimate: number;
  /** Publication years of the matches with their estimated counts: where ranking looks first. */
  years: { year: number; count: number }[];
}

export async function probe(db: Db, tsquery: string): Promise<Probe> {
  const rows = await queryRows<{ year: number; n: number }>(
    db,
    sql`select extract(year from published_at at time zone 'Asia/Shanghai')::int as year, count(*)::int as n
          from search_entries where tsv @@ ${withTerms(tsquery, [sampleBuckets(1)])}::tsquery group by 1`,
  );
  return {
    estimate: rows.reduce((n, r) => n + r.n, 0) * SAMPLE_BUCKETS,
    years: rows.map((r) => ({ year: r.year, count: r.n * SAMPLE_BUCKETS })),
  };
}

/** Counts as shown: values as text, topics summed to their first level, the largest first. */
function facetCounts(name: FacetName, rows: { value: unknown; count: number }[], scale: number): FacetCount[] {
  const sums = new Map<string | null, number>();
  for (const r of rows) {
    const raw = r.value === null || r.value === undefined ? null : String(r.value);
    const value = name === 'topic' && raw !== null ? raw.split('.')[0] : raw;
    sums.set(value, (sums.get(value) ?? 0) + Number(r.count));
  }
  return [...sums]
    .map(([value, count]) => ({ value, count: Math.max(1, Math.round(count * scale)) }))
    .sort((a, b) => b.count - a.count)
    .slice(0, FACET_LIMIT);
}

export interface FacetPass {
  /** Matches (estimated when `estimated`). */
  total: number;
  facets: Map<FacetName, FacetCount[]>;
  /** Counted from a sample. */
  estimated: boolean;
}

/**
 * The total and the facets `names` over the matches of `tsquery` in one pass (GROUPING SETS):
 * over all of them when the probe's estimate is at most `exactUpTo`, else over a sample of about that many.
 */
export async function countFacets(db: Db, tsquery: string, estimate: number, names: FacetName[], exactUpTo = EXACT_FACETS_UP_TO): Promise<FacetPass> {
  // A probe of 0 can still hide up to a few hundred matches: those are counted exactly.
  const buckets = bucketsFor(estimate, exactUpTo);
  const estimated = buckets < SAMPLE_BUCKETS;
  const read = estimated ? withTerms(tsquery, [sampleBuckets(buckets)]) : tsquery;
  const cols = names.map((n) => `e.${COLUMN[n]}`);
  const sets = [...cols.map((x) => `(${x})`), '()'].join(', ');
  const rows = await queryRows<Record<string, unknown> & { g: number; count: number }>(
    db,
    sql`select ${sql.raw(cols.length ? `grouping(${cols.join(', ')})` : '0')}::int as g, ${sql.raw(cols.map((c, i) => `${c} as c${i}, `).join(''))}count(*)::int as count
          from search_entries e where e.tsv @@ ${read}::tsquery
          group by grouping sets (${sql.raw(sets)})`,
  );
  const all = (1 << cols.length) - 1;
  const grouped = cols.map(() => [] as { value: unknown; count: number }[]);
  let readTotal = 0;
  for (const r of rows) {
    if (r.g === all) {
      readTotal = r.count;
      continue;
    }
    // The set's own column is the one bit that is 0 (the first argument is the highest bit).
    const i = cols.findIndex((_, k) => ((r.g >> (cols.length - 1 - k)) & 1) === 0);
    grouped[i].push({ value: r[`c${i}`], count: r.count });
  }
  const scale = estimated ? SAMPLE_BUCKETS / buckets : 1;
  return {
    total: Math.round(readTotal * scale),
    facets: new Map(names.map((n, i) => [n, facetCounts(n, grouped[i], scale)])),
    estimated,
  };
}

/** A facet whose own filter is set counts without that filter: a pass of its own. */
export async function countOwnFacet(db: Db, tsquery: string, f: Filters, name: FacetName): Promise<{ counts: FacetCount[]; estimated: boolean }> {
  const without = filtered(tsquery, f, name);
  const pass = await countFacets(db, without, (await probe(db, without)).estimate, [name]);
  return { counts: pass.facets.get(name)!, estimated: pass.estimated };
}
