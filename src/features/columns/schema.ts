// 栏目 (columns): each organization's tree of portal sections. A column carries an update rule (how
// often something new must appear in it) and may map to a standard-catalogue item; special columns
// (规划, 财政预决算, 重大建设项目) ask their documents for fields of their own (documents.special_fields).
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { documents } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';

/** general: an ordinary column; plan: 规划; budget: 财政预决算; project: 重大建设项目. */
export const COLUMN_KINDS = ['general', 'plan', 'budget', 'project'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const UPDATE_UNITS = ['day', 'week', 'month'] as const;
export type UpdateUnit = (typeof UPDATE_UNITS)[number];

export const columns = pgTable(
  'columns',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    parentId: integer('parent_id').references((): AnyPgColumn => columns.id),
    /** Materialized path of column ids, '/3/8/', as for organizations. */
    path: text('path').notNull(),
    /** Stable short code, unique per organization, used in URLs (/zfxxgk/lm/{org}/{code}). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<ColumnKind>().notNull().default('general'),
    description: text('description').notNull().default(''),
    /** Update rule: something new at least every `updateEvery` `updateUnit`s; null: no rule. */
    updateEvery: integer('update_every'),
    updateUnit: text('update_unit').$type<UpdateUnit>(),
    /** The standard-catalogue item this column fulfils (code of the item; the catalogue area links it). */
    catalogItemCode: text('catalog_item_code').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('columns_org_code_key').on(t.orgId, t.code),
    index('columns_parent_idx').on(t.parentId),
    index('columns_path_idx').on(t.path.op('text_pattern_ops')),
    check('columns_kind_check', sql`${t.kind} in ('general','plan','budget','project')`),
    check('columns_update_rule_check', sql`(${t.updateEvery} is null) = (${t.updateUnit} is null) and (${t.updateEvery} is null or ${t.updateEvery} > 0)`),
  ],
);

/** Which columns a document appears in (a document may sit in several). */
export const documentColumns = pgTable(
  'document_columns',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    columnId: integer('column_id')
      .notNull()
      .references(() => columns.id),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.columnId] }), index('document_columns_column_idx').on(t.columnId, t.documentId)],
);

export type Column = typeof columns.$inferSelect;
