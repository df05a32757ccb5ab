// Logs are JSON lines with no personal data: no IP, no query string, no body, no cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { buildApp } from '../src/server.js';
import { createTestDatabase } from './db.js';

const lines: string[] = [];
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  app = await buildApp({ config: loadConfig({}), database }, { logger: { write: (l: string) => void lines.push(l) } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('request logs', () => {
  it('write one JSON line per request without personal data', async () => {
    const idNumber = '110101199003077777';
    const csrf = 'c'.repeat(32);
    await app.inject({ url: `/api/v1/users?q=${idNumber}`, headers: { 'x-forwarded-for': '203.0.113.9' } });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `gk_csrf=${csrf}`, 'x-csrf-token': csrf, 'user-agent': 'Mozilla/5.0 张三的手机' },
      payload: { username: 'jyj_editor', password: 'Gongkai@2026' },
      remoteAddress: '198.51.100.7',
    });
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines.length).toBe(2);
    expect(requestLines[0]).toMatchObject({ method: 'GET', path: '/api/v1/users', status: 401 });
    expect(requestLines[1]).toMatchObject({ method: 'POST', route: '/api/v1/auth/login', status: 200 });
    const all = lines.join('\n');
    for (const secret of [idNumber, 'Gongkai@2026', '203.0.113.9', '198.51.100.7', '张三', csrf, 'gk_session']) {
      expect(all).not.toContain(secret);
    }
  });
});
