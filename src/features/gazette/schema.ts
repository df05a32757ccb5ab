// 政府公报 (the gazette): numbered issues per government and year, each with a table of contents of
// published documents grouped in sections.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { documents } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';

export const GAZETTE_STATUSES = ['draft', 'published'] as const;
export type GazetteStatus = (typeof GAZETTE_STATUSES)[number];

export const gazetteIssues = pgTable(
  'gazette_issues',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    /** 期号 within the year (第3期). */
    issueNo: integer('issue_no').notNull(),
    /** 总期号 since the gazette began (总第156期), optional. */
    totalNo: integer('total_no'),
    title: text('title').notNull().default(''),
    publishedOn: date('published_on'),
    status: text('status').$type<GazetteStatus>().notNull().default('draft'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('gazette_issues_org_year_no_key').on(t.orgId, t.year, t.issueNo),
    check('gazette_issues_status_check', sql`${t.status} in ('draft','published')`),
  ],
);

/** One line of an issue's table of contents: a published document under a section heading. */
export const gazetteEntries = pgTable(
  'gazette_entries',
  {
    id: serial('id').primaryKey(),
    issueId: integer('issue_id')
      .notNull()
      .references(() => gazetteIssues.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** e.g. 县政府文件, 县政府办公室文件, 部门文件, 人事任免. */
    section: text('section').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('gazette_entries_issue_document_key').on(t.issueId, t.documentId), index('gazette_entries_document_idx').on(t.documentId)],
);

export type GazetteIssue = typeof gazetteIssues.$inferSelect;
