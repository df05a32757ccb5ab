// The counts of recent searches, kept for a minute. A citizen narrows the results by clicking a
// facet value: the chosen facet's own counts beside the new results are those of the query without
// that value (what choosing another would give) — the counts the page before the click has just
// shown. Reusing them saves a pass through the index on every narrowed search, and the numbers do
// not change under the citizen's finger. And a query nothing matches in full (the words never
// meet) matches nothing under any filter either: narrowing its relaxed results skips that search.
//
// Freshness: every write to the search index through this process empties it (indexChanged, from
// the indexer, bulk publication and reindex); another process's writes show within RECENT_MS.
import { ExpiringMap } from '../../expiring-map.js';
import type { FacetName, FacetPass } from './counts.js';

/** How long counts are reused: about the time a citizen takes to read a page and click a facet. */
const RECENT_MS = 60_000;
const MAX_ENTRIES = 2000;

const entries = new ExpiringMap<FacetPass>(RECENT_MS, MAX_ENTRIES);

/** The counts of these matches (a tsquery with its filters) when a search counted them lately. */
export function recentCounts(matches: string): FacetPass | undefined {
  return entries.get(matches);
}

/** The counts of one facet, when a recent search counted them for these matches. */
export function recentFacet(matches: string, name: FacetName): FacetPass | undefined {
  const pass = recentCounts(matches);
  return pass && (pass.total === 0 || pass.facets.has(name)) ? pass : undefined;
}

export function rememberCounts(matches: string, pass: FacetPass): void {
  entries.set(matches, pass);
}

/** No matches at all (the probe and the count found none). */
export const NO_MATCHES: FacetPass = { total: 0, facets: new Map(), estimated: false };

/** The search index changed: counts remembered before may be wrong now. */
export function indexChanged(): void {
  entries.clear();
}
