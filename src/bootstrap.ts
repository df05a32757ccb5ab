// Opening the platform's database as every entry point needs it: migrated, with the shipped
// holiday arrangements loaded.
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { useDataKey } from './data-key.js';
import { sealPlainApplicants } from './features/applications/applicant-store.js';
import { seedShippedYears } from './features/calendar/service.js';

/**
 * Also chooses the data key (src/data-key.ts). Callers that build the configuration by hand (tests,
 * benchmarks) leave dataKey out and get DATA_KEY from the environment, as loadConfig would.
 */
export async function openPlatform(config: Pick<Config, 'databaseUrl' | 'dataDir'> & { dataKey?: string }): Promise<Database> {
  useDataKey({ dataKey: config.dataKey ?? process.env.DATA_KEY, databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await seedShippedYears(database.db);
    await sealPlainApplicants(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
