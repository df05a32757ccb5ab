// Reading columns as the public sees them: an organization's tree, one column with the current
// published documents in it and below it, the columns a document is in, the sitemap's list.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { chinaDate } from '../../domain/dates.js';
import { documentVersions } from '../documents/schema.js';
import { findOrgByCode } from '../orgs/organizations.js';
import { organizations } from '../orgs/schema.js';
import { columns, documentColumns } from './schema.js';
import { buildTree, columnRows, presentColumn, type ColumnView } from './service.js';

export const COLUMN_PAGE_SIZE = 20;

export const columnHref = (orgCode: string, code?: string) => `/zfxxgk/lm/${encodeURIComponent(orgCode)}${code ? `/${encodeURIComponent(code)}` : ''}`;

/** What the public sees of a column: no internal update status, only the rule and the last update. */
function publicView(c: ColumnView) {
  return {
    id: c.id,
    parentId: c.parentId,
    code: c.code,
    name: c.name,
    kind: c.kind,
    kindLabel: c.kindLabel,
    description: c.description,
    ruleText: c.ruleText,
    catalogItemCode: c.catalogItemCode,
    lastPublishedAt: c.lastPublishedAt,
    href: columnHref(c.orgCode, c.code),
  };
}
export type PublicColumn = ReturnType<typeof publicView>;

async function requirePublicOrg(db: Db, orgCode: string) {
  const org = await findOrgByCode(db, orgCode);
  if (!org) throw notFound('找不到该机构');
  return org;
}

export async function publicColumnTree(db: Db, orgCode: string) {
  const org = await requirePublicOrg(db, orgCode);
  const today = chinaDate(new Date());
  const rows = await columnRows(db, eq(columns.orgId, org.id));
  return { org: { code: org.code, name: org.name }, items: buildTree(rows.map((r) => publicView(presentColumn(r, today)))) };
}

/** The current published versions of documents in the column or any column below it, newest first. */
export async function columnDocuments(db: Db, columnPath: string, limit: number, offset: number) {
  const v = documentVersions;
  const inColumn = sql`${v.documentId} in (select dc.document_id from ${documentColumns} dc join ${columns} c on c.id = dc.column_id where c.path like ${`${columnPath}%`})`;
  const where = and(eq(v.isCurrent, true), inColumn);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: v.documentId,
        title: v.title,
        docNumber: v.docNumber,
        indexNo: v.indexNo,
        summary: v.summary,
        publishedAt: v.publishedAt,
        specialFields: v.specialFields,
        orgName: organizations.name,
      })
      .from(v)
      .innerJoin(organizations, eq(organizations.id, v.orgId))
      .where(where)
      .orderBy(desc(v.publishedAt), desc(v.documentId))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(v).where(where),
  ]);
  return { items, total };
}

/** One column with its place in the tree (ancestors, children) and a page of its documents. */
export async function publicColumn(db: Db, orgCode: string, code: string, page = 1, pageSize = COLUMN_PAGE_SIZE) {
  const org = await requirePublicOrg(db, orgCode);
  const [row] = await db.select().from(columns).where(and(eq(columns.orgId, org.id), eq(columns.code, code)));
  if (!row) throw notFound('找不到该栏目');
  const today = chinaDate(new Date());
  const ancestorIds = row.path.split('/').filter(Boolean).map(Number).slice(0, -1);
  const [[self], ancestors, children, docs] = await Promise.all([
    columnRows(db, eq(columns.id, row.id)),
    ancestorIds.length ? db.select({ id: columns.id, code: columns.code, name: columns.name, path: columns.path }).from(columns).where(inArray(columns.id, ancestorIds)) : Promise.resolve([]),
    columnRows(db, eq(columns.parentId, row.id)),
    columnDocuments(db, row.path, pageSize, (Math.max(page, 1) - 1) * pageSize),
  ]);
  return {
    org: { code: org.code, name: org.name },
    column: publicView(presentColumn(self!, today)),
    ancestors: ancestors.sort((a, b) => a.path.length - b.path.length).map((a) => ({ name: a.name, href: columnHref(org.code, a.code) })),
    children: children.map((c) => publicView(presentColumn(c, today))),
    ...docs,
    page: Math.max(page, 1),
    pageSize,
  };
}

/** The columns a published document appears in, for links on its page. */
export async function columnsOfDocument(db: Db, documentId: number) {
  const rows = await db
    .select({ code: columns.code, name: columns.name, orgCode: organizations.code })
    .from(documentColumns)
    .innerJoin(columns, eq(columns.id, documentColumns.columnId))
    .innerJoin(organizations, eq(organizations.id, columns.orgId))
    .where(eq(documentColumns.documentId, documentId))
    .orderBy(asc(columns.sortOrder), asc(columns.id));
  return rows.map((r) => ({ name: r.name, href: columnHref(r.orgCode, r.code) }));
}

/** Every column page and every organization's column tree that has columns, for sitemap.xml. */
export async function columnSitemapPaths(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ code: columns.code, orgCode: organizations.code })
    .from(columns)
    .innerJoin(organizations, eq(organizations.id, columns.orgId))
    .orderBy(asc(organizations.sortOrder), asc(columns.path))
    .limit(limit);
  const orgs = [...new Set(rows.map((r) => r.orgCode))];
  return [...orgs.map((o) => columnHref(o)), ...rows.map((r) => columnHref(r.orgCode, r.code))];
}
