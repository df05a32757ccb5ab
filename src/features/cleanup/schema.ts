// 规范性文件清理 (clean-up campaigns): a government reviews a scope of its policy files and decides
// each one — keep, amend, repeal, declare expired. Publishing the campaign publishes a result notice
// (a document of the government) whose dated relations (repeals, expires) change the files' validity,
// so validity stays derived from relations as everywhere else.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { documents } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';

export const CLEANUP_DECISIONS = ['keep', 'amend', 'repeal', 'expire'] as const;
export type CleanupDecision = (typeof CLEANUP_DECISIONS)[number];
export const CLEANUP_STATUSES = ['open', 'published'] as const;
export type CleanupStatus = (typeof CLEANUP_STATUSES)[number];

/** Which files a campaign reviews: organizations (and everything below them), types, written before a day. */
export interface CleanupScope {
  orgIds: number[];
  docTypes: ('normative' | 'regulation' | 'policy')[];
  writtenBefore: string | null;
}

export const cleanupCampaigns = pgTable(
  'cleanup_campaigns',
  {
    id: serial('id').primaryKey(),
    /** The organization running the campaign (usually a government or its legal office). */
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    scope: jsonb('scope').$type<CleanupScope>().notNull(),
    status: text('status').$type<CleanupStatus>().notNull().default('open'),
    /** The day repeals and declarations of expiry take effect. */
    effectiveOn: date('effective_on'),
    /** The published result notice (清理结果公告). */
    resultDocumentId: integer('result_document_id').references(() => documents.id),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('cleanup_campaigns_org_idx').on(t.orgId), check('cleanup_campaigns_status_check', sql`${t.status} in ('open','published')`)],
);

export const cleanupDecisions = pgTable(
  'cleanup_decisions',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => cleanupCampaigns.id),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    decision: text('decision').$type<CleanupDecision>().notNull(),
    note: text('note').notNull().default(''),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.documentId] }),
    check('cleanup_decisions_decision_check', sql`${t.decision} in ('keep','amend','repeal','expire')`),
  ],
);

export type CleanupCampaign = typeof cleanupCampaigns.$inferSelect;
