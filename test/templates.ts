// Test databases start from templates made once per run: migrated, with the shipped holiday
// arrangements, and — for the "demo" one — the demo government seeded through the real use cases.
// Making them costs a few seconds once instead of in every test file (starting PGlite, migrating and
// seeding took 5–8 s a file). Each file still gets a database of its own, copied from a template.
import type { TestProject } from 'vitest/node';

export type TemplateKind = 'empty' | 'demo';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Files holding PGlite data-directory dumps. */
    pgliteTemplates: Record<TemplateKind, string>;
    /** Names of template databases on the PostgreSQL test server. */
    postgresTemplates: Record<TemplateKind, string>;
  }
}

export type GlobalSetup = (project: TestProject) => Promise<() => Promise<void>>;
