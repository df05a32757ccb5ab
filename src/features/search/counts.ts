// How many entries match, and the facet counts beside the results (issue #4 item 2).
//
// Filters are facet lexemes of the vector (src/domain/search-facets.ts), answered by the GIN index.
// Every match the database counts is a table row it must visit (to check it is visible), and a
// common word in a million documents has tens of thousands. So a probe first counts the matches in
// one sample bucket (1/64 of them), with the facets: when that promises few matches, all are counted
// exactly, with the facets, in one pass; when many, the total and the facets are estimated from a
// uniform sample (the probe's own bucket when it holds PROBE_SAMPLE_ENOUGH matches, else up to
// MAX_SAMPLE_BUCKETS buckets), and shown as estimates (约).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { bucketsFor, facetTerm, MAX_SAMPLE_BUCKETS, SAMPLE_BUCKETS, sampleBuckets, withTerms, type FacetKey } from '../../domain/search-facets.js';
import type { SearchQuery } from './query.js';
import { recentCounts, recentFacet, rememberCounts } from './recent-counts.js';

export type FacetName = 'kind' | 'org' | 'year' | 'docType' | 'topic' | 'validity';
export const FACET_NAMES: FacetName[] = ['kind', 'org', 'year', 'docType', 'topic', 'validity'];

/** Counted exactly up to this many matches; above, estimated from a sample of about this many. */
export const EXACT_FACETS_UP_TO = 2000;
/**
 * A probe's bucket holding this many matches (a word in 3 % of all entries or more) is the sample
 * the facets are estimated from: the total is then within about 5 % (one standard error), and a
 * second pass through the index — 12–19 ms for such a word at a million entries — is saved. (So
 * many are far above EXACT_FACETS_UP_TO: 500 in a bucket are about 32,000 matches.)
 */
export const PROBE_SAMPLE_ENOUGH = 500;
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
  /** The facets asked for, when the bucket alone is sample enough (PROBE_SAMPLE_ENOUGH): no second pass. */
  pass: FacetPass | null;
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

/** The publication year as the probe groups it (ranking's years are the same). */
const YEAR = `extract(year from e.published_at at time zone 'Asia/Shanghai')::int`;

/**
 * Counts of the matches of `read` grouped by each expression on its own, and in all: one pass
 * (GROUPING SETS). Returns the total and, per expression, its values with their counts.
 */
async function groupedCounts(db: Db, read: string, exprs: string[]): Promise<{ total: number; groups: { value: unknown; count: number }[][] }> {
  const sets = [...exprs.map((x) => `(${x})`), '()'].join(', ');
  const rows = await queryRows<Record<string, unknown> & { g: number; count: number }>(
    db,
    sql`select ${sql.raw(exprs.length ? `grouping(${exprs.join(', ')})` : '0')}::int as g, ${sql.raw(exprs.map((c, i) => `${c} as c${i}, `).join(''))}count(*)::int as count
          from search_entries e where e.tsv @@ ${read}::tsquery
          group by grouping sets (${sql.raw(sets)})`,
  );
  const all = (1 << exprs.length) - 1;
  const groups = exprs.map(() => [] as { value: unknown; count: number }[]);
  let total = 0;
  for (const r of rows) {
    if (r.g === all) {
      total = r.count;
      continue;
    }
    // The set's own expression is the one bit that is 0 (the first argument is the highest bit).
    const i = exprs.findIndex((_, k) => ((r.g >> (exprs.length - 1 - k)) & 1) === 0);
    groups[i].push({ value: r[`c${i}`], count: r.count });
  }
  return { total, groups };
}

function facetPass(names: FacetName[], counted: { total: number; groups: { value: unknown; count: number }[][] }, scale: number): FacetPass {
  return {
    total: Math.round(counted.total * scale),
    facets: new Map(names.map((n, i) => [n, facetCounts(n, counted.groups[i], scale)])),
    estimated: scale !== 1,
  };
}

/** The probe, with the facets `names` counted in the same pass (kept when the bucket is sample enough). */
export async function probe(db: Db, tsquery: string, names: FacetName[] = [], sampleEnough = PROBE_SAMPLE_ENOUGH): Promise<Probe> {
  const counted = await groupedCounts(db, withTerms(tsquery, [sampleBuckets(1)]), [YEAR, ...names.map((n) => `e.${COLUMN[n]}`)]);
  const estimate = counted.total * SAMPLE_BUCKETS;
  const [years, ...facetGroups] = counted.groups;
  return {
    estimate,
    years: years.map((r) => ({ year: Number(r.value), count: r.count * SAMPLE_BUCKETS })),
    pass: names.length && counted.total >= sampleEnough ? facetPass(names, { total: counted.total, groups: facetGroups }, SAMPLE_BUCKETS) : null,
  };
}

/**
 * The total and the facets `names` over the matches of `tsquery` in one pass: over all of them when
 * the probe's estimate is at most `exactUpTo`, else over a sample of about that many — or the
 * probe's own counts when its bucket was sample enough.
 */
export async function countFacets(db: Db, tsquery: string, probed: Probe, names: FacetName[], exactUpTo = EXACT_FACETS_UP_TO): Promise<FacetPass> {
  if (probed.pass) return probed.pass;
  // A probe of 0 can still hide up to a few hundred matches: those are counted exactly. Above
  // `exactUpTo`, a sample of at most MAX_SAMPLE_BUCKETS buckets (more costs the index more than it
  // saves): at least a sixteenth of the matches, a few hundred rows or more.
  const wanted = bucketsFor(probed.estimate, exactUpTo);
  const buckets = wanted === SAMPLE_BUCKETS ? SAMPLE_BUCKETS : Math.min(wanted, MAX_SAMPLE_BUCKETS);
  const estimated = buckets < SAMPLE_BUCKETS;
  const read = estimated ? withTerms(tsquery, [sampleBuckets(buckets)]) : tsquery;
  return facetPass(names, await groupedCounts(db, read, names.map((n) => `e.${COLUMN[n]}`)), estimated ? SAMPLE_BUCKETS / buckets : 1);
}

/**
 * A facet whose own filter is set counts without that filter: the counts the search before the
 * citizen chose the value has shown (recent-counts.ts), or a pass of its own.
 */
export async function countOwnFacet(db: Db, tsquery: string, f: Filters, name: FacetName): Promise<{ counts: FacetCount[]; estimated: boolean }> {
  const without = filtered(tsquery, f, name);
  let pass = recentFacet(without, name);
  if (!pass) {
    pass = await countFacets(db, without, await probe(db, without, [name]), [name]);
    if (!recentCounts(without)) rememberCounts(without, pass);
  }
  return { counts: pass.facets.get(name) ?? [], estimated: pass.estimated };
}
