// A fresh database for one test file, copied from a template made once per run (test/templates.ts):
// in-memory PGlite loaded from a dump, or a throw-away database on the PostgreSQL server (the
// `postgres` Vitest project sets GK_TEST_DB=postgres). `demo` chooses the demo-seeded template.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { useDataKey } from '../src/data-key.js';
import { openDatabase, pgliteDatabase, type Database } from '../src/db/client.js';
import { adminQuery, databaseUrl } from './postgres.js';
import type { TemplateKind } from './templates.js';

export const testDbKind = (process.env.GK_TEST_DB === 'postgres' ? 'postgres' : 'pglite') as 'pglite' | 'postgres';

export async function createTestDatabase(opts: { demo?: boolean } = {}): Promise<Database> {
  const kind: TemplateKind = opts.demo ? 'demo' : 'empty';
  // The templates' applicants were sealed with the run's key (vitest.config.ts), as openPlatform would.
  useDataKey({ dataKey: process.env.DATA_KEY, databaseUrl: null, dataDir: 'memory' });
  if (testDbKind === 'pglite') {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplates')[kind])]) });
    await client.waitReady;
    return pgliteDatabase(client);
  }
  const name = `gongkai_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${inject('postgresTemplates')[kind]}`);
  // Already migrated: the template is.
  const database = await openDatabase({ databaseUrl: databaseUrl(name), dataDir: 'memory', migrate: false });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
