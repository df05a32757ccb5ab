// A running app on a fresh test database with the demo data, and a small client that signs in
// like the workbench does (session cookie + CSRF header).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { count } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLog } from '../src/features/orgs/schema.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { buildApp } from '../src/server.js';
import { DEMO_PASSWORD } from '../src/demo/users.js';
import { createTestDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A client with its own cookie jar, signed in as the given demo user (or anonymous). */
  client(username?: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface TestClient {
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
}

/** The request is refused with this status and a Chinese message, and nothing is written (no audit entry). */
export async function expectRefused(t: TestApp, send: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp): Promise<void> {
  const entries = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0].n;
  const before = await entries();
  const res = await send();
  expect(res.statusCode).toBe(status);
  expect(res.json().error.message).toMatch(message);
  expect(await entries()).toBe(before);
}

export async function startTestApp(overrides: Partial<Config> = {}, opts: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ demo: opts.demo !== false });
  // Attachments of a test go to a throw-away folder.
  const config = { ...loadConfig({}), dataDir: mkdtempSync(path.join(tmpdir(), 'gongkai-test-')), ...overrides };
  const app = await buildApp({ config, database }, { logger: false });
  await app.ready();

  async function client(username?: string, password = DEMO_PASSWORD): Promise<TestClient> {
    const cookies: Record<string, string> = {};
    const remember = (res: LightMyRequestResponse) => {
      for (const c of res.cookies) {
        if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete cookies[c.name];
        else cookies[c.name] = c.value;
      }
      return res;
    };
    const cookieHeader = () => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    const c: TestClient = {
      cookies,
      async get(url) {
        return remember(await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader() } }));
      },
      async send(method, url, body, headers = {}) {
        const h: Record<string, string> = { cookie: cookieHeader(), 'x-csrf-token': cookies.gk_csrf ?? '', ...headers };
        // A string body is sent as it is (for malformed-JSON tests), labelled JSON unless told otherwise.
        if (typeof body === 'string') h['content-type'] ??= 'application/json';
        return remember(await app.inject({ method, url, headers: h, payload: body as never }));
      },
    };
    await c.get('/api/v1/auth/session');
    if (username) {
      const res = await c.send('POST', '/api/v1/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    }
    return c;
  }

  return {
    app,
    database,
    config,
    client,
    async close() {
      await app.close();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
