// The portal's 重大行政决策 without JavaScript: the catalogues by year, one catalogue's table with each
// item's current stage, the items taken out and the changes with their reasons; a decision's path with
// its public stages only, the consultation with its adoption report and the final document; nothing
// of a catalogue not yet published.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { portalBrowser } from '../../../test/portal-browser.js';
import { documents } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';
import { DECISIONS, decisionCatalogHref, decisionHref, consultationHref, documentHref } from '../../portal/links.js';

let t: TestApp;
let gov: TestClient;
let jyj: TestClient;
let catalog: number;
let school: number;
let removed: number;
let doc: { id: number; title: string };
let consultation: number;
const YEAR = 2023;

beforeAll(async () => {
  t = await startTestApp();
  [gov, jyj] = await Promise.all([t.client('sxx_editor'), t.client('jyj_editor')]);
  const org = new Map((await t.database.db.select({ id: organizations.id, code: organizations.code }).from(organizations)).map((o) => [o.code, o.id]));
  [doc] = (await t.database.db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.status, 'published')).limit(1)) as [{ id: number; title: string }];
  catalog = (await gov.send('POST', '/api/v1/decision-catalogs', { year: YEAR, note: '经县政府第5次常务会议研究确定。' })).json().id;
  const add = (body: Record<string, unknown>) => gov.send('POST', `/api/v1/decision-catalogs/${catalog}/items`, body);
  school = (await add({ seq: 1, name: '示例县义务教育学校招生划片方案', undertakingOrgId: org.get('jyj'), basis: '《义务教育法》第十二条', plannedTime: '2023年6月' })).json().id;
  removed = (await add({ seq: 2, name: '示例县城区公交线网优化方案', undertakingOrgId: org.get('jtj'), plannedTime: '2023年9月' })).json().id;
  await gov.send('POST', `/api/v1/decision-catalogs/${catalog}/publish`);
  await gov.send('PUT', `/api/v1/decisions/${school}`, { seq: 1, name: '示例县义务教育学校招生划片方案', undertakingOrgId: org.get('jyj'), basis: '《义务教育法》第十二条', plannedTime: '2023年8月', reason: '需与新建学校投用时间衔接' });
  await gov.send('POST', `/api/v1/decisions/${removed}/removal`, { reason: '纳入市级统一规划，不再单独决策' });
  const stage = (body: Record<string, unknown>) => jyj.send('POST', `/api/v1/decisions/${school}/stages`, body);
  await stage({ kind: 'participation', startedOn: '2023-04-03', endedOn: '2023-05-04', summary: '公开征求意见，收到意见26条。' });
  await stage({ kind: 'risk_assessment', startedOn: '2023-05-08', endedOn: '2023-05-12', summary: '风险评估报告（内部）', isPublic: false });
  await stage({ kind: 'legality_review', startedOn: '2023-05-15', endedOn: '2023-05-24', summary: '县司法局出具合法性审查意见。' });
  await stage({ kind: 'collective_discussion', startedOn: '2023-06-05', endedOn: '2023-06-05', summary: '县政府第9次常务会议审议通过。' });
  await stage({ kind: 'decision', startedOn: '2023-06-05', endedOn: '2023-06-05', documentId: doc.id });
  consultation = (
    await jyj.send('POST', '/api/v1/consultations', { title: '示例县义务教育学校招生划片方案（征求意见稿）', draft: '第一条 划片原则。', startsOn: '2023-04-03', endsOn: '2023-05-04' })
  ).json().id;
  await jyj.send('POST', `/api/v1/consultations/${consultation}/publish`);
  await jyj.send('PUT', `/api/v1/decisions/${school}/links`, { consultationId: consultation, documentId: doc.id });
});
afterAll(() => t?.close());

describe('重大行政决策 on the portal', () => {
  it('lists the published catalogues by year', async () => {
    const page = await portalBrowser(t).get(DECISIONS);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h2 id="year-${YEAR}">${YEAR}年度</h2>`);
    expect(page.body).toContain(`<a href="${decisionCatalogHref('sxx', YEAR)}">示例县人民政府${YEAR}年度重大行政决策事项目录</a>`);
    const sitemap = (await portalBrowser(t).get('/sitemap.xml')).body;
    expect(sitemap).toContain(`${decisionCatalogHref('sxx', YEAR)}</loc>`);
    expect(sitemap).toContain(`${decisionHref(school)}</loc>`);
    expect((await portalBrowser(t).get('/')).body).toContain(`<a href="${DECISIONS}">`);
  });

  it('shows the catalogue with each item’s stage, the item taken out and the changes with their reasons', async () => {
    const page = await portalBrowser(t).get(decisionCatalogHref('sxx', YEAR));
    expect(page.statusCode).toBe(200);
    const row = /<tr><td>1<\/td>(.*?)<\/tr>/s.exec(page.body)?.[1] ?? '';
    expect(row).toContain(`<a href="${decisionHref(school)}">示例县义务教育学校招生划片方案</a>`);
    expect(row).toContain('<td>示例县教育局</td><td>《义务教育法》第十二条</td><td>2023年8月</td><td>作出决定（已完成）</td>');
    expect(page.body).not.toMatch(/<tr><td>2<\/td>/);
    expect(page.body).toContain('调出理由：纳入市级统一规划，不再单独决策');
    expect(page.body).toContain('<p>计划完成时间：2023年6月 → 2023年8月</p><p>调整理由：需与新建学校投用时间衔接</p>');
    expect(page.body).toContain('经县政府第5次常务会议研究确定。');
  });

  it('shows a decision’s public path, its consultation and its final document', async () => {
    const page = await portalBrowser(t).get(decisionHref(school));
    expect(page.statusCode).toBe(200);
    const path = /id="path">(.*?)<\/section>/s.exec(page.body)?.[1] ?? '';
    const stages = [...path.matchAll(/<li><p><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(stages).toEqual(['公众参与', '合法性审查', '集体讨论', '作出决定']);
    expect(page.body).not.toContain('风险评估报告（内部）');
    expect(page.body).toContain('2023年5月15日至2023年5月24日');
    expect(page.body).toContain(`<a href="${consultationHref(consultation)}">示例县义务教育学校招生划片方案（征求意见稿）</a>`);
    expect(page.body).toContain('意见采纳情况尚未公布。');
    expect(page.body).toContain(`<a href="${documentHref(doc.id)}">${doc.title}</a>`);
    const out = await portalBrowser(t).get(decisionHref(removed));
    expect(out.body).toContain('该事项已调出目录。理由：纳入市级统一规划，不再单独决策');
  });

  it('shows nothing of a catalogue not yet published', async () => {
    const draft = (await gov.send('POST', '/api/v1/decision-catalogs', { year: YEAR - 1 })).json().id;
    const org = (await gov.get(`/api/v1/decision-catalogs/${draft}/undertakers`)).json().items[1].id;
    const item = (await gov.send('POST', `/api/v1/decision-catalogs/${draft}/items`, { seq: 1, name: '未公布事项', undertakingOrgId: org })).json().id;
    expect((await portalBrowser(t).get(decisionCatalogHref('sxx', YEAR - 1))).statusCode).toBe(404);
    expect((await portalBrowser(t).get(decisionHref(item))).statusCode).toBe(404);
    expect((await portalBrowser(t).get(DECISIONS)).body).not.toContain(`${YEAR - 1}年度`);
  });
});

describe('the demo catalogues', () => {
  it('show every stage: participation, legality review, decided and published, evaluated, taken out, changed', async () => {
    const page = await portalBrowser(t).get(decisionCatalogHref('sxx', 2026));
    expect(page.statusCode).toBe(200);
    const stages = [...page.body.matchAll(/<tr><td>(\d+)<\/td>.*?<td>([^<]*)<\/td><\/tr>/gs)].map((m) => [Number(m[1]), m[2]]);
    expect(stages).toEqual([
      [1, '决策公布（已完成）'],
      [2, '合法性审查（进行中）'],
      [3, '公众参与（进行中）'],
      [4, '专家论证（已完成）'],
      [6, '尚未启动'],
    ]);
    expect(page.body).toContain('调出理由：新版《浙江省定价目录》');
    expect(page.body).toContain('计划完成时间：2026年10月 → 2027年3月');
    expect(page.body).toContain('新增事项：6. 示例县应急物资储备管理办法（示例县应急管理局）');
    const first = /<tr><td>1<\/td><td><a href="(\/zfxxgk\/zdjc\/\d+)">/.exec(page.body)![1]!;
    const decided = (await portalBrowser(t).get(first)).body;
    expect(decided).toMatch(/征求意见：<a href="\/zfxxgk\/yjzj\/\d+">示例县农村村民住宅建设管理办法（修订）<\/a>/);
    expect(decided).toContain('<h3>意见采纳情况</h3>');
    expect(decided).toContain('示例县人民政府关于印发示例县农村村民住宅建设管理办法（2026年修订）的通知</a>');
    expect(decided).not.toContain('社会稳定风险评估结论为低风险');
    const evaluated = await portalBrowser(t).get(decisionCatalogHref('sxx', 2025));
    expect(evaluated.body).toContain('<td>决策执行后评估（已完成）</td>');
  });
});
