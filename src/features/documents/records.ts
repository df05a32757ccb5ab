// Loading a document with its organization's path (for scope checks), and writing its timeline.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid, notFound } from '../../errors.js';
import { organizations } from '../orgs/schema.js';
import { documentEvents, documents, type Document } from './schema.js';

export type LoadedDocument = Document & { orgPath: string; orgName: string; orgCode: string; indexPattern: string | null };

export async function loadDocument(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedDocument | undefined> {
  const query = db
    .select({ doc: documents, orgPath: organizations.path, orgName: organizations.name, orgCode: organizations.code, indexPattern: organizations.indexPattern })
    .from(documents)
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .where(eq(documents.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: documents }) : await query;
  return row && { ...row.doc, orgPath: row.orgPath, orgName: row.orgName, orgCode: row.orgCode, indexPattern: row.indexPattern };
}

export async function requireDocument(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedDocument> {
  const doc = await loadDocument(db, id, opts);
  if (!doc) throw notFound('找不到该文件');
  return doc;
}

/**
 * A document the public can read, for another area to cite or carry (a gazette issue, an answer's
 * source, a decision's stage): it has a public version — also while a revision of it is being drafted,
 * when its working copy's status is 'draft'. `use` ends the refusal: 只能{use}.
 */
export async function requirePublishedDocument(db: Db, id: number, use: string): Promise<LoadedDocument> {
  const doc = await requireDocument(db, id);
  if (doc.publishedVersion === null) throw invalid(`《${doc.title}》尚未发布或已撤回，只能${use}`);
  return doc;
}

export const scopeTarget = (doc: LoadedDocument) => ({ orgId: doc.orgId, orgPath: doc.orgPath });

export async function recordEvent(db: Db, ctx: ActionContext, documentId: number, action: string, note: string, findings: unknown[] = []) {
  await db.insert(documentEvents).values({
    documentId,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor ? ctx.actor.name : '系统',
    action,
    note,
    findings,
  });
}
