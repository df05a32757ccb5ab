// The published annual reports, as the portal's 年报 column shows them: only status 'published' is ever
// read here, so a draft cannot reach a public page.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations, type Organization } from '../orgs/schema.js';
import { annualReports, type AnnualReport } from './schema.js';

export interface PublishedReportEntry {
  orgCode: string;
  orgName: string;
  year: number;
  publishedAt: Date;
}

/** Every published report, newest year first; within a year the government before its organizations. */
export async function listPublishedReports(db: Db): Promise<PublishedReportEntry[]> {
  const rows = await db
    .select({ orgCode: organizations.code, orgName: organizations.name, year: annualReports.year, publishedAt: annualReports.publishedAt })
    .from(annualReports)
    .innerJoin(organizations, eq(organizations.id, annualReports.orgId))
    .where(eq(annualReports.status, 'published'))
    .orderBy(desc(annualReports.year), asc(organizations.path), asc(organizations.sortOrder), asc(organizations.name));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** One organization's published report of a year, or undefined (unknown, or not published). */
export async function findPublishedReport(db: Db, orgCode: string, year: number): Promise<{ report: AnnualReport; org: Organization } | undefined> {
  const [row] = await db
    .select({ report: annualReports, org: organizations })
    .from(annualReports)
    .innerJoin(organizations, eq(organizations.id, annualReports.orgId))
    .where(and(eq(organizations.code, orgCode), eq(annualReports.year, year), eq(annualReports.status, 'published')));
  return row;
}
