// The published documents as a feed for other systems (同源发布): new-media accounts and the gazette
// take what Gongkai published — newest first, or everything published after a moment they last saw.
import { and, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { documentHref } from '../../portal/links.js';
import { organizations } from '../orgs/schema.js';
import { documentVersions, type DocType } from './schema.js';

export interface PublishedListQuery {
  org?: string;
  docType?: DocType;
  /** Only versions published after this moment (a revision counts as published again). */
  since?: Date;
  /** Keyset paging: the `next` of the previous page. */
  before?: { publishedAt: Date; id: number };
  limit?: number;
}

export async function listPublished(db: Db, q: PublishedListQuery) {
  const v = documentVersions;
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const conds: SQL[] = [eq(v.isCurrent, true)];
  if (q.org) conds.push(eq(organizations.code, q.org));
  if (q.docType) conds.push(eq(v.docType, q.docType));
  if (q.since) conds.push(gt(v.publishedAt, q.since));
  // Keyset rather than offset, so a client walking back through years of history stays fast.
  if (q.before) conds.push(or(lt(v.publishedAt, q.before.publishedAt), and(eq(v.publishedAt, q.before.publishedAt), lt(v.documentId, q.before.id)))!);
  const rows = await db
    .select({
      id: v.documentId,
      version: v.version,
      title: v.title,
      docNumber: v.docNumber,
      indexNo: v.indexNo,
      docType: v.docType,
      topic: v.topic,
      summary: v.summary,
      writtenOn: v.writtenOn,
      effectiveOn: v.effectiveOn,
      publishedAt: v.publishedAt,
      validity: v.validity,
      interpretationOf: v.interpretationOf,
      orgCode: organizations.code,
      orgName: organizations.name,
    })
    .from(v)
    .innerJoin(organizations, eq(organizations.id, v.orgId))
    .where(and(...conds))
    .orderBy(desc(v.publishedAt), desc(v.documentId))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ orgCode, orgName, ...d }) => ({ ...d, issuer: { code: orgCode, name: orgName }, url: documentHref(d.id), api: `/api/v1/public/documents/${d.id}` }));
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? `${last.publishedAt.toISOString()}_${last.id}` : null };
}

/** The `before` cursor from its text form, or null when it is not one of ours. */
export function parseCursor(cursor: string): { publishedAt: Date; id: number } | null {
  const m = cursor.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d{1,9})$/);
  if (!m) return null;
  const publishedAt = new Date(m[1]);
  return Number.isNaN(publishedAt.getTime()) ? null : { publishedAt, id: Number(m[2]) };
}

