// Generates N published documents for benchmarks: `npx tsx bench/generate-documents.ts 100000`.
// Uses DATA_DIR (embedded) or DATABASE_URL like the server; seeds the demo government first if the
// database is empty. The generator is the one the demo uses (src/demo/generated.ts): titles,
// numbers, dates, topics, issuers, interpretations and validity (from dated relations and expiry
// dates) vary the way a county's ten years of files do, inserted in bulk.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import { generateDocuments } from '../src/demo/generated.js';
import { hasAnyOrganization, seedDemo } from '../src/demo/seed.js';

const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error('usage: generate-documents.ts N');

const config = loadConfig();
const database = await openPlatform(config);
const { db } = database;
if (!(await hasAnyOrganization(db))) await seedDemo(db);

const started = Date.now();
const { relations } = await generateDocuments(db, { count, seed: Date.now() % 100_000 });
// As autovacuum would after a bulk load: statistics, and the visibility map for index-only counts.
await db.execute(sql`vacuum analyze documents`);
await db.execute(sql`vacuum analyze document_versions`);
console.log(`${count} documents (${relations} relations) generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await database.close();
