// Step 3 of an import: one checked row becomes a published document with its original dates,
// through the real use cases (draft, attachments, review, publication with its checks) acting as
// the system, all in one transaction: a row is imported whole — document, attachments, version —
// or not at all. Attachment bytes written before a failure stay on disk, harmless: the store is
// content-addressed and nothing refers to them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { systemContext } from '../../../context.js';
import { queryRows, type Db } from '../../../db/client.js';
import { invalid } from '../../../errors.js';
import type { DocumentTransition } from '../../../domain/document-workflow.js';
import { bodyHtml, textToHtml } from '../../../domain/plain-text.js';
import type { FileStore } from '../../../files.js';
import { recordAudit } from '../../orgs/audit.js';
import { organizations, type Organization } from '../../orgs/schema.js';
import { addAttachment } from '../attachments.js';
import { advanceSerials, keptSerial } from '../bulk-publish.js';
import { createDraft } from '../drafts.js';
import { recordEvent } from '../records.js';
import { documents } from '../schema.js';
import { transition } from '../workflow.js';
import { decodeText } from './manifest.js';
import type { ImportRow } from './row.js';

/** Recorded when a historical normative document comes without its interpretation (三同步). */
export const HISTORICAL_EXEMPTION = '历史文件导入';

const REVIEW: DocumentTransition[] = ['submit', 'approve', 'secrecy_approve'];

export type RowOutcome = { outcome: 'imported' | 'exists'; id: number; orgId: number; key: string };

/** Organizations by code or full name, looked up once per import. */
export class OrgResolver {
  private readonly cache = new Map<string, Organization | null>();
  constructor(private readonly db: Db) {}

  async find(ref: string): Promise<Organization | null> {
    if (!this.cache.has(ref)) {
      const [byCode] = await this.db.select().from(organizations).where(eq(organizations.code, ref));
      const [byName] = byCode ? [byCode] : await this.db.select().from(organizations).where(eq(organizations.name, ref));
      this.cache.set(ref, byName ?? null);
    }
    return this.cache.get(ref)!;
  }
}

/** The source key of a row without one: stable for the same organization, doc number and title. */
export function derivedKey(orgCode: string, docNumber: string, title: string): string {
  return `h:${createHash('sha256').update(`${orgCode}\n${docNumber}\n${title}`).digest('hex').slice(0, 32)}`;
}

/** A file named in the manifest, inside its folder only. */
function readFolderFile(folder: string, name: string, what: string): Buffer {
  const root = realpathSync(folder);
  const full = path.resolve(root, name);
  if (!full.startsWith(root + path.sep)) throw invalid(`${what}“${name}”不在清单所在的文件夹内`);
  if (!existsSync(full)) throw invalid(`找不到${what}“${name}”`);
  return readFileSync(full);
}

/** A published document of the organization (or, without one, of any) with this doc number. */
export async function findByDocNumber(db: Db, docNumber: string, orgId: number | null): Promise<{ id: number; orgId: number } | undefined> {
  const rows = await db
    .select({ id: documents.id, orgId: documents.orgId })
    .from(documents)
    .where(and(eq(documents.docNumber, docNumber), isNotNull(documents.publishedVersion), isNull(documents.interpretationOf), orgId === null ? undefined : eq(documents.orgId, orgId)))
    .orderBy(desc(documents.firstPublishedAt))
    .limit(1);
  return rows[0];
}

/**
 * findByDocNumber for many doc numbers at once (one query): a lookup by doc number and organization
 * (or, with null, any) giving the latest published document, as findByDocNumber picks it.
 */
export async function publishedByDocNumber(db: Db, docNumbers: string[]): Promise<(docNumber: string, orgId: number | null) => number | undefined> {
  const wanted = [...new Set(docNumbers)];
  const rows = wanted.length
    ? await queryRows<{ id: number; org_id: number; doc_number: string; at: number }>(
        db,
        sql`select id, org_id, doc_number, extract(epoch from first_published_at)::float8 as at from documents
            where published_version is not null and interpretation_of is null and doc_number in (select json_array_elements_text(${JSON.stringify(wanted)}::json))`,
      )
    : [];
  const byNumber = new Map<string, typeof rows>();
  for (const r of rows) byNumber.set(r.doc_number, [...(byNumber.get(r.doc_number) ?? []), r]);
  return (docNumber, orgId) => {
    let best: (typeof rows)[number] | undefined;
    for (const r of byNumber.get(docNumber) ?? []) if ((orgId === null || r.org_id === orgId) && (!best || r.at > best.at)) best = r;
    return best?.id;
  };
}

export interface ImportRowOptions {
  folder: string;
  files: FileStore;
  maxAttachmentBytes: number;
  orgs: OrgResolver;
}

export const unknownOrg = (row: ImportRow) => invalid(`找不到发布机构：“${row.org}”（填机构代码或全称）`);
export const keyOf = (row: ImportRow, org: Organization) => row.key ?? derivedKey(org.code, row.fields.docNumber ?? '', row.fields.title);
export const missingPolicy = (row: ImportRow, org: Organization) => invalid(`找不到解读对象：${org.name}没有文号为“${row.interpretationOf}”的已发布政策文件`);
export const indexNoTaken = (row: ImportRow, org: Organization) => invalid(`索引号“${row.indexNo}”已被${org.name}的其他文件使用`);

/** The row's body as HTML: its 正文 column, or the .txt or .html file it names. */
export function rowBody(row: ImportRow, folder: string): string {
  if (!row.bodyFile) return row.fields.body ?? '';
  const content = decodeText(readFolderFile(folder, row.bodyFile, '正文文件'));
  return /\.txt$/i.test(row.bodyFile) ? textToHtml(content) : bodyHtml(content);
}

/** The audit entry of an imported document (per row and in bulk alike). */
export function importSummary(title: string, key: string, row: ImportRow): string {
  return `导入《${title}》（来源编号 ${key}${row.indexNo ? `，沿用索引号 ${row.indexNo}` : ''}，原发布日期 ${row.publishedOn}）`;
}

export async function importRow(db: Db, row: ImportRow, opts: ImportRowOptions): Promise<RowOutcome> {
  const org = await opts.orgs.find(row.org);
  if (!org) throw unknownOrg(row);
  const key = keyOf(row, org);
  const [existing] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, org.id), eq(documents.sourceKey, key)));
  if (existing) return { outcome: 'exists', id: existing.id, orgId: org.id, key };

  const body = rowBody(row, opts.folder);
  const uploads = row.attachments.map((fileName) => ({ fileName, bytes: readFolderFile(opts.folder, fileName, '附件') }));
  let interpretationOf: number | null = null;
  if (row.interpretationOf) {
    const policy = await findByDocNumber(db, row.interpretationOf, org.id);
    if (!policy) throw missingPolicy(row, org);
    interpretationOf = policy.id;
  }
  if (row.indexNo) {
    const [taken] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.orgId, org.id), eq(documents.indexNo, row.indexNo)));
    if (taken) throw indexNoTaken(row, org);
  }
  const at = new Date(`${row.publishedOn}T10:00:00+08:00`);

  return db.transaction(async (tx) => {
    const doc = await createDraft(tx, systemContext, org.id, { ...row.fields, body, interpretationOf });
    // The use cases take no source key or historical index number: set here, in the row's
    // transaction, the way the use cases set fields; publication keeps an index number it finds.
    await tx.update(documents).set({ sourceKey: key, indexNo: row.indexNo }).where(eq(documents.id, doc.id));
    // A kept number that follows the organization's pattern moves its counter past it.
    const kept = row.indexNo ? keptSerial(org, row.indexNo, [row.publishedOn, ...(row.fields.writtenOn ? [row.fields.writtenOn] : [])]) : null;
    if (kept) await advanceSerials(tx, [kept]);
    for (const upload of uploads) await addAttachment(tx, opts.files, systemContext, doc.id, upload, opts.maxAttachmentBytes);
    for (const step of REVIEW) await transition(tx, systemContext, doc.id, step, {}, at);
    await transition(tx, systemContext, doc.id, 'publish', { interpretationExemption: HISTORICAL_EXEMPTION }, at);
    await recordEvent(tx, systemContext, doc.id, 'import', `来源编号 ${key}`);
    await recordAudit(tx, systemContext, {
      action: 'document.import',
      orgId: org.id,
      targetType: 'document',
      targetId: doc.id,
      summary: importSummary(doc.title, key, row),
    });
    return { outcome: 'imported' as const, id: doc.id, orgId: org.id, key };
  });
}
