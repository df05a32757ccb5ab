// The annual report of an organization with many applications (issue #6: "a report for an
// organization with 100k applications is computed in under a second"):
//
//   DATA_DIR=/tmp/gk-apps npx tsx bench/generate-applications.ts 100000          (or DATA_KEY=… DATABASE_URL=…)
//   DATA_DIR=/tmp/gk-apps npx tsx bench/annual-report.ts [--org zrj] [--year 2025] [--explain]
//
// Times computeTables (tables 二, 三, 四: what the CLI's `report annual` and every check compute) for
// the organization and for its government (the whole county), and the whole draft (draftReport:
// the tables, the year's facts for the text, the checks, stored), BENCH_REPEAT runs each (default
// 5) after one warm-up, p50 and max. The identity of table 三 (received + carried in = decided +
// carried out) is checked on the figures. When a p50 is over the target (1 s), or with --explain, the
// queries computeTables runs are shown with EXPLAIN ANALYZE: their hot spots.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import { systemContext } from '../src/context.js';
import { queryRows, type Db } from '../src/db/client.js';
import { draftReport } from '../src/features/annual-report/draft.js';
import { computeTables, coveredOrgIds } from '../src/features/annual-report/tables.js';
import { findOrgByCode, governmentOf } from '../src/features/orgs/organizations.js';
import type { Organization } from '../src/features/orgs/schema.js';

const TARGET_MS = 1000;
const repeat = Number(process.env.BENCH_REPEAT || 5);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const config = loadConfig();
const database = await openPlatform(config);
const { db } = database;
const org = await findOrgByCode(db, arg('--org') ?? 'zrj');
if (!org) throw new Error('no such organization');
const year = Number(arg('--year') ?? new Date().getFullYear() - 1);
const government = await governmentOf(db, org.path);

async function caseCount(o: Organization): Promise<number> {
  const ids = await coveredOrgIds(db, o);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from applications where org_id in (${sql.join(ids, sql`, `)})`);
  return row!.n;
}

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function time(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm: plans cached, pages read
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms;
}

/** Table 三 must add up: received + carried in = decided + carried out, in every column. */
async function identity(o: Organization): Promise<string> {
  const a = (await computeTables(db, o, year)).applications;
  const bad = Object.keys(a.total).filter((c) => a.received[c as 'total'] + a.carriedIn[c as 'total'] !== a.total[c as 'total'] + a.carriedOut[c as 'total']);
  const t = (r: keyof typeof a) => a[r].total;
  return `received ${t('received')} + carried in ${t('carriedIn')} = decided ${t('total')} + carried out ${t('carriedOut')}${bad.length ? ` — BROKEN in ${bad.join(', ')}` : ''}`;
}

/** The SQL computeTables sends, caught from drizzle's logger (bench only: the session is not public API). */
async function queriesOf(run: () => Promise<unknown>): Promise<{ text: string; params: unknown[] }[]> {
  const session = (db as unknown as { session: { logger: unknown } }).session;
  const before = session.logger;
  const seen: { text: string; params: unknown[] }[] = [];
  session.logger = { logQuery: (text: string, params: unknown[]) => seen.push({ text, params }) };
  try {
    await run();
  } finally {
    session.logger = before;
  }
  return seen;
}

async function explain(o: Organization): Promise<void> {
  const client = (db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, string>[] }> } }).$client;
  for (const q of await queriesOf(() => computeTables(db, o, year))) {
    const { rows } = await client.query(`explain (analyze, buffers) ${q.text}`, q.params);
    // Long id lists made short: the plan's shape is what matters.
    const plan = rows.map((r) => String(Object.values(r)[0]).replace(/\{(\d+,){8}[\d,]*\}/g, (m) => `{${m.split(',').length} ids}`)).join('\n');
    console.log(`\n-- ${q.text.slice(0, 160)}${q.text.length > 160 ? '…' : ''}\n${plan}`);
  }
}

const cases = await caseCount(org);
console.log(`${database.kind}, ${year}, ${org.name}: ${cases} applications; ${repeat} runs after a warm-up\n`);
const targets: [string, Organization][] = [[`${org.name} (${cases} applications)`, org]];
if (government && government.id !== org.id) targets.push([`${government.name}, the whole county (${await caseCount(government)} applications)`, government]);

console.log('| computed | p50 ms | max ms |\n|---|---:|---:|');
const slow: Organization[] = [];
for (const [label, o] of targets) {
  const ms = await time(() => computeTables(db, o, year));
  console.log(`| tables 二/三/四 (computeTables), ${label} | ${pct(ms, 50).toFixed(0)} | ${Math.max(...ms).toFixed(0)} |`);
  if (pct(ms, 50) >= TARGET_MS) slow.push(o);
}
// The whole draft as staff ask for it (created the first time, refreshed after): stored, audited.
const draft = await time(() => draftReport(db as Db, systemContext, { orgId: org.id, year }));
console.log(`| the whole draft (draftReport: tables, facts for the text, checks, stored), ${org.name} | ${pct(draft, 50).toFixed(0)} | ${Math.max(...draft).toFixed(0)} |`);

console.log('');
for (const [label, o] of targets) console.log(`table 三, ${label}: ${await identity(o)}`);
if (process.argv.includes('--explain')) slow.splice(0, slow.length, ...targets.map(([, o]) => o));
for (const o of slow) {
  console.log(`\n## ${o.name}: the queries of computeTables, EXPLAIN ANALYZE`);
  await explain(o);
}
await database.close();
