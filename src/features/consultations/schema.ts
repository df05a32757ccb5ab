// Public consultations (征求意见, issue #7; RULES.md §4): a draft policy put to the public for a
// period, the comments people send, each comment's disposition after the period, and the adoption
// report (意见采纳情况) published within a month of closing. Usable for any draft, a catalogue
// decision's or not; the final document in the policy library links back to its consultation.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { CommentDisposition, ModerationState } from '../../domain/consultation.js';
import { documents } from '../documents/schema.js';
import { organizations, users } from '../orgs/schema.js';

export const consultations = pgTable(
  'consultations',
  {
    id: serial('id').primaryKey(),
    /** The organization that drafted the policy and answers the comments. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    /** The draft as plain text; its clauses (第一条 … or numbered paragraphs) are what comments point at. */
    draft: text('draft').notNull(),
    /** 起草说明: why the policy, what it changes. */
    explanation: text('explanation').notNull().default(''),
    /** Other ways to comment: post, email, a hearing (the portal's form is always one). */
    channels: text('channels').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** Why the period is shorter than 30 days (第十五条): shown publicly; '' when it is not shorter. */
    shortPeriodReason: text('short_period_reason').notNull().default(''),
    /** Published on the portal (from startsOn the public may comment); null while a draft. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The adoption report's own text (the summary above the comments' dispositions). */
    reportSummary: text('report_summary').notNull().default(''),
    reportPublishedAt: timestamp('report_published_at', { withTimezone: true }),
    /** The final policy in the library, once issued. */
    documentId: integer('document_id').references(() => documents.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultations_org_idx').on(t.orgId, t.endsOn),
    // The portal's list and the supervisor's overdue list: published ones by closing date.
    index('consultations_published_idx').on(t.endsOn).where(sql`${t.publishedAt} is not null`),
    check('consultations_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('consultations_report_check', sql`${t.reportPublishedAt} is null or ${t.publishedAt} is not null`),
  ],
);

/**
 * A comment from the public. Who sent it (name and contact, both optional) is sealed with the data key
 * and never shown on the portal; `sourceIndex` is a keyed hash of the sender's address, so a flood
 * from one address is counted without the address being stored.
 */
export const consultationComments = pgTable(
  'consultation_comments',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    /** The clause commented on (1-based, as numbered on the page); null for the draft as a whole. */
    clause: smallint('clause'),
    body: text('body').notNull(),
    senderSealed: text('sender_sealed'),
    sourceIndex: text('source_index').notNull(),
    moderation: text('moderation').$type<ModerationState>().notNull().default('pending'),
    /** Why a comment is not published (abuse, advertising, off topic): kept for the record. */
    moderationNote: text('moderation_note').notNull().default(''),
    /** The group staff put it in when summarising (归类), e.g. 关于补贴标准. */
    topic: text('topic').notNull().default(''),
    disposition: text('disposition').$type<CommentDisposition>(),
    /** Why not (or only partly) adopted; how it was taken up when adopted. */
    reason: text('reason').notNull().default(''),
    handledBy: integer('handled_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultation_comments_consultation_idx').on(t.consultationId, t.id),
    index('consultation_comments_source_idx').on(t.sourceIndex, t.createdAt),
    check('consultation_comments_moderation_check', sql`${t.moderation} in ('pending','published','rejected')`),
    check('consultation_comments_disposition_check', sql`${t.disposition} is null or ${t.disposition} in ('adopted','partly_adopted','not_adopted')`),
  ],
);

export type Consultation = typeof consultations.$inferSelect;
export type ConsultationComment = typeof consultationComments.$inferSelect;

/** A hearing (听证会) held on the draft: when, where, how the participants were chosen, and who took part. */
export const consultationHearings = pgTable(
  'consultation_hearings',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    /** How the participants were chosen (报名、随机抽取、邀请 …). */
    selection: text('selection').notNull(),
    /** The participants as published (names only where they agreed). */
    participants: text('participants').notNull().default(''),
    /** What the hearing heard, once held. */
    record: text('record').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_hearings_consultation_idx').on(t.consultationId, t.heldOn)],
);

export type ConsultationHearing = typeof consultationHearings.$inferSelect;
