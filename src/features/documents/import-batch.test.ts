// The import's bulk path (import/batch.ts, bulk-publish.ts, issue #4): a batch of a few hundred rows
// gives what the per-row use cases give — documents, versions, timeline, audit, search entries —
// with unique index numbers and advanced counters; a blocked row is refused with the workflow's
// words while its batch-mates land; a batch the database refuses is redone row by row.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { FileStore } from '../../files.js';
import { auditLog } from '../orgs/schema.js';
import { search } from '../search/query.js';
import { searchEntries } from '../search/schema.js';
import { importRow, OrgResolver } from './import/import-row.js';
import { readManifest, type Field, type RawValue } from './import/manifest.js';
import { checkRow } from './import/row.js';
import { importManifest, type ImportResult } from './import/run.js';
import { documentEvents, documents, documentVersions, indexSerials } from './schema.js';

type Values = Partial<Record<Field, RawValue>>;
const ORGS = ['jyj', 'mzj', 'zjj', 'nyj', 'wjj'];
const ID_NUMBER = '11010519491231002X';

let t: TestApp;
let scratch: string;
const db = () => t.database.db;
const files = () => new FileStore(path.join(t.config.dataDir, 'files'));

beforeAll(async () => {
  t = await startTestApp();
  scratch = mkdtempSync(path.join(tmpdir(), 'gongkai-import-batch-'));
});
afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

let manifests = 0;
async function importRows(rows: Values[]): Promise<ImportResult> {
  const dir = path.join(scratch, `m${++manifests}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(rows));
  return importManifest(db(), await readManifest(dir), { files: files(), maxAttachmentBytes: t.config.attachmentMaxBytes });
}

/** The same row through the per-row use cases (importRow), as the import ran before batches. */
function importOneByOne(values: Values) {
  const checked = checkRow({ rowNo: 1, values });
  if (!checked.ok) throw new Error(checked.problems.join());
  return importRow(db(), checked.row, { folder: scratch, files: files(), maxAttachmentBytes: t.config.attachmentMaxBytes, orgs: new OrgResolver(db()) });
}

function row(i: number): Values {
  const year = 2016 + (i % 9);
  return {
    title: `示例县批量导入测试第${i + 1}号文件关于做好农村人居环境整治工作的通知`,
    docNumber: `示批发〔${year}〕${i + 1}号`,
    org: ORGS[i % ORGS.length],
    writtenOn: `${year}-03-10`,
    publishedOn: `${year}-03-${12 + (i % 5)}`,
    effectiveOn: `${year}-03-10`,
    genre: '通知',
    docType: i % 3 === 0 ? '行政规范性文件' : '政策文件',
    topic: '综合政务\\政务公开',
    keywords: '人居环境；整治',
    summary: '部署农村人居环境整治工作。',
    body: `各乡镇人民政府：\n现就第${i + 1}批农村人居环境整治工作通知如下。`,
    key: `BATCH-${i}`,
  };
}

/** What a document, its version, timeline, audit entry and search entry hold, without what differs by nature (ids, key, number). */
async function stored(id: number, key: string) {
  const mask = (s: string) => s.replaceAll(key, 'KEY');
  const [doc] = await db().select().from(documents).where(eq(documents.id, id));
  const [version] = await db().select().from(documentVersions).where(eq(documentVersions.documentId, id));
  const events = await db()
    .select()
    .from(documentEvents)
    .where(and(eq(documentEvents.documentId, id), inArray(documentEvents.action, ['publish', 'import'])))
    .orderBy(asc(documentEvents.id));
  const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'document.import'), eq(auditLog.targetId, String(id))));
  const [entry] = await db().select().from(searchEntries).where(eq(searchEntries.documentId, id));
  return {
    doc: { ...doc, id: 0, sourceKey: mask(doc.sourceKey!), indexNo: doc.indexNo!.replace(/\d+$/, 'N'), createdAt: null },
    version: { ...version, documentId: 0, indexNo: version.indexNo.replace(/\d+$/, 'N') },
    events: events.map((e) => ({ action: e.action, actorId: e.actorId, actorName: e.actorName, note: mask(e.note), findings: e.findings })),
    audit: { actorId: audit.actorId, actorName: audit.actorName, orgId: audit.orgId, targetType: audit.targetType, summary: mask(audit.summary), ip: audit.ip },
    // The sample bucket lexeme follows the document id (src/domain/search-facets.ts).
    entry: { ...entry, id: 0, documentId: 0, indexedAt: null, tsv: entry.tsv.replace(/'§b:\d+' /, '') },
  };
}

describe('a batch of a few hundred rows', () => {
  const N = 300;
  const BLOCKED = 7;
  const rows = Array.from({ length: N }, (_, i) => row(i));
  rows[BLOCKED] = { ...rows[BLOCKED], body: `受助学生王某，身份证号码 ${ID_NUMBER}。` };
  // Kept historical numbers of a year no counter has reached yet, and rows of that year that get new ones.
  for (const [i, indexNo] of [
    [0, 'jyj/2015-00090'],
    [5, 'jyj/2015-00091'],
  ] as const)
    rows[i] = { ...rows[i], writtenOn: '2015-06-01', publishedOn: '2015-06-03', effectiveOn: '2015-06-01', indexNo };
  for (const i of [10, 15, 20]) rows[i] = { ...rows[i], writtenOn: '2015-06-01', publishedOn: '2015-06-05', effectiveOn: '2015-06-01' };
  // The same source key twice in one manifest: the second is 已存在, as a row later would find it.
  const repeated = { ...rows[3], title: `${rows[3].title}（重复行）` };
  let first: ImportResult;
  beforeAll(async () => {
    first = await importRows([...rows, repeated]);
  }, 120_000);

  it('imports every row but the blocked one, which gets the workflow’s reason', async () => {
    expect(first.imported).toBe(N - 1);
    expect(first.existing).toBe(1);
    expect(first.ids.get(N + 1)).toBe(first.ids.get(4));
    expect(first.rejected.map((r) => r.rowNo)).toEqual([BLOCKED + 1]);
    const reason = first.rejected[0].reason;
    expect(reason).toContain('居民身份证号码');
    expect(reason).not.toContain(ID_NUMBER);
    // The per-row path refuses the same row with the same words.
    await expect(importOneByOne({ ...rows[BLOCKED], key: 'BATCH-blocked-1by1' })).rejects.toThrow(reason);
    expect(await db().select().from(documents).where(like(documents.sourceKey, 'BATCH-blocked%'))).toEqual([]);
  });

  it('stores each document whole: current version, publish and import events, one audit entry, a search entry', async () => {
    const ids = [...first.ids.values()];
    const n = async (q: Promise<{ n: number }[]>) => (await q)[0].n;
    expect(await n(db().select({ n: count() }).from(documents).where(and(inArray(documents.id, ids), eq(documents.status, 'published'))))).toBe(N - 1);
    expect(await n(db().select({ n: count() }).from(documentVersions).where(and(inArray(documentVersions.documentId, ids), eq(documentVersions.isCurrent, true))))).toBe(N - 1);
    expect(await n(db().select({ n: count() }).from(documentEvents).where(inArray(documentEvents.documentId, ids)))).toBe(2 * (N - 1));
    expect(await n(db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'document.import'), like(auditLog.summary, '%BATCH-%'))))).toBe(N - 1);
    expect(await n(db().select({ n: count() }).from(searchEntries).where(inArray(searchEntries.documentId, ids)))).toBe(N - 1);
    // 三同步: the normative files record the historical exemption, as the per-row path does.
    const [normative] = await db().select().from(documentEvents).where(and(eq(documentEvents.documentId, first.ids.get(4)!), eq(documentEvents.action, 'publish')));
    expect(normative.note).toContain('历史文件导入');
  });

  it('gives unique index numbers, keeps the historical ones and moves the counters past every number given', async () => {
    const docs = await db().select({ orgId: documents.orgId, indexNo: documents.indexNo }).from(documents).where(inArray(documents.id, [...first.ids.values()]));
    expect(new Set(docs.map((d) => `${d.orgId} ${d.indexNo}`)).size).toBe(N - 1);
    const jyj2015 = docs.filter((d) => d.indexNo!.startsWith('jyj/2015-')).map((d) => Number(d.indexNo!.slice(-5)));
    expect(jyj2015.slice().sort((a, b) => a - b)).toEqual([90, 91, 92, 93, 94]);
    for (const d of docs) {
      const [serial] = await db().select().from(indexSerials).where(eq(indexSerials.scope, d.indexNo!.replace(/\d+$/, '#')));
      expect(serial.last).toBeGreaterThanOrEqual(Number(d.indexNo!.slice(-5)));
    }
  });

  it('finds the imported documents by search, a doc number first', async () => {
    const r = await search(db(), { q: '示批发〔2019〕13号' });
    expect(r.items[0]).toMatchObject({ documentId: first.ids.get(13), docNumber: '示批发〔2019〕13号' });
    expect((await search(db(), { q: '批量导入测试 人居环境' })).total).toBeGreaterThanOrEqual(N - 1);
  });

  it('a second run imports nothing new', async () => {
    const again = await importRows([...rows, repeated]);
    expect([again.imported, again.existing, again.rejected.length]).toEqual([0, N, 1]);
    expect(again.ids).toEqual(first.ids);
  });
});

describe('a row imported either way', () => {
  // A normative file published late (formed long before), with a link, co-issuers and no summary:
  // exemption, late note, warnings, link findings all on the record.
  const values: Values = {
    title: '示例县民政局 示例县财政局关于调整城乡最低生活保障标准的通知',
    docNumber: '示民发〔2022〕9号',
    org: 'mzj',
    writtenOn: '2022-01-04',
    formedOn: '2022-01-04',
    publishedOn: '2022-03-01',
    effectiveOn: '2022-01-04',
    genre: '通知',
    docType: '行政规范性文件',
    topic: '民政、扶贫、救灾\\社会福利',
    keywords: '低保，标准',
    coIssuers: '示例县财政局',
    body: '<p>各乡镇人民政府：</p><p>现将调整后的标准印发给你们，详见<a href="www.example.cn/dibao">标准表</a>。</p>',
  };

  it('gives the same document, version, timeline, audit entry and search entry', async () => {
    const bulk = await importRows([{ ...values, key: 'CMP-BULK' }]);
    expect(bulk.rejected).toEqual([]);
    const single = await importOneByOne({ ...values, key: 'CMP-ONE' });
    const a = await stored(bulk.ids.get(1)!, 'CMP-BULK');
    const b = await stored(single.id, 'CMP-ONE');
    expect(a).toEqual(b);
    expect(a.version.late).toBe(true);
    expect(a.events[0].note).toContain('超过信息形成之日起 20 个工作日发布');
    expect(a.events[0].findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'broken_link' }), expect.objectContaining({ field: 'summary' })]));
  });

  it('stores validity as of today: a notice whose expiry has passed is 失效 at once', async () => {
    const r = await importRows([{ ...values, docType: '政策文件', expiresOn: '2023-12-31', key: 'CMP-EXPIRED' }]);
    const [v] = await db().select().from(documentVersions).where(eq(documentVersions.documentId, r.ids.get(1)!));
    expect([v.validity, v.validityNextChange]).toEqual(['expired', null]);
  });
});

describe('a batch the database refuses', () => {
  it('is imported row by row: only the bad row is rejected, and it leaves nothing behind', async () => {
    // A kept number of another year's pattern moves no counter: the next 2013 number is already used.
    const kept = await importRows([{ ...row(1), key: 'LEGACY-1', org: 'nyj', writtenOn: '2014-05-05', publishedOn: '2014-05-06', effectiveOn: '2014-05-05', indexNo: 'nyj/2013-00001' }]);
    expect(kept.imported).toBe(1);
    const clash = { ...row(2), org: 'nyj', title: '示例县农业农村局关于做好2013年春耕生产工作的通知', writtenOn: '2013-02-01', publishedOn: '2013-02-04', effectiveOn: '2013-02-01', key: 'CLASH-1' };
    const r = await importRows([{ ...row(500), key: 'CLASH-0' }, clash, { ...row(501), key: 'CLASH-2' }]);
    expect(r.imported).toBe(2);
    expect(r.rejected).toEqual([{ rowNo: 2, title: clash.title, reason: expect.stringMatching(/^导入失败/) }]);
    expect(await db().select().from(documents).where(eq(documents.title, clash.title))).toEqual([]);
    const [{ n }] = await db().select({ n: count() }).from(auditLog).where(like(auditLog.summary, '%CLASH-1%'));
    expect(n).toBe(0);
  });
});
