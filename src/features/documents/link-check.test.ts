// Body links that do not resolve: a link to a document that is not public blocks publication; an
// external page that does not answer (asked over real HTTP, here a server on 127.0.0.1) is a warning.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { systemContext } from '../../context.js';
import { checkDocumentLinks, checkPendingLinks } from './link-check.js';
import { linkChecks } from './schema.js';

let t: TestApp;
let editor: TestClient;
let server: Server;
let site: string;
const asked: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  editor = await t.client('jyj_editor');
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    if (req.url === '/ok') return res.writeHead(200).end('ok');
    if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (req.url === '/no-head') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end(), 3000);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await t.close();
});

const fields = (body: string) => ({
  title: '示例县教育局关于做好2026年秋季学期资助工作的通知', docNumber: '示教发〔2026〕61号', writtenOn: '2026-11-20', effectiveOn: '2026-11-20',
  genre: '通知', docType: 'policy', topic: '11.02', summary: '秋季学期学生资助。', body,
});

async function draft(body: string) {
  const res = await editor.send('POST', '/api/v1/documents', fields(body));
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}
const linkFindings = (doc: { findings: { code: string; severity: string; message: string }[] }) => doc.findings.filter((f) => f.code === 'broken_link');

describe('links in the body', () => {
  it('block a link to a document that is not public, and pass one that is', async () => {
    expect(await t.database.db.select().from(linkChecks)).toEqual([]); // nothing asked over the network
    const publicId = (await (await t.client()).get('/api/v1/public/documents/1')).json().id as number;
    const unpublished = await draft('<p>草稿</p>');
    const id = await draft(`<p>依据<a href="/zfxxgk/wj/${publicId}">上级文件</a>和<a href="/zfxxgk/wj/${unpublished}">配套文件</a>。</p>`);
    const doc = (await editor.get(`/api/v1/documents/${id}`)).json();
    expect(linkFindings(doc)).toEqual([{ code: 'broken_link', severity: 'block', field: 'body', excerpt: `/zfxxgk/wj/${unpublished}`, message: `正文链接指向的文件不存在或未公开：/zfxxgk/wj/${unpublished}` }]);
    const submit = await editor.send('POST', `/api/v1/documents/${id}/transitions/submit`, {});
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.message).toContain('正文链接指向的文件不存在或未公开');
  });

  it('are asked over HTTP when the editor checks them, and dead pages become warnings', async () => {
    const id = await draft(`<p><a href="${site}/ok">甲</a><a href="${site}/moved">乙</a><a href="${site}/no-head">丙</a><a href="${site}/gone">丁</a></p>`);
    expect(linkFindings((await editor.get(`/api/v1/documents/${id}`)).json())).toEqual([]);
    const res = await editor.send('POST', `/api/v1/documents/${id}/check-links`, {});
    expect(res.statusCode).toBe(200);
    const found = linkFindings(res.json());
    expect(found.map((f) => [f.severity, f.message.replace(/，\d{4}年\d+月\d+日检查/, '')])).toEqual([['warn', `正文链接无法访问（返回 HTTP 404）：${site}/gone`]]);
    expect(asked).toEqual(expect.arrayContaining(['HEAD /ok', 'HEAD /moved', 'HEAD /no-head', 'GET /no-head', 'HEAD /gone']));
    // A warning does not stop the document.
    expect((await editor.send('POST', `/api/v1/documents/${id}/transitions/submit`, {})).statusCode).toBe(200);
  });

  it('are checked by the job for documents under review, once per page', async () => {
    const id = await draft(`<p><a href="${site}/job-only">戊</a></p>`);
    expect((await editor.send('POST', `/api/v1/documents/${id}/transitions/submit`, {})).statusCode).toBe(200);
    asked.length = 0;
    expect(await checkPendingLinks(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(asked).toContain('HEAD /job-only');
    asked.length = 0;
    await checkPendingLinks(t.database.db);
    expect(asked).not.toContain('HEAD /job-only');
    const reviewer = await t.client('jyj_reviewer');
    expect(linkFindings((await reviewer.get(`/api/v1/documents/${id}`)).json())[0].message).toContain('HTTP 404');
  });

  it('time out instead of hanging, and are refused to other departments', async () => {
    const id = await draft(`<p><a href="${site}/slow">慢</a></p>`);
    await checkDocumentLinks(t.database.db, systemContext, id, { timeoutMs: 200 });
    expect(linkFindings((await editor.get(`/api/v1/documents/${id}`)).json())[0].message).toContain('连接超时');
    const other = await t.client('zjj_editor');
    expect((await other.send('POST', `/api/v1/documents/${id}/check-links`, {})).statusCode).toBe(403);
  });
});
