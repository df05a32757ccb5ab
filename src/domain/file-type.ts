// What an uploaded attachment really is, judged by its content, not its name (issue #3 item 1):
// pdf, doc, docx, xls, xlsx, ofd and images. A name whose extension disagrees with the content is
// refused, so a renamed executable or script never reaches the public.

export const ATTACHMENT_KINDS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ofd', 'png', 'jpeg', 'gif'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const MEDIA_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

const EXTENSIONS: Record<string, AttachmentKind> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  ofd: 'ofd',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
};

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Uint8Array, from: number, to: number) => String.fromCharCode(...buf.subarray(from, Math.min(to, buf.length)));

/** Names of the entries of a ZIP file, read from its local file headers (enough to tell OOXML and OFD apart). */
function zipEntryNames(buf: Uint8Array, limit = 200): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= buf.length && names.length < limit && startsWith(buf, [0x50, 0x4b, 0x03, 0x04], p)) {
    const view = new DataView(buf.buffer, buf.byteOffset + p);
    const compressed = view.getUint32(18, true);
    const nameLen = view.getUint16(26, true);
    const extraLen = view.getUint16(28, true);
    names.push(ascii(buf, p + 30, p + 30 + nameLen));
    const flags = view.getUint16(6, true);
    // With a data descriptor the size is not in the header; the names seen so far must do.
    if (flags & 0x08 && compressed === 0) break;
    p += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

/** The kind the bytes show, or null when they are none of the accepted kinds. */
export function detectKind(buf: Uint8Array): AttachmentKind | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return 'gif';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2 compound file: Word and Excel 97–2003 both use it; the stream names tell them apart.
    const text = new TextDecoder('utf-16le').decode(buf.subarray(0, Math.min(buf.length, 1 << 20)));
    if (text.includes('WordDocument')) return 'doc';
    if (text.includes('Workbook') || text.includes('Book')) return 'xls';
    return null;
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buf);
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (names.some((n) => n === 'OFD.xml')) return 'ofd';
    return null;
  }
  return null;
}

export interface FileCheck {
  ok: boolean;
  kind?: AttachmentKind;
  problem?: string;
}

/** Checks an upload: size, an accepted extension, and content that matches it. */
export function checkAttachment(fileName: string, buf: Uint8Array, maxBytes: number): FileCheck {
  if (buf.length === 0) return { ok: false, problem: '文件为空' };
  if (buf.length > maxBytes) return { ok: false, problem: `文件过大，上限为 ${Math.round(maxBytes / 1024 / 1024)} MB` };
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const claimed = EXTENSIONS[ext];
  if (!claimed) return { ok: false, problem: `不支持的文件类型“.${ext || '无扩展名'}”，可上传 PDF、Word、Excel、OFD 和图片` };
  const kind = detectKind(buf);
  if (!kind) return { ok: false, problem: `文件内容不是有效的 ${ext.toUpperCase()} 文件` };
  if (kind !== claimed) return { ok: false, problem: `文件扩展名为 .${ext}，但内容是 ${kind.toUpperCase()} 文件，请核对后重新上传` };
  return { ok: true, kind };
}
