// A short-lived cache of rendered portal pages. Public pages are the same for every visitor (only
// 长者模式 differs), so one rendering can answer many requests.
//
// Freshness: any successful change made through this process (every POST, PUT, PATCH, DELETE that
// succeeds, and the background jobs) empties the cache at once; other processes of a scaled-out
// deployment see a change within PAGE_CACHE_SECONDS. Set it to 0 to turn the cache off.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ExpiringMap } from '../expiring-map.js';
import { ELDER_COOKIE } from './page-context.js';

const SAFE = new Set(['GET', 'HEAD']);

export class PageCache {
  private readonly entries: ExpiringMap<{ body: string; type: string }>;

  /** What else a change makes stale (recent search counts): emptied with the pages. */
  private readonly alsoStale: (() => void)[] = [];

  constructor(
    private readonly ttlMs: number,
    maxEntries = 5000,
  ) {
    this.entries = new ExpiringMap(ttlMs, maxEntries);
  }

  alsoClears(clear: () => void) {
    this.alsoStale.push(clear);
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string, now = Date.now()) {
    return this.entries.get(key, now);
  }

  set(key: string, body: string, type: string, now = Date.now()) {
    this.entries.set(key, { body, type }, now);
  }

  clear() {
    this.entries.clear();
    for (const clear of this.alsoStale) clear();
  }
}

/** Portal HTML only: not the API, the workbench, static files or downloads. */
function cacheKey(request: FastifyRequest): string | null {
  const url = request.url;
  if (!SAFE.has(request.method) || url.startsWith('/api/') || url.startsWith('/workbench') || url.startsWith('/static/') || url.includes('/files/')) return null;
  return `${request.cookies[ELDER_COOKIE] === '1' ? 'elder' : 'normal'} ${url}`;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: PageCache;
  }
  interface FastifyContextConfig {
    /** A POST that changes nothing (it reads, like a search form too long for an address). */
    readOnly?: boolean;
  }
}

export function installPageCache(app: FastifyInstance, ttlSeconds: number): void {
  const cache = new PageCache(ttlSeconds * 1000);
  app.decorate('pageCache', cache);
  if (!cache.enabled) return;

  app.addHook('preHandler', async (request, reply) => {
    const key = cacheKey(request);
    const hit = key ? cache.get(key) : undefined;
    if (hit) return reply.header('x-page-cache', 'hit').type(hit.type).send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!SAFE.has(request.method)) {
      // Before the answer leaves, so the client's next request already sees the change. A POST that
      // only reads (a form's check step, tracking) says so, and leaves the cache alone.
      if (reply.statusCode < 400 && !request.routeOptions.config.readOnly) cache.clear();
      return payload;
    }
    const key = cacheKey(request);
    const type = String(reply.getHeader('content-type') ?? '');
    // A page made for one visitor (a form with its CSRF token, say) marks itself private: never shared.
    const privatePage = /private|no-store/.test(String(reply.getHeader('cache-control') ?? ''));
    if (key && reply.statusCode === 200 && type.startsWith('text/html') && typeof payload === 'string' && !privatePage && !reply.getHeader('x-page-cache')) {
      cache.set(key, payload, type);
    }
    return payload;
  });
}
