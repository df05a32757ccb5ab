// The State Council's holiday arrangement per year, as data an administrator can correct.
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { HolidayDay } from '../../domain/calendar.js';

export const holidayYears = pgTable('holiday_years', {
  /** The year in the notice's title; December dates may belong to the next year's notice. */
  year: integer('year').primaryKey(),
  days: jsonb('days').$type<HolidayDay[]>().notNull(),
  papers: jsonb('papers').$type<string[]>().notNull().default([]),
  /** 'shipped' = from resources/holiday-cn; 'admin' = entered or corrected in the workbench. */
  source: text('source').$type<'shipped' | 'admin'>().notNull(),
  note: text('note').notNull().default(''),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type HolidayYearRow = typeof holidayYears.$inferSelect;
