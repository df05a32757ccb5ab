// Search on a large corpus (issue #4 item 5): indexing throughput, and latency of 1-, 2- and 3-word
// queries with facets beside the same words as ILIKE scans, in one run.
//
//   DATA_DIR=/tmp/gk-bench npx tsx bench/generate-documents.ts 100000     (PGlite; or DATABASE_URL=…)
//   DATA_DIR=/tmp/gk-bench npx tsx bench/search.ts [--reindex]
//
// --reindex rebuilds every entry first and reports documents/s. BENCH_REPEAT (default 5) runs of each
// query; latencies are of the whole search() call (ranked page, count and six facets); then the
// 2-word queries narrowed by one facet each. The ILIKE scans run BENCH_ILIKE_REPEAT times (default
// 1: at a million documents each takes seconds). A search reuses the counts of one a minute before
// (src/features/search/recent-counts.ts: the narrowed searches, clicked from the search before);
// BENCH_COLD=1 forgets them before every timed search.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import { queryRows } from '../src/db/client.js';
import { indexMissing } from '../src/features/search/indexer.js';
import { search, type SearchResult } from '../src/features/search/query.js';
import { indexChanged } from '../src/features/search/recent-counts.js';

const repeat = Number(process.env.BENCH_REPEAT || 5);
const ilikeRepeat = Number(process.env.BENCH_ILIKE_REPEAT || 1);
const cold = process.env.BENCH_COLD === '1';
const QUERIES: Record<string, string[]> = {
  '1 word': ['政务公开', '教育', '安全生产', '乡村振兴', '低保', '规划', '消防', '疫情防控'],
  '2 words': ['政务公开 要点', '义务教育 招生', '安全生产 检查', '乡村振兴 实施', '城乡 低保', '国土空间 规划', '道路 管理', '财政 预算'],
  '3 words': ['政务公开 工作 要点', '义务教育 学校 招生', '安全生产 专项 整治', '农村 建房 管理', '城乡 居民 医保', '重点 项目 建设', '校外 培训 机构', '食品 安全 检查'],
};

const config = loadConfig();
const database = await openPlatform(config);
const { db } = database;
const [{ docs }] = await queryRows<{ docs: number }>(db, sql`select count(*)::int as docs from document_versions where is_current`);
console.log(`${docs} public documents, ${database.kind}`);

if (process.argv.includes('--reindex') || process.argv.includes('--missing')) {
  if (process.argv.includes('--reindex')) await db.execute(sql`delete from search_entries where document_id is not null`);
  const started = Date.now();
  const n = await indexMissing(db, { batch: 1000, onProgress: (done) => done % 20000 === 0 && process.stderr.write(`  indexed ${done}\n`) });
  const seconds = (Date.now() - started) / 1000;
  console.log(`indexed ${n} documents in ${seconds.toFixed(1)} s: ${Math.round(n / seconds)} documents/s (one process)`);
}
// As autovacuum would after a bulk load: statistics, and the GIN index's pending list merged.
await db.execute(sql`vacuum analyze search_entries`);
// A server that has been answering searches holds the index and its table in memory: warm them
// (PostgreSQL's pg_prewarm; the embedded database warms up with the first queries instead).
if (database.kind === 'postgres') {
  await db.execute(sql`create extension if not exists pg_prewarm`);
  await db.execute(sql`select pg_prewarm('search_entries'), pg_prewarm('search_entries_tsv_idx')`);
}

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** The same words as a plain ILIKE scan: title or body contains every word; a page, its count, one facet. */
async function ilike(q: string) {
  const words = q.split(' ');
  const cond = sql.join(words.map((w) => sql`(v.title ilike ${`%${w}%`} or v.body ilike ${`%${w}%`})`), sql` and `);
  await Promise.all([
    queryRows(db, sql`select v.document_id, v.title from document_versions v where v.is_current and ${cond} order by v.published_at desc limit 10`),
    queryRows(db, sql`select count(*)::int from document_versions v where v.is_current and ${cond}`),
    queryRows(db, sql`select v.org_id, count(*)::int from document_versions v where v.is_current and ${cond} group by 1`),
  ]);
}

console.log('\n| queries | search p50 ms | p95 | p99 | matches (mean) | ILIKE p50 ms | p95 | ILIKE ÷ search (p50) |\n|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [label, qs] of Object.entries(QUERIES)) {
  const s: number[] = [];
  const l: number[] = [];
  let matches = 0;
  for (const q of qs) await search(db, { q }); // warm
  for (let i = 0; i < repeat; i++) {
    for (const q of qs) {
      if (cold) indexChanged();
      let t = performance.now();
      const r = await search(db, { q });
      s.push(performance.now() - t);
      matches += r.total;
      if (i >= ilikeRepeat) continue;
      t = performance.now();
      await ilike(q);
      l.push(performance.now() - t);
    }
  }
  // BENCH_ILIKE_REPEAT=0 leaves the scans out (–).
  const f = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
  console.log(`| ${label} | ${f(pct(s, 50))} | ${f(pct(s, 95))} | ${f(pct(s, 99))} | ${Math.round(matches / s.length)} | ${f(pct(l, 50))} | ${f(pct(l, 95))} | ${l.length ? `${(pct(l, 50) / pct(s, 50)).toFixed(1)}×` : '–'} |`);
}

// A citizen then narrows the results by a facet: the 2-word queries again, each with the value its
// own results list first under that facet (the issuer, the year … with most matches).
console.log('\n| 2 words, then a facet chosen | p50 ms | p95 | p99 | matches (mean) |\n|---|---:|---:|---:|---:|');
const firstValues = new Map<string, SearchResult['facets']>();
for (const q of QUERIES['2 words']) firstValues.set(q, (await search(db, { q })).facets);
console.log(`(${cold ? 'each search cold: recent counts forgotten before it' : 'recent counts reused: as when the value is clicked on the page before'})`);
const CHOSEN = { org: '发布机构', year: '成文年份', docType: '文件类型', validity: '效力' } as const;
for (const [facet, label] of Object.entries(CHOSEN) as [keyof typeof CHOSEN, string][]) {
  const runs = QUERIES['2 words'].map((q) => {
    const value = firstValues.get(q)![facet][0]?.value;
    return { q, ...(value === undefined ? {} : { [facet]: facet === 'year' ? Number(value) : value }) };
  });
  for (const r of runs) await search(db, r); // warm
  const s: number[] = [];
  let matches = 0;
  for (let i = 0; i < repeat; i++) {
    for (const r of runs) {
      if (cold) indexChanged();
      const t = performance.now();
      matches += (await search(db, r)).total;
      s.push(performance.now() - t);
    }
  }
  console.log(`| ${label} | ${pct(s, 50).toFixed(1)} | ${pct(s, 95).toFixed(1)} | ${pct(s, 99).toFixed(1)} | ${Math.round(matches / s.length)} |`);
}
await database.close();
