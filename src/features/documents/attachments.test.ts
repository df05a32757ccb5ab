// Attachments through the API: upload checked by content, published with the version, downloaded
// by the public, refused across departments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { docx, multipart, pdf } from '../../../test/fixtures/files.js';

let t: TestApp;
let editor: TestClient;
let docId: number;

async function upload(client: TestClient, id: number, name: string, bytes: Buffer) {
  const { body, contentType } = multipart(name, bytes);
  return client.send('POST', `/api/v1/documents/${id}/attachments`, body as never, { 'content-type': contentType });
}

beforeAll(async () => {
  t = await startTestApp({ attachmentMaxBytes: 64 * 1024 });
  editor = await t.client('jyj_editor');
  const res = await editor.send('POST', '/api/v1/documents', {
    title: '示例县教育局关于开展2026年教师资格认定工作的通知', docNumber: '示教发〔2026〕40号', writtenOn: '2026-11-18', effectiveOn: '2026-11-18',
    genre: '通知', docType: 'policy', topic: '11.02', summary: '开展教师资格认定。', body: '<p>各学校：</p>',
  });
  docId = res.json().id;
});
afterAll(() => t.close());

describe('attachments', () => {
  it('uploads a PDF and a Word file with Chinese names', async () => {
    const a = await upload(editor, docId, '附件1：认定公告.pdf', pdf());
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ fileName: '附件1：认定公告.pdf', kind: 'pdf' });
    expect((await upload(editor, docId, '附件2：申请表.docx', docx())).statusCode).toBe(201);
    const view = (await editor.get(`/api/v1/documents/${docId}`)).json();
    expect(view.attachments.map((x: { fileName: string }) => x.fileName)).toEqual(['附件1：认定公告.pdf', '附件2：申请表.docx']);
  });

  it('refuses a renamed or oversized file with a Chinese message, storing nothing', async () => {
    const renamed = await upload(editor, docId, '公告.pdf', docx());
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.message).toContain('内容是 DOCX 文件');
    const big = await upload(editor, docId, '大文件.pdf', Buffer.concat([pdf(), Buffer.alloc(100 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect((await editor.get(`/api/v1/documents/${docId}`)).json().attachments.length).toBe(2);
  });

  it('refuses another department', async () => {
    const other = await t.client('zjj_editor');
    expect((await upload(other, docId, 'x.pdf', pdf())).statusCode).toBe(403);
    const first = (await editor.get(`/api/v1/documents/${docId}`)).json().attachments[0];
    expect((await other.get(`/api/v1/documents/${docId}/attachments/${first.id}`)).statusCode).toBe(403);
    expect((await other.send('DELETE', `/api/v1/documents/${docId}/attachments/${first.id}`)).statusCode).toBe(403);
  });

  it('publishes the files with the document; the public downloads them, and only them', async () => {
    const reviewer = await t.client('jyj_reviewer');
    const secrecy = await t.client('jyj_secrecy');
    const anon = await t.client();
    const first = (await editor.get(`/api/v1/documents/${docId}`)).json().attachments[0];
    // Not public before publication.
    expect((await anon.get(`/zfxxgk/wj/${docId}/files/${first.id}`)).statusCode).toBe(404);
    for (const [c, step] of [[editor, 'submit'], [reviewer, 'approve'], [secrecy, 'secrecy_approve'], [reviewer, 'publish']] as const) {
      expect((await c.send('POST', `/api/v1/documents/${docId}/transitions/${step}`, {})).statusCode).toBe(200);
    }
    const page = (await anon.get(`/zfxxgk/wj/${docId}`)).body;
    expect(page).toContain('附件1：认定公告.pdf');
    const file = await anon.get(`/zfxxgk/wj/${docId}/files/${first.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('附件1：认定公告.pdf')}`);
    expect(file.rawPayload.equals(pdf())).toBe(true);
    // A published document's files cannot be changed except through a revision.
    expect((await editor.send('DELETE', `/api/v1/documents/${docId}/attachments/${first.id}`)).statusCode).toBe(400);
  });
});
