// Vitest global setup of the `postgres` project: template databases on the test server, copied with
// CREATE DATABASE … TEMPLATE for every test file, dropped at the end of the run.
import { randomBytes } from 'node:crypto';
import { openPlatform } from '../src/bootstrap.js';
import { seedDemo } from '../src/demo/seed.js';
import { adminQuery, databaseUrl } from './postgres.js';
import type { GlobalSetup, TemplateKind } from './templates.js';

const setup: GlobalSetup = async (project) => {
  const stamp = randomBytes(4).toString('hex');
  const names: Record<TemplateKind, string> = { empty: `gongkai_tpl_${stamp}_empty`, demo: `gongkai_tpl_${stamp}_demo` };
  const drop = async () => {
    for (const name of Object.values(names)) await adminQuery(`drop database if exists ${name} with (force)`);
  };
  try {
    for (const [kind, name] of Object.entries(names) as [TemplateKind, string][]) {
      await adminQuery(`create database ${name}`);
      const database = await openPlatform({ databaseUrl: databaseUrl(name), dataDir: 'memory' });
      try {
        if (kind === 'demo') await seedDemo(database.db);
      } finally {
        await database.close();
      }
    }
  } catch (err) {
    await drop();
    throw err;
  }
  project.provide('postgresTemplates', names);
  return drop;
};

export default setup;
