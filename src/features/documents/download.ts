// Sending a stored file: its own media type, the original name (RFC 6266 with UTF-8 for Chinese
// names), never sniffed as HTML by the browser.
import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../files.js';
import { notFound } from '../../errors.js';
import { attachmentDisposition } from '../../http/download.js';
import type { Download } from './attachments.js';

export function sendFile(reply: FastifyReply, files: FileStore, file: Download) {
  if (!files.has(file.sha256)) throw notFound('附件文件缺失，请联系管理员');
  return reply
    .type(file.mediaType)
    .header('content-length', file.size)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'public, max-age=86400, immutable')
    .send(files.read(file.sha256));
}
