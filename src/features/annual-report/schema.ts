// Annual reports (政府信息公开工作年度报告, issue #6; RULES.md §6): one per organization and year, a
// draft computed from the data and completed by staff (figures from other systems, sections 一, 五
// and 六), checked, then published; or a past year's published report entered by hand or from a
// file, so that last year's carried-out cases are known in the first year of use.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AnnualReportFigures, AnnualReportValidation } from '../../domain/annual-report-check.js';
import type { TextSectionKey } from '../../domain/annual-report-format.js';
import { organizations, users } from '../orgs/schema.js';

export const REPORT_STATUSES = ['draft', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** system: drafted from Gongkai's data; entered: a report published elsewhere, typed in or imported. */
export const REPORT_SOURCES = ['system', 'entered'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export const annualReports = pgTable(
  'annual_reports',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    year: smallint('year').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    source: text('source').$type<ReportSource>().notNull().default('system'),
    /** Tables 二, 三 and 四 as they stand (computed, then completed and corrected by staff). */
    tables: jsonb('tables').$type<AnnualReportFigures['tables']>().notNull(),
    /** Sections 一, 五 and 六 as written. */
    sections: jsonb('sections').$type<Partial<Record<TextSectionKey, string>>>().notNull().default({}),
    /** The checks as last run (errors block publishing; warnings were confirmed when it was published). */
    validation: jsonb('validation').$type<AnnualReportValidation>().notNull().default({ errors: [], warnings: [] }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reports_org_year_key').on(t.orgId, t.year),
    index('annual_reports_year_idx').on(t.year, t.status),
    check('annual_reports_status_check', sql`${t.status} in ('draft','published')`),
    check('annual_reports_source_check', sql`${t.source} in ('system','entered')`),
    check('annual_reports_published_check', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
  ],
);

export type AnnualReport = typeof annualReports.$inferSelect;
