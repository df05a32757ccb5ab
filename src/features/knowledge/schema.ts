// 政务知识库 (the knowledge base behind 一网可答): question–answer entries kept by staff per
// organization, each resting on published policies, which every answer cites.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { documents } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';

export const KNOWLEDGE_STATUSES = ['draft', 'published', 'archived'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export const knowledgeEntries = pgTable(
  'knowledge_entries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    /** The question as citizens ask it (怎么申请政府信息公开). */
    question: text('question').notNull(),
    /** Other ways people ask the same thing, one per line: they are searched too. */
    variants: text('variants').notNull().default(''),
    /** Sanitized HTML. */
    answer: text('answer').notNull(),
    topic: text('topic').notNull().default(''),
    status: text('status').$type<KnowledgeStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('knowledge_entries_org_idx').on(t.orgId, t.status), check('knowledge_entries_status_check', sql`${t.status} in ('draft','published','archived')`)],
);

/** The published policies an answer rests on (cited under every answer). */
export const knowledgeSources = pgTable(
  'knowledge_sources',
  {
    knowledgeId: integer('knowledge_id')
      .notNull()
      .references(() => knowledgeEntries.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** Which part of the policy answers it (第三条, 附件2 …), optional. */
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.knowledgeId, t.documentId] }), index('knowledge_sources_document_idx').on(t.documentId)],
);

export type KnowledgeEntry = typeof knowledgeEntries.$inferSelect;
