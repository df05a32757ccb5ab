// Major administrative decisions (重大行政决策, issue #7; RULES.md §4; 重大行政决策程序暂行条例):
// each government's yearly decision catalogue (决策事项目录, public, 第三条), its items with their
// undertaking organization, basis and planned time, every change to an item with its reason, and each
// decision's path as dated stage records — public participation, expert review, risk assessment,
// legality review (at least 7 working days, 第二十六条), collective discussion, decision,
// publication, and the evaluation after implementation.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { consultations } from '../consultations/schema.js';
import { documents } from '../documents/schema.js';
import { organizations, users } from '../orgs/schema.js';

/** A government's catalogue for one year; published once, its items may still change (with a reason). */
export const decisionCatalogs = pgTable(
  'decision_catalogs',
  {
    id: serial('id').primaryKey(),
    /** The government (or its office) whose catalogue it is. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    year: smallint('year').notNull(),
    /** 目录说明: how the catalogue was drawn up, what it covers. */
    note: text('note').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decision_catalogs_org_year_idx').on(t.orgId, t.year)],
);

/** An item of the catalogue: one major decision. */
export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    catalogId: integer('catalog_id')
      .notNull()
      .references(() => decisionCatalogs.id),
    /** 序号 in the catalogue, as published. */
    seq: smallint('seq').notNull(),
    name: text('name').notNull(),
    /** 承办单位: the organization that drafts the decision and records its stages. */
    undertakingOrgId: integer('undertaking_org_id')
      .notNull()
      .references(() => organizations.id),
    /** 决策依据: the laws, plans or instructions the decision rests on. */
    basis: text('basis').notNull().default(''),
    /** 计划完成时间, as the catalogue states it (e.g. 2026年9月, 2026年第三季度). */
    plannedTime: text('planned_time').notNull().default(''),
    /** The public consultation on its draft, when one was held through Gongkai. */
    consultationId: integer('consultation_id').references(() => consultations.id),
    /** The decision as issued, in the policy library. */
    documentId: integer('document_id').references(() => documents.id),
    /** Taken out of the catalogue (调出目录): when, and why (the reason is public). */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removalReason: text('removal_reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_catalog_seq_idx').on(t.catalogId, t.seq),
    index('decisions_undertaking_idx').on(t.undertakingOrgId),
    check('decisions_removal_check', sql`${t.removedAt} is null or ${t.removalReason} <> ''`),
  ],
);

/** A change to an item after its catalogue was published: what changed, by whom, and why (public). */
export const decisionChanges = pgTable(
  'decision_changes',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    reason: text('reason').notNull(),
    /** Field name → [before, after]; a new item or a removal records its own kind. */
    changes: jsonb('changes').$type<Record<string, [string, string]>>().notNull(),
    actorId: integer('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decision_changes_decision_idx').on(t.decisionId, t.createdAt)],
);

/**
 * One stage of a decision's path, as a dated record: started and (once done) ended, what it found, and
 * the document that shows it when the law wants it public (published through the policy library).
 */
export const decisionStages = pgTable(
  'decision_stages',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    /** participation | expert_review | risk_assessment | legality_review | collective_discussion | decision | publication | evaluation */
    kind: text('kind').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** What the stage found or decided, as shown on the portal when public. */
    summary: text('summary').notNull().default(''),
    /** The public document of the stage (an expert opinion, the decision, the evaluation report). */
    documentId: integer('document_id').references(() => documents.id),
    /** Shown on the portal (a risk assessment's details or a legality review's opinion may stay internal). */
    isPublic: boolean('is_public').notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('decision_stages_decision_idx').on(t.decisionId, t.startedOn),
    check('decision_stages_period_check', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    check(
      'decision_stages_kind_check',
      sql`${t.kind} in ('participation','expert_review','risk_assessment','legality_review','collective_discussion','decision','publication','evaluation')`,
    ),
  ],
);

export type DecisionCatalog = typeof decisionCatalogs.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type DecisionChange = typeof decisionChanges.$inferSelect;
export type DecisionStage = typeof decisionStages.$inferSelect;
