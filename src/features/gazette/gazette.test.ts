// The gazette (政府公报) through the API: composing an issue from published documents, publishing
// it, the refusals (nothing written), and department isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { gazetteEntries, gazetteIssues } from './schema.js';

let t: TestApp;
let gkb: TestClient;
let jyjEditor: TestClient;
let jyjReviewer: TestClient;
let jyjHead: TestClient;
let zjjEditor: TestClient;
let jyjSecrecy: TestClient;
let visitor: TestClient;

interface Issue {
  id: number;
  orgId: number;
  year: number;
  issueNo: number;
  totalNo: number | null;
  status: string;
  publishedOn: string | null;
}
interface Entry {
  id: number;
  documentId: number;
  section: string;
  title: string;
}

/** Published demo documents by 文号 (or title), as the workbench finds them. */
async function docId(key: string): Promise<number> {
  const res = await gkb.get(`/api/v1/documents?status=published&q=${encodeURIComponent(key)}`);
  const item = res.json().items[0];
  if (!item) throw new Error(`no published document ${key}`);
  return item.id;
}

async function create(client: TestClient, body: object): Promise<Issue> {
  const res = await client.send('POST', '/api/v1/gazette/issues', body);
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function add(client: TestClient, issueId: number, documentId: number, section = '') {
  return client.send('POST', `/api/v1/gazette/issues/${issueId}/entries`, { documentId, section });
}

const entryRows = async (issueId: number) => (await t.database.db.select({ n: count() }).from(gazetteEntries).where(eq(gazetteEntries.issueId, issueId)))[0].n;

/** The request is refused with this status and a Chinese message, and nothing is written. */
const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);

beforeAll(async () => {
  t = await startTestApp();
  [gkb, jyjEditor, jyjReviewer, jyjHead, zjjEditor, jyjSecrecy, visitor] = await Promise.all([
    t.client('gkb'),
    t.client('jyj_editor'),
    t.client('jyj_reviewer'),
    t.client('jyj_head'),
    t.client('zjj_editor'),
    t.client('jyj_secrecy'),
    t.client(),
  ]);
});
afterAll(() => t.close());

describe('the demo gazette', () => {
  it('has three published issues of the county government and one draft', async () => {
    const items: (Issue & { entryCount: number })[] = (await gkb.get('/api/v1/gazette/issues')).json().items;
    expect(items.map((i) => [i.year, i.issueNo, i.totalNo, i.status])).toEqual([
      [2026, 3, 57, 'draft'],
      [2026, 2, 56, 'published'],
      [2026, 1, 55, 'published'],
      [2025, 12, 54, 'published'],
    ]);
    expect(items.find((i) => i.issueNo === 1)!.entryCount).toBe(2);
  });
});

describe('composing and publishing an issue', () => {
  let issue: Issue;
  let entries: Entry[];

  it('creates the next issue of the year, continuing the 总期号', async () => {
    issue = await create(gkb, { year: 2026, title: '2026年第4期' });
    expect([issue.issueNo, issue.totalNo, issue.status]).toEqual([4, 58, 'draft']);
    const edited = await gkb.send('PATCH', `/api/v1/gazette/issues/${issue.id}`, { title: '' });
    expect(edited.json().title).toBe('');
    const own = await create(gkb, { year: 2027, issueNo: 1, totalNo: null });
    expect(own.totalNo).toBeNull();
    expect((await gkb.send('DELETE', `/api/v1/gazette/issues/${own.id}`)).statusCode).toBe(204);
    expect((await gkb.get(`/api/v1/gazette/issues/${own.id}`)).statusCode).toBe(404);
  });

  it('refuses a 期号 already taken', async () => {
    await refused(() => gkb.send('POST', '/api/v1/gazette/issues', { year: 2026, issueNo: 2 }), 409, '2026年第2期公报已存在');
    await refused(() => gkb.send('PATCH', `/api/v1/gazette/issues/${issue.id}`, { totalNo: 56 }), 409, '总第56期已被另一期公报使用');
  });

  it('adds published documents of the government and its departments, with sections', async () => {
    const county = await docId('示政发〔2026〕4号');
    const school = await docId('示教发〔2026〕12号');
    expect((await add(gkb, issue.id, school, '部门文件')).statusCode).toBe(201);
    expect((await add(gkb, issue.id, county, '县政府文件')).statusCode).toBe(201);
    entries = (await gkb.get(`/api/v1/gazette/issues/${issue.id}`)).json().entries;
    expect(entries.map((e) => e.section)).toEqual(['部门文件', '县政府文件']);
  });

  it('refuses the same document twice', async () => {
    await refused(() => add(gkb, issue.id, entries[0].documentId), 409, /已收录在本期公报中/);
    expect(await entryRows(issue.id)).toBe(2);
  });

  it('reorders the contents and renames a section', async () => {
    const res = await gkb.send('PUT', `/api/v1/gazette/issues/${issue.id}/order`, { entryIds: [entries[1].id, entries[0].id] });
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.map((e: Entry) => e.id)).toEqual([entries[1].id, entries[0].id]);
    await refused(() => gkb.send('PUT', `/api/v1/gazette/issues/${issue.id}/order`, { entryIds: [entries[1].id] }), 400, '排序须包含本期公报的全部条目');
    const renamed = await gkb.send('PATCH', `/api/v1/gazette/issues/${issue.id}/entries/${entries[0].id}`, { section: '县直部门文件' });
    expect(renamed.json().section).toBe('县直部门文件');
  });

  it('removes an entry and adds it back', async () => {
    expect((await gkb.send('DELETE', `/api/v1/gazette/issues/${issue.id}/entries/${entries[0].id}`)).statusCode).toBe(204);
    expect(await entryRows(issue.id)).toBe(1);
    expect((await add(gkb, issue.id, entries[0].documentId, '县直部门文件')).statusCode).toBe(201);
  });

  it('refuses a publication date before the issue year', async () => {
    await refused(() => gkb.send('POST', `/api/v1/gazette/issues/${issue.id}/publish`, { publishedOn: '2025-12-31' }), 400, '发布日期不能早于公报所属年份（2026年）');
  });

  it('publishes; the public sees it at once, and it can no longer change', async () => {
    expect((await visitor.get(`/api/v1/public/gazette/${issue.id}`)).statusCode).toBe(404);
    const res = await gkb.send('POST', `/api/v1/gazette/issues/${issue.id}/publish`, { publishedOn: '2026-11-20' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedOn: '2026-11-20' });

    const pub = (await visitor.get(`/api/v1/public/gazette/${issue.id}`)).json();
    expect(pub.entries.map((e: { section: string; issuer: string }) => [e.section, e.issuer])).toEqual([
      ['县政府文件', '示例县人民政府'],
      ['县直部门文件', '示例县教育局'],
    ]);
    const list = (await visitor.get('/api/v1/public/gazette?year=2026')).json();
    expect(list.items.map((i: Issue) => i.issueNo)).toEqual([4, 2, 1]);
    expect(list.years).toEqual([2026, 2025]);

    const view = (await gkb.get(`/api/v1/gazette/issues/${issue.id}`)).json();
    expect([view.canEdit, view.canPublish]).toEqual([false, false]);
    const msg = '该期公报已发布，不能再修改';
    await refused(() => gkb.send('PATCH', `/api/v1/gazette/issues/${issue.id}`, { title: '改' }), 409, msg);
    await refused(() => add(gkb, issue.id, entries[0].documentId), 409, msg);
    await refused(() => gkb.send('DELETE', `/api/v1/gazette/issues/${issue.id}/entries/${entries[1].id}`), 409, msg);
    await refused(() => gkb.send('PATCH', `/api/v1/gazette/issues/${issue.id}/entries/${entries[1].id}`, { section: 'x' }), 409, msg);
    await refused(() => gkb.send('PUT', `/api/v1/gazette/issues/${issue.id}/order`, { entryIds: [] }), 409, msg);
    await refused(() => gkb.send('DELETE', `/api/v1/gazette/issues/${issue.id}`), 409, msg);
    await refused(() => gkb.send('POST', `/api/v1/gazette/issues/${issue.id}/publish`, { publishedOn: '2026-11-21' }), 409, msg);
  });

  it('audits every change', async () => {
    const items: { action: string; summary: string }[] = (await gkb.get('/api/v1/audit?action=gazette.&pageSize=200')).json().items;
    const actions = new Set(items.map((i) => i.action));
    for (const a of ['gazette.create', 'gazette.update', 'gazette.delete', 'gazette.entry_add', 'gazette.entry_remove', 'gazette.entry_section', 'gazette.reorder', 'gazette.publish']) {
      expect(actions, a).toContain(a);
    }
    expect(items.find((i) => i.action === 'gazette.publish')!.summary).toContain('发布政府公报 2026年第4期（总第58期）');
  });
});

describe('refusals in a department', () => {
  let issue: Issue;

  it('lets a department compose its own issue, with its own documents only', async () => {
    issue = await create(jyjEditor, { year: 2026 });
    expect([issue.issueNo, issue.totalNo]).toEqual([1, null]);
    // A draft of the department: not published.
    const draft = await jyjEditor.send('POST', '/api/v1/documents', { title: '示例县教育局关于开展课后服务工作的通知', docType: 'general' });
    await refused(() => add(jyjEditor, issue.id, draft.json().id), 400, /尚未发布或已撤回，只能收录已发布的文件/);
    await refused(() => jyjEditor.send('POST', `/api/v1/gazette/issues/${issue.id}/entries`, { section: '部门文件' }), 400, '请求内容缺少必填字段“documentId”');
    // Another department's published document.
    const other = await docId('示建发〔2025〕21号');
    await refused(() => add(jyjEditor, issue.id, other), 400, '只能收录示例县教育局及所属机构发布的文件');
    await refused(() => add(jyjEditor, issue.id, 99999), 404, '找不到该文件');
    expect(await entryRows(issue.id)).toBe(0);
  });

  it('refuses to publish an empty issue, and an editor may not publish', async () => {
    await refused(() => jyjReviewer.send('POST', `/api/v1/gazette/issues/${issue.id}/publish`, { publishedOn: '2026-11-20' }), 400, '公报至少须收录一件文件才能发布');
    expect((await add(jyjEditor, issue.id, await docId('示教发〔2026〕12号'), '部门文件')).statusCode).toBe(201);
    await refused(() => jyjEditor.send('POST', `/api/v1/gazette/issues/${issue.id}/publish`, { publishedOn: '2026-11-20' }), 403, '无权发布该期公报');
    const [row] = await t.database.db.select().from(gazetteIssues).where(eq(gazetteIssues.id, issue.id));
    expect([row.status, row.publishedOn]).toEqual(['draft', null]);
    expect((await jyjEditor.get(`/api/v1/gazette/issues/${issue.id}`)).json()).toMatchObject({ canEdit: true, canPublish: false });
    expect((await jyjHead.send('POST', `/api/v1/gazette/issues/${issue.id}/publish`, { publishedOn: '2026-11-20' })).statusCode).toBe(200);
  });

  it('keeps departments apart', async () => {
    const county = (await gkb.get('/api/v1/gazette/issues')).json().items.find((i: Issue) => i.status === 'draft' && i.year === 2026 && i.issueNo === 3) as Issue;
    // The department sees its own issues only.
    const own: Issue[] = (await jyjEditor.get('/api/v1/gazette/issues')).json().items;
    expect(own.map((i) => i.id)).toEqual([issue.id]);
    expect((await zjjEditor.get('/api/v1/gazette/issues')).json().items).toEqual([]);
    // …and cannot read or change the government's or another department's.
    await refused(() => jyjEditor.get(`/api/v1/gazette/issues/${county.id}`), 403, '无权查看该期公报');
    await refused(() => jyjEditor.send('PATCH', `/api/v1/gazette/issues/${county.id}`, { title: '改' }), 403, '无权修改该期公报');
    const school = await docId('示教发〔2026〕12号');
    await refused(() => add(jyjEditor, county.id, school), 403, '无权编辑该期公报');
    await refused(() => jyjEditor.send('DELETE', `/api/v1/gazette/issues/${county.id}`), 403, '无权删除该期公报');
    await refused(() => jyjHead.send('POST', `/api/v1/gazette/issues/${county.id}/publish`, { publishedOn: '2026-11-20' }), 403, '无权发布该期公报');
    await refused(() => zjjEditor.get(`/api/v1/gazette/issues/${issue.id}`), 403, '无权查看该期公报');
    await refused(() => jyjEditor.send('POST', '/api/v1/gazette/issues', { year: 2026, orgId: county.orgId }), 403, '无权为该机构编印公报');
    // A role without the gazette reads nothing; the public gets 401 from the staff API.
    await refused(() => jyjSecrecy.get('/api/v1/gazette/issues'), 403, '没有查看政府公报的权限');
    expect((await visitor.get('/api/v1/gazette/issues')).statusCode).toBe(401);
    // The supervising office sees every department's issues.
    expect((await gkb.get('/api/v1/gazette/issues')).json().items.map((i: Issue) => i.id)).toContain(issue.id);
  });

  it('shows drafts to nobody in public', async () => {
    const county = (await gkb.get('/api/v1/gazette/issues?status=draft')).json().items[0] as Issue;
    expect((await visitor.get(`/api/v1/public/gazette/${county.id}`)).statusCode).toBe(404);
    expect((await visitor.get('/api/v1/public/gazette')).json().items.some((i: Issue) => i.status === 'draft')).toBe(false);
  });
});
