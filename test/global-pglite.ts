// Vitest global setup of the `pglite` project: dumps of a migrated and of a demo-seeded database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPlatform } from '../src/bootstrap.js';
import { seedDemo } from '../src/demo/seed.js';
import type { GlobalSetup, TemplateKind } from './templates.js';

const setup: GlobalSetup = async (project) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-templates-'));
  const dump = async (kind: TemplateKind) => {
    const database = await openPlatform({ databaseUrl: null, dataDir: 'memory' });
    try {
      if (kind === 'demo') await seedDemo(database.db);
      const client = (database.db as unknown as { $client: PGlite }).$client;
      const file = path.join(dir, `${kind}.tar`);
      writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
      return file;
    } finally {
      await database.close();
    }
  };
  project.provide('pgliteTemplates', { empty: await dump('empty'), demo: await dump('demo') });
  return async () => rmSync(dir, { recursive: true, force: true });
};

export default setup;
