// The files a campaign reviews: the current public policy files (not interpretations) of the
// scope's organizations and everything below them, of the scope's types, written before its date,
// still 现行有效 or 已修改 — each with the campaign's decision so far.
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CleanupDecision } from '../../domain/cleanup.js';
import { documents, documentVersions } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';
import { cleanupDecisions, type CleanupCampaign } from './schema.js';

export interface CampaignFile {
  id: number;
  title: string;
  docNumber: string;
  docType: string;
  issuer: string;
  writtenOn: string | null;
  validity: string;
  decision: CleanupDecision | null;
  note: string;
}

const fileColumns = {
  id: documentVersions.documentId,
  title: documentVersions.title,
  docNumber: documentVersions.docNumber,
  docType: documentVersions.docType,
  issuer: organizations.name,
  writtenOn: documentVersions.writtenOn,
  validity: documentVersions.validity,
  decision: cleanupDecisions.decision,
  note: sql<string>`coalesce(${cleanupDecisions.note}, '')`,
};

/** The files in the campaign's scope now (optionally only one of them). */
export async function filesInScope(db: Db, campaign: CleanupCampaign, only?: number): Promise<CampaignFile[]> {
  const { scope } = campaign;
  const v = documentVersions;
  const scopeOrgs = await db.select({ path: organizations.path }).from(organizations).where(inArray(organizations.id, scope.orgIds.length ? scope.orgIds : [-1]));
  if (!scopeOrgs.length || !scope.docTypes.length) return [];
  const conds: SQL[] = [
    eq(v.isCurrent, true),
    sql`${v.interpretationOf} is null`,
    inArray(v.docType, scope.docTypes),
    inArray(v.validity, ['in_force', 'amended']),
    or(...scopeOrgs.map((o) => sql`${organizations.path} like ${`${o.path}%`}`))!,
  ];
  if (scope.writtenBefore) conds.push(sql`${v.writtenOn} < ${scope.writtenBefore}::date`);
  if (only !== undefined) conds.push(eq(v.documentId, only));
  const rows = await db
    .select(fileColumns)
    .from(v)
    .innerJoin(organizations, eq(organizations.id, v.orgId))
    .leftJoin(cleanupDecisions, and(eq(cleanupDecisions.campaignId, campaign.id), eq(cleanupDecisions.documentId, v.documentId)))
    .where(and(...conds))
    .orderBy(asc(organizations.sortOrder), asc(v.writtenOn), asc(v.documentId));
  return rows;
}

/** The files a published campaign decided on, as they are now (a repealed file shows 已废止). */
export async function decidedFiles(db: Db, campaignId: number): Promise<CampaignFile[]> {
  const rows = await db
    .select({
      ...fileColumns,
      id: cleanupDecisions.documentId,
      title: sql<string>`coalesce(${documentVersions.title}, ${documents.title})`,
      docNumber: sql<string>`coalesce(${documentVersions.docNumber}, ${documents.docNumber})`,
      docType: documents.docType,
      writtenOn: sql<string | null>`coalesce(${documentVersions.writtenOn}, ${documents.writtenOn})`,
      validity: sql<string>`coalesce(${documentVersions.validity}, 'withdrawn')`,
    })
    .from(cleanupDecisions)
    .innerJoin(documents, eq(documents.id, cleanupDecisions.documentId))
    .innerJoin(organizations, eq(organizations.id, documents.orgId))
    .leftJoin(documentVersions, and(eq(documentVersions.documentId, documents.id), eq(documentVersions.isCurrent, true)))
    .where(eq(cleanupDecisions.campaignId, campaignId))
    .orderBy(asc(organizations.sortOrder), asc(documents.writtenOn), asc(documents.id));
  return rows as CampaignFile[];
}

/** What the campaign's files are: the scope while it is open, the decided files once published. */
export const campaignFiles = (db: Db, campaign: CleanupCampaign) => (campaign.status === 'open' ? filesInScope(db, campaign) : decidedFiles(db, campaign.id));
