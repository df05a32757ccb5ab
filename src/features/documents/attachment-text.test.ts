// The text of attachments for the search index: read from real PDF (Latin, Chinese with a predefined
// CMap, Chinese with a ToUnicode table, one printed by Chromium), Word and Excel files; bounded in
// size and time; never failing an upload; stored with the attachment.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { doc, docx, multipart, ofd, pdf, png, xls } from '../../../test/fixtures/files.js';
import { chinesePdfPredefinedCMap, chinesePdfToUnicode, latinPdf, realDocx, realXlsx } from '../../../test/fixtures/text-files.js';
import { cleanText, extractAttachmentText, MAX_TEXT_BYTES } from './attachment-text.js';
import { attachments } from './schema.js';

const chromiumPdf = () => readFileSync(new URL('../../../test/fixtures/attachments/notice-chromium.pdf', import.meta.url));

describe('extractAttachmentText', () => {
  it('reads a Latin PDF page by page', async () => {
    const text = await extractAttachmentText('pdf', latinPdf([['Open Government (2026)', 'Second line'], ['Page two']]));
    expect(text).toBe('Open Government (2026)\nSecond line\n\nPage two');
  });

  it('reads Chinese from a CID font with the predefined CMap UniGB-UCS2-H and no ToUnicode table, joining wrapped lines', async () => {
    const text = await extractAttachmentText('pdf', chinesePdfPredefinedCMap([['示例县人民政府办公室关于印发', '2026年政务公开工作要点的通知'], ['第二页']]));
    expect(text).toBe('示例县人民政府办公室关于印发2026年政务公开工作要点的通知\n\n第二页');
  });

  it('reads Chinese from an Identity-H font through its ToUnicode table, brackets and Traditional script as written', async () => {
    const text = await extractAttachmentText('pdf', chinesePdfToUnicode([['乐政办发〔2021〕19号', '關於推進政務公開的意見']]));
    expect(text).toBe('乐政办发〔2021〕19号關於推進政務公開的意見');
  });

  it('reads a PDF printed by Chromium with an embedded subset of a Chinese font', async () => {
    const text = await extractAttachmentText('pdf', chromiumPdf());
    expect(text).toContain('示例县人民政府办公室关于印发2026年政务公开工作要点的通知');
    expect(text).toContain('示政办发〔2026〕12号');
    expect(text).toContain('《中华人民共和国政府信息公开条例》');
    expect(text).toContain('Open Government Information, 2026.');
  });

  it('reads the paragraphs of a Word file, with tabs and escaped characters', async () => {
    const text = await extractAttachmentText('docx', await realDocx(['关于开展教师资格认定工作的通知', '一、认定对象\t在职教师', 'A & B <C>', '']));
    expect(text).toBe('关于开展教师资格认定工作的通知\n一、认定对象\t在职教师\nA & B <C>');
  });

  it('reads the cells of an Excel workbook, sheet by sheet', async () => {
    const text = await extractAttachmentText('xlsx', await realXlsx({ 认定名单: [['姓名', '学校', '学段'], ['张三', '实验小学', 1]], 说明: [['以上名单公示7天']] }));
    expect(text).toBe('认定名单\n姓名\t学校\t学段\n张三\t实验小学\t1\n\n说明\n以上名单公示7天');
  });

  it('gives nothing for kinds it cannot read yet (DOC, XLS, OFD, images) and for broken files', async () => {
    expect(await extractAttachmentText('doc', doc())).toBe('');
    expect(await extractAttachmentText('xls', xls())).toBe('');
    expect(await extractAttachmentText('ofd', ofd())).toBe('');
    expect(await extractAttachmentText('png', png())).toBe('');
    expect(await extractAttachmentText('pdf', pdf())).toBe('');
    expect(await extractAttachmentText('pdf', Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000)))).toBe('');
    expect(await extractAttachmentText('docx', docx())).toBe(''); // no central directory
    expect(await extractAttachmentText('xlsx', Buffer.from('PK\u0003\u0004broken'))).toBe('');
    expect(await extractAttachmentText('pdf', new Uint8Array())).toBe('');
  });

  it('keeps at most a megabyte of text, cut on a character boundary', async () => {
    const line = '为深入贯彻落实政府信息公开条例进一步推进决策执行管理服务结果公开'; // 33 characters, 99 bytes
    const text = await extractAttachmentText('docx', await realDocx(Array.from({ length: 12_000 }, () => line)));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_TEXT_BYTES - 4);
    expect(text.startsWith(line + '\n' + line)).toBe(true);
    expect(text).not.toContain('\ufffd');
  });

  it('does not open a Word file whose text would inflate past its limit', async () => {
    const text = await extractAttachmentText('docx', await realDocx([' '.repeat(40 * 1024 * 1024) + '结尾']));
    expect(text).toBe('');
  });

  it('stops reading at the time limit, keeping the pages read by then, and reads the next file', async () => {
    expect(await extractAttachmentText('pdf', chromiumPdf(), { timeoutMs: 1 })).toBe('');
    await extractAttachmentText('pdf', latinPdf([['A fresh reader']])); // pdf.js loaded in the new worker
    const pages = Array.from({ length: 20_000 }, (_, i) => [`Page ${i + 1}`]);
    // Long enough to read the first pages on a loaded machine, far too short for 20,000.
    const text = await extractAttachmentText('pdf', latinPdf(pages), { timeoutMs: 4000 });
    expect(text.startsWith('Page 1\n\nPage 2\n\n')).toBe(true);
    expect(text).not.toContain('Page 20000');
    expect(await extractAttachmentText('pdf', latinPdf([['After the time limit']]))).toBe('After the time limit');
  });

  it('reads several files asked for at once, each its own', async () => {
    const texts = await Promise.all([1, 2, 3, 4].map(async (n) => extractAttachmentText('docx', await realDocx([`附件${n}`]))));
    expect(texts).toEqual(['附件1', '附件2', '附件3', '附件4']);
  });
});

describe('cleanText', () => {
  it('drops control characters (PostgreSQL refuses NUL), folds spaces and blank lines', () => {
    expect(cleanText('  标题\u0000\r\n\r\n\r\n\r\n正文\u3000\u3000第一段   内容 \n')).toBe('标题\n\n正文 第一段 内容');
  });
  it('cuts to a byte budget without splitting a character', () => {
    expect(cleanText('政务公开', 7)).toBe('政务');
    expect(cleanText('ab政务', 5)).toBe('ab政');
  });
});

describe('uploading an attachment stores its text', () => {
  let t: TestApp;
  let editor: TestClient;
  let docId: number;

  async function upload(client: TestClient, name: string, bytes: Buffer) {
    const { body, contentType } = multipart(name, bytes);
    return client.send('POST', `/api/v1/documents/${docId}/attachments`, body as never, { 'content-type': contentType });
  }
  async function storedText(id: number) {
    const [row] = await t.database.db.select({ text: attachments.textContent }).from(attachments).where(eq(attachments.id, id));
    return row.text;
  }

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.client('jyj_editor');
    const res = await editor.send('POST', '/api/v1/documents', {
      title: '示例县教育局关于公布2026年教师资格认定名单的通知', docNumber: '示教发〔2026〕41号', writtenOn: '2026-11-20', effectiveOn: '2026-11-20',
      genre: '通知', docType: 'policy', topic: '11.02', summary: '公布认定名单。', body: '<p>各学校：</p>',
    });
    docId = res.json().id;
  });
  afterAll(() => t.close());

  it('a Word file: its paragraphs, kept out of the staff view', async () => {
    const res = await upload(editor, '附件1：认定办法.docx', await realDocx(['教师资格认定办法', '第一条\t为规范教师资格认定工作，制定本办法。']));
    expect(res.statusCode).toBe(201);
    expect(await storedText(res.json().id)).toBe('教师资格认定办法\n第一条\t为规范教师资格认定工作，制定本办法。');
    const view = (await editor.get(`/api/v1/documents/${docId}`)).json();
    expect(view.attachments).toEqual([{ id: res.json().id, fileName: '附件1：认定办法.docx', kind: 'docx', size: expect.any(Number) }]);
  });

  it('a Chinese PDF and an Excel workbook', async () => {
    const a = await upload(editor, '附件2：公告.pdf', chinesePdfPredefinedCMap([['关于公布教师资格认定名单的公告']]));
    expect(a.statusCode).toBe(201);
    expect(await storedText(a.json().id)).toBe('关于公布教师资格认定名单的公告');
    const b = await upload(editor, '附件3：名单.xlsx', await realXlsx({ 名单: [['姓名', '学校'], ['李四', '第一中学']] }));
    expect(b.statusCode).toBe(201);
    expect(await storedText(b.json().id)).toBe('名单\n姓名\t学校\n李四\t第一中学');
  });

  it('a file that cannot be read is uploaded all the same, without text', async () => {
    const res = await upload(editor, '附件4：损坏.docx', docx());
    expect(res.statusCode).toBe(201);
    expect(await storedText(res.json().id)).toBe('');
  });

  it('another department is refused and nothing is written', async () => {
    const before = await t.database.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.documentId, docId));
    const res = await upload(await t.client('zjj_editor'), '越权.docx', await realDocx(['不应保存']));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('无权修改该文件');
    const after = await t.database.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.documentId, docId));
    expect(after.length).toBe(before.length);
  });
});
