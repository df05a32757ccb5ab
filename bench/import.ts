// Import throughput (issue #4: "Import with indexing runs at 1,000 documents/s per core or better"):
// writes a manifest of N county files to a temporary folder and runs the real importManifest on it,
// as `gongkai documents import` does — checks, publication, search entries, repeals.
//
//   DATA_DIR=/tmp/gk-import npx tsx bench/import.ts [N] [--short-bodies]          (PGlite)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/gk_import npx tsx bench/import.ts [N]
//   … bench/import.ts [N] --body-chars=1000      (passages of about that length, for the rate by length)
//
// Rows are the demo generator's (src/demo/generated.ts): titles, doc numbers, dates, types, topics,
// interpretations and repeals the way a county's ten years of files look. Bodies are the generator's
// notice with a passage of real regulations from ../shared/lawcorpus when it is there (1,000–3,000
// characters, as county files run; --body-chars=N: about N); --short-bodies keeps the generator's notice
// alone (~300).
// Seeds the demo government first if the database is empty. Prints rows/s and the CPU time of this
// process (process.cpuUsage: on PGlite the database runs in it too) and, on a PostgreSQL server on
// this machine, of its backends serving the database (from /proc), with rows per CPU-second of both.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import { queryRows } from '../src/db/client.js';
import { specify, type Spec } from '../src/demo/generated.js';
import { hasAnyOrganization, seedDemo } from '../src/demo/seed.js';
import { chinaDate } from '../src/domain/dates.js';
import { textToHtml } from '../src/domain/plain-text.js';
import { indexTerms } from '../src/domain/search-text.js';
import { htmlToPlainText } from '../src/domain/text-checks.js';
import { FileStore } from '../src/files.js';
import { readManifest } from '../src/features/documents/import/manifest.js';
import { importManifest } from '../src/features/documents/import/run.js';
import { organizations } from '../src/features/orgs/schema.js';
import { indexDocuments } from '../src/features/search/indexer.js';

const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20_000);
const shortBodies = process.argv.includes('--short-bodies');
const bodyChars = Number(process.argv.find((a) => a.startsWith('--body-chars='))?.split('=')[1] ?? 0);
const corpus = path.resolve('../shared/lawcorpus');

/** Paragraphs of real regulations, file by file (articles and their clauses, headings dropped). */
function lawParagraphs(): string[][] {
  if (shortBodies || !existsSync(corpus)) return [];
  const out: string[][] = [];
  for (const f of (readdirSync(corpus, { recursive: true }) as string[]).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
    const text = readFileSync(path.join(corpus, f), 'utf8').split('<!-- INFO END -->')[1] ?? '';
    const paragraphs = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (paragraphs.length > 5) out.push(paragraphs);
  }
  return out;
}

/** A run of consecutive paragraphs of 1,000–3,000 characters, picked by the row's number. */
function passage(laws: string[][], i: number): string {
  if (!laws.length) return '';
  const law = laws[(i * 7919) % laws.length];
  const want = bodyChars || 1000 + ((i * 104_729) % 2000);
  const lines: string[] = [];
  let length = 0;
  for (let k = (i * 31) % law.length; length < want; k = (k + 1) % law.length) {
    lines.push(law[k]);
    length += law[k].length;
  }
  return textToHtml(lines.join('\n'));
}

const config = loadConfig();
const database = await openPlatform(config);
const { db } = database;
if (!(await hasAnyOrganization(db))) await seedDemo(db);
const orgs = (await db.select({ id: organizations.id, code: organizations.code, name: organizations.name, kind: organizations.kind, indexPattern: organizations.indexPattern }).from(organizations)).filter(
  (o) => o.kind !== 'village',
);
const { specs, relations } = specify(orgs, count, chinaDate(new Date()), Date.now() % 100_000);
const laws = lawParagraphs();
const run = Date.now().toString(36);
const repeals = new Map<Spec, string[]>();
for (const r of relations) if (r.kind !== 'amends' && r.to.docNumber) repeals.set(r.from, [...(repeals.get(r.from) ?? []), r.to.docNumber]);
const rows = specs.map((s, i) => ({
  key: `bench-${run}-${i}`,
  title: s.title,
  docNumber: s.docNumber,
  org: s.org.code,
  writtenOn: s.writtenOn,
  publishedOn: s.publishedOn,
  effectiveOn: s.effectiveOn,
  expiresOn: s.expiresOn,
  genre: s.genre,
  docType: s.docType,
  topic: s.topic,
  keywords: s.keywords,
  summary: s.summary,
  body: s.body + passage(laws, i),
  interpretationOf: s.interpretationOf?.docNumber || undefined,
  interpretationForm: s.interpretationForm ?? undefined,
  repeals: repeals.get(s),
}));
const folder = mkdtempSync(path.join(tmpdir(), 'gongkai-bench-import-'));
writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(rows));
const meanBody = rows.reduce((n, r) => n + r.body.length, 0) / rows.length;
console.log(`${database.kind}: ${count} rows (${specs.filter((s) => s.interpretationOf).length} interpretations, ${repeals.size} with repeals), body ${Math.round(meanBody)} characters of HTML on average${laws.length ? ' (law corpus)' : ''}`);

let t = performance.now();
const manifest = await readManifest(folder);
console.log(`manifest read in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
/**
 * CPU seconds of the PostgreSQL backends serving this database (the pool's connections: mostly one,
 * reused for sequential work), when the server runs on this machine: each backend's utime + stime
 * from /proc/<pid>/stat, the backends listed by pg_stat_activity before and after (one started
 * meanwhile counts from zero). NaN on PGlite or a remote server.
 */
const procCpu = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const backendCpu = async (): Promise<Map<number, number>> => {
  const out = new Map<number, number>();
  if (database.kind !== 'postgres') return out;
  for (const { pid } of await queryRows<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`)) {
    try {
      out.set(pid, procCpu(pid));
    } catch {
      out.set(pid, NaN);
    }
  }
  return out;
};
/** Since the start: the backends known then, read at once (for the progress callback), or all of them now. */
const knownSince = (start: Map<number, number>) =>
  database.kind === 'postgres' ? [...start].reduce((sum, [pid, c]) => sum + (existsSync(`/proc/${pid}`) ? procCpu(pid) - c : 0), 0) : NaN;
const serverSince = async (start: Map<number, number>) => {
  let sum = database.kind === 'postgres' ? 0 : NaN;
  for (const [pid, c] of await backendCpu()) sum += c - (start.get(pid) ?? 0);
  return sum;
};
const server0 = await backendCpu();
const cpu = process.cpuUsage();
t = performance.now();
// The last row's progress ends the rows; what follows is the repeal relations, recorded in bulk.
let rowsDone = { seconds: 0, cpu: 0, server: 0 };
const result = await importManifest(db, manifest, {
  files: new FileStore(path.join(config.dataDir, 'files')),
  maxAttachmentBytes: config.attachmentMaxBytes,
  onProgress: (done, total) => {
    if (done === total) rowsDone = { seconds: (performance.now() - t) / 1000, cpu: cpuSeconds(cpu), server: knownSince(server0) };
  },
});
const seconds = (performance.now() - t) / 1000;
const cpuAll = cpuSeconds(cpu);
const serverAll = await serverSince(server0);
const serverRows = rowsDone.server;
console.log(`imported ${result.imported}, existing ${result.existing}, rejected ${result.rejected.length}, warnings ${result.warnings.length}`);
const line = (what: string, s: number, c: number) => `${what}: ${s.toFixed(1)} s, ${Math.round(count / s)} rows/s; CPU of this process ${c.toFixed(1)} s, ${Math.round(count / c)} rows per CPU-second`;
console.log(line('whole import', seconds, cpuAll));
console.log(line('  rows (checks, documents, search entries)', rowsDone.seconds, rowsDone.cpu));
console.log(`  then ${repeals.size} rows' repeal relations: ${(seconds - rowsDone.seconds).toFixed(1)} s, CPU ${(cpuAll - rowsDone.cpu).toFixed(1)} s`);
if (database.kind === 'postgres') {
  console.log(`PostgreSQL backends' CPU: rows ${serverRows.toFixed(1)} s, repeals ${(serverAll - serverRows).toFixed(1)} s`);
  console.log(`  rows per CPU-second of both processes: ${Math.round(count / (rowsDone.cpu + serverRows))}; whole import ${Math.round(count / (cpuAll + serverAll))}`);
}
const reasons = new Map<string, number>();
for (const r of result.rejected) reasons.set(r.reason.slice(0, 40), (reasons.get(r.reason.slice(0, 40)) ?? 0) + 1);
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  rejected ${n}: ${reason}…`);

// The share of the search index: segmenting 1,000 of the bodies alone, and the indexer rebuilding their entries.
const sample = rows.slice(0, 1000);
t = performance.now();
for (const r of sample) indexTerms(htmlToPlainText(r.body));
console.log(`segmenting a body for the index alone: ${((performance.now() - t) / sample.length).toFixed(2)} ms per document`);
const ids = [...result.ids.values()].slice(0, 1000);
t = performance.now();
await db.transaction((tx) => indexDocuments(tx, ids));
console.log(`indexDocuments rebuilding ${ids.length} entries: ${Math.round(ids.length / ((performance.now() - t) / 1000))} documents/s`);

t = performance.now();
const again = await importManifest(db, manifest, { files: new FileStore(path.join(config.dataDir, 'files')), maxAttachmentBytes: config.attachmentMaxBytes });
console.log(`re-run: ${again.existing} already there, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
rmSync(folder, { recursive: true, force: true });
await database.close();
