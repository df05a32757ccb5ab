// The database schema: one file per area, gathered here for Drizzle and drizzle-kit.
// A new area adds its schema file and one export line below, then runs `npm run db:generate`.
export * from '../features/orgs/schema.js';
export * from '../features/calendar/schema.js';
export * from '../features/documents/schema.js';
export * from '../features/settings/schema.js';
export * from '../features/columns/schema.js';
export * from '../features/gazette/schema.js';
export * from '../features/cleanup/schema.js';
export * from '../features/search/schema.js';
export * from '../features/knowledge/schema.js';
export * from '../features/applications/schema.js';
export * from '../features/annual-report/schema.js';
export * from '../features/consultations/schema.js';
export * from '../features/decisions/schema.js';
export * from '../features/meetings/schema.js';
