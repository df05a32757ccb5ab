// Sending a stored file: its own media type, the original name (RFC 6266 with UTF-8 for Chinese
// names), never sniffed as HTML by the browser.
import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../files.js';
import { notFound } from '../../errors.js';
import type { Download } from './attachments.js';

export function sendFile(reply: FastifyReply, files: FileStore, file: Download) {
  if (!files.has(file.sha256)) throw notFound('附件文件缺失，请联系管理员');
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(file.mediaType)
    .header('content-length', file.size)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'public, max-age=86400, immutable')
    .send(files.read(file.sha256));
}
