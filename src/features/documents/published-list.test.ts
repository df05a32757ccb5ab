// The public list of published documents (同源发布): newest first, keyset pages that do not repeat
// or skip, a since filter for clients that poll, and nothing that is not public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { transition } from './workflow.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';

let t: TestApp;
let anon: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  anon = await t.client();
});
afterAll(() => t.close());

interface Item {
  id: number;
  title: string;
  publishedAt: string;
  issuer: { code: string };
  docType: string;
  url: string;
}

async function all(query: string) {
  const seen: Item[] = [];
  let next: string | null = null;
  do {
    const res = await anon.get(`/api/v1/public/documents?${query}${next ? `&before=${encodeURIComponent(next)}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: Item[]; next: string | null };
    seen.push(...page.items);
    next = page.next;
  } while (next);
  return seen;
}

describe('GET /api/v1/public/documents', () => {
  it('walks every current public document once, newest first, in keyset pages', async () => {
    const items = await all('limit=3');
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const catalog = (await anon.get('/zfxxgk/ml')).body;
    expect(catalog).toContain(`共 ${ids.length} 条`);
    const times = items.map((i) => Date.parse(i.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items[0].url).toBe(`/zfxxgk/wj/${items[0].id}`);
  });

  it('filters by issuer, type and publication time', async () => {
    const everything = await all('limit=200');
    const zfb = await all('org=zfb&limit=200');
    expect(zfb.length).toBeGreaterThan(0);
    expect(zfb.every((i) => i.issuer.code === 'zfb')).toBe(true);
    const normative = await all('docType=normative&limit=200');
    expect(normative.every((i) => i.docType === 'normative')).toBe(true);
    const pivot = everything[Math.floor(everything.length / 2)].publishedAt;
    const since = await all(`since=${encodeURIComponent(pivot)}&limit=200`);
    expect(since.map((i) => i.id)).toEqual(everything.filter((i) => Date.parse(i.publishedAt) > Date.parse(pivot)).map((i) => i.id));
  });

  it('leaves out withdrawn documents and refuses a cursor it did not issue', async () => {
    const first = (await all('limit=200'))[0];
    await transition(t.database.db, systemContext, first.id, 'withdraw', { note: '内容已过时' });
    expect((await all('limit=200')).map((i) => i.id)).not.toContain(first.id);
    const res = await anon.get('/api/v1/public/documents?before=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('分页游标');
    expect((await anon.get('/api/v1/public/documents?limit=0')).statusCode).toBe(400);
  });
});
