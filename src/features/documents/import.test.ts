// Importing existing documents (issue #3 item 9): manifests in JSON, CSV (UTF-8 with BOM, GBK) and
// xlsx with Chinese headers; files from the folder; rejected rows with reasons; idempotent re-runs;
// repeals applied after the rows; interpretations linked both ways; a failed row leaves nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, between, count, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { generateDocuments } from '../../demo/generated.js';
import { chinaDate } from '../../domain/dates.js';
import { nextValidityChange } from '../../domain/validity.js';
import { FileStore } from '../../files.js';
import { auditLog } from '../orgs/schema.js';
import { readManifest } from './import/manifest.js';
import { importManifest, type ImportResult } from './import/run.js';
import { relationsActingOn, validityOf } from './relations.js';
import { documentEvents, documents, documentVersions, indexSerials } from './schema.js';

const fixtures = path.resolve('test/fixtures/import');
let t: TestApp;
let scratch: string;

beforeAll(async () => {
  t = await startTestApp();
  scratch = mkdtempSync(path.join(tmpdir(), 'gongkai-import-'));
});
afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function importFrom(source: string, dryRun = false): Promise<ImportResult> {
  const manifest = await readManifest(source);
  return importManifest(t.database.db, manifest, { files: new FileStore(path.join(t.config.dataDir, 'files')), maxAttachmentBytes: t.config.attachmentMaxBytes, dryRun });
}

async function documentCount() {
  const [{ n }] = await t.database.db.select({ n: count() }).from(documents);
  return n;
}

async function byTitle(title: string) {
  const [doc] = await t.database.db.select().from(documents).where(eq(documents.title, title));
  return doc;
}

async function publicJson(id: number) {
  const res = await (await t.client()).get(`/api/v1/public/documents/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** A folder with a manifest of the given name and content, and optional other files. */
function folderWith(name: string, content: string | Buffer, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(scratch, 'm-'));
  writeFileSync(path.join(dir, name), content);
  for (const [f, c] of Object.entries(files)) writeFileSync(path.join(dir, f), c);
  return dir;
}

describe('a folder with a CSV manifest (UTF-8 with BOM, Chinese headers)', () => {
  let first: ImportResult;
  beforeAll(async () => {
    first = await importFrom(path.join(fixtures, 'folder'));
  });

  it('imports valid rows as published documents and rejects the others with their row and reason', () => {
    expect(first.imported).toBe(4);
    expect(first.existing).toBe(0);
    expect(first.rejected.map((r) => r.rowNo)).toEqual([5, 6, 7]);
    const [idCard, org, date] = first.rejected;
    expect(idCard.reason).toContain('居民身份证号码');
    expect(idCard.reason).not.toContain('11010519491231002X');
    expect(org.reason).toContain('找不到发布机构：“xyz”');
    expect(date.reason).toContain('成文日期无效：“2021-02-30”');
  });

  it('keeps the original dates, the historical index number and the source key, with the file body and attachment', async () => {
    const doc = await byTitle('示例县教育局关于印发示例县中小学校服管理办法的通知');
    expect(doc.status).toBe('published');
    expect(doc.indexNo).toBe('jyj/2019-00031');
    expect(doc.sourceKey).toBe('OA-2019-0008');
    expect(doc.keywords).toEqual(['校服', '管理', '采购']);
    expect(doc.body).toContain('<p>第二条 学生自愿购买校服。</p>');
    const pub = await publicJson(doc.id);
    expect(pub.publishedAt).toBe('2019-03-05T02:00:00.000Z');
    expect(pub.writtenOn).toBe('2019-03-01');
    expect(pub.docType).toBe('normative');
    expect(pub.topic).toBe('11.02');
    expect(pub.attachments).toEqual([expect.objectContaining({ fileName: '校服管理办法.pdf', kind: 'pdf' })]);
    // The serial counter moved past the kept number, so later 2019 numbers do not collide.
    const [serial] = await t.database.db.select().from(indexSerials).where(eq(indexSerials.scope, 'jyj/2019-#'));
    expect(serial.last).toBeGreaterThanOrEqual(31);
    // Published without an interpretation at that moment: the exemption is recorded on the timeline.
    const events = await t.database.db.select().from(documentEvents).where(eq(documentEvents.documentId, doc.id));
    expect(events.find((e) => e.action === 'publish')!.note).toContain('历史文件导入');
    expect(events.map((e) => e.action)).toContain('import');
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'document.import'), eq(auditLog.targetId, String(doc.id))));
    expect(audit.summary).toContain('OA-2019-0008');
    expect(audit.actorName).toBe('系统');
  });

  it('applies the repeal after the rows are in: the 2019 file is 已废止 from the new one’s effective date', async () => {
    const old = await byTitle('示例县教育局关于印发示例县中小学校服管理办法的通知');
    const pub = await publicJson(old.id);
    expect(pub.validity).toBe('repealed');
    expect(pub.history.at(-1)).toMatchObject({ date: '2023-03-01', validity: 'repealed' });
    const [stored] = await t.database.db.select({ validity: documentVersions.validity }).from(documentVersions).where(and(eq(documentVersions.documentId, old.id), eq(documentVersions.isCurrent, true)));
    expect(stored.validity).toBe('repealed');
  });

  it('judges each repeal as the workbench does: a file repealed earlier in the run is not repealed again, nor before it took effect', async () => {
    const row = (n: number, over: Record<string, unknown>) => ({
      标题: `示例县交通运输局关于桥梁安全检查的通知（第${n}号）`,
      文号: `示交发〔2020〕${n}号`,
      机构代码: 'jtj',
      成文日期: '2020-03-01',
      文种: '通知',
      文件类型: '政策文件',
      施行日期: '2020-03-01',
      主题分类: '11.02',
      内容概述: '桥梁安全检查。',
      正文: '各乡镇：做好桥梁安全检查。',
      来源编号: `JT-R${n}`,
      ...over,
    });
    const manifest = [
      row(41, {}),
      row(42, { 成文日期: '2022-05-01', 施行日期: '2022-05-01', 废止: '示交发〔2020〕41号' }),
      // Repeals the same file again, later: refused, it is 已废止 by then.
      row(43, { 成文日期: '2023-05-01', 施行日期: '2023-05-01', 废止: '示交发〔2020〕41号' }),
      // Dated before the file it repeals took effect.
      row(44, { 成文日期: '2019-05-01', 施行日期: '2019-05-01', 发布日期: '2020-04-01', 废止: '示交发〔2020〕41号' }),
    ];
    const dir = folderWith('manifest.json', JSON.stringify(manifest));
    const first = await importFrom(dir);
    expect(first.imported).toBe(4);
    expect(first.warnings.map((w) => [w.rowNo, w.reason])).toEqual([
      [3, expect.stringContaining('该文件已废止，不能再废止')],
      [4, expect.stringContaining('早于该文件的施行日期')],
    ]);
    const target = await byTitle('示例县交通运输局关于桥梁安全检查的通知（第41号）');
    const acting = (await relationsActingOn(t.database.db, [target.id])).get(target.id)!;
    expect(acting.map((r) => [r.byDocNumber, r.effectiveOn])).toEqual([['示交发〔2020〕42号', '2022-05-01']]);
    expect((await publicJson(target.id)).validity).toBe('repealed');
    const repealer = await byTitle('示例县交通运输局关于桥梁安全检查的通知（第42号）');
    const events = await t.database.db.select().from(documentEvents).where(and(eq(documentEvents.documentId, repealer.id), eq(documentEvents.action, 'relate')));
    expect(events.map((e) => e.note)).toEqual([`《${repealer.title}》自 2022-05-01 起废止《${target.title}》`]);
    // Again: nothing new, the same warnings.
    const again = await importFrom(dir);
    expect(again.existing).toBe(4);
    expect((await relationsActingOn(t.database.db, [target.id])).get(target.id)).toHaveLength(1);
  });

  it('links an interpretation and its policy both ways, whatever their order in the manifest', async () => {
    const policy = await byTitle('示例县教育局关于印发示例县中小学校服管理办法的通知');
    const interpretation = await byTitle('《示例县中小学校服管理办法》政策解读');
    expect(interpretation.interpretationOf).toBe(policy.id);
    expect(interpretation.interpretationForm).toBe('qa');
    expect((await publicJson(policy.id)).interpretations).toEqual([expect.objectContaining({ id: interpretation.id })]);
    expect((await publicJson(interpretation.id)).policy).toMatchObject({ id: policy.id, docNumber: '示教发〔2019〕8号' });
  });

  it('derives a key when the row has none, resolves an organization by name, and lets an expiry date make it 失效', async () => {
    const doc = await byTitle('示例县住房和城乡建设局关于做好2021年城镇老旧小区改造工作的通知');
    expect(doc.sourceKey).toMatch(/^h:[0-9a-f]{32}$/);
    expect((await publicJson(doc.id)).validity).toBe('expired');
  });

  it('a rejected row leaves no document behind', async () => {
    expect(await byTitle('示例县教育局关于公布2020年学生资助名单的通知')).toBeUndefined();
  });

  it('re-running imports nothing new: every row already there is counted as 已存在', async () => {
    const before = await documentCount();
    const again = await importFrom(path.join(fixtures, 'folder', 'manifest.csv'));
    expect(again.imported).toBe(0);
    expect(again.existing).toBe(4);
    expect(again.rejected).toHaveLength(3);
    expect(again.warnings).toEqual([]);
    expect(await documentCount()).toBe(before);
  });
});

describe('other manifest formats', () => {
  it('reads a GBK CSV, as Excel saves it on Chinese Windows', async () => {
    const r = await importFrom(path.join(fixtures, 'gbk.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.imported).toBe(1);
    const doc = await byTitle('示例县民政局关于调整城乡最低生活保障标准的通知');
    expect(doc.docNumber).toBe('示民发〔2022〕4号');
    expect(doc.keywords).toEqual(['低保', '标准']);
  });

  it('reads JSON as an array or as { documents: [...] }, with lists as arrays or text', async () => {
    const doc = (n: number) => ({
      title: `示例县农业农村局关于做好${2017 + n}年春耕生产工作的通知`,
      docNumber: `示农发〔${2017 + n}〕${n}号`,
      org: 'nyj',
      writtenOn: `${2017 + n}-02-10`,
      publishedOn: `${2017 + n}-02-12`,
      effectiveOn: `${2017 + n}-02-10`,
      genre: '通知',
      docType: 'policy',
      topic: '农业、林业、水利\\农业、畜牧业、渔业',
      keywords: n === 1 ? ['春耕', '生产'] : '春耕；生产',
      summary: '部署春耕生产。',
      body: '各乡镇人民政府：\n现就春耕生产工作通知如下。',
      key: `NY-${n}`,
    });
    const arr = await importFrom(path.join(folderWith('manifest.json', JSON.stringify([doc(1)])), 'manifest.json'));
    const obj = await importFrom(folderWith('manifest.json', JSON.stringify({ documents: [doc(2), { ...doc(3), 标题: undefined, title: '' }] })));
    expect([arr.imported, obj.imported]).toEqual([1, 1]);
    expect(obj.rejected).toEqual([{ rowNo: 2, title: '', reason: '缺少标题' }]);
    const second = await byTitle('示例县农业农村局关于做好2019年春耕生产工作的通知');
    expect(second.keywords).toEqual(['春耕', '生产']);
    expect(second.body).toBe('<p>各乡镇人民政府：</p><p>现就春耕生产工作通知如下。</p>');
  });

  it('reads the first sheet of an xlsx workbook, with date cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('文件清单');
    sheet.addRow(['标题', '文号', '机构代码', '成文日期', '发布日期', '施行日期', '文种', '文件类型', '主题分类', '内容概述', '正文', '附件', '来源编号']);
    sheet.addRow(['示例县卫生健康局关于开展2024年爱国卫生月活动的通知', '示卫发〔2024〕7号', 'wjj', new Date(Date.UTC(2024, 3, 1)), '2024-04-03', '2024年4月1日', '通知', 'policy', '13.01', '部署爱国卫生月活动。', '<p>各医疗卫生单位：</p><p>现就开展爱国卫生月活动通知如下。</p>', '活动方案.pdf', 'WJ-2024-7']);
    const dir = folderWith('manifest.xlsx', Buffer.from(await book.xlsx.writeBuffer()), { '活动方案.pdf': Buffer.from('%PDF-1.4\n%%EOF\n') });
    const r = await importFrom(dir);
    expect(r.rejected).toEqual([]);
    expect(r.imported).toBe(1);
    const doc = await byTitle('示例县卫生健康局关于开展2024年爱国卫生月活动的通知');
    expect(doc.writtenOn).toBe('2024-04-01');
    expect(doc.topic).toBe('13.01');
    expect((await publicJson(doc.id)).attachments).toHaveLength(1);
  });
});

describe('refusals', () => {
  const row = {
    标题: '示例县交通运输局关于加强农村公路养护的通知',
    文号: '示交发〔2018〕2号',
    机构代码: 'jtj',
    成文日期: '2018-05-02',
    发布日期: '2018-05-04',
    施行日期: '2018-05-02',
    文种: '通知',
    文件类型: '政策文件',
    主题分类: '工业、交通\\公路',
    内容概述: '加强农村公路养护。',
    正文: '各乡镇人民政府：现就农村公路养护通知如下。',
  };

  it('an attachment that is not what its name says rolls the whole row back', async () => {
    const dir = folderWith('manifest.json', JSON.stringify([{ ...row, 附件: '养护方案.pdf', 来源编号: 'JT-1' }]), { '养护方案.pdf': 'not a pdf at all' });
    const before = await documentCount();
    const r = await importFrom(dir);
    expect(r.imported).toBe(0);
    expect(r.rejected[0].reason).toContain('养护方案.pdf');
    expect(await documentCount()).toBe(before);
    const [{ n }] = await t.database.db.select({ n: count() }).from(auditLog).where(like(auditLog.summary, '%农村公路养护%'));
    expect(n).toBe(0);
  });

  it('refuses missing files, files outside the folder, secrecy marks, future dates and another department’s policy as 解读对象', async () => {
    const dir = folderWith(
      'manifest.json',
      JSON.stringify([
        { ...row, 附件: '没有这个文件.pdf', 来源编号: 'JT-2' },
        { ...row, 正文文件: '../../etc/passwd.txt', 正文: undefined, 来源编号: 'JT-3' },
        { ...row, 正文: '秘密★1年 各乡镇人民政府：现就农村公路养护通知如下。', 来源编号: 'JT-4' },
        { ...row, 发布日期: '2099-01-01', 来源编号: 'JT-5' },
        { ...row, 标题: '《加强农村公路养护的通知》解读', 文件类型: '其他', 解读对象: '示教发〔2019〕8号', 来源编号: 'JT-6' },
        { ...row, 公开属性: '依申请公开', 来源编号: 'JT-7' },
      ]),
    );
    const r = await importFrom(dir);
    expect(r.imported).toBe(0);
    const reasons = r.rejected.map((x) => x.reason);
    expect(reasons[0]).toContain('找不到附件“没有这个文件.pdf”');
    expect(reasons[1]).toContain('不在清单所在的文件夹内');
    expect(reasons[2]).toContain('密');
    expect(reasons[3]).toContain('晚于今天');
    expect(reasons[4]).toContain('找不到解读对象');
    expect(reasons[5]).toContain('依申请公开');
  });

  it('a dry run checks everything and writes nothing', async () => {
    const dir = folderWith('manifest.json', JSON.stringify([{ ...row, 来源编号: 'JT-8' }, { ...row, 机构代码: 'nope', 来源编号: 'JT-9' }]));
    const before = await documentCount();
    const r = await importFrom(dir, true);
    expect([r.imported, r.rejected.length]).toEqual([1, 1]);
    expect(await documentCount()).toBe(before);
    expect((await importFrom(dir)).imported).toBe(1);
  });

  it('unreadable manifests are usage errors, not rejected rows', async () => {
    await expect(readManifest(path.join(scratch, 'missing'))).rejects.toThrow('找不到文件或文件夹');
    await expect(readManifest(folderWith('manifest.json', '{ not json'))).rejects.toThrow('不是有效的 JSON');
    await expect(readManifest(folderWith('manifest.csv', '文号,机构代码\n1,jyj\n'))).rejects.toThrow('缺少“标题”');
    await expect(readManifest(folderWith('list.txt', 'x'))).rejects.toThrow('没有 manifest.json');
  });
});

describe('generated demo documents (src/demo/generated.ts, also used by the benchmark)', () => {
  let range: { first: number; last: number; relations: number };
  beforeAll(async () => {
    range = await generateDocuments(t.database.db, { count: 1500, seed: 7 });
  });

  it('stores the validity the domain rule derives from their relations and expiry dates', async () => {
    const rows = await t.database.db
      .select({ id: documentVersions.documentId, effectiveOn: documentVersions.effectiveOn, expiresOn: documentVersions.expiresOn, validity: documentVersions.validity, next: documentVersions.validityNextChange })
      .from(documentVersions)
      .where(and(between(documentVersions.documentId, range.first, range.last), eq(documentVersions.isCurrent, true)));
    expect(rows).toHaveLength(1500);
    const derived = await validityOf(t.database.db, rows);
    const relations = await relationsActingOn(t.database.db, rows.map((r) => r.id));
    const today = chinaDate(new Date());
    for (const r of rows) {
      expect({ id: r.id, validity: r.validity }).toEqual({ id: r.id, validity: derived.get(r.id)!.validity });
      expect(r.next).toBe(nextValidityChange({ effectiveOn: r.effectiveOn, expiresOn: r.expiresOn, relations: relations.get(r.id)! }, today));
    }
    expect(new Set(rows.map((r) => r.validity))).toEqual(new Set(['in_force', 'amended', 'repealed', 'expired']));
    expect(range.relations).toBeGreaterThan(50);
  });

  it('spreads over departments and townships, years and types, with interpretations of the issuing organization', async () => {
    const docs = await t.database.db.select().from(documents).where(between(documents.id, range.first, range.last));
    expect(new Set(docs.map((d) => d.orgId)).size).toBeGreaterThan(15);
    expect(new Set(docs.map((d) => d.writtenOn!.slice(0, 4))).size).toBeGreaterThanOrEqual(10);
    expect(new Set(docs.map((d) => d.docType))).toEqual(new Set(['normative', 'policy', 'general']));
    const byId = new Map(docs.map((d) => [d.id, d]));
    const interpretations = docs.filter((d) => d.interpretationOf);
    expect(interpretations.length).toBeGreaterThan(10);
    for (const i of interpretations) expect(byId.get(i.interpretationOf!)).toMatchObject({ orgId: i.orgId, docType: 'normative', status: 'published' });
    expect(docs.find((d) => d.title.includes('东山镇') && d.docNumber.startsWith('东政发'))).toBeDefined();
  });

  it('advances the index-number counters: a real publication afterwards gets a fresh number', async () => {
    const jyj = await t.database.db.select().from(documents).where(and(between(documents.id, range.first, range.last), like(documents.indexNo, `jyj/${chinaDate(new Date()).slice(0, 4)}-%`)));
    const r = await importFrom(
      folderWith('manifest.json', JSON.stringify([{ 标题: '示例县教育局关于做好寒假安全工作的通知', 文号: '示教发〔2026〕99号', 机构代码: 'jyj', 成文日期: chinaDate(new Date()), 文种: '通知', 文件类型: '政策文件', 施行日期: chinaDate(new Date()), 主题分类: '11.02', 内容概述: '部署寒假安全工作。', 正文: '各学校：做好寒假安全工作。' }])),
    );
    expect(r.rejected).toEqual([]);
    const doc = await byTitle('示例县教育局关于做好寒假安全工作的通知');
    expect(jyj.map((d) => d.indexNo)).not.toContain(doc.indexNo);
    expect(Number(doc.indexNo!.slice(-5))).toBeGreaterThan(jyj.length);
  });
});
