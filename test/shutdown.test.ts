// Graceful shutdown: closing the server lets in-flight requests finish, and refuses new ones.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server.js';
import { createTestDatabase } from './db.js';

const database = await createTestDatabase();
afterAll(() => database.close());

describe('graceful shutdown', () => {
  it('finishes an in-flight request before closing', async () => {
    const app = await buildApp({ config: loadConfig({}), database }, { logger: false });
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    // A request that takes a while, as a slow report export would.
    app.get('/slow', async () => {
      started();
      await new Promise((r) => setTimeout(r, 400));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const pending = fetch(`http://127.0.0.1:${port}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await inFlight;
    const closing = app.close();
    const result = await pending;
    await closing;
    expect(result).toEqual({ status: 200, body: { done: true } });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
