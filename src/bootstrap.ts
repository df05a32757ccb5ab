// Opening the platform's database as every entry point needs it: migrated, with the shipped
// holiday arrangements loaded.
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { seedShippedYears } from './features/calendar/service.js';

export async function openPlatform(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await seedShippedYears(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
