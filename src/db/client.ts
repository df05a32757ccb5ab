// Opens the database: embedded PGlite under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
// Both speak the same SQL and share one schema and one set of migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';
import { acquireDataDirLock } from './lock.js';

export type Schema = typeof schema;
/** A database handle or a transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Serializes migrations when several app processes start at once against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_140_711; // 711 = 国务院令第711号, the regulation this platform serves

export interface OpenOptions {
  databaseUrl: string | null;
  /** For PGlite: the folder for its files; 'memory' for a throw-away in-memory database (tests). */
  dataDir: string | 'memory';
  migrate?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  if (opts.migrate !== false) {
    try {
      await database.migrate();
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

async function openPglite(dataDir: string): Promise<Database & { migrate(): Promise<void> }> {
  let release = async () => {};
  let client: PGlite;
  if (dataDir === 'memory') {
    client = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    // PGlite is one process's database: two processes on one folder corrupt it, so we hold a lock.
    release = acquireDataDirLock(dataDir);
    client = new PGlite(path.join(dataDir, 'pgdata'));
  }
  await client.waitReady;
  return pgliteDatabase(client, release);
}

/** The platform's database over an open PGlite client (tests open one from a prepared dump). */
export function pgliteDatabase(client: PGlite, release: () => Promise<void> = async () => {}): Database & { migrate(): Promise<void> } {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    async close() {
      await client.close();
      await release();
    },
  };
}

async function openPostgres(url: string): Promise<Database & { migrate(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
  // An idle connection closed by the server (a restart, a failover, an administrator) is an event
  // on the pool; without a listener Node would crash the process. The pool drops that client and
  // opens a new one when needed; a query in flight gets its own error.
  pool.on('error', (err) => {
    process.stderr.write(`${JSON.stringify({ level: 40, msg: 'idle database connection closed', code: (err as { code?: string }).code })}\n`);
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client: conn, schema }), { migrationsFolder });
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Readiness: the database answers a query. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Rows of a raw SQL query; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Whether queries sent together run at the same time: on a PostgreSQL pool, each on a connection of
 * its own; PGlite (and a transaction's single connection) runs them one after another.
 */
export function runsQueriesAtOnce(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof pg.Pool;
}
