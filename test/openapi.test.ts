// The OpenAPI document is what other systems build on (同源发布): it must render, and it must list
// the public APIs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { demo: false });
});
afterAll(() => t.close());

describe('GET /api/docs/json', () => {
  it('renders the whole API with the public read APIs in it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths as Record<string, unknown>);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/public/documents', '/api/v1/public/documents/{id}', '/api/v1/public/gazette', '/api/v1/public/gazette/{id}', '/api/v1/public/columns', '/api/v1/public/columns/{org}/{code}', '/api/v1/public/cleanup/campaigns', '/api/v1/calendar/years/{year}']),
    );
  });
});
