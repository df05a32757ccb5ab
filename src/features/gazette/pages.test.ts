// The gazette in the portal: the archive by year, an issue's table of contents, drafts hidden,
// 刊登于 on the document page, and a publication seen at once despite the page cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';

let t: TestApp;
let visitor: TestClient;
let gkb: TestClient;
beforeAll(async () => {
  t = await startTestApp({ pageCacheSeconds: 60 });
  visitor = await t.client();
  gkb = await t.client('gkb');
});
afterAll(() => t.close());

const issueLinks = (body: string) => [...body.matchAll(/<a href="\/zfxxgk\/gb\/(\d+)">([^<]+)<\/a>/g)].map((m) => m[2]);
const issueId = async (label: string) => {
  const body = (await visitor.get('/zfxxgk/gb')).body;
  return Number(body.match(new RegExp(`<a href="/zfxxgk/gb/(\\d+)">${label.replace(/[()（）]/g, '.')}</a>`))![1]);
};

describe('政府公报 archive', () => {
  it('lists the published issues by year, newest first, with date and number of documents', async () => {
    const res = await visitor.get('/zfxxgk/gb');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>政府公报</h1>');
    expect([...res.body.matchAll(/<h2>(\d{4})年<\/h2>/g)].map((m) => m[1])).toEqual(['2026', '2025']);
    expect(issueLinks(res.body)).toEqual(['第2期（总第56期）', '第1期（总第55期）', '第12期（总第54期）']);
    expect(res.body).toContain('2026年5月29日');
    expect(res.body).toMatch(/第1期（总第55期）<\/a><\/td><td>2026年3月20日<\/td><td>2 件<\/td>/);
    expect(res.body).toContain('<th scope="col">期号</th>');
    expect(res.body).not.toContain('第3期'); // the draft
  });

  it('filters by year and ignores a malformed one', async () => {
    expect(issueLinks((await visitor.get('/zfxxgk/gb?year=2025')).body)).toEqual(['第12期（总第54期）']);
    expect((await visitor.get('/zfxxgk/gb?year=2019')).body).toContain('2019年没有已发布的政府公报。');
    expect(issueLinks((await visitor.get('/zfxxgk/gb?year=abc')).body).length).toBe(3);
  });

  it('is on the home page and in sitemap.xml', async () => {
    expect((await visitor.get('/')).body).toContain('<a href="/zfxxgk/gb"><strong>政府公报</strong>');
    const sitemap = (await visitor.get('/sitemap.xml')).body;
    expect(sitemap).toMatch(/<loc>http:\/\/[^<]+\/zfxxgk\/gb<\/loc>/);
    expect(sitemap.match(/\/zfxxgk\/gb\/\d+<\/loc>/g)!.length).toBe(3);
  });
});

describe('an issue page', () => {
  it('shows the title, date and the table of contents by section, linking each document', async () => {
    const id = await issueId('第1期（总第55期）');
    const res = await visitor.get(`/zfxxgk/gb/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>《示例县人民政府公报》2026年第1期（总第55期）</h1>');
    expect(res.body).toContain('发布日期：2026年3月20日');
    expect([...res.body.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['县政府文件', '政策解读']);
    const doc = (await visitor.get('/api/v1/public/gazette/' + id)).json().entries[0];
    expect(res.body).toContain(`<a href="/zfxxgk/wj/${doc.documentId}">示例县人民政府关于印发示例县农村村民住宅建设管理办法（2026年修订）的通知</a></td><td>示政发〔2026〕4号</td><td>示例县人民政府</td>`);
  });

  it('is 404 for a draft issue and an unknown one', async () => {
    const draft = (await gkb.get('/api/v1/gazette/issues?status=draft')).json().items[0];
    expect(draft.issueNo).toBe(3);
    expect((await visitor.get(`/zfxxgk/gb/${draft.id}`)).statusCode).toBe(404);
    expect((await visitor.get('/zfxxgk/gb/99999')).statusCode).toBe(404);
  });
});

describe('刊登于 on the document page', () => {
  it('names the issue with a link; a document in no issue shows nothing', async () => {
    const id = await issueId('第2期（总第56期）');
    const doc = (await visitor.get(`/api/v1/public/gazette/${id}`)).json().entries[0];
    const page = (await visitor.get(`/zfxxgk/wj/${doc.documentId}`)).body;
    expect(page).toContain(`<p class="doc-gazette">刊登于：<a href="/zfxxgk/gb/${id}">《政府公报》2026年第2期</a></p>`);
    expect((await visitor.get('/zfxxgk/wj/1')).body).not.toContain('刊登于');
  });

  it('appears at once when an issue is published, though pages are cached', async () => {
    const draft = (await gkb.get('/api/v1/gazette/issues?status=draft')).json().items[0];
    expect((await visitor.get('/zfxxgk/wj/1')).headers['x-page-cache']).toBe('hit');
    expect((await visitor.get('/zfxxgk/gb')).headers['x-page-cache']).toBe('hit');
    expect((await gkb.send('POST', `/api/v1/gazette/issues/${draft.id}/entries`, { documentId: 1, section: '其他文件' })).statusCode).toBe(201);
    expect((await gkb.send('POST', `/api/v1/gazette/issues/${draft.id}/publish`, { publishedOn: '2026-11-25' })).statusCode).toBe(200);
    expect((await visitor.get('/zfxxgk/wj/1')).body).toContain(`刊登于：<a href="/zfxxgk/gb/${draft.id}">《政府公报》2026年第3期</a>`);
    expect(issueLinks((await visitor.get('/zfxxgk/gb')).body)[0]).toBe('第3期（总第57期）');
  });
});
