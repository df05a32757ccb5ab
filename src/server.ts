// Builds the HTTP server: security and validation first, then each feature's routes and pages.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { ping } from './db/client.js';
import { FileStore } from './files.js';
import { installCsrf } from './http/csrf.js';
import { installErrorHandling } from './http/errors.js';
import { installSessions } from './http/session.js';
import { validatorCompiler } from './http/validation.js';
import { features } from './features/index.js';
import { renderErrorPage } from './portal/error-page.js';
import { installPageCache } from './portal/page-cache.js';
import { indexChanged } from './features/search/recent-counts.js';
import { portalRoutes } from './portal/routes.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Attachments; by default under DATA_DIR/files. */
  files?: FileStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { files: FileStore };
  }
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface BuildOptions {
  /** false: no logs (most tests); a stream: JSON log lines go there (the log test). Default stdout. */
  logger?: false | { write(line: string): void };
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(opts.logger ? { stream: opts.logger } : {}),
            // Personal data stays out of the logs: no IPs, no query strings, no headers, no bodies.
            serializers: { req: () => ({}), res: () => ({}) },
          },
    // One line per request is written by the onResponse hook below, with no personal data.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { removeAdditional: false, strict: false } },
  });
  app.decorate('deps', { ...deps, files: deps.files ?? new FileStore(path.join(config.dataDir, 'files')) });
  // The API takes JSON only; a text body is a client's mistake and gets a 415, not a guess.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler as never);
  installErrorHandling(app, config.bodyLimitBytes, renderErrorPage);

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'not_found',
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  // Graceful shutdown: once closing starts, answers to in-flight requests ask the client to drop
  // the keep-alive connection, so the server can finish instead of waiting on idle sockets.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(cookie);
  // Uploads: one file per request, limited in size; the route checks the type by content.
  await app.register(multipart, { limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 10, parts: 12 } });
  await app.register(rateLimit, { global: false });
  installCsrf(app, config.cookieSecure);
  installSessions(app, deps.database.db, config.sessionTtlMinutes);
  installPageCache(app, config.pageCacheSeconds);
  // Written before their transactions commit, the search index's writers empty the recent counts
  // too early for a search running meanwhile; a change's answer empties them again, committed.
  app.pageCache.alsoClears(indexChanged);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongkai 政务公开平台 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await ping(deps.database.db);
      return { status: 'ready', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', message: '数据库不可用' });
    }
  });

  for (const feature of features) await app.register(feature.routes, { prefix: '/api/v1' });
  await app.register(portalRoutes);

  // The workbench: a single-page app built by Vite into web/dist.
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/workbench/', index: 'index.html', wildcard: false });
    app.get('/workbench', (_req, reply) => reply.redirect('/workbench/'));
  }
  return app;
}
