// The knowledge base (政务知识库) through the API and the portal: drafting an answer, citing the
// published policies it rests on, publishing, editing what the public sees, withdrawing; the
// refusals (nothing written), department isolation, the audit trail and the search index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { auditLog } from '../orgs/schema.js';
import { searchEntries } from '../search/schema.js';
import { knowledgeSources } from './schema.js';

let t: TestApp;
let gkb: TestClient;
let jyjEditor: TestClient;
let jyjReviewer: TestClient;
let jyjSecrecy: TestClient;
let zjjEditor: TestClient;
let visitor: TestClient;

interface Entry {
  id: number;
  orgId: number;
  question: string;
  variants: string;
  answer: string;
  topic: string;
  status: string;
}

/** Published demo documents by 文号, as the workbench finds them. */
async function docId(key: string): Promise<number> {
  const res = await gkb.get(`/api/v1/knowledge/citable-documents?q=${encodeURIComponent(key)}`);
  const item = res.json().items[0];
  if (!item) throw new Error(`no published document ${key}`);
  return item.id;
}

const indexed = async (id: number) => (await t.database.db.select({ n: count() }).from(searchEntries).where(eq(searchEntries.knowledgeId, id)))[0].n;

/** The request is refused with this status and a Chinese message, and nothing is written. */
const refused = (send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, send, status, message);

beforeAll(async () => {
  t = await startTestApp();
  [gkb, jyjEditor, jyjReviewer, jyjSecrecy, zjjEditor, visitor] = await Promise.all([
    t.client('gkb'),
    t.client('jyj_editor'),
    t.client('jyj_reviewer'),
    t.client('jyj_secrecy'),
    t.client('zjj_editor'),
    t.client(),
  ]);
});
afterAll(() => t.close());

describe('the demo knowledge base', () => {
  it('has published answers with sources, drafts waiting for one, and a withdrawn answer', async () => {
    const all = (await gkb.get('/api/v1/knowledge')).json();
    expect(all.total).toBeGreaterThanOrEqual(20);
    const published = (await gkb.get('/api/v1/knowledge?status=published')).json();
    expect(published.total).toBeGreaterThanOrEqual(18);
    expect(published.items.every((e: { sourceCount: number }) => e.sourceCount > 0)).toBe(true);
    expect((await gkb.get('/api/v1/knowledge?status=archived')).json().total).toBe(1);
    const found = (await gkb.get(`/api/v1/knowledge?q=${encodeURIComponent('政府信息公开')}`)).json().items;
    expect(found.map((e: Entry) => e.question)).toContain('怎么申请政府信息公开？');
  });

  it('shows a department only its own entries', async () => {
    const jyj = (await jyjEditor.get('/api/v1/knowledge')).json();
    expect(jyj.total).toBeGreaterThan(0);
    expect(new Set(jyj.items.map((e: { orgName: string }) => e.orgName))).toEqual(new Set(['示例县教育局']));
    const other = (await gkb.get(`/api/v1/knowledge?q=${encodeURIComponent('物业')}`)).json().items[0];
    await refused(() => jyjEditor.get(`/api/v1/knowledge/${other.id}`), 403, '无权查看该问答');
  });

  it('lists published answers by topic on the portal, linked from the home page and in the sitemap', async () => {
    const res = await visitor.get('/zfxxgk/zsk');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>政务知识库</h1>');
    expect(res.body).toContain('怎么申请政府信息公开？');
    expect(res.body).not.toContain('课后服务怎么收费'); // a draft
    expect(res.body).not.toContain('2021年春节消费券怎么领'); // withdrawn
    expect((await visitor.get('/sitemap.xml')).body).toContain('/zfxxgk/zsk</loc>');
    expect((await visitor.get('/')).body).toContain('href="/zfxxgk/zsk"');
  });
});

describe('an answer from draft to the public', () => {
  let entry: Entry;
  let enrolment: number;
  let housing: number;

  it('creates a draft with a sanitized answer, normalized variants and the topic as its code', async () => {
    const res = await jyjEditor.send('POST', '/api/v1/knowledge', {
      question: '  随迁子女怎么入学？ ',
      variants: '外地孩子在本县上学\n\n随迁子女怎么入学？\n外地孩子在本县上学\n 进城务工人员子女入学 ',
      answer: '<p onclick="x()">按当年招生入学通知办理。</p><script>alert(1)</script>',
      topic: '科技、教育\\教育',
    });
    expect(res.statusCode).toBe(201);
    entry = res.json();
    expect(entry.question).toBe('随迁子女怎么入学？');
    expect(entry.variants).toBe('外地孩子在本县上学\n进城务工人员子女入学');
    expect(entry.answer).toBe('<p>按当年招生入学通知办理。</p>');
    expect([entry.topic, entry.status]).toEqual(['11.02', 'draft']);
    expect(await indexed(entry.id)).toBe(0);
  });

  it('refuses an unknown topic and an empty answer', async () => {
    await refused(() => jyjEditor.send('POST', '/api/v1/knowledge', { question: '问题', answer: '<p>答</p>', topic: '不存在' }), 400, '未知的主题分类');
    await refused(() => jyjEditor.send('PATCH', `/api/v1/knowledge/${entry.id}`, { answer: '<p> </p>' }), 400, '请填写答复内容');
  });

  it('refuses to publish without a source, and an editor publishing', async () => {
    await refused(() => jyjReviewer.send('POST', `/api/v1/knowledge/${entry.id}/publish`), 400, '至少关联一件已发布的政策文件');
    enrolment = await docId('示教发〔2026〕12号');
    housing = await docId('示政发〔2026〕4号');
    const added = await jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/sources`, { documentId: enrolment, note: ' 三、随迁子女 ' });
    expect(added.statusCode).toBe(201);
    expect(added.json().note).toBe('三、随迁子女');
    await refused(() => jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/publish`), 403, '无权发布该问答');
    await refused(() => jyjSecrecy.send('POST', `/api/v1/knowledge/${entry.id}/sources`, { documentId: housing }), 403, '无权修改该问答的依据');
  });

  it('cites published policies of other organizations, but not unpublished ones nor the same one twice', async () => {
    expect((await jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/sources`, { documentId: housing })).statusCode).toBe(201);
    await refused(() => jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/sources`, { documentId: housing }), 409, '已是该问答的依据');
    const draft = await jyjEditor.send('POST', '/api/v1/documents', { title: '示例县教育局关于课后服务的通知（草稿）', docType: 'policy' });
    expect(draft.statusCode).toBe(201);
    await refused(() => jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/sources`, { documentId: draft.json().id }), 400, '尚未发布或已撤回');
    await refused(() => jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/sources`, { documentId: 999999 }), 404, '找不到该文件');
  });

  it('keeps the answer from the public while it is a draft', async () => {
    expect((await visitor.get(`/api/v1/public/knowledge/${entry.id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/zfxxgk/zsk/${entry.id}`)).statusCode).toBe(404);
  });

  it('publishes: the answer page shows the question, the answer and where it comes from, and search knows it', async () => {
    const res = await jyjReviewer.send('POST', `/api/v1/knowledge/${entry.id}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    expect(await indexed(entry.id)).toBe(1);
    const pub = (await visitor.get(`/api/v1/public/knowledge/${entry.id}`)).json();
    expect(pub.orgName).toBe('示例县教育局');
    expect(pub.variants).toEqual(['外地孩子在本县上学', '进城务工人员子女入学']);
    expect(pub.sources).toContainEqual(expect.objectContaining({ documentId: enrolment, docNumber: '示教发〔2026〕12号', issuer: '示例县教育局', url: `/zfxxgk/wj/${enrolment}`, note: '三、随迁子女' }));
    expect(pub.sources).toContainEqual(expect.objectContaining({ documentId: housing, issuer: '示例县人民政府' }));
    const page = await visitor.get(`/zfxxgk/zsk/${entry.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>随迁子女怎么入学？</h1>');
    expect(page.body).toContain(`href="/zfxxgk/wj/${enrolment}"`);
    expect(page.body).toContain('答复单位：示例县教育局');
    expect(page.body).toMatch(/发布日期：\d{4}年\d{1,2}月\d{1,2}日/);
    await refused(() => jyjReviewer.send('POST', `/api/v1/knowledge/${entry.id}/publish`), 409, '该问答已发布');
  });

  it('lets only a publisher change what the public sees; a published answer stays published and is indexed again', async () => {
    await refused(() => jyjEditor.send('PATCH', `/api/v1/knowledge/${entry.id}`, { answer: '<p>改</p>' }), 403, '无权修改该问答');
    const res = await jyjReviewer.send('PATCH', `/api/v1/knowledge/${entry.id}`, { question: '随迁子女在本县怎么上学？' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    const [row] = await t.database.db.select({ title: searchEntries.title }).from(searchEntries).where(eq(searchEntries.knowledgeId, entry.id));
    expect(row.title).toBe('随迁子女在本县怎么上学？');
  });

  it('keeps at least one source on a published answer', async () => {
    expect((await jyjReviewer.send('DELETE', `/api/v1/knowledge/${entry.id}/sources/${housing}`)).statusCode).toBe(204);
    await refused(() => jyjReviewer.send('DELETE', `/api/v1/knowledge/${entry.id}/sources/${enrolment}`), 409, '至少要保留一件答复依据');
    const left = await t.database.db.select().from(knowledgeSources).where(eq(knowledgeSources.knowledgeId, entry.id));
    expect(left.map((s) => s.documentId)).toEqual([enrolment]);
  });

  it('refuses other departments and the public', async () => {
    await refused(() => zjjEditor.send('PATCH', `/api/v1/knowledge/${entry.id}`, { question: '改' }), 403, '无权修改该问答');
    await refused(() => zjjEditor.send('POST', '/api/v1/knowledge', { question: '问', answer: '<p>答</p>', orgId: entry.orgId }), 403, '无权为该机构编写问答');
    await refused(() => visitor.send('POST', '/api/v1/knowledge', { question: '问', answer: '<p>答</p>' }), 401, '请先登录');
  });

  it('withdraws the answer from the public and the search, and publishes it again', async () => {
    await refused(() => jyjEditor.send('POST', `/api/v1/knowledge/${entry.id}/archive`, {}), 403, '无权下线该问答');
    const res = await jyjReviewer.send('POST', `/api/v1/knowledge/${entry.id}/archive`, { reason: '政策调整' });
    expect(res.json().status).toBe('archived');
    expect(await indexed(entry.id)).toBe(0);
    expect((await visitor.get(`/zfxxgk/zsk/${entry.id}`)).statusCode).toBe(404);
    await refused(() => jyjReviewer.send('POST', `/api/v1/knowledge/${entry.id}/archive`, {}), 409, '该问答已下线');
    // Withdrawn, a department editor may work on it again.
    expect((await jyjEditor.send('PATCH', `/api/v1/knowledge/${entry.id}`, { topic: '' })).statusCode).toBe(200);
    expect((await jyjReviewer.send('POST', `/api/v1/knowledge/${entry.id}/publish`)).json().status).toBe('published');
    expect(await indexed(entry.id)).toBe(1);
  });

  it('wrote every change to the audit log', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, String(entry.id))).orderBy(asc(auditLog.id));
    const actions = rows.filter((r) => r.targetType === 'knowledge_entry').map((r) => r.action);
    expect(actions).toEqual(['knowledge.create', 'knowledge.source_add', 'knowledge.source_add', 'knowledge.publish', 'knowledge.update', 'knowledge.source_remove', 'knowledge.archive', 'knowledge.update', 'knowledge.publish']);
    expect(rows.find((r) => r.action === 'knowledge.archive')!.summary).toContain('政策调整');
  });

  it('deletes only a draft never published', async () => {
    await refused(() => jyjEditor.send('DELETE', `/api/v1/knowledge/${entry.id}`), 403, '无权删除该问答');
    const draft = (await jyjEditor.send('POST', '/api/v1/knowledge', { question: '临时问题', answer: '<p>临时</p>' })).json();
    expect((await jyjEditor.send('DELETE', `/api/v1/knowledge/${draft.id}`)).statusCode).toBe(204);
    expect((await jyjEditor.get(`/api/v1/knowledge/${draft.id}`)).statusCode).toBe(404);
  });
});

describe('page cache', () => {
  it('is emptied when an answer is published', async () => {
    const cached = await startTestApp({ pageCacheSeconds: 60 });
    try {
      const reviewer = await cached.client('jyj_reviewer');
      const reader = await cached.client();
      await reader.get('/zfxxgk/zsk');
      expect((await reader.get('/zfxxgk/zsk')).headers['x-page-cache']).toBe('hit');
      const draft = (await reviewer.send('POST', '/api/v1/knowledge', { question: '学籍怎么转？', answer: '<p>向转入学校申请。</p>' })).json();
      const doc = (await reviewer.get(`/api/v1/knowledge/citable-documents?q=${encodeURIComponent('示教发')}`)).json().items[0];
      await reviewer.send('POST', `/api/v1/knowledge/${draft.id}/sources`, { documentId: doc.id });
      expect((await reviewer.send('POST', `/api/v1/knowledge/${draft.id}/publish`)).statusCode).toBe(200);
      const after = await reader.get('/zfxxgk/zsk');
      expect(after.headers['x-page-cache']).toBeUndefined();
      expect(after.body).toContain('学籍怎么转？');
    } finally {
      await cached.close();
    }
  });
});
