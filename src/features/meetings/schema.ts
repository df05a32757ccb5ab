// Citizens' representatives invited to government meetings (列席, issue #7 item 6): the meetings the
// government opened to representatives of the public, who attended (named publicly only where they
// agreed), what each said, and how each opinion was handled.
import { boolean, index, integer, pgTable, serial, text, timestamp, date } from 'drizzle-orm/pg-core';
import { organizations, users } from '../orgs/schema.js';

export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    /** The government or department holding the meeting. */
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    /** e.g. 县政府第12次常务会议. */
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** The agenda items the representatives were invited for. */
    topics: text('topics').notNull().default(''),
    /** How the representatives were chosen (自愿报名、随机抽取、邀请 …). */
    selection: text('selection').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_org_idx').on(t.orgId, t.heldOn)],
);

/** A representative who attended: a citizen, a deputy, an expert, a journalist … */
export const meetingRepresentatives = pgTable(
  'meeting_representatives',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    name: text('name').notNull(),
    /** 身份: 市民代表、人大代表、政协委员、专家、媒体 …; always public. */
    capacity: text('capacity').notNull().default(''),
    /** The representative agreed to be named on the portal; otherwise only the capacity is shown. */
    namePublic: boolean('name_public').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_representatives_meeting_idx').on(t.meetingId)],
);

/** An opinion a representative gave at the meeting, and how it was handled (办理情况). */
export const representativeOpinions = pgTable(
  'representative_opinions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    representativeId: integer('representative_id')
      .notNull()
      .references(() => meetingRepresentatives.id),
    opinion: text('opinion').notNull(),
    handling: text('handling').notNull().default(''),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: integer('handled_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('representative_opinions_meeting_idx').on(t.meetingId, t.id)],
);

export type Meeting = typeof meetings.$inferSelect;
export type MeetingRepresentative = typeof meetingRepresentatives.$inferSelect;
export type RepresentativeOpinion = typeof representativeOpinions.$inferSelect;
