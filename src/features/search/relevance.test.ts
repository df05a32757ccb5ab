// The relevance set (issue #4 item 6): every query of test/relevance/queries.json through
// GET /api/v1/search on the demo data, scored by nDCG@10 and recall@10. The means must not drop below
// the floors in test/relevance/floor.json; the two acceptance checks are asserted on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { K, loadFloor, loadQueries, resolveKey, resultKey, runRelevanceSet, searchTop, summaryTable, worstTable, type RelevanceRun } from '../../../test/relevance/run.js';

let t: TestApp;
let run: RelevanceRun;

beforeAll(async () => {
  t = await startTestApp();
  run = await runRelevanceSet(t.app, t.database.db);
  console.log(`relevance set: ${run.report.queries} queries\n${summaryTable(run)}\n\nworst queries:\n${worstTable(run)}`);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('relevance set', () => {
  it('holds at least 60 queries, each with a relevant item, of every kind the issue names', () => {
    const queries = loadQueries();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const q of queries) expect(q.relevant.some((j) => j.grade > 0), q.q).toBe(true);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const kind of ['traditional', 'docNumber', 'question', 'words']) expect(kinds).toContain(kind);
  });

  it(`keeps mean nDCG@${K} and recall@${K} at or above the floor`, () => {
    const floor = loadFloor();
    expect(run.report.ndcg).toBeGreaterThanOrEqual(floor.ndcgAt10);
    expect(run.report.recall).toBeGreaterThanOrEqual(floor.recallAt10);
  });

  it('finds the 衢州 document (政務公開) in the top 10 for 政务公开', async () => {
    const quzhou = await resolveKey(t.database.db, { title: '衢州市人民政府辦公室關于印發衢州市政務公開五年行動計劃(2021—2025年)和2021年衢州市政務公開工作要點的通知' });
    const top = await searchTop(t.app, '政务公开');
    expect(top.map(resultKey)).toContain(quzhou);
  });

  it('puts the 乐清 notice first for 乐政办发[2021]19号', async () => {
    const yueqing = await resolveKey(t.database.db, { docNumber: '乐政办发〔2021〕19号' });
    const top = await searchTop(t.app, '乐政办发[2021]19号');
    expect(top.map(resultKey)[0]).toBe(yueqing);
  });
});
