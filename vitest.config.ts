import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { postgresAnswers, TEST_POSTGRES_URL } from './test/postgres.js';

// Every test process shares one data key (src/data-key.ts): the template databases made by the global
// setup hold encrypted applicants that the test files' processes must open. A test-only key.
process.env.DATA_KEY ||= Buffer.alloc(32, 7).toString('base64');

// Database-backed tests run twice: on embedded PGlite and on PostgreSQL (when it answers), so the
// one SQL dialect really works on both. Pure domain tests and browser journeys run once.
export default defineConfig(async (): Promise<ViteUserConfig> => {
  const withPostgres = await postgresAnswers();
  if (!withPostgres) console.warn(`PostgreSQL at ${TEST_POSTGRES_URL} does not answer: running on PGlite only.`);
  const dbTests = ['src/features/**/*.test.{ts,tsx}', 'src/portal/**/*.test.{ts,tsx}', 'src/http/**/*.test.ts', 'test/**/*.test.ts'];
  const projects: TestProjectInlineConfiguration[] = [
    { extends: true, test: { name: 'domain', include: ['src/domain/**/*.test.ts', 'src/*.test.ts'] } },
    // Each test file's database is copied from templates made once per run by the global setup.
    { extends: true, test: { name: 'pglite', include: dbTests, env: { GK_TEST_DB: 'pglite' }, globalSetup: ['./test/global-pglite.ts'] } },
    // The command line and the browser journeys: real processes and a real Chromium, one file at a time.
    { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 90_000 } },
  ];
  if (withPostgres) {
    projects.push({ extends: true, test: { name: 'postgres', include: dbTests, env: { GK_TEST_DB: 'postgres' }, globalSetup: ['./test/global-postgres.ts'] } });
  }
  return {
    test: {
      reporters: ['default', './test/summary-reporter.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      projects,
    },
  };
});
