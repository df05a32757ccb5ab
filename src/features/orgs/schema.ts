// Organizations, users, sessions and the audit log.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const ORG_KINDS = ['government', 'department', 'township', 'village', 'institution'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const organizations = pgTable(
  'organizations',
  {
    id: serial('id').primaryKey(),
    /** Short stable code, e.g. the unified social credit code or a local code; used in URLs and index numbers. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => organizations.id),
    /** Materialized path of ids, '/1/7/', so a subtree is one indexed prefix match. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    // What the 公开指南 needs (条例第二十条、RULES.md §3): the office that handles open government.
    officeName: text('office_name').notNull().default(''),
    address: text('address').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    officeHours: text('office_hours').notNull().default(''),
    phone: text('phone').notNull().default(''),
    fax: text('fax').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    /** 索引号 pattern (RULES.md §3); null means the default `{orgCode}/{YYYY}-{NNNNN}`. */
    indexPattern: text('index_pattern'),
    /** Free text added to the guide (organization's functions, special channels). */
    guideNote: text('guide_note').notNull().default(''),
    /**
     * Whether a normative document may be published without its interpretation when a reason is
     * recorded (三同步 exemption). Set on a government; organizations below follow their government.
     */
    interpretationExemptionAllowed: boolean('interpretation_exemption_allowed').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_code_key').on(t.code),
    index('organizations_path_idx').on(t.path.op('text_pattern_ops')),
    index('organizations_parent_idx').on(t.parentId),
    check('organizations_kind_check', sql`${t.kind} in ('government','department','township','village','institution')`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored lower-case; logins compare lower-case. */
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    /** Where reminders go (a handler's due dates); empty: none by mail, the workbench still shows them. */
    email: text('email').notNull().default(''),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_org_idx').on(t.orgId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak usable sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Append-only: a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE, so not even a bug
 * (or an administrator with SQL access through the app's role) can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null when the system or the command line acted. */
    actorId: integer('actor_id'),
    /** The actor's name at the time, so the entry reads the same after a rename. */
    actorName: text('actor_name').notNull(),
    /** The organization whose records were affected: it decides who may read the entry. */
    orgId: integer('org_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull().default(''),
    summary: text('summary').notNull(),
    ip: text('ip').notNull().default(''),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc().nullsFirst()),
    index('audit_log_org_at_idx').on(t.orgId, t.at.desc().nullsFirst()),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
