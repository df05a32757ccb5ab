// Government information (政府信息): documents, their published versions, their workflow events,
// the dated relations between them (amends, repeals, replaces), and index-number counters.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { DocumentStatus } from '../../domain/document-workflow.js';
import type { Validity } from '../../domain/validity.js';
import type { AttachmentKind } from '../../domain/file-type.js';
import { organizations, users } from '../orgs/schema.js';

export const DOC_TYPES = ['normative', 'regulation', 'policy', 'general'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const DISCLOSURES = ['proactive', 'on_request', 'withheld'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const INTERPRETATION_FORMS = ['text', 'graphic', 'qa', 'video', 'interview'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

/** The metadata and content of a document as an editor writes it (the working copy). */
const content = {
  title: text('title').notNull(),
  docNumber: text('doc_number').notNull().default(''),
  /** 成文日期 */
  writtenOn: date('written_on'),
  /** 施行日期 */
  effectiveOn: date('effective_on'),
  /** 有效期至 (optional): the document expires after this day. */
  expiresOn: date('expires_on'),
  /** The day the information was formed or changed: the 20-working-day publication clock starts here (条例第二十六条). */
  formedOn: date('formed_on'),
  genre: text('genre').notNull().default(''),
  docType: text('doc_type').$type<DocType>().notNull(),
  /** gov.cn 主题分类 code (src/domain/topics.ts). */
  topic: text('topic').notNull().default(''),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  /**
   * 联合发文: the names of the other issuing organizations, in the order the document names them.
   * The owning organization (org_id) is the lead issuer and decides who may act on the document.
   */
  coIssuers: text('co_issuers').array().notNull().default(sql`'{}'::text[]`),
  summary: text('summary').notNull().default(''),
  /** Sanitized HTML. */
  body: text('body').notNull().default(''),
  disclosure: text('disclosure').$type<Disclosure>().notNull().default('proactive'),
  /** The legal ground when not proactive (条例第十四—十六条). */
  disclosureReason: text('disclosure_reason').notNull().default(''),
  /** Set for an interpretation (政策解读): the policy it explains, and its form. */
  interpretationOf: integer('interpretation_of').references((): AnyPgColumn => documents.id),
  interpretationForm: text('interpretation_form').$type<InterpretationForm>(),
  /** Fields a special column asks for (规划: kind and period; 财政预决算: year and kind; 重大建设项目: stage …). */
  specialFields: jsonb('special_fields').$type<Record<string, string>>().notNull().default({}),
};

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    /** The issuing organization: it owns the document for authorization. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    ...content,
    status: text('status').$type<DocumentStatus>().notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** 索引号, assigned at first publication, unique per organization. */
    indexNo: text('index_no'),
    /** The version the public sees; null while never published or when withdrawn. */
    publishedVersion: integer('published_version'),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    /** The key of an imported document in its source system: re-running an import does not duplicate it. */
    sourceKey: text('source_key'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_org_status_idx').on(t.orgId, t.status),
    uniqueIndex('documents_org_index_no_key').on(t.orgId, t.indexNo),
    uniqueIndex('documents_org_source_key').on(t.orgId, t.sourceKey),
    index('documents_interpretation_of_idx').on(t.interpretationOf),
    index('documents_scheduled_idx').on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
    check('documents_doc_type_check', sql`${t.docType} in ('normative','regulation','policy','general')`),
    check('documents_disclosure_check', sql`${t.disclosure} in ('proactive','on_request','withheld')`),
  ],
);

/** Files attached to a document's working copy; the bytes live in the FileStore under their SHA-256. */
export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    fileName: text('file_name').notNull(),
    kind: text('kind').$type<AttachmentKind>().notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** The file's text (PDF, Word), extracted at upload for the search index; '' when it has none. */
    textContent: text('text_content').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_document_idx').on(t.documentId)],
);

/** What a published version lists: a snapshot, so later edits of the working copy do not change it. */
export interface PublishedAttachment {
  id: number;
  fileName: string;
  kind: AttachmentKind;
  size: number;
  sha256: string;
}

/** Immutable snapshots of each publication; the public pages read the current one. */
export const documentVersions = pgTable(
  'document_versions',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    orgId: integer('org_id').notNull(),
    indexNo: text('index_no').notNull(),
    ...content,
    changeNote: text('change_note').notNull().default(''),
    attachments: jsonb('attachments').$type<PublishedAttachment[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: integer('published_by'),
    /** Published more than 20 working days after formedOn (条例第二十六条). */
    late: boolean('late').notNull().default(false),
    /** Only the current public version of each document has this set; list queries filter on it. */
    isCurrent: boolean('is_current').notNull().default(false),
    /**
     * 有效性 as of today, kept by src/features/documents/validity-refresh.ts from the rule in
     * src/domain/validity.ts (never typed in), so the library can filter and index on it.
     */
    validity: text('validity').$type<Validity>().notNull().default('in_force'),
    /** The next day on which validity may change by itself (an expiry, a repeal taking effect). */
    validityNextChange: date('validity_next_change'),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.version] }),
    index('document_versions_current_idx').on(t.publishedAt.desc().nullsFirst()).where(sql`${t.isCurrent}`),
    index('document_versions_org_current_idx').on(t.orgId, t.publishedAt.desc().nullsFirst()).where(sql`${t.isCurrent}`),
    index('document_versions_validity_next_idx').on(t.validityNextChange).where(sql`${t.isCurrent}`),
    index('document_versions_interpretation_of_idx').on(t.interpretationOf).where(sql`${t.isCurrent}`),
    // The policy library's own rows (policy files, not interpretations), newest first.
    index('document_versions_library_idx')
      .on(t.publishedAt.desc().nullsFirst())
      .where(sql`${t.isCurrent} and ${t.interpretationOf} is null and ${t.docType} in ('normative','regulation','policy')`),
    // The library's most used filters (type, validity) with the same order.
    index('document_versions_library_filter_idx')
      .on(t.docType, t.validity, t.publishedAt.desc().nullsFirst())
      .where(sql`${t.isCurrent} and ${t.interpretationOf} is null and ${t.docType} in ('normative','regulation','policy')`),
  ],
);

/** The workflow timeline of a document: who moved it, when, why. */
export const documentEvents = pgTable(
  'document_events',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    note: text('note').notNull().default(''),
    /** The pre-publication findings at that moment (codes and messages), for the record. */
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
  },
  (t) => [index('document_events_document_idx').on(t.documentId, t.at)],
);

/** expires: 宣布失效, as a clean-up campaign's result notice does. */
export const RELATION_KINDS = ['amends', 'repeals', 'replaces', 'expires'] as const;

/** A later document acting on an earlier one, from a date: the source of 有效性. */
export const documentRelations = pgTable(
  'document_relations',
  {
    id: serial('id').primaryKey(),
    /** The later document (the one that amends, repeals or replaces). */
    fromDocumentId: integer('from_document_id')
      .notNull()
      .references(() => documents.id),
    toDocumentId: integer('to_document_id')
      .notNull()
      .references(() => documents.id),
    kind: text('kind').$type<(typeof RELATION_KINDS)[number]>().notNull(),
    effectiveOn: date('effective_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('document_relations_to_idx').on(t.toDocumentId),
    uniqueIndex('document_relations_pair_key').on(t.fromDocumentId, t.toDocumentId, t.kind),
  ],
);

/** Per-scope serial counters for index numbers (a scope is e.g. 'jyj/2024-'). */
export const indexSerials = pgTable('index_serials', {
  scope: text('scope').primaryKey(),
  last: integer('last').notNull(),
});

/** Results of checking the links in document bodies (a URL is checked once for all documents citing it). */
export const linkChecks = pgTable('link_checks', {
  url: text('url').primaryKey(),
  ok: boolean('ok').notNull(),
  /** The HTTP status, when the server answered. */
  status: integer('status'),
  error: text('error').notNull().default(''),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Document = typeof documents.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
