// Applications for government information (依申请公开, issue #5; RULES.md §1–2): the case, every
// fact on its timeline, the letters it produced, the applicant's files, and the letter templates.
//
// The due date is never typed in: it is computed from the timeline's facts by
// src/domain/application-clock.ts and cached on the case (due_on, clock) so the inbox can sort and
// filter by it; it is recomputed whenever a fact is recorded or the calendar changes.
//
// Personal data (the applicant's name, ID number, contacts, files) lives in `applicant` and
// application_files only: it never appears on public pages, in logs or in audit summaries.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ApplicantKind, DeliveryMethod, InformationForm, OutcomeKey } from '../../domain/application-outcomes.js';
import type { ApplicationChannel } from '../../domain/received-on.js';
import type { ApplicationClock } from '../../domain/application-clock.js';
import { organizations, users } from '../orgs/schema.js';

/**
 * registered: received, not yet taken up; in_progress: being handled (the clock may be paused or
 * waiting for a correction — see clock_state); replied: the reply letter went out; closed: delivered
 * and finished (or ended without a reply: correction or fee lapsed, transferred); archived.
 */
export const APPLICATION_STATUSES = ['registered', 'in_progress', 'replied', 'closed', 'archived'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The applicant as the official form asks (a person or an organization). Personal data. */
export interface ApplicantDetails {
  /** 姓名 (person) or 名称 (organization). */
  name: string;
  /** Person: 身份证, 护照, 港澳居民来往内地通行证 … */
  idType?: string;
  idNumber?: string;
  /** Organization: 统一社会信用代码, 法定代表人, 联系人. */
  creditCode?: string;
  legalRepresentative?: string;
  contactName?: string;
  phone?: string;
  email?: string;
  address?: string;
  postcode?: string;
}

export const applications = pgTable(
  'applications',
  {
    id: serial('id').primaryKey(),
    /** The organization that handles it (the one the application was made to, or transferred to). */
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    /** 申请编号, unique: 2026-zfb-0012 (year of registration, organization code, serial). */
    number: text('number').notNull(),
    year: smallint('year').notNull(),
    /** The applicant's 查询码, hashed (sha256 with the number): with the number it opens the tracking page. */
    queryCodeHash: text('query_code_hash').notNull(),
    channel: text('channel').$type<ApplicationChannel>().notNull(),
    /** The facts the received-on rule reads (submitted, signed for, confirmed …), by channel. */
    channelFacts: jsonb('channel_facts').$type<Record<string, string | null>>().notNull().default({}),
    applicantKind: text('applicant_kind').$type<ApplicantKind>().notNull(),
    /**
     * The applicant's identity and contacts (ApplicantDetails as JSON), sealed with the data key
     * (src/data-key.ts): read and written only through applicant-store.ts.
     */
    applicantSealed: text('applicant_sealed'),
    /** Keyed hash of the ID number or credit code: finds the same applicant's other applications. */
    applicantIndex: text('applicant_index'),
    /** Before encryption (migration 0010) the identity was stored here in the clear; emptied at start-up. */
    plainApplicant: jsonb('applicant').$type<ApplicantDetails>(),
    /** 所需政府信息的名称、文号或者便于查询的其他特征性描述. */
    description: text('description').notNull(),
    docTitle: text('doc_title').notNull().default(''),
    docNumber: text('doc_number').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    forms: text('forms').array().$type<InformationForm[]>().notNull().default(sql`'{}'::text[]`),
    delivery: text('delivery').array().$type<DeliveryMethod[]>().notNull().default(sql`'{}'::text[]`),
    /** 收到申请之日 (条例第三十一条), with how it was determined. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receivedExplanation: text('received_explanation').notNull().default(''),
    status: text('status').$type<ApplicationStatus>().notNull().default('registered'),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** Cached from the clock: the due date, the clock's state and its full explanation. */
    dueOn: date('due_on', { mode: 'string' }),
    clockState: text('clock_state').notNull().default('running'),
    clock: jsonb('clock').$type<ApplicationClock | null>(),
    outcome: text('outcome').$type<OutcomeKey>(),
    /** The specific legal basis relied on, for withheld and not-processed outcomes. */
    outcomeBasis: text('outcome_basis').notNull().default(''),
    repliedOn: date('replied_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Set on the case an application was transferred from (to the agency of the same government that holds it). */
    transferredToId: integer('transferred_to_id'),
    transferredFromId: integer('transferred_from_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_number_key').on(t.number),
    index('applications_inbox_idx').on(t.orgId, t.status, t.dueOn),
    index('applications_received_idx').on(t.orgId, t.receivedOn),
    index('applications_applicant_idx').on(t.applicantIndex, t.receivedOn),
    check('applications_status_check', sql`${t.status} in ('registered','in_progress','replied','closed','archived')`),
    check('applications_kind_check', sql`${t.applicantKind} in ('person','business','research','nonprofit','legal_services','other')`),
  ],
);

/**
 * One fact on a case's timeline. `on` is the legal date of the fact (the day a letter was sent or an
 * answer received), `at` when it was recorded. Internal events (notes, joint and legal review,
 * assignment) are never shown to the applicant.
 */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    internal: boolean('internal').notNull().default(false),
    note: text('note').notNull().default(''),
    /** The fact's details: days of an extension, the party consulted, the fee, the outcome … */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    letterId: integer('letter_id'),
  },
  (t) => [
    index('application_events_case_idx').on(t.applicationId, t.on, t.id),
    // Facts of one kind in a period (the annual report's fees paid in the year) without reading every event.
    index('application_events_kind_idx').on(t.kind, t.on),
  ],
);

export const LETTER_KINDS = ['acknowledgement', 'correction_notice', 'extension_notice', 'consultation_letter', 'fee_notice', 'reply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A letter as issued: its 文号 (numbered per organization, kind and year) and the text it was issued with. */
export const applicationLetters = pgTable(
  'application_letters',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<LetterKind>().notNull(),
    /** 文号: 示政办依复〔2026〕3号. */
    number: text('number').notNull(),
    year: smallint('year').notNull(),
    serial: integer('serial').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** The letter's paragraphs as issued (filled from the template): the .docx is rendered from them. */
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull(),
    /** For the applicant's tracking page: consultation letters go to third parties, not the applicant. */
    toApplicant: boolean('to_applicant').notNull().default(true),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_letters_case_idx').on(t.applicationId), uniqueIndex('application_letters_number_key').on(t.number)],
);

/** Letter templates staff can edit: the default (org_id null) or an organization's own, per kind (and outcome, for replies). */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').references(() => organizations.id),
    kind: text('kind').$type<LetterKind>().notNull(),
    /** For replies: the outcome key; '' for other kinds. */
    outcome: text('outcome').notNull().default(''),
    title: text('title').notNull(),
    /** Paragraphs with {{placeholders}}, one per line. */
    body: text('body').notNull(),
    /** The 文号 prefix: 示政办依复 → 示政办依复〔2026〕3号. */
    numberPrefix: text('number_prefix').notNull().default(''),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('letter_templates_key').on(sql`coalesce(${t.orgId}, 0)`, t.kind, t.outcome)],
);

/** Files the applicant gave (a copy of the ID, a power of attorney). Personal data: staff only. */
export const applicationFiles = pgTable(
  'application_files',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    fileName: text('file_name').notNull(),
    kind: text('kind').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_files_case_idx').on(t.applicationId)],
);

/** Serial counters for application numbers and letter 文号: scope 'application/zfb/2026', 'letter/zfb/reply/2026'. */
export const applicationSerials = pgTable('application_serials', {
  scope: text('scope').primaryKey(),
  last: integer('last').notNull(),
});

/** 行政复议 or 行政诉讼 (directly, or after a reconsideration) about an application's handling. */
export const APPEAL_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
/** 结果维持, 结果纠正, 其他结果, 尚未审结 — the annual report's table 四 columns. */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

/**
 * A reconsideration or a lawsuit about an application. The annual report counts those filed in the
 * year by their result at year end, so the result carries its date: pending until decided_on.
 */
export const applicationAppeals = pgTable(
  'application_appeals',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<AppealKind>().notNull(),
    /** 申请复议 / 起诉 date. */
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** 复议机关 or 人民法院. */
    authority: text('authority').notNull().default(''),
    /** 案号 */
    caseNumber: text('case_number').notNull().default(''),
    result: text('result').$type<AppealResult>().notNull().default('pending'),
    decidedOn: date('decided_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('application_appeals_case_idx').on(t.applicationId),
    index('application_appeals_filed_idx').on(t.filedOn),
    check('application_appeals_kind_check', sql`${t.kind} in ('reconsideration','litigation_direct','litigation_after_reconsideration')`),
    check('application_appeals_result_check', sql`${t.result} in ('upheld','corrected','other','pending')`),
    check('application_appeals_decided_check', sql`(${t.result} = 'pending') = (${t.decidedOn} is null)`),
  ],
);

/**
 * Mail to send, kept until it is sent so that a restart or an unreachable SMTP server loses nothing.
 * The recipient is not stored: it is read when sending, from the case's (encrypted) applicant or
 * the staff member, so no address lingers here. dedupe_key makes a reminder go once.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: serial('id').primaryKey(),
    /** receipt, letter, reminder … */
    kind: text('kind').notNull(),
    applicationId: integer('application_id').references(() => applications.id),
    letterId: integer('letter_id').references(() => applicationLetters.id),
    /** Set for mail to staff (reminders); null for mail to the applicant. */
    userId: integer('user_id').references(() => users.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key'),
    /** pending, sent, failed (gave up), skipped (no address). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull().default(''),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_key').on(t.dedupeKey),
    index('mail_outbox_pending_idx').on(t.sendAfter).where(sql`${t.status} = 'pending'`),
    check('mail_outbox_status_check', sql`${t.status} in ('pending','sent','failed','skipped')`),
  ],
);

export type ApplicationAppeal = typeof applicationAppeals.$inferSelect;
export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type ApplicationEvent = typeof applicationEvents.$inferSelect;
export type ApplicationLetter = typeof applicationLetters.$inferSelect;
export type LetterTemplate = typeof letterTemplates.$inferSelect;
