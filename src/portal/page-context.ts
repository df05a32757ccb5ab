// What every portal page needs to know about the site, built per request.
import type { FastifyRequest } from 'fastify';
import { rootOrg } from '../features/orgs/organizations.js';
import type { PageContext } from './layout.js';

export const ELDER_COOKIE = 'gk_elder';

export async function pageContext(request: FastifyRequest): Promise<PageContext> {
  const { config, database } = request.server.deps;
  const root = await rootOrg(database.db, config.site.rootOrgCode || undefined);
  return {
    siteName: root?.name ?? '政府信息公开平台',
    root,
    site: config.site,
    elder: request.cookies[ELDER_COOKIE] === '1',
    path: request.url.split('?')[0],
  };
}
