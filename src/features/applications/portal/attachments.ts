// The files an applicant gives with an online application: a copy of the ID (or of the business
// licence, a power of attorney) — PDF, JPG or PNG, judged by content as document attachments are
// (src/domain/file-type.ts), at most three, each of limited size. They are personal data: sealed with
// the data key before they reach the disk (src/data-key.ts; the stored sha256 names the sealed blob,
// size and kind describe the original), listed in application_files only, and never served publicly.
import type { Db } from '../../../db/client.js';
import { dataKey } from '../../../data-key.js';
import { checkAttachment, type AttachmentKind } from '../../../domain/file-type.js';
import type { FileStore } from '../../../files.js';
import { cleanFileName } from '../../documents/attachments.js';
import { applicationFiles } from '../schema.js';
import type { Upload } from './form-body.js';

export const MAX_APPLICANT_FILES = 3;
/** A phone photo of an ID card is 1–4 MB; a scanned PDF of a few pages less. */
export const APPLICANT_FILE_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED: readonly AttachmentKind[] = ['pdf', 'jpeg', 'png'];

export interface CheckedFile {
  fileName: string;
  kind: AttachmentKind;
  bytes: Uint8Array;
}

/** The files checked, or what is wrong with them (one message for the form's field). */
export function checkApplicantFiles(uploads: Upload[], maxBytes = APPLICANT_FILE_MAX_BYTES): { files: CheckedFile[]; problem?: string } {
  if (uploads.length > MAX_APPLICANT_FILES) return { files: [], problem: `最多上传 ${MAX_APPLICANT_FILES} 个文件，请删减后重新选择` };
  const files: CheckedFile[] = [];
  for (const upload of uploads) {
    const fileName = cleanFileName(upload.fileName);
    const check = checkAttachment(fileName, upload.bytes, maxBytes);
    if (!check.ok) return { files: [], problem: `文件“${fileName}”无法上传：${check.problem}` };
    if (!ACCEPTED.includes(check.kind!)) return { files: [], problem: `文件“${fileName}”无法上传：身份证明材料只接受 PDF、JPG 或 PNG 文件` };
    files.push({ fileName, kind: check.kind!, bytes: upload.bytes });
  }
  return { files };
}

/** Stores the checked files of a case (sealed) and lists them on it. */
export async function attachApplicantFiles(db: Db, store: FileStore, applicationId: number, files: CheckedFile[]): Promise<void> {
  if (!files.length) return;
  const key = dataKey();
  const rows = files.map((f) => ({
    applicationId,
    fileName: f.fileName,
    kind: f.kind,
    size: f.bytes.length,
    sha256: store.put(key.sealBytes(Buffer.from(f.bytes))),
  }));
  await db.insert(applicationFiles).values(rows);
}
