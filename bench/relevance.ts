// The relevance set's figures for the README (issue #4 item 6): the demo data (without generated
// documents, as the tests seed it) in a throw-away PGlite, every query of test/relevance/queries.json
// through GET /api/v1/search, nDCG@10 and recall@10 overall and per kind of query, and the worst
// queries with what they missed:
//
//   npx tsx bench/relevance.ts
//
// The same set and floor are checked by src/features/search/relevance.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPlatform } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { buildApp } from '../src/server.js';
import { loadFloor, runRelevanceSet, summaryTable, worstTable } from '../test/relevance/run.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-relevance-'));
const database = await openPlatform({ databaseUrl: null, dataDir: 'memory' });
try {
  await seedDemo(database.db);
  const app = await buildApp({ config: { ...loadConfig({}), dataDir }, database }, { logger: false });
  await app.ready();
  const run = await runRelevanceSet(app, database.db);
  const floor = loadFloor();
  console.log(`Relevance set: ${run.report.queries} queries over the demo data (PGlite)\n`);
  console.log(summaryTable(run));
  console.log(`\nFloor kept by the test suite: nDCG@10 ≥ ${floor.ndcgAt10}, recall@10 ≥ ${floor.recallAt10}\n`);
  console.log(`Worst queries:\n\n${worstTable(run)}`);
  await app.close();
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
