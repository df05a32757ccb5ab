// The policy library and document pages, as HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';

let t: TestApp;
let visitor: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  visitor = await t.client();
});
afterAll(() => t.close());

const titles = (body: string) => [...body.matchAll(/<a href="\/zfxxgk\/wj\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('政策文件库', () => {
  it('lists published policy files, newest first, without interpretations or plain information', async () => {
    const res = await visitor.get('/zfxxgk/zcwjk');
    expect(res.statusCode).toBe(200);
    const list = titles(res.body);
    expect(list[0]).toBe('示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知');
    expect(list.some((x) => x.includes('政策解读') || x.startsWith('图解'))).toBe(false);
    expect(list.some((x) => x.includes('温州'))).toBe(false); // no 文号: plain information, not a policy file
    expect(res.body).toContain('共 11 件'); // 7, and 4 older county rules of the clean-up demo
  });

  it('filters by validity, issuer, year, type and topic, and ignores unknown values', async () => {
    expect(titles((await visitor.get('/zfxxgk/zcwjk?validity=repealed')).body)).toEqual(['示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知', '示例县人民政府关于印发示例县殡葬管理暂行规定的通知']);
    expect(titles((await visitor.get('/zfxxgk/zcwjk?org=jyj')).body)).toEqual(['示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知']);
    expect(titles((await visitor.get('/zfxxgk/zcwjk?year=2021')).body).length).toBe(4);
    expect(titles((await visitor.get('/zfxxgk/zcwjk?docType=normative')).body).length).toBe(6);
    expect(titles((await visitor.get('/zfxxgk/zcwjk?topic=10')).body).length).toBe(4);
    expect(titles((await visitor.get('/zfxxgk/zcwjk?q=物业')).body)).toEqual(['示例县住房和城乡建设局关于进一步加强住宅小区物业服务管理的实施意见']);
    const odd = await visitor.get('/zfxxgk/zcwjk?validity=nonsense&year=abcd&page=-3');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('共 11 件');
  });
});

describe('document page', () => {
  it('shows the metadata table, validity with its history, and the interpretation link', async () => {
    const list = (await visitor.get('/zfxxgk/zcwjk?validity=repealed')).body;
    const id = Number(list.match(/href="\/zfxxgk\/wj\/(\d+)"/)![1]);
    const page = (await visitor.get(`/zfxxgk/wj/${id}`)).body;
    expect(page).toContain('<th scope="row">索引号</th><td>sxx/2023-00001</td>');
    expect(page).toContain('城乡建设、环境保护\\城乡建设（含住房）');
    expect(page).toContain('示政发〔2023〕6号');
    expect(page).toContain('已废止');
    expect(page).toContain('2026年4月1日起被《示例县人民政府关于印发示例县农村村民住宅建设管理办法（2026年修订）的通知》（示政发〔2026〕4号）替代');
    expect(page).toMatch(/相关解读[\s\S]*政策解读/);
  });

  it('links an interpretation back to its policy', async () => {
    const res = await visitor.get('/api/v1/public/documents/7');
    const interp = res.json();
    expect(interp.policy.title).toContain('农村村民住宅建设管理办法');
    const page = (await visitor.get('/zfxxgk/wj/7')).body;
    expect(page).toContain('解读的政策文件');
    expect(page).toContain(`href="/zfxxgk/wj/${interp.policy.id}"`);
  });

  it('shows the expired school-admission notice as 失效', async () => {
    const list = (await visitor.get('/zfxxgk/zcwjk?org=jyj')).body;
    expect(list).toContain('<span class="validity validity-expired">失效</span>');
    expect(titles((await visitor.get('/zfxxgk/zcwjk?validity=expired')).body)).toEqual(['示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知', '示例县人民政府关于印发促进2021年春节假期消费若干措施的通知']);
  });

  it('404s a draft or an unknown id', async () => {
    expect((await t.app.inject({ url: '/zfxxgk/wj/99999', headers: { accept: 'text/html' } })).statusCode).toBe(404);
  });
});

describe('公开目录, feed and sitemap', () => {
  it('lists every public document with index number, title, summary and date', async () => {
    const res = await visitor.get('/zfxxgk/ml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<th scope="col">索引号</th>');
    expect(res.body).toContain('sxx/2023-00001');
    expect(res.body).toContain('规范农村村民住宅建设的申请、审批、施工和监管。');
    expect(res.body).toContain('温州'); // plain information is in the catalogue, not in the policy library
    expect((await visitor.get('/zfxxgk/ml?org=jyj')).body).not.toContain('sxx/2023-00001');
  });

  it('offers an Atom feed of the newest publications', async () => {
    const res = await visitor.get('/zfxxgk/feed.atom');
    expect(res.headers['content-type']).toContain('application/atom+xml');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const entries = res.body.match(/<entry>/g)!.length;
    expect(entries).toBe(21); // the demo's 11 public documents, 7 of the clean-up demo, 3 of the columns and gazette demos
    expect(res.body).toContain('<title>示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知</title>');
    const jyj = await visitor.get('/zfxxgk/feed.atom?org=jyj');
    expect(jyj.body.match(/<entry>/g)!.length).toBe(2); // and its 2026 部门预算 (财政预决算 column)
  });

  it('lists the portal pages and every public document in sitemap.xml', async () => {
    const res = await visitor.get('/sitemap.xml');
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.body).toMatch(/<loc>http:\/\/[^<]+\/zfxxgk\/zcwjk<\/loc>/);
    expect(res.body.match(/\/zfxxgk\/wj\/\d+<\/loc>/g)!.length).toBe(21);
  });
});
