// A fresh, migrated database for one test file: in-memory PGlite, or a throw-away database on the
// PostgreSQL server (the `postgres` Vitest project sets GK_TEST_DB=postgres).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPlatform } from '../src/bootstrap.js';
import type { Database } from '../src/db/client.js';
import { TEST_POSTGRES_URL } from './postgres.js';

export const testDbKind = (process.env.GK_TEST_DB === 'postgres' ? 'postgres' : 'pglite') as 'pglite' | 'postgres';

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<Database> {
  if (testDbKind === 'pglite') return openPlatform({ databaseUrl: null, dataDir: 'memory' });
  const name = `gongkai_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openPlatform({ databaseUrl: url.toString(), dataDir: 'memory' });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
