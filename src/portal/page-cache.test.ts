// Rendered public pages are reused briefly, never served stale after a change made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { PageCache } from './page-cache.js';

let t: TestApp;
let visitor: TestClient;
beforeAll(async () => {
  t = await startTestApp({ pageCacheSeconds: 60 });
  visitor = await t.client();
});
afterAll(() => t.close());

describe('page cache', () => {
  it('answers a repeated public page from the cache, separately for 长者模式', async () => {
    expect((await visitor.get('/zfxxgk/guide')).headers['x-page-cache']).toBeUndefined();
    const again = await visitor.get('/zfxxgk/guide');
    expect(again.headers['x-page-cache']).toBe('hit');
    expect(again.headers['content-type']).toContain('text/html');
    const elder = await t.client();
    await elder.get('/elder-mode?on=1&back=/');
    const elderPage = await elder.get('/zfxxgk/guide');
    expect(elderPage.headers['x-page-cache']).toBeUndefined();
    expect(elderPage.body).toContain('class="elder"');
  });

  it('never caches the API, errors or downloads', async () => {
    await visitor.get('/api/v1/meta/topics');
    expect((await visitor.get('/api/v1/meta/topics')).headers['x-page-cache']).toBeUndefined();
    await visitor.get('/zfxxgk/wj/99999');
    expect((await visitor.get('/zfxxgk/wj/99999')).headers['x-page-cache']).toBeUndefined();
  });

  it('shows a change made through this process at once', async () => {
    await visitor.get('/zfxxgk/orgs/jyj');
    expect((await visitor.get('/zfxxgk/orgs/jyj')).headers['x-page-cache']).toBe('hit');
    const admin = await t.client('admin');
    const org = (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'jyj');
    expect((await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { officeHours: '周一至周五 8:00–18:00' })).statusCode).toBe(200);
    const fresh = await visitor.get('/zfxxgk/orgs/jyj');
    expect(fresh.headers['x-page-cache']).toBeUndefined();
    expect(fresh.body).toContain('周一至周五 8:00–18:00');
  });

  it('expires entries after their time and drops the oldest when full', () => {
    const cache = new PageCache(1000, 2);
    cache.set('a', 'A', 'text/html', 0);
    expect(cache.get('a', 999)?.body).toBe('A');
    expect(cache.get('a', 1000)).toBeUndefined();
    cache.set('a', 'A', 'text/html', 0);
    cache.set('b', 'B', 'text/html', 0);
    cache.set('c', 'C', 'text/html', 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)?.body).toBe('C');
    expect(new PageCache(0).enabled).toBe(false);
  });
});
