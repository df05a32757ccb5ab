// Runs the relevance set (test/relevance/queries.json) through the search API of a running app on
// the demo data and scores it (src/domain/relevance.ts). Used by src/features/search/relevance.test.ts
// (the floor) and bench/relevance.ts (the figures in the README).
import { readFileSync } from 'node:fs';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.js';
import { evaluateRuns, type RelevanceReport } from '../../src/domain/relevance.js';
import { documents } from '../../src/features/documents/schema.js';
import { knowledgeEntries } from '../../src/features/knowledge/schema.js';

/** A judged item, by a key that survives reseeding. */
export type ItemKey = { title: string } | { docNumber: string } | { question: string };
export type Judgment = ItemKey & { grade: 1 | 2 };

export interface RelevanceQuery {
  q: string;
  /** topic, title, words, question, docNumber, traditional. */
  kind: string;
  relevant: Judgment[];
  note?: string;
}

export interface RelevanceFloor {
  ndcgAt10: number;
  recallAt10: number;
}

export const K = 10;

const here = new URL('./', import.meta.url);
const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, here), 'utf8')) as T;

export const loadQueries = () => readJson<{ queries: RelevanceQuery[] }>('queries.json').queries;
export const loadFloor = () => readJson<RelevanceFloor>('floor.json');

export const keyLabel = (key: ItemKey) => ('question' in key ? `问：${key.question}` : 'docNumber' in key ? key.docNumber : key.title);

/** The id a search result carries for an item: `d:<documentId>` or `k:<knowledgeId>`. */
export type ResultKey = string;

interface SearchItem {
  kind: string;
  documentId: number | null;
  knowledgeId: number | null;
  title: string;
}

export const resultKey = (item: Pick<SearchItem, 'documentId' | 'knowledgeId'>): ResultKey =>
  item.knowledgeId != null ? `k:${item.knowledgeId}` : `d:${item.documentId}`;

/** Resolves a judged key to the one public document or published knowledge entry it names. */
export async function resolveKey(db: Db, key: ItemKey): Promise<ResultKey> {
  let ids: number[];
  let prefix: 'd' | 'k';
  if ('question' in key) {
    prefix = 'k';
    const rows = await db
      .select({ id: knowledgeEntries.id })
      .from(knowledgeEntries)
      .where(and(eq(knowledgeEntries.question, key.question), eq(knowledgeEntries.status, 'published')));
    ids = rows.map((r) => r.id);
  } else {
    prefix = 'd';
    const match = 'docNumber' in key ? eq(documents.docNumber, key.docNumber) : eq(documents.title, key.title);
    const rows = await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(match, isNotNull(documents.publishedVersion)));
    ids = rows.map((r) => r.id);
  }
  if (ids.length !== 1) throw new Error(`relevance set: ${keyLabel(key)} names ${ids.length} public items, not one`);
  return `${prefix}:${ids[0]}`;
}

/** The first `k` results of the public search API for a query, following pages if a page holds fewer. */
export async function searchTop(app: FastifyInstance, q: string, k = K): Promise<SearchItem[]> {
  const items: SearchItem[] = [];
  for (let page = 1; items.length < k; page++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}&page=${page}` });
    if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { items: SearchItem[]; total: number };
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) break;
  }
  return items.slice(0, k);
}

export interface QueryDetail {
  query: RelevanceQuery;
  results: SearchItem[];
  /** Result keys of the judged items, in the order of the set. */
  judgedKeys: ResultKey[];
}

export interface RelevanceRun {
  report: RelevanceReport;
  details: QueryDetail[];
}

/** Resolves every judgment, runs every query and scores the set at K. */
export async function runRelevanceSet(app: FastifyInstance, db: Db, queries = loadQueries()): Promise<RelevanceRun> {
  const resolved = new Map<string, ResultKey>();
  const resolve = async (key: ItemKey) => {
    const label = JSON.stringify(key);
    if (!resolved.has(label)) resolved.set(label, await resolveKey(db, key));
    return resolved.get(label)!;
  };
  const details: QueryDetail[] = [];
  for (const query of queries) {
    const judgedKeys = [];
    for (const j of query.relevant) {
      const { grade: _grade, ...key } = j;
      judgedKeys.push(await resolve(key as ItemKey));
    }
    details.push({ query, results: await searchTop(app, query.q), judgedKeys });
  }
  const report = evaluateRuns(
    details.map((d) => ({
      query: d.query.q,
      ranked: d.results.map(resultKey),
      judged: new Map(d.judgedKeys.map((key, i) => [key, d.query.relevant[i]!.grade])),
    })),
    K,
  );
  return { report, details };
}

const pct = (x: number) => x.toFixed(3);

/** Means overall and per kind of query, as a Markdown table. */
export function summaryTable(run: RelevanceRun): string {
  const byQuery = new Map(run.report.scores.map((s) => [s.query, s]));
  const kinds = [...new Set(run.details.map((d) => d.query.kind))];
  const line = (label: string, qs: string[]) => {
    const s = qs.map((q) => byQuery.get(q)!);
    const avg = (f: (x: (typeof s)[number]) => number) => pct(s.reduce((a, x) => a + f(x), 0) / s.length);
    return `| ${label} | ${s.length} | ${avg((x) => x.ndcg)} | ${avg((x) => x.recall)} |`;
  };
  return [
    `| queries | n | nDCG@${K} | recall@${K} |`,
    '|---|---:|---:|---:|',
    ...kinds.map((kind) => line(kind, run.details.filter((d) => d.query.kind === kind).map((d) => d.query.q))),
    line('**all**', run.details.map((d) => d.query.q)),
  ].join('\n');
}

/** The worst queries with what they missed and what came first instead. */
export function worstTable(run: RelevanceRun, n = 15): string {
  const details = new Map(run.details.map((d) => [d.query.q, d]));
  const rows = run.report.scores.slice(0, n).map((s) => {
    const d = details.get(s.query)!;
    const found = new Set(d.results.map(resultKey));
    const missed = d.query.relevant.filter((_, i) => !found.has(d.judgedKeys[i]!)).map((j) => keyLabel(j));
    const first = d.results[0]?.title ?? '（无结果）';
    return `| ${s.query} | ${pct(s.ndcg)} | ${pct(s.recall)} | ${missed.join('；') || '—'} | ${first} |`;
  });
  return ['| query | nDCG@10 | recall@10 | missed in top 10 | first result |', '|---|---:|---:|---|---|', ...rows].join('\n');
}
