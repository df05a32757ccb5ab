// 规范性文件清理 through the API and the portal: create, scope, decide, refusals, publishing the
// result, and the validity the published result notice gives the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { chinaDate } from '../../domain/dates.js';
import { auditLog } from '../orgs/schema.js';
import { cleanupDecisions } from './schema.js';
import { eq } from 'drizzle-orm';

let t: TestApp;
let gkb: TestClient;
let admin: TestClient;
let orgs: { id: number; code: string }[];
const orgId = (code: string) => orgs.find((o) => o.code === code)!.id;

interface File {
  id: number;
  title: string;
  decision: string | null;
  validity: string;
}

beforeAll(async () => {
  t = await startTestApp();
  gkb = await t.client('gkb');
  admin = await t.client('admin');
  orgs = (await admin.get('/api/v1/orgs')).json().items;
});
afterAll(() => t.close());

async function create(client: TestClient, body: object) {
  return client.send('POST', '/api/v1/cleanup/campaigns', body);
}
const decide = (client: TestClient, id: number, doc: number, body: object) => client.send('PUT', `/api/v1/cleanup/campaigns/${id}/decisions/${doc}`, body);
const files = async (client: TestClient, id: number) => (await client.get(`/api/v1/cleanup/campaigns/${id}`)).json().files as File[];
const byTitle = (list: File[], part: string) => list.find((f) => f.title.includes(part))!;

describe('the demo and the portal', () => {
  // First: the tests below decide on the same demo files.
  it('shows the finished 2025 campaign with its four lists, and 404s an open one', async () => {
    const visitor = await t.client();
    const { items } = (await visitor.get('/api/v1/public/cleanup/campaigns')).json();
    const demo = items.find((c: { title: string }) => c.title === '2025年度行政规范性文件清理');
    expect(demo.progress.counts).toEqual({ keep: 1, amend: 1, repeal: 1, expire: 1 });
    const page = (await visitor.get(`/zfxxgk/qlwj/${demo.id}`)).body;
    for (const heading of ['继续有效的文件（1 件）', '拟修改的文件（1 件）', '废止的文件（1 件）', '宣布失效的文件（1 件）']) expect(page).toContain(heading);
    expect(page).toContain('<th scope="col">序号</th>');
    const open = (await gkb.get('/api/v1/cleanup/campaigns')).json().items.find((c: { status: string; title: string }) => c.title.startsWith('2026年度行政规范性文件和政策文件清理'));
    expect(open.progress.decided).toBe(2);
    expect((await visitor.get(`/zfxxgk/qlwj/${open.id}`)).statusCode).toBe(404);
    expect((await visitor.get('/')).body).toContain('href="/zfxxgk/qlwj"');
    expect((await visitor.get('/sitemap.xml')).body).toContain('/zfxxgk/qlwj</loc>');
  });
});

describe('creating a campaign', () => {
  it('lists the current policy files of the scope with their decisions and progress', async () => {
    const res = await create(gkb, { title: '2026年县政府文件专项清理', scope: { orgIds: [orgId('sxx')], docTypes: ['normative', 'policy'] } });
    expect(res.statusCode).toBe(201);
    const view = (await gkb.get(`/api/v1/cleanup/campaigns/${res.json().id}`)).json();
    expect(view).toMatchObject({ status: 'open', orgName: '示例县人民政府', canManage: true, scopeOrgs: [{ name: '示例县人民政府' }] });
    const titles = view.files.map((f: File) => f.title);
    // The whole subtree: departments' policy files too; repealed, expired files and interpretations are not reviewed again.
    expect(titles).toContain('示例县住房和城乡建设局关于进一步加强住宅小区物业服务管理的实施意见');
    expect(titles).toContain('示例县人民政府关于印发示例县城区道路挖掘管理办法的通知');
    expect(titles).not.toContain('示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知');
    expect(titles).not.toContain('示例县人民政府关于印发示例县殡葬管理暂行规定的通知');
    expect(titles.some((x: string) => x.includes('解读'))).toBe(false);
    expect(view.progress).toEqual({ total: titles.length, decided: 0, counts: { keep: 0, amend: 0, repeal: 0, expire: 0 } });
    expect((await gkb.get('/api/v1/cleanup/campaigns')).json().items.some((c: { id: number }) => c.id === res.json().id)).toBe(true);
  });

  it('narrows the scope by organization, type and written date', async () => {
    const res = await create(admin, { title: '教育局文件清理', orgId: orgId('sxx'), scope: { orgIds: [orgId('zjj')], docTypes: ['policy'], writtenBefore: '2025-10-01' } });
    const list = await files(admin, res.json().id);
    expect(list.map((f) => f.title)).toEqual(['示例县住房和城乡建设局关于进一步加强住宅小区物业服务管理的实施意见']);
    const later = await create(admin, { title: '更早的文件', scope: { orgIds: [orgId('zjj')], docTypes: ['policy'], writtenBefore: '2025-09-01' } });
    expect(await files(admin, later.json().id)).toEqual([]);
  });

  it('refuses a scope outside the campaign organization, bad input and roles without the right', async () => {
    const head = await t.client('jyj_head');
    const outside = await create(head, { title: '教育局清理', scope: { orgIds: [orgId('zjj')], docTypes: ['normative'] } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('下级机构');
    expect((await create(head, { title: '县政府清理', orgId: orgId('sxx'), scope: { orgIds: [orgId('sxx')], docTypes: ['normative'] } })).statusCode).toBe(403);
    expect((await create(await t.client('jyj_editor'), { title: '清理', scope: { orgIds: [orgId('jyj')], docTypes: ['normative'] } })).statusCode).toBe(403);
    expect((await create(head, { title: '清理', scope: { orgIds: [], docTypes: ['normative'] } })).statusCode).toBe(400);
    expect((await create(head, { title: '清理', scope: { orgIds: [orgId('jyj')], docTypes: ['general'] } })).statusCode).toBe(400);
    const own = await create(head, { title: '教育局2026年文件清理', scope: { orgIds: [orgId('jyj')], docTypes: ['normative', 'policy'] } });
    expect(own.statusCode).toBe(201);
    // Another department neither sees nor changes it.
    const zjj = await t.client('zjj_editor');
    expect((await zjj.get(`/api/v1/cleanup/campaigns/${own.json().id}`)).statusCode).toBe(403);
    expect((await zjj.get('/api/v1/cleanup/campaigns')).json().items).toEqual([]);
    expect((await (await t.client('jyj_editor')).get('/api/v1/cleanup/campaigns')).json().items.map((c: { id: number }) => c.id)).toEqual([own.json().id]);
  });
});

describe('deciding and publishing the result', () => {
  let id: number;
  let roads: File;
  let welfare: File;

  beforeAll(async () => {
    const res = await create(gkb, { title: '2026年度县政府早期规范性文件清理', scope: { orgIds: [orgId('sxx')], docTypes: ['normative'], writtenBefore: '2021-01-01' } });
    id = res.json().id;
    const list = await files(gkb, id);
    expect(list.length).toBe(2);
    roads = byTitle(list, '道路挖掘');
    welfare = byTitle(list, '最低生活保障');
  });

  it('needs a note to repeal or declare expired, and refuses files out of scope, writing nothing', async () => {
    const noNote = await decide(gkb, id, roads.id, { decision: 'repeal' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toContain('理由');
    const housing = (await gkb.get('/api/v1/documents?q=2026年修订')).json().items[0];
    const outOfScope = await decide(gkb, id, housing.id, { decision: 'keep' });
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().error.message).toContain('不在本次清理范围内');
    expect(await t.database.db.select().from(cleanupDecisions).where(eq(cleanupDecisions.campaignId, id))).toEqual([]);
  });

  it('lets only those who manage the campaign decide', async () => {
    expect((await decide(await t.client('jyj_head'), id, roads.id, { decision: 'keep' })).statusCode).toBe(403);
    expect((await decide(await t.client('jyj_editor'), id, roads.id, { decision: 'keep' })).statusCode).toBe(403);
  });

  it('records and changes decisions while open, and refuses to publish with files undecided', async () => {
    expect((await decide(gkb, id, roads.id, { decision: 'keep' })).statusCode).toBe(200);
    const early = await gkb.send('POST', `/api/v1/cleanup/campaigns/${id}/finalize`, { effectiveOn: chinaDate(new Date()) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('还有 1 件文件未作出清理决定');
    expect((await decide(gkb, id, roads.id, { decision: 'repeal', note: '已被新的城市管理规定取代' })).statusCode).toBe(200);
    expect((await decide(gkb, id, welfare.id, { decision: 'expire', note: '适用期已过' })).statusCode).toBe(200);
    const view = (await gkb.get(`/api/v1/cleanup/campaigns/${id}`)).json();
    expect(view.progress).toEqual({ total: 2, decided: 2, counts: { keep: 0, amend: 0, repeal: 1, expire: 1 } });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'cleanup.decide'));
    expect(audit.some((a) => a.summary.includes('废止（已被新的城市管理规定取代）'))).toBe(true);
  });

  it('drafts the result notice with the lists and relations; the files change validity once it is published', async () => {
    const today = chinaDate(new Date());
    const res = await gkb.send('POST', `/api/v1/cleanup/campaigns/${id}/finalize`, { effectiveOn: today });
    expect(res.statusCode).toBe(200);
    const noticeId = res.json().resultDocumentId;
    expect(res.json().status).toBe('published');
    // No more decisions, no second result.
    const late = await decide(gkb, id, roads.id, { decision: 'keep' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('已发布');
    expect((await gkb.send('POST', `/api/v1/cleanup/campaigns/${id}/finalize`, { effectiveOn: today })).statusCode).toBe(400);

    const notice = (await gkb.get(`/api/v1/documents/${noticeId}`)).json();
    expect(notice).toMatchObject({ status: 'draft', docType: 'general', genre: '通知', title: '示例县人民政府关于公布2026年度县政府早期规范性文件清理结果的通知' });
    expect(notice.body).toContain('<th scope="col">文号</th>');
    expect(notice.body).toContain('示政发〔2019〕8号');
    expect(notice.body).toContain('已被新的城市管理规定取代');
    expect(notice.events.map((e: { action: string }) => e.action)).toEqual(['create', 'relate', 'relate']);

    // While the notice is a draft, nothing changes for the public; and it is not listed yet.
    const visitor = await t.client();
    expect((await visitor.get(`/api/v1/public/documents/${roads.id}`)).json().validity).toBe('in_force');
    expect((await visitor.get('/zfxxgk/qlwj')).body).not.toContain('2026年度县政府早期规范性文件清理');

    // The county government's own staff review and publish the notice.
    const created = await admin.send('POST', '/api/v1/users', { username: 'sxx_staff', password: 'Gongkai@2026', name: '县政府信息员', orgId: orgId('sxx'), roles: ['editor', 'reviewer', 'secrecy_reviewer'] });
    expect(created.statusCode).toBe(201);
    const staff = await t.client('sxx_staff');
    for (const step of ['submit', 'approve', 'secrecy_approve', 'publish']) {
      const r = await staff.send('POST', `/api/v1/documents/${noticeId}/transitions/${step}`, {});
      expect(r.statusCode, `${step}: ${r.body}`).toBe(200);
    }

    const repealed = (await visitor.get(`/api/v1/public/documents/${roads.id}`)).json();
    expect(repealed.validity).toBe('repealed');
    expect(repealed.history.at(-1)).toMatchObject({ validity: 'repealed', date: today, byDocumentId: noticeId });
    expect((await visitor.get(`/api/v1/public/documents/${welfare.id}`)).json().validity).toBe('expired');
    const library = (await visitor.get('/zfxxgk/zcwjk?validity=repealed')).body;
    expect(library).toContain('示例县人民政府关于印发示例县城区道路挖掘管理办法的通知');
    expect((await visitor.get('/zfxxgk/zcwjk?validity=expired')).body).toContain('示例县城乡居民最低生活保障实施办法');
    const page = (await visitor.get(`/zfxxgk/wj/${roads.id}`)).body;
    expect(page).toContain('已废止');
    expect(page).toContain(`<a href="/zfxxgk/wj/${noticeId}">`);
    expect(page).toContain('被《示例县人民政府关于公布2026年度县政府早期规范性文件清理结果的通知》废止');

    // The portal lists the result, with the four lists and links to the files and the notice.
    const list = (await visitor.get('/zfxxgk/qlwj')).body;
    expect(list).toContain(`<a href="/zfxxgk/qlwj/${id}">2026年度县政府早期规范性文件清理</a>`);
    const detail = await visitor.get(`/zfxxgk/qlwj/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toMatch(/废止的文件（1 件）[\s\S]*道路挖掘[\s\S]*宣布失效的文件（1 件）[\s\S]*最低生活保障/);
    expect(detail.body).toContain(`href="/zfxxgk/wj/${noticeId}"`);
    expect(detail.body).toContain(`href="/zfxxgk/wj/${roads.id}"`);
  });
});
