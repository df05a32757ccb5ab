// The search index (issue #4): one row per searchable item — the current public version of a
// document (policy file, interpretation, other information, with the text of its attachments) or
// a knowledge-base answer — with a weighted tsvector built from normalized, segmented text
// (src/domain/search-text.ts) and the facets the search page filters and counts by. Rows are
// written in the same transaction as the publication, withdrawal or validity change they mirror.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, real, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Validity } from '../../domain/validity.js';

/** policy: 政策文件; interpretation: 政策解读; information: 其他政府信息; answer: 政务知识库问答. */
export const SEARCH_KINDS = ['policy', 'interpretation', 'information', 'answer'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = { policy: '政策文件', interpretation: '政策解读', information: '其他政府信息', answer: '政务问答' };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchEntries = pgTable(
  'search_entries',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<SearchKind>().notNull(),
    /** Set for documents (policy, interpretation, information). */
    documentId: integer('document_id'),
    /** Set for knowledge-base answers. */
    knowledgeId: integer('knowledge_id'),
    orgId: integer('org_id').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull().default(''),
    docType: text('doc_type'),
    topic: text('topic').notNull().default(''),
    /** 成文年份, for the year facet. */
    year: smallint('year'),
    validity: text('validity').$type<Validity>(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** A prior that needs no query: in-force policy files above repealed ones, answers above notices. */
    staticScore: real('static_score').notNull().default(0),
    /** Weighted lexemes: A title, B doc number and issuer, C summary and keywords, D body and attachments. */
    tsv: tsvector('tsv').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('search_entries_document_key').on(t.documentId),
    uniqueIndex('search_entries_knowledge_key').on(t.knowledgeId),
    index('search_entries_tsv_idx').using('gin', t.tsv),
    index('search_entries_published_idx').on(t.publishedAt.desc().nullsFirst()),
    check('search_entries_kind_check', sql`${t.kind} in ('policy','interpretation','information','answer')`),
    check('search_entries_target_check', sql`(${t.documentId} is null) <> (${t.knowledgeId} is null)`),
  ],
);
