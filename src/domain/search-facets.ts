// Facets as lexemes of the search vector (issue #4: fast at a million documents).
//
// Every entry's tsvector also holds one marked lexeme per facet value (§k:policy, §o:12, §y:2024,
// §t:11 and §t:11.02, §v:in_force, §d:normative), the year it was published (§p:2024) and a sample
// bucket (§b:0 … §b:63). A filter is then one more term of the tsquery, answered by the GIN index
// alone: counting the matches needs no table row at all (PostgreSQL skips fetching all-visible
// pages), and a bucket subset is a uniform sample of the matches, for estimating facet counts when
// there are too many matches to read. The mark § never survives query normalization, so a citizen's
// words cannot collide with these lexemes.

export const FACET_MARK = '§';
/** Sample buckets: an entry's bucket is its document's (or answer's) id modulo this. */
export const SAMPLE_BUCKETS = 64;
/**
 * The most buckets a sample ORs together. The GIN index merges the posting lists of an OR whole:
 * at a million entries 59 buckets made a 2-word search's candidates take 400 ms, none 22 ms, 8 39 ms
 * (measured 2026-11-25). A sample of more buckets than this is not worth it: read everything instead.
 */
export const MAX_SAMPLE_BUCKETS = 4;

export type FacetKey = 'k' | 'o' | 'y' | 'd' | 't' | 'v' | 'p' | 'b';

export interface FacetValues {
  kind: string;
  orgId: number;
  /** 成文年份. */
  year: number | null;
  docType: string | null;
  /** Two-level gov.cn code '11.02' (or first level '11', or ''). */
  topic: string;
  validity: string | null;
  publishedYear: number;
  /** The document's or answer's id: fixes the sample bucket. */
  sampleKey: number;
}

export const facetLexeme = (key: FacetKey, value: string | number) => `${FACET_MARK}${key}:${value}`;

export function facetLexemes(v: FacetValues): string[] {
  const out = [facetLexeme('k', v.kind), facetLexeme('o', v.orgId), facetLexeme('p', v.publishedYear), facetLexeme('b', v.sampleKey % SAMPLE_BUCKETS)];
  if (v.year !== null) out.push(facetLexeme('y', v.year));
  if (v.docType) out.push(facetLexeme('d', v.docType));
  if (v.validity) out.push(facetLexeme('v', v.validity));
  if (v.topic) {
    const first = v.topic.split('.')[0];
    out.push(facetLexeme('t', first));
    if (v.topic !== first) out.push(facetLexeme('t', v.topic));
  }
  return out;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The lexemes as tsvector literal entries (without positions), to append to a vector literal. */
export const facetVectorLiteral = (v: FacetValues) => facetLexemes(v).map(quote).join(' ');

/** A tsquery term for one facet value. */
export const facetTerm = (key: FacetKey, value: string | number) => quote(facetLexeme(key, value));

/** Any of these values (published years, buckets): `('§p:2026' | '§p:2025')`. */
export function anyOf(key: FacetKey, values: readonly (string | number)[]): string {
  if (!values.length) throw new RangeError('anyOf needs at least one value');
  return `(${values.map((v) => facetTerm(key, v)).join(' | ')})`;
}

/** The first `buckets` sample buckets: a uniform share of buckets / SAMPLE_BUCKETS of any matches. */
export const sampleBuckets = (buckets: number) => anyOf('b', [...Array(buckets).keys()]);

/** `query & term & term …`, the query in parentheses. */
export const withTerms = (query: string, terms: readonly string[]) => (terms.length ? `(${query}) & ${terms.join(' & ')}` : query);

/**
 * How many of the SAMPLE_BUCKETS buckets to read so that about `wanted` of `total` matches are
 * read (all of them when the total is small enough).
 */
export function bucketsFor(total: number, wanted: number): number {
  if (total <= wanted) return SAMPLE_BUCKETS;
  return Math.min(SAMPLE_BUCKETS, Math.max(1, Math.ceil((SAMPLE_BUCKETS * wanted) / total)));
}

/**
 * The most recent publication years whose matches together reach `wanted` (estimated counts per
 * year, newest first), so ranking reads the newest matches of a very common word, not all.
 */
export function recentYears(counts: readonly { year: number; count: number }[], wanted: number): number[] {
  const years = [...counts].sort((a, b) => b.year - a.year);
  const out: number[] = [];
  let sum = 0;
  for (const y of years) {
    out.push(y.year);
    sum += y.count;
    if (sum >= wanted) break;
  }
  return out;
}
