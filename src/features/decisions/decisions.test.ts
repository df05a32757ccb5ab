// The decision catalogue through the staff API (issue #7 items 1, 2, 5): the government's editor draws
// up and publishes its catalogue; after publishing every added, changed or removed item states its
// reason and is recorded and audited; the undertaking department records its stages — the legality
// review's 7 working days across 国庆 2024, the order of discussion and decision, the evaluation a year
// later; links to the consultation and the final document; another department is refused throughout.
import { and, desc, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { addDays, chinaDate } from '../../domain/dates.js';
import { documents } from '../documents/schema.js';
import { auditLog, organizations } from '../orgs/schema.js';
import { decisionForDocument } from './public.js';

let t: TestApp;
let gov: TestClient;
let jyj: TestClient;
let zjj: TestClient;
let gkb: TestClient;
const org = new Map<string, number>();
const db = () => t.database.db;
const YEAR = 2024;

beforeAll(async () => {
  t = await startTestApp();
  [gov, jyj, zjj, gkb] = await Promise.all([t.client('sxx_editor'), t.client('jyj_editor'), t.client('zjj_editor'), t.client('gkb')]);
  for (const o of await db().select({ id: organizations.id, code: organizations.code }).from(organizations)) org.set(o.code, o.id);
});
afterAll(() => t?.close());

const item = (seq: number, name: string, undertaking: string, more: Record<string, unknown> = {}) => ({ seq, name, undertakingOrgId: org.get(undertaking), basis: '《重大行政决策程序暂行条例》', plannedTime: `${YEAR}年12月`, ...more });

describe('the catalogue', () => {
  let catalog: number;
  let school: number;
  let parking: number;

  it('is drawn up by the government only', async () => {
    await expectRefused(t, () => jyj.send('POST', '/api/v1/decision-catalogs', { orgId: org.get('sxx'), year: YEAR }), 403, '无权为该机构编制决策事项目录');
    await expectRefused(t, () => jyj.send('POST', '/api/v1/decision-catalogs', { year: YEAR }), 400, '决策事项目录由县级以上人民政府编制，请选择人民政府');
    const res = await gov.send('POST', '/api/v1/decision-catalogs', { year: YEAR, note: '经县政府常务会议研究确定。' });
    expect(res.statusCode, res.body).toBe(201);
    catalog = res.json().id;
    expect(res.json()).toMatchObject({ title: `示例县人民政府${YEAR}年度重大行政决策事项目录`, published: false, canManage: true, items: [] });
    await expectRefused(t, () => gov.send('POST', '/api/v1/decision-catalogs', { year: YEAR }), 409, `示例县人民政府${YEAR}年度的决策事项目录已经存在`);
  });

  it('takes items without a reason before publishing, and publishes only with items', async () => {
    await expectRefused(t, () => gov.send('POST', `/api/v1/decision-catalogs/${catalog}/publish`), 400, '目录中还没有决策事项，不能公布');
    const a = await gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(1, '示例县中小学校布局专项规划（2024—2035年）', 'jyj'));
    expect(a.statusCode, a.body).toBe(201);
    school = a.json().id;
    expect(a.json()).toMatchObject({ seq: 1, undertakingOrg: { name: '示例县教育局' }, standing: '尚未启动', canManage: true, canRecord: true });
    parking = (await gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(2, '示例县城区停车设施建设管理办法', 'zjj'))).json().id;
    const draft = (await gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(3, '临时事项', 'fgj'))).json().id;
    await expectRefused(t, () => gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(2, '重复序号', 'fgj')), 409, '序号 2 已用于“示例县城区停车设施建设管理办法”');
    await expectRefused(t, () => jyj.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(4, '教育局自己加的', 'jyj')), 403, '无权调整该决策事项目录');
    // Not yet public: taken out, it is simply gone, and nothing is recorded as a change.
    expect((await gov.send('POST', `/api/v1/decisions/${draft}/removal`, {})).json()).toEqual({ deleted: true, removed: false });
    const published = await gov.send('POST', `/api/v1/decision-catalogs/${catalog}/publish`);
    expect(published.json()).toMatchObject({ published: true, publishedOn: chinaDate(new Date()), changes: [] });
    expect(published.json().items.map((i: { seq: number }) => i.seq)).toEqual([1, 2]);
    await expectRefused(t, () => gov.send('POST', `/api/v1/decision-catalogs/${catalog}/publish`), 409, '该决策事项目录已经公布');
  });

  it('once published, asks a reason for every change and records it, before and after', async () => {
    const reasonless = '决策事项目录已经公布，调整事项须说明理由（理由向社会公开）';
    await expectRefused(t, () => gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(3, '示例县生活垃圾分类管理办法', 'zjj')), 400, reasonless);
    const added = await gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(3, '示例县生活垃圾分类管理办法', 'zjj', { reason: '根据市政府工作部署新增' }));
    expect(added.statusCode).toBe(201);
    await expectRefused(t, () => gov.send('PUT', `/api/v1/decisions/${parking}`, item(2, '示例县城区停车设施建设管理办法', 'zjj', { plannedTime: `${YEAR + 1}年6月` })), 400, reasonless);
    await expectRefused(t, () => gov.send('PUT', `/api/v1/decisions/${parking}`, item(2, '示例县城区停车设施建设管理办法', 'zjj', { reason: '无变化' })), 400, '没有修改任何内容');
    const changed = await gov.send('PUT', `/api/v1/decisions/${parking}`, item(2, '示例县城区停车设施建设管理办法', 'zjj', { plannedTime: `${YEAR + 1}年6月`, reason: '需开展停车需求专项调查，完成时间顺延' }));
    expect(changed.json().changes).toEqual([
      expect.objectContaining({ reason: '需开展停车需求专项调查，完成时间顺延', changes: { plannedTime: [`${YEAR}年12月`, `${YEAR + 1}年6月`] }, lines: [`计划完成时间：${YEAR}年12月 → ${YEAR + 1}年6月`] }),
    ]);
    await expectRefused(t, () => gov.send('POST', `/api/v1/decisions/${added.json().id}/removal`, { reason: ' ' }), 400, reasonless);
    const removed = await gov.send('POST', `/api/v1/decisions/${added.json().id}/removal`, { reason: '市级已统一立法，本县不再另行制定' });
    expect(removed.json()).toEqual({ deleted: false, removed: true });
    await expectRefused(t, () => gov.send('PUT', `/api/v1/decisions/${added.json().id}`, item(3, '改名', 'zjj', { reason: 'x' })), 409, '该事项已调出目录，不能再修改');

    const view = (await gov.get(`/api/v1/decision-catalogs/${catalog}`)).json();
    expect(view.changes.map((c: { item: string; lines: string[] }) => [c.item, c.lines])).toEqual([
      ['3. 示例县生活垃圾分类管理办法', ['新增事项：3. 示例县生活垃圾分类管理办法（示例县住房和城乡建设局）']],
      ['2. 示例县城区停车设施建设管理办法', [`计划完成时间：${YEAR}年12月 → ${YEAR + 1}年6月`]],
      ['3. 示例县生活垃圾分类管理办法', ['调出目录：3. 示例县生活垃圾分类管理办法（示例县住房和城乡建设局）']],
    ]);
    expect(view.items.find((i: { seq: number }) => i.seq === 3)).toMatchObject({ removed: true, removalReason: '市级已统一立法，本县不再另行制定', standing: '已调出目录' });
    const audited = await db().select({ summary: auditLog.summary }).from(auditLog).where(like(auditLog.action, 'decision.%')).orderBy(desc(auditLog.id)).limit(1);
    expect(audited[0]!.summary).toBe('决策事项“3. 示例县生活垃圾分类管理办法”调出目录，理由：市级已统一立法，本县不再另行制定');
  });

  it('is read by the government, the supervisor and the undertaking departments only', async () => {
    expect((await gkb.get(`/api/v1/decision-catalogs/${catalog}`)).json()).toMatchObject({ canManage: false });
    const seen = (await jyj.get(`/api/v1/decision-catalogs/${catalog}`)).json();
    expect(seen.canManage).toBe(false);
    expect(seen.items.map((i: { seq: number; canRecord: boolean }) => [i.seq, i.canRecord])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect((await jyj.get('/api/v1/decision-catalogs')).json().items.map((c: { id: number }) => c.id)).toContain(catalog);
    const other = await t.client('cgz_editor');
    expect((await other.get('/api/v1/decision-catalogs')).json().items).toEqual([]);
    await expectRefused(t, () => other.get(`/api/v1/decision-catalogs/${catalog}`), 403, '无权查看该决策事项目录');
    await expectRefused(t, () => other.get(`/api/v1/decisions/${school}`), 403, '无权查看该决策事项');
    expect((await (await t.client()).get('/api/v1/decision-catalogs')).statusCode).toBe(401);
  });

  describe('stages', () => {
    const stage = (c: TestClient, body: Record<string, unknown>) => c.send('POST', `/api/v1/decisions/${school}/stages`, body);

    it('are recorded by the undertaking department, never another one', async () => {
      await expectRefused(t, () => stage(zjj, { kind: 'participation', startedOn: `${YEAR}-08-01` }), 403, '无权登记该决策事项的办理阶段：只有承办单位或本级政府的工作人员可以办理');
      await expectRefused(t, () => stage(gkb, { kind: 'participation', startedOn: `${YEAR}-08-01` }), 403, '无权登记该决策事项的办理阶段');
      const res = await stage(jyj, { kind: 'participation', startedOn: `${YEAR}-08-01`, endedOn: `${YEAR}-08-31`, summary: '公开征求意见30日，收到意见12条。' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ standing: '公众参与（已完成）', stages: [{ kind: 'participation', label: '公众参与', isPublic: true }] });
    });

    it('keep the legality review to 7 working days or more across 国庆 2024', async () => {
      // Sent Friday 9月27日: 29日 (Sunday, 调休) 1, 30日 2, 10月1–7日 off, 8–11日 3–6, 12日 (Saturday, 调休) 7.
      const short = { kind: 'legality_review', startedOn: `${YEAR}-09-27`, endedOn: `${YEAR}-10-11`, summary: '经审查，草案合法。', isPublic: false };
      await expectRefused(
        t,
        () => stage(jyj, short),
        400,
        '合法性审查时间不少于7个工作日（《重大行政决策程序暂行条例》第二十六条）：自2024年9月27日送审（当日不计入）至2024年10月11日只有 6 个工作日，最早可于2024年10月12日结束',
      );
      const begun = await stage(jyj, { ...short, endedOn: null });
      const review = begun.json().stages.find((s: { kind: string }) => s.kind === 'legality_review').id;
      const { kind: _kind, ...fields } = short;
      await expectRefused(t, () => stage(jyj, { kind: 'collective_discussion', startedOn: `${YEAR}-10-21`, endedOn: `${YEAR}-10-21` }), 400, /合法性审查尚未完成/);
      await expectRefused(t, () => jyj.send('PUT', `/api/v1/decisions/${school}/stages/${review}`, fields), 400, /只有 6 个工作日/);
      const done = await jyj.send('PUT', `/api/v1/decisions/${school}/stages/${review}`, { ...fields, endedOn: `${YEAR}-10-12` });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().stages.find((s: { id: number }) => s.id === review)).toMatchObject({ endedOn: `${YEAR}-10-12`, isPublic: false });
    });

    it('decide only after the collective discussion, publish after, evaluate a year later', async () => {
      await expectRefused(t, () => stage(jyj, { kind: 'decision', startedOn: `${YEAR}-10-21` }), 400, '集体讨论尚未完成，不能作出决定（《重大行政决策程序暂行条例》第三十条）');
      await stage(jyj, { kind: 'collective_discussion', startedOn: `${YEAR}-10-21`, endedOn: `${YEAR}-10-21`, summary: '县政府第12次常务会议审议通过。' });
      const [doc] = await db().select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.status, 'published')).limit(1);
      const [draftDoc] = await db().select({ id: documents.id, title: documents.title }).from(documents).where(and(eq(documents.status, 'draft'), isNull(documents.publishedVersion))).limit(1);
      if (draftDoc) await expectRefused(t, () => stage(jyj, { kind: 'decision', startedOn: `${YEAR}-10-21`, endedOn: `${YEAR}-10-21`, documentId: draftDoc.id }), 400, `《${draftDoc.title}》尚未发布或已撤回，只能关联已发布的文件`);
      expect((await stage(jyj, { kind: 'decision', startedOn: `${YEAR}-10-21`, endedOn: `${YEAR}-10-21`, documentId: doc!.id })).statusCode).toBe(201);
      await expectRefused(t, () => stage(jyj, { kind: 'decision', startedOn: `${YEAR}-10-22` }), 400, '已经登记过“作出决定”阶段');
      await stage(jyj, { kind: 'publication', startedOn: `${YEAR}-10-25`, endedOn: `${YEAR}-10-25` });
      await expectRefused(t, () => stage(jyj, { kind: 'evaluation', startedOn: `${YEAR + 1}-10-20` }), 400, '决策执行后评估应在作出决定满一年后进行：决定于2024年10月21日作出，评估最早可于2025年10月21日开始');
      const tomorrow = addDays(chinaDate(new Date()), 1);
      await expectRefused(t, () => stage(jyj, { kind: 'evaluation', startedOn: tomorrow }), 400, '开始日期不能晚于今天');
      const evaluated = await stage(jyj, { kind: 'evaluation', startedOn: `${YEAR + 1}-10-21` });
      expect(evaluated.json()).toMatchObject({ standing: '决策执行后评估（进行中）' });
      expect(evaluated.json().stages.map((s: { label: string }) => s.label)).toEqual(['公众参与', '合法性审查', '集体讨论', '作出决定', '决策公布', '决策执行后评估']);
      expect(await decisionForDocument(db(), doc!.id)).toEqual({ id: school, name: '示例县中小学校布局专项规划（2024—2035年）', catalogTitle: `示例县人民政府${YEAR}年度重大行政决策事项目录` });
    });

    it('link the consultation and the final document', async () => {
      const consultation = await jyj.send('POST', '/api/v1/consultations', { title: '示例县中小学校布局专项规划（征求意见稿）', draft: '第一条 规划期限。', startsOn: `${YEAR}-08-01`, endsOn: `${YEAR}-08-31` });
      const [doc] = await db().select({ id: documents.id, title: documents.title }).from(documents).where(and(eq(documents.status, 'published'), eq(documents.orgId, org.get('jyj')!))).limit(1);
      await expectRefused(t, () => zjj.send('PUT', `/api/v1/decisions/${school}/links`, { consultationId: consultation.json().id, documentId: null }), 403, /无权关联/);
      await expectRefused(t, () => jyj.send('PUT', `/api/v1/decisions/${school}/links`, { consultationId: 999_999, documentId: null }), 400, '找不到该征求意见');
      const linked = await jyj.send('PUT', `/api/v1/decisions/${school}/links`, { consultationId: consultation.json().id, documentId: doc!.id });
      expect(linked.json()).toMatchObject({ consultation: { id: consultation.json().id, title: '示例县中小学校布局专项规划（征求意见稿）' }, document: { id: doc!.id, title: doc!.title } });
      const [entry] = await db().select({ summary: auditLog.summary }).from(auditLog).where(eq(auditLog.action, 'decision.link')).orderBy(desc(auditLog.id)).limit(1);
      expect(entry!.summary).toBe(`决策事项“1. 示例县中小学校布局专项规划（2024—2035年）”关联征求意见“示例县中小学校布局专项规划（征求意见稿）”、正式文件《${doc!.title}》`);
    });
  });

  it('refuses the rest to anyone but the government, and what does not exist', async () => {
    await expectRefused(t, () => jyj.send('PUT', `/api/v1/decision-catalogs/${catalog}`, { note: '改' }), 403, '无权修改该决策事项目录');
    await expectRefused(t, () => gkb.send('POST', `/api/v1/decision-catalogs/${catalog}/publish`), 403, '无权公布该决策事项目录');
    await expectRefused(t, () => jyj.send('POST', `/api/v1/decisions/${school}/removal`, { reason: '不做了' }), 403, '无权调整该决策事项目录');
    await expectRefused(t, () => zjj.get(`/api/v1/decision-catalogs/${catalog}/undertakers`), 403, '无权编制该决策事项目录');
    await expectRefused(t, () => gov.send('PUT', `/api/v1/decisions/${parking}`, item(1, '示例县城区停车设施建设管理办法', 'zjj', { reason: '调整序号' })), 409, '序号 1 已用于“示例县中小学校布局专项规划（2024—2035年）”');
    await expectRefused(t, () => gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, item(9, '不存在的承办单位', 'sxx', { undertakingOrgId: 999_999, reason: 'x' })), 404, '找不到该机构');
    await expectRefused(t, () => gov.get('/api/v1/decision-catalogs/999999'), 404, '找不到该决策事项目录');
    await expectRefused(t, () => gov.get('/api/v1/decisions/999999'), 404, '找不到该决策事项');
    await expectRefused(t, () => jyj.send('PUT', `/api/v1/decisions/${school}/stages/999999`, { startedOn: `${YEAR}-08-01` }), 404, '找不到该办理阶段');
    await expectRefused(t, () => jyj.send('POST', `/api/v1/decisions/${school}/stages`, { kind: 'expert_review', startedOn: `${YEAR}-08-01`, documentId: 999_999 }), 404, '找不到该文件');
    await expectRefused(t, () => jyj.send('POST', `/api/v1/decisions/${school}/stages`, { kind: 'hearing', startedOn: `${YEAR}-08-01` }), 400, /kind/);
  });

  it('refuses stages on an item taken out', async () => {
    const view = (await gov.get(`/api/v1/decision-catalogs/${catalog}`)).json();
    const removed = view.items.find((i: { removed: boolean }) => i.removed).id;
    await expectRefused(t, () => zjj.send('POST', `/api/v1/decisions/${removed}/stages`, { kind: 'participation', startedOn: `${YEAR}-08-01` }), 409, '该事项已调出目录，不能再登记办理阶段');
  });
});
