// Columns (栏目) through the API: the tree and its rules, refusals, department isolation, documents
// in columns with their special fields, the overdue list, and the public pages, JSON and feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { auditLog } from '../orgs/schema.js';
import { listOverdueColumns } from './service.js';

let t: TestApp;
let jyj: TestClient;
let zjj: TestClient;
let gkb: TestClient;
let visitor: TestClient;
let jyjOrgId: number;

interface Node {
  id: number;
  code: string;
  name: string;
  kind: string;
  ruleText: string;
  lastPublishedAt: string | null;
  update: { status: string; daysOverdue: number };
  children: Node[];
}

const flat = (items: Node[]): Node[] => items.flatMap((n) => [n, ...flat(n.children)]);

async function tree(client: TestClient, orgId?: number) {
  const res = await client.get(`/api/v1/columns${orgId ? `?orgId=${orgId}` : ''}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { org: { id: number; code: string }; items: Node[] };
}

async function create(client: TestClient, body: object) {
  const res = await client.send('POST', '/api/v1/columns', body);
  if (res.statusCode !== 201) throw new Error(`create column: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; path: string };
}

beforeAll(async () => {
  t = await startTestApp();
  jyj = await t.client('jyj_editor');
  zjj = await t.client('zjj_editor');
  gkb = await t.client('gkb');
  visitor = await t.client();
  jyjOrgId = (await tree(jyj)).org.id;
});
afterAll(() => t.close());

describe('the column tree', () => {
  it('shows the demo tree with rules, last publication and status', async () => {
    const { items } = await tree(gkb, (await tree(gkb)).org.id);
    const all = flat(items);
    const plan = items.find((c) => c.code === 'ghxx')!;
    expect(plan.children.map((c) => c.name)).toEqual(['发展规划', '专项规划', '空间规划', '区域规划', '历史规划']);
    const notices = all.find((c) => c.code === 'tzgg')!;
    expect(notices.ruleText).toBe('每2周更新');
    // The plan parent is as recent as its newest sub-column.
    expect(plan.lastPublishedAt).toBe(plan.children[0]!.lastPublishedAt);
    expect(all.find((c) => c.code === 'zcwj')!.lastPublishedAt).not.toBeNull();
  });

  it('creates, edits and moves columns, and audits each change', async () => {
    const parent = await create(jyj, { code: 'xxgk-test', name: '测试栏目', updateEvery: 1, updateUnit: 'month' });
    const child = await create(jyj, { code: 'xxgk-child', name: '子栏目', parentId: parent.id });
    expect(child.path).toBe(`${parent.path}${child.id}/`);
    const sibling = await create(jyj, { code: 'xxgk-sibling', name: '另一栏目' });
    const moved = await jyj.send('PATCH', `/api/v1/columns/${parent.id}`, { parentId: sibling.id, name: '测试栏目（改）', updateEvery: 2, updateUnit: 'week' });
    expect(moved.statusCode).toBe(200);
    const node = flat((await tree(jyj)).items).find((c) => c.id === sibling.id)!;
    expect(node.children[0]!.name).toBe('测试栏目（改）');
    expect(node.children[0]!.ruleText).toBe('每2周更新');
    expect(node.children[0]!.children[0]!.id).toBe(child.id);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, String(parent.id)));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('column.'))).toEqual(['column.create', 'column.update']);
    expect((await jyj.send('DELETE', `/api/v1/columns/${child.id}`)).statusCode).toBe(204);
  });

  it('refuses a duplicate code, a parent of another organization, a cycle and a half rule', async () => {
    const dup = await jyj.send('POST', '/api/v1/columns', { code: 'tzgg', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已有代码为“tzgg”的栏目');
    const zjjColumn = flat((await tree(zjj)).items)[0]!;
    const cross = await jyj.send('POST', '/api/v1/columns', { code: 'cross', name: '跨机构', parentId: zjjColumn.id });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.message).toContain('不属于本机构');
    const a = await create(jyj, { code: 'cycle-a', name: '甲' });
    const b = await create(jyj, { code: 'cycle-b', name: '乙', parentId: a.id });
    const cycle = await jyj.send('PATCH', `/api/v1/columns/${a.id}`, { parentId: b.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain('下级栏目');
    const half = await jyj.send('POST', '/api/v1/columns', { code: 'half', name: '半条规则', updateEvery: 2 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.message).toContain('同时填写');
    const badCode = await jyj.send('POST', '/api/v1/columns', { code: '通知', name: '中文代码' });
    expect(badCode.statusCode).toBe(400);
    expect(flat((await tree(jyj)).items).some((c) => ['cross', 'half'].includes(c.code))).toBe(false);
  });

  it('deletes only an empty column', async () => {
    const columns = flat((await tree(jyj)).items);
    const withDocs = await jyj.send('DELETE', `/api/v1/columns/${columns.find((c) => c.code === 'zcwj')!.id}`);
    expect(withDocs.statusCode).toBe(409);
    expect(withDocs.json().error.message).toContain('还有文件');
    const withChildren = await jyj.send('DELETE', `/api/v1/columns/${columns.find((c) => c.code === 'cycle-a')!.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().error.message).toContain('子栏目');
  });

  it('keeps departments apart; the supervising office sees every department', async () => {
    const zjjColumn = flat((await tree(zjj)).items)[0]!;
    expect((await jyj.get(`/api/v1/columns?orgId=${(await tree(zjj)).org.id}`)).statusCode).toBe(403);
    const edit = await jyj.send('PATCH', `/api/v1/columns/${zjjColumn.id}`, { name: '改别人的' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.message).toBe('无权修改该栏目');
    expect((await jyj.send('DELETE', `/api/v1/columns/${zjjColumn.id}`)).statusCode).toBe(403);
    expect((await jyj.send('POST', '/api/v1/columns', { code: 'x', name: '别人的', orgId: (await tree(zjj)).org.id })).statusCode).toBe(403);
    expect((await tree(gkb, jyjOrgId)).items.length).toBeGreaterThan(0);
    const reviewer = await t.client('jyj_reviewer');
    expect((await reviewer.get('/api/v1/columns')).statusCode).toBe(200);
    expect((await reviewer.send('POST', '/api/v1/columns', { code: 'rev', name: '审核员建的' })).statusCode).toBe(403);
  });
});

describe('documents in columns', () => {
  const budget = {
    title: '示例县教育局2025年部门决算',
    docType: 'general',
    writtenOn: '2026-08-01',
    summary: '公开2025年部门决算。',
    body: '<p>2025年收入决算合计50,000万元。</p>',
  };
  const columnId = async (client: TestClient, code: string) => flat((await tree(client)).items).find((c) => c.code === code)!.id;

  it('requires the special fields of a special column, naming the field', async () => {
    const czyjs = await columnId(jyj, 'czyjs');
    const missing = await jyj.send('POST', '/api/v1/documents', { ...budget, columnIds: [czyjs], specialFields: { fiscalYear: '2025', budgetCategory: '决算' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('请填写“主体”（财政预决算栏目的文件必填）');
    const wrong = await jyj.send('POST', '/api/v1/documents', { ...budget, columnIds: [czyjs], specialFields: { fiscalYear: '去年', budgetCategory: '决算', budgetEntity: '部门' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('年度');
    const ok = await jyj.send('POST', '/api/v1/documents', { ...budget, columnIds: [czyjs], specialFields: { fiscalYear: '2025年', budgetCategory: '决算', budgetEntity: '部门' } });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    const view = (await jyj.get(`/api/v1/documents/${id}`)).json();
    expect(view.columnIds).toEqual([czyjs]);
    expect(view.specialFields).toEqual({ fiscalYear: '2025', budgetCategory: '决算', budgetEntity: '部门' });
    // Taken out of the special column, the document drops the fields.
    const moved = await jyj.send('PATCH', `/api/v1/documents/${id}`, { columnIds: [await columnId(jyj, 'tzgg')] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().specialFields).toEqual({});
    const bad = await jyj.send('PATCH', `/api/v1/documents/${id}`, { columnIds: [czyjs] });
    expect(bad.statusCode).toBe(400);
    expect((await jyj.get(`/api/v1/documents/${id}`)).json().columnIds).toEqual([await columnId(jyj, 'tzgg')]);
  });

  it('refuses a column of another organization', async () => {
    const res = await jyj.send('POST', '/api/v1/documents', { ...budget, columnIds: [await columnId(zjj, 'tzgg')] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不属于本文件的发布机构');
  });
});

describe('overdue columns', () => {
  it('lists the late columns across the supervisor’s scope, the latest first, on a moved clock', async () => {
    const now = await listOverdueColumns(t.database.db, { actor: null, ip: '', system: true }, '2026-11-25');
    // 教育局's 通知公告 last had something new on 2026-05-09: due 2026-05-23.
    const jyjNotices = now.items.find((c) => c.orgCode === 'jyj' && c.code === 'tzgg')!;
    expect(jyjNotices.update).toMatchObject({ status: 'overdue', dueOn: '2026-05-23', daysOverdue: 186 });
    const later = await listOverdueColumns(t.database.db, { actor: null, ip: '', system: true }, '2026-12-25');
    expect(later.items.find((c) => c.orgCode === 'jyj' && c.code === 'tzgg')!.update.daysOverdue).toBe(216);
    const days = now.items.map((c) => c.update.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('shows a department only its own late columns', async () => {
    const mine = (await jyj.get('/api/v1/columns/overdue')).json().items as { orgCode: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.orgCode === 'jyj')).toBe(true);
    const all = (await gkb.get('/api/v1/columns/overdue')).json().items as { orgCode: string }[];
    expect(new Set(all.map((c) => c.orgCode)).size).toBeGreaterThan(1);
    expect((await visitor.get('/api/v1/columns/overdue')).statusCode).toBe(401);
  });
});

describe('portal', () => {
  it('shows the county column tree, linked from the home page', async () => {
    expect((await visitor.get('/')).body).toContain('href="/zfxxgk/lm/sxx"');
    const res = await visitor.get('/zfxxgk/lm/sxx');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>示例县人民政府信息公开栏目</h1>');
    expect(res.body).toContain('href="/zfxxgk/lm/sxx/fzgh"');
    expect(res.body).toContain('每2周更新');
  });

  it('lists a column’s documents and its sub-columns’, with special fields', async () => {
    const plan = await visitor.get('/zfxxgk/lm/sxx/ghxx');
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain('示例县国民经济和社会发展第十五个五年规划纲要');
    expect(plan.body).toContain('规划期：2026—2030');
    expect(plan.body).toContain('href="/zfxxgk/lm/sxx/zxgh"');
    const policies = await visitor.get('/zfxxgk/lm/sxx/zcwj');
    expect(policies.body).toContain('每6个月更新');
    const titles = [...policies.body.matchAll(/<a href="\/zfxxgk\/wj\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    // Newest first: the 2026 revision before the 2023 original.
    const revised = titles.indexOf('示例县人民政府关于印发示例县农村村民住宅建设管理办法（2026年修订）的通知');
    expect(revised).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf('示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知')).toBeGreaterThan(revised);
    expect(titles.some((x) => x.includes('政策解读'))).toBe(false);
  });

  it('shows the columns and special fields on the document page', async () => {
    const column = (await visitor.get('/api/v1/public/columns/jyj/czyjs')).json();
    expect(column.column.name).toBe('财政预决算');
    expect(column.total).toBe(1);
    const doc = column.items[0];
    expect(doc.specialFields).toEqual({ fiscalYear: '2026', budgetCategory: '预算', budgetEntity: '部门' });
    const page = (await visitor.get(`/zfxxgk/wj/${doc.id}`)).body;
    expect(page).toContain('<th scope="row">年度</th><td colSpan="3">2026</td>'.replace('colSpan', 'colspan'));
    expect(page).toContain('<a href="/zfxxgk/lm/jyj/czyjs">财政预决算</a>');
  });

  it('offers the tree as JSON, an Atom feed per column, and the column pages in the sitemap', async () => {
    const json = (await visitor.get('/api/v1/public/columns?org=zjj')).json();
    expect(json.items.map((c: { code: string }) => c.code)).toContain('zdjsxm');
    const feed = await visitor.get('/zfxxgk/lm/sxx/zdjsxm/feed.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed.body).toContain('<title>示例县人民政府 - 重大建设项目</title>');
    expect(feed.body.match(/<entry>/g)!.length).toBe(1);
    expect(feed.body).toContain('县道X201城关至东山段改建工程');
    const sitemap = (await visitor.get('/sitemap.xml')).body;
    expect(sitemap).toMatch(/<loc>http:\/\/[^<]+\/zfxxgk\/lm\/sxx<\/loc>/);
    expect(sitemap).toMatch(/<loc>http:\/\/[^<]+\/zfxxgk\/lm\/jyj\/czyjs<\/loc>/);
  });

  it('answers an unknown column with a Chinese 404 page', async () => {
    const res = await t.app.inject({ url: '/zfxxgk/lm/sxx/nope', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('找不到该栏目');
    expect((await visitor.get('/api/v1/public/columns/nope/tzgg')).json().error.message).toBe('找不到该机构');
  });
});

describe('page cache', () => {
  it('empties when a column changes, so the portal shows the change at once', async () => {
    const cached = await startTestApp({ pageCacheSeconds: 60 });
    try {
      const editor = await cached.client('jyj_editor');
      const reader = await cached.client();
      expect((await reader.get('/zfxxgk/lm/jyj')).body).toContain('人事信息');
      expect((await reader.get('/zfxxgk/lm/jyj')).headers['x-page-cache']).toBe('hit');
      const column = flat((await tree(editor)).items).find((c) => c.code === 'rsxx')!;
      expect((await editor.send('PATCH', `/api/v1/columns/${column.id}`, { name: '人事任免' })).statusCode).toBe(200);
      const after = await reader.get('/zfxxgk/lm/jyj');
      expect(after.headers['x-page-cache']).toBeUndefined();
      expect(after.body).toContain('人事任免');
    } finally {
      await cached.close();
    }
  });
});
