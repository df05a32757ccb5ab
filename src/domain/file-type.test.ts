import { describe, expect, it } from 'vitest';
import { doc, docx, ofd, pdf, png, xls, xlsx, zip } from '../../test/fixtures/files.js';
import { checkAttachment, detectKind } from './file-type.js';

const MB = 1024 * 1024;

describe('attachment type by content', () => {
  it.each([
    ['pdf', pdf()],
    ['docx', docx()],
    ['xlsx', xlsx()],
    ['ofd', ofd()],
    ['doc', doc()],
    ['xls', xls()],
    ['png', png()],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['gif', Buffer.from('GIF89a......')],
  ])('recognizes %s', (kind, bytes) => {
    expect(detectKind(bytes)).toBe(kind);
  });

  it('recognizes nothing in text, HTML, executables or a plain ZIP', () => {
    expect(detectKind(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(detectKind(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectKind(zip({ 'readme.txt': 'hello' }))).toBeNull();
  });

  it('accepts a file whose name matches its content', () => {
    expect(checkAttachment('示例县农村建房管理办法.pdf', pdf(), 10 * MB)).toEqual({ ok: true, kind: 'pdf' });
    expect(checkAttachment('附件1.申请表.DOCX', docx(), 10 * MB)).toEqual({ ok: true, kind: 'docx' });
    expect(checkAttachment('photo.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe1]), 10 * MB)).toEqual({ ok: true, kind: 'jpeg' });
  });

  it('refuses a renamed file, an unknown extension, an empty or oversized file, in Chinese', () => {
    expect(checkAttachment('通知.pdf', docx(), 10 * MB).problem).toBe('文件扩展名为 .pdf，但内容是 DOCX 文件，请核对后重新上传');
    expect(checkAttachment('setup.exe', Buffer.from('MZ'), 10 * MB).problem).toContain('不支持的文件类型“.exe”');
    expect(checkAttachment('page.pdf', Buffer.from('<html>'), 10 * MB).problem).toBe('文件内容不是有效的 PDF 文件');
    expect(checkAttachment('a.pdf', Buffer.alloc(0), 10 * MB).problem).toBe('文件为空');
    expect(checkAttachment('a.pdf', Buffer.concat([pdf(), Buffer.alloc(2 * MB)]), MB).problem).toBe('文件过大，上限为 1 MB');
    expect(checkAttachment('noext', pdf(), MB).ok).toBe(false);
  });
});
