// The feature areas of the platform. A new area adds its routes here (and its grants in grants.ts).
import type { FastifyPluginAsync } from 'fastify';
import applicationPages from './applications/portal/pages.js';
import applicationRoutes from './applications/routes.js';
import annualReportPages from './annual-report/pages.js';
import annualReportRoutes from './annual-report/routes.js';
import appealRoutes from './applications/appeals-routes.js';
import calendarRoutes from './calendar/routes.js';
import cleanupPages from './cleanup/pages.js';
import cleanupRoutes from './cleanup/routes.js';
import columnPages from './columns/pages.js';
import columnRoutes from './columns/routes.js';
import consultationPages from './consultations/pages.js';
import consultationRoutes from './consultations/routes.js';
import decisionPages from './decisions/pages.js';
import decisionRoutes from './decisions/routes.js';
import documentPages from './documents/pages.js';
import documentRoutes from './documents/routes.js';
import gazettePages from './gazette/pages.js';
import gazetteRoutes from './gazette/routes.js';
import knowledgePages from './knowledge/pages.js';
import knowledgeRoutes from './knowledge/routes.js';
import letterRoutes from './applications/letters/routes.js';
import applicationWorkbenchRoutes from './applications/workbench-routes.js';
import meetingPages from './meetings/pages.js';
import meetingRoutes from './meetings/routes.js';
import orgPages from './orgs/pages.js';
import orgRoutes from './orgs/routes.js';
import settingsRoutes from './settings/routes.js';
import searchPages from './search/pages.js';
import searchRoutes from './search/routes.js';

export interface Feature {
  name: string;
  /** JSON API routes, mounted under /api/v1. */
  routes: FastifyPluginAsync;
  /** Portal pages (server-rendered HTML), mounted at the site root. */
  pages?: FastifyPluginAsync;
}

export const features: Feature[] = [
  { name: 'search', routes: searchRoutes, pages: searchPages },
  { name: 'orgs', routes: orgRoutes, pages: orgPages },
  { name: 'calendar', routes: calendarRoutes },
  { name: 'documents', routes: documentRoutes, pages: documentPages },
  { name: 'columns', routes: columnRoutes, pages: columnPages },
  { name: 'gazette', routes: gazetteRoutes, pages: gazettePages },
  { name: 'settings', routes: settingsRoutes },
  { name: 'cleanup', routes: cleanupRoutes, pages: cleanupPages },
  { name: 'knowledge', routes: knowledgeRoutes, pages: knowledgePages },
  { name: 'applications', routes: applicationRoutes, pages: applicationPages },
  { name: 'letters', routes: letterRoutes },
  { name: 'appeals', routes: appealRoutes },
  { name: 'applications-workbench', routes: applicationWorkbenchRoutes },
  // The stored reports' API joins these portal pages (issue #6).
  { name: 'annual-report', routes: annualReportRoutes, pages: annualReportPages },
  { name: 'consultations', routes: consultationRoutes, pages: consultationPages },
  { name: 'decisions', routes: decisionRoutes, pages: decisionPages },
  { name: 'meetings', routes: meetingRoutes, pages: meetingPages },
];
