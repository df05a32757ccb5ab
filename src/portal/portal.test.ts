// The portal shell and the 公开指南, rendered from the organizations' data, readable without JS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../test/app.js';

let t: TestApp;
let visitor: TestClient;
const site = { siteCode: '9999000001', icpNumber: '示ICP备00000001号', psbNumber: '示公网安备 00000000000001号', rootOrgCode: '' };

beforeAll(async () => {
  t = await startTestApp({ site });
  visitor = await t.client();
});
afterAll(() => t.close());

async function html(url: string, c = visitor) {
  const res = await c.get(url);
  return { status: res.statusCode, body: res.body, type: String(res.headers['content-type']) };
}

describe('portal shell', () => {
  it('shows the government name, navigation, skip link and the footer identifiers from configuration', async () => {
    const { status, body, type } = await html('/');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(body).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
    expect(body).toContain('<a class="site-name" href="/">示例县人民政府</a>');
    expect(body).toContain('href="#main"');
    expect(body).toContain('<main id="main"');
    expect(body).toContain('网站标识码：9999000001');
    expect(body).toContain(site.icpNumber);
    expect(body).toContain(site.psbNumber);
    expect(body).toContain('<meta name="viewport"');
  });

  it('switches 长者模式 on and off with a cookie, without JavaScript', async () => {
    const c = await t.client();
    const on = await c.get('/elder-mode?on=1&back=%2Fzfxxgk%2Fguide');
    expect(on.statusCode).toBe(302);
    expect(on.headers.location).toBe('/zfxxgk/guide');
    expect((await html('/zfxxgk/guide', c)).body).toContain('<html lang="zh-CN" class="elder">');
    expect((await html('/zfxxgk/guide', c)).body).toContain('退出长者模式');
    await c.get('/elder-mode?on=0&back=/');
    expect((await html('/', c)).body).not.toContain('class="elder"');
  });

  it('never redirects off the site from the mode switch', async () => {
    for (const back of ['https://evil.example', '//evil.example', 'javascript:alert(1)']) {
      const res = await visitor.get(`/elder-mode?on=1&back=${encodeURIComponent(back)}`);
      expect(res.headers.location).toBe('/');
    }
  });

  it('answers an unknown page with a Chinese 404 page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('页面不存在');
    expect(res.body).toContain('返回首页');
  });
});

describe('公开指南', () => {
  it('renders the government guide with the office data and the legal periods', async () => {
    const { status, body } = await html('/zfxxgk/guide');
    expect(status).toBe(200);
    expect(body).toContain('示例县人民政府政府信息公开指南');
    expect(body).toContain('示例县人民政府办公室（县政务公开办公室）');
    expect(body).toContain('示例县城关镇人民路1号');
    expect(body).toContain('20 个工作日');
    expect(body).toContain('7 个工作日');
    expect(body).toContain('行政复议');
  });

  it('renders a department guide from its own data, naming the supervising office', async () => {
    const { body } = await html('/zfxxgk/orgs/jyj');
    expect(body).toContain('示例县教育局政府信息公开指南');
    expect(body).toContain('示例县城关镇文昌路18号');
    expect(body).toContain('0000-62100021');
    expect(body).toContain('政府信息公开工作主管部门：示例县人民政府办公室（县政务公开办公室）');
  });

  it('follows an edit made in the workbench', async () => {
    const admin = await t.client('admin');
    const org = (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'jyj');
    await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { officeHours: '周一至周五 9:00–17:00' });
    expect((await html('/zfxxgk/orgs/jyj')).body).toContain('周一至周五 9:00–17:00');
  });

  it('lists departments and townships, and 404s an unknown code', async () => {
    const { body } = await html('/zfxxgk/orgs');
    expect(body).toContain('href="/zfxxgk/orgs/zjj"');
    expect(body).toContain('示例县北岭乡人民政府');
    expect((await t.app.inject({ url: '/zfxxgk/orgs/nope', headers: { accept: 'text/html' } })).statusCode).toBe(404);
  });

  it('escapes organization data in HTML', async () => {
    const admin = await t.client('admin');
    const org = (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'yjj');
    await admin.send('PATCH', `/api/v1/orgs/${org.id}`, { guideNote: '<script>alert(1)</script>' });
    const { body } = await html('/zfxxgk/orgs/yjj');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain('&lt;script>');
  });
});

describe('working-day calculator page', () => {
  it('computes with a plain GET form and shows the explanation', async () => {
    const { status, body } = await html('/tools/working-days?from=2025-01-24&days=20');
    expect(status).toBe(200);
    expect(body).toContain('2025年2月27日');
    expect(body).toContain('春节');
  });

  it('shows a Chinese error for a bad date, with a 400', async () => {
    const { status, body } = await html('/tools/working-days?from=2025-02-30&days=20');
    expect(status).toBe(400);
    expect(body).toContain('起算日期无效');
  });
});
