// Use cases of attachments: an editor adds or removes files on a draft; publication snapshots them;
// the public downloads those of the current version only.
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid, notFound } from '../../errors.js';
import { editProblem } from '../../domain/document-workflow.js';
import { checkAttachment, MEDIA_TYPES } from '../../domain/file-type.js';
import type { FileStore } from '../../files.js';
import { authorize } from '../authorize.js';
import { extractAttachmentText } from './attachment-text.js';
import { recordAudit } from '../orgs/audit.js';
import { documentGrants } from './policy.js';
import { recordEvent, requireDocument, scopeTarget } from './records.js';
import { attachments, documentVersions, type PublishedAttachment } from './schema.js';

/** The name as shown and downloaded: no folders, no control characters, a sane length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200) || '附件';
}

export async function addAttachment(db: Db, files: FileStore, ctx: ActionContext, documentId: number, upload: { fileName: string; bytes: Uint8Array }, maxBytes: number) {
  const fileName = cleanFileName(upload.fileName);
  const check = checkAttachment(fileName, upload.bytes, maxBytes);
  if (!check.ok) throw invalid(`附件“${fileName}”无法上传：${check.problem}`);
  // Who may attach is checked before the file is read (reading costs up to seconds of CPU), and
  // again in the transaction, where it counts.
  const before = await requireDocument(db, documentId);
  authorize(ctx, documentGrants, 'document.edit', scopeTarget(before), '无权修改该文件');
  // Read before the transaction, which must not wait on it; '' when the file has no readable text.
  const textContent = await extractAttachmentText(check.kind!, upload.bytes);
  return db.transaction(async (tx) => {
    const doc = await requireDocument(tx, documentId, { forUpdate: true });
    authorize(ctx, documentGrants, 'document.edit', scopeTarget(doc), '无权修改该文件');
    const problem = editProblem(doc.status);
    if (problem) throw invalid(problem);
    const sha256 = files.put(upload.bytes);
    const [row] = await tx
      .insert(attachments)
      .values({ documentId, fileName, kind: check.kind!, size: upload.bytes.length, sha256, textContent, createdBy: ctx.actor?.userId ?? null })
      .returning();
    await recordEvent(tx, ctx, documentId, 'attach', fileName);
    await recordAudit(tx, ctx, { action: 'document.attach', orgId: doc.orgId, targetType: 'document', targetId: documentId, summary: `为《${doc.title}》上传附件“${fileName}”（${check.kind}，${upload.bytes.length} 字节）` });
    return row;
  });
}

export async function removeAttachment(db: Db, ctx: ActionContext, documentId: number, attachmentId: number) {
  await db.transaction(async (tx) => {
    const doc = await requireDocument(tx, documentId, { forUpdate: true });
    authorize(ctx, documentGrants, 'document.edit', scopeTarget(doc), '无权修改该文件');
    const problem = editProblem(doc.status);
    if (problem) throw invalid(problem);
    const removed = await tx.delete(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.documentId, documentId))).returning();
    if (!removed.length) throw notFound('找不到该附件');
    await recordEvent(tx, ctx, documentId, 'detach', removed[0].fileName);
    await recordAudit(tx, ctx, { action: 'document.detach', orgId: doc.orgId, targetType: 'document', targetId: documentId, summary: `删除《${doc.title}》的附件“${removed[0].fileName}”` });
  });
}

export async function listAttachments(db: Db, documentId: number) {
  // Without the extracted text (up to a megabyte a file): only the search index reads it.
  const { textContent: _text, ...columns } = getTableColumns(attachments);
  return db.select(columns).from(attachments).where(eq(attachments.documentId, documentId)).orderBy(asc(attachments.sortOrder), asc(attachments.id));
}

/** What a new published version lists. */
export async function snapshotAttachments(db: Db, documentId: number): Promise<PublishedAttachment[]> {
  return (await listAttachments(db, documentId)).map(({ id, fileName, kind, size, sha256 }) => ({ id, fileName, kind, size, sha256 }));
}

export interface Download {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** A file of the current public version; anything else is not found. */
export async function publishedAttachment(db: Db, documentId: number, attachmentId: number): Promise<Download> {
  const [row] = await db
    .select({ attachments: documentVersions.attachments })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.isCurrent, true)));
  const a = row?.attachments.find((x) => x.id === attachmentId);
  if (!a) throw notFound('找不到该附件');
  return { fileName: a.fileName, mediaType: MEDIA_TYPES[a.kind], size: a.size, sha256: a.sha256 };
}

/** A file of the working copy, for staff who may read the document. */
export async function draftAttachment(db: Db, ctx: ActionContext, documentId: number, attachmentId: number): Promise<Download> {
  const doc = await requireDocument(db, documentId);
  authorize(ctx, documentGrants, 'document.read', scopeTarget(doc), '无权查看该文件');
  const [a] = await db.select().from(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.documentId, documentId)));
  if (!a) throw notFound('找不到该附件');
  return { fileName: a.fileName, mediaType: MEDIA_TYPES[a.kind], size: a.size, sha256: a.sha256 };
}
