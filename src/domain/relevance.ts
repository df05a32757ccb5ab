// Relevance metrics for the search's relevance set (issue #4 item 6): nDCG@k with graded judgments
// (gain 2^grade − 1, discount log2(rank + 1)) and recall@k, per query and as means over queries.
// A ranking is the list of result keys in the order the search returned them; judgments map the
// keys of the judged items to their grade (2 = exactly what was asked, 1 = relevant, 0 or absent =
// not relevant). Pure arithmetic.

export type Judgments<K> = ReadonlyMap<K, number>;

const gain = (grade: number) => 2 ** grade - 1;
const discount = (rank: number) => Math.log2(rank + 1);

/** The first occurrence of each key, in order: a result listed twice counts once. */
function distinct<K>(ranked: readonly K[]): K[] {
  return [...new Set(ranked)];
}

/** Discounted cumulative gain of the grades in rank order, over the first k. */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (const [i, g] of grades.slice(0, k).entries()) sum += gain(g) / discount(i + 1);
  return sum;
}

function relevantCount<K>(judged: Judgments<K>): number {
  let n = 0;
  for (const g of judged.values()) if (g > 0) n++;
  if (n === 0) throw new Error('a query needs at least one relevant judgment');
  return n;
}

/** nDCG@k: the ranking's DCG over the DCG of the ideal ranking of all judged items. */
export function ndcgAt<K>(ranked: readonly K[], judged: Judgments<K>, k: number): number {
  relevantCount(judged);
  const grades = distinct(ranked).map((key) => judged.get(key) ?? 0);
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a);
  return dcg(grades, k) / dcg(ideal, k);
}

/** recall@k: the share of the relevant items (grade > 0) found in the first k results. */
export function recallAt<K>(ranked: readonly K[], judged: Judgments<K>, k: number): number {
  const total = relevantCount(judged);
  const found = distinct(ranked)
    .slice(0, k)
    .filter((key) => (judged.get(key) ?? 0) > 0).length;
  return found / total;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('nothing to average');
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export interface QueryRun<K> {
  query: string;
  ranked: readonly K[];
  judged: Judgments<K>;
}

export interface QueryScore {
  query: string;
  ndcg: number;
  recall: number;
}

export interface RelevanceReport {
  k: number;
  queries: number;
  ndcg: number;
  recall: number;
  /** Per query, worst first (lowest nDCG, then lowest recall). */
  scores: QueryScore[];
}

/** Scores every query at k and averages over them. */
export function evaluateRuns<K>(runs: readonly QueryRun<K>[], k: number): RelevanceReport {
  const scores = runs.map((r) => ({ query: r.query, ndcg: ndcgAt(r.ranked, r.judged, k), recall: recallAt(r.ranked, r.judged, k) }));
  return {
    k,
    queries: scores.length,
    ndcg: mean(scores.map((s) => s.ndcg)),
    recall: mean(scores.map((s) => s.recall)),
    scores: [...scores].sort((a, b) => a.ndcg - b.ndcg || a.recall - b.recall),
  };
}
