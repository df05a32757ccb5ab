// Search through the API and the portal: the acceptance cases of issue #4, the index kept in step
// with publication, withdrawal and validity, filters and facets, marked snippets, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { systemContext } from '../../context.js';
import { queryRows } from '../../db/client.js';
import { transition } from '../documents/workflow.js';
import { generateDocuments } from '../../demo/generated.js';
import { RANKED_MATCHES } from './ranking.js';
import { reindexAll } from './reindex.js';
import { indexDocuments } from './indexer.js';
import { countFacets, probe } from './counts.js';
import { parseQuery } from '../../domain/search-text.js';

let t: TestApp;
let anon: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  anon = await t.client();
});
afterAll(() => t.close());

interface Item {
  kind: string;
  id: number;
  title: string;
  docNumber: string;
  validity: string | null;
  snippet: { text: string; hit: boolean }[];
  url: string;
}
async function find(q: string, extra = '') {
  const res = await anon.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Item[]; total: number; facets: Record<string, { value: string; label: string; count: number }[]>; suggestions: string[] };
}

describe('the acceptance cases', () => {
  it('政务公开 finds the 衢州 document, written 政務公開', async () => {
    const r = await find('政务公开');
    expect(r.items.map((i) => i.title).slice(0, 10).some((title) => title.startsWith('衢州市人民政府辦公室'))).toBe(true);
  });

  it.each(['乐政办发[2021]19号', '乐政办发〔2021〕19号', '乐政办发2021年19号', '乐政办发（2021）19号'])('%s finds the 乐清 notice first', async (q) => {
    const r = await find(q);
    expect(r.items[0].title).toBe('乐清市人民政府办公室关于印发《2021年乐清市政务公开工作要点》的通知');
  });

  it('a Traditional-script query finds Simplified documents', async () => {
    const r = await find('規範性文件');
    expect(r.total).toBeGreaterThan(0);
  });
});

describe('results', () => {
  it('mark the query terms in the snippet, and count every facet', async () => {
    const r = await find('政务公开 要点');
    const hits = r.items[0].snippet.filter((p) => p.hit).map((p) => p.text);
    expect(hits.length).toBeGreaterThan(0);
    const kinds = r.facets.kind.reduce((n, f) => n + f.count, 0);
    expect(kinds).toBe(r.total);
    expect(r.facets.year.length).toBeGreaterThan(0);
  });

  it('filter by a facet value, and the facet still offers the others', async () => {
    const all = await find('政务公开');
    const org = all.facets.org[0];
    const only = await find('政务公开', `&org=${org.value}`);
    expect(only.total).toBe(org.count);
    expect(only.facets.org.length).toBe(all.facets.org.length);
  });

  it('fall back to some of the words when no entry has them all, and say so', async () => {
    const r = (await find('政务公开 量子引力')) as Awaited<ReturnType<typeof find>> & { relaxed: boolean };
    expect(r.relaxed).toBe(true);
    expect(r.total).toBe((await find('政务公开')).total);
    const page = await anon.get(`/zfxxgk/search?q=${encodeURIComponent('政务公开 量子引力')}`);
    expect(page.body).toContain('以下结果包含其中部分词语');
  });

  it('fall back to some of the words of a question typed without spaces', async () => {
    const r = (await find('孩子几岁上小学')) as Awaited<ReturnType<typeof find>> & { relaxed: boolean };
    expect(r.relaxed).toBe(true);
    expect(r.items[0]).toMatchObject({ kind: 'answer', title: '孩子多大可以上小学一年级？' });
  });

  it('say so plainly when nothing matches at all', async () => {
    const r = await find('量子引力');
    expect(r.total).toBe(0);
    const page = await anon.get(`/zfxxgk/search?q=${encodeURIComponent('量子引力')}`);
    expect(page.body).toContain('没有找到与“量子引力”相符的内容');
    expect(page.body).toContain('政策文件库');
  });
});

describe('the index follows the documents', () => {
  it('drops a withdrawn document and keeps validity current', async () => {
    const before = await find('乐政办发[2021]19号');
    const id = before.items[0].id;
    await transition(t.database.db, systemContext, id, 'withdraw', { note: '测试撤回' });
    expect((await find('乐政办发[2021]19号')).items.map((i) => i.id)).not.toContain(id);
    const [{ n }] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from search_entries where document_id = ${id}`);
    expect(n).toBe(0);
  });

  it('indexes every public document of the demo and nothing else', async () => {
    const [{ missing, extra }] = await queryRows<{ missing: number; extra: number }>(
      t.database.db,
      sql`select (select count(*)::int from document_versions v where v.is_current and not exists (select 1 from search_entries s where s.document_id = v.document_id)) as missing,
                 (select count(*)::int from search_entries s where s.document_id is not null and not exists (select 1 from document_versions v where v.is_current and v.document_id = s.document_id)) as extra`,
    );
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
  });

  it('rebuilds entries written the old way, and drops entries of what is no longer public (gongkai search reindex)', async () => {
    const db = t.database.db;
    const [quzhou] = (await find('衢州')).items.filter((i) => i.kind !== 'answer');
    const [answer] = await queryRows<{ knowledge_id: number }>(db, sql`select knowledge_id from search_entries where knowledge_id is not null limit 1`);
    // As if indexed before a change of the rules: the words of the body and title are not there.
    await db.execute(sql`update search_entries set tsv = ts_filter(tsv, '{b}') where document_id = ${quzhou.id} or knowledge_id = ${answer.knowledge_id}`);
    expect((await find('衢州')).items.map((i) => i.id)).not.toContain(quzhou.id);
    // An entry left behind for a document with no public version.
    const [{ id: stray }] = await queryRows<{ id: number }>(
      db,
      sql`insert into search_entries (kind, document_id, org_id, title, published_at, tsv)
          select 'information', d.id, d.org_id, '遗留条目', now(), to_tsvector('simple', '遗留条目') from documents d
          where not exists (select 1 from document_versions v where v.document_id = d.id and v.is_current) limit 1 returning id`,
    );
    const [{ documents }] = await queryRows<{ documents: number }>(db, sql`select count(*)::int as documents from document_versions where is_current`);
    const [{ answers }] = await queryRows<{ answers: number }>(db, sql`select count(*)::int as answers from knowledge_entries where status = 'published'`);
    const progress: number[] = [];
    expect(await reindexAll(db, { onProgress: (n) => progress.push(n) })).toEqual({ documents, answers, removed: 1 });
    expect(progress.at(-1)).toBe(documents);
    expect((await find('衢州')).items.map((i) => i.id)).toContain(quzhou.id);
    const [{ strays, questions }] = await queryRows<{ strays: number; questions: number }>(
      db,
      sql`select (select count(*)::int from search_entries where id = ${stray}) as strays,
                 (select length(ts_filter(tsv, '{a}')) from search_entries where knowledge_id = ${answer.knowledge_id}) as questions`,
    );
    expect(strays).toBe(0);
    expect(questions).toBeGreaterThan(0);
  });
});

describe('narrowing by a facet', () => {
  it('reuses the counts the search before showed, and a change of the index renews them', async () => {
    const db = t.database.db;
    const q = '政务公开 量子引力';
    const all = (await find(q)) as Awaited<ReturnType<typeof find>> & { relaxed: boolean };
    expect(all.relaxed).toBe(true);
    const org = all.facets.org[0];
    const narrowed = (await find(q, `&org=${org.value}`)) as typeof all;
    expect(narrowed.relaxed).toBe(true);
    expect(narrowed.total).toBe(org.count);
    expect(narrowed.facets.org).toEqual(all.facets.org);
    // A document of that issuer comes to hold both words: found in full at once, and the issuer
    // facet counts the full matches again.
    const doc = narrowed.items.find((i) => i.kind !== 'answer')!;
    await db.execute(sql`update document_versions set title = title || '（量子引力）' where document_id = ${doc.id} and is_current`);
    await indexDocuments(db, [doc.id]);
    const after = (await find(q, `&org=${org.value}`)) as typeof all;
    expect(after.relaxed).toBe(false);
    expect(after.items.map((i) => i.id)).toEqual([doc.id]);
    expect(after.facets.org).toEqual([{ value: org.value, label: org.label, count: 1 }]);
  });
});

describe('the portal page and bad input', () => {
  it('renders results without JavaScript, with the terms marked and HTML escaped', async () => {
    const page = await anon.get(`/zfxxgk/search?q=${encodeURIComponent('政务公开')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<mark>政(务|務)公(开|開)<\/mark>/);
    const hostile = await anon.get(`/zfxxgk/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.body).not.toContain('<script>alert(1)');
    expect(hostile.body).toContain('value="&lt;script>alert(1)&lt;/script>"');
  });

  it('refuses an empty or oversized query with a Chinese message', async () => {
    const empty = await anon.get('/api/v1/search?q=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await anon.get(`/api/v1/search?q=${'政'.repeat(101)}`)).statusCode).toBe(400);
    expect((await anon.get('/api/v1/search?q=x&page=51')).statusCode).toBe(400);
  });

  it('suggests titles as one types', async () => {
    const res = await anon.get(`/api/v1/search/suggest?q=${encodeURIComponent('招远市政务')}`);
    expect(res.json().items[0].title).toContain('招远市2021年政务公开工作要点');
  });
});

// Last: it adds 1,100 generated documents to this file's database.
describe('many matches', () => {
  it('ranks the best first, counts them all, and pages to the 50th page', async () => {
    const { first, last } = await generateDocuments(t.database.db, { count: 1100, orgCodes: ['jyj'], seed: 7 });
    const [{ matches }] = await queryRows<{ matches: number }>(t.database.db, sql`select count(*)::int as matches from search_entries where document_id between ${first} and ${last}`);
    expect(matches).toBe(last - first + 1);
    const r = await find('示例县教育局');
    expect(r.total).toBeGreaterThan(RANKED_MATCHES);
    expect(r.facets.org.find((f) => f.value === 'jyj')!.count).toBeGreaterThanOrEqual(1100);
    // Titles holding every word come first, in force before repealed.
    expect(r.items.every((i) => i.title.includes('示例县教育局'))).toBe(true);
    const deep = await find('示例县教育局', '&page=50');
    expect(deep.items).toHaveLength(10);
    expect(deep.items.map((i) => i.id)).not.toContain(r.items[0].id);
    const page = await anon.get(`/zfxxgk/search?q=${encodeURIComponent('示例县教育局')}`);
    expect(page.body).toContain('列出最相关的前 500 条');
  });

  it('estimates the total and the facet counts from a uniform sample when the matches are many, and says so', async () => {
    const words = parseQuery('示例县教育局').tsquery!;
    const probed = await probe(t.database.db, words);
    const exact = await countFacets(t.database.db, words, probed, ['year', 'validity']);
    // A sample of at most MAX_SAMPLE_BUCKETS buckets (more would cost the index more than reading all).
    const sampled = await countFacets(t.database.db, words, probed, ['year', 'validity'], Math.floor(probed.estimate / 16));
    expect(exact.estimated).toBe(false);
    expect(sampled.estimated).toBe(true);
    // Close (a sample of 4 buckets in 64, about 75 matches; the buckets follow the ids: deterministic).
    expect(Math.abs(sampled.total - exact.total)).toBeLessThan(exact.total * 0.2);
    for (const name of ['year', 'validity'] as const) {
      for (const f of exact.facets.get(name)!.slice(0, 3)) {
        const estimate = sampled.facets.get(name)!.find((x) => x.value === f.value)?.count ?? 0;
        expect(Math.abs(estimate - f.count)).toBeLessThan(exact.total * 0.2);
      }
    }
    const r = await find('示例县教育局');
    expect(r.total).toBe(exact.total);
    // So many that the probe's bucket is sample enough: its facets serve, no second pass.
    const rich = await probe(t.database.db, words, ['year', 'validity'], 10);
    expect(rich.pass).toMatchObject({ estimated: true, total: rich.estimate });
    expect(await countFacets(t.database.db, words, rich, ['year', 'validity'], 10)).toBe(rich.pass);
    expect(rich.pass!.facets.get('year')!.reduce((n, f) => n + f.count, 0)).toBe(rich.estimate);
  });

  it("ranks this year's matches alone when they fill the 50 pages", async () => {
    const db = t.database.db;
    const thisYear = new Date().getFullYear();
    // 600 of the generated files published this year (the index's publication-year lexeme with them):
    // fewer than the probe asks for before it stops going back in years, more than are ranked.
    await db.execute(sql`
      update search_entries set published_at = now() - interval '1 hour',
             tsv = ts_delete(tsv, array(select '§p:' || y from generate_series(2000, 2100) y)) || array_to_tsvector(array[${`§p:${thisYear}`}])
      where id in (select id from search_entries where title like '示例县教育局%' order by id limit 600)`);
    const deep = (await find('示例县教育局', '&page=50')) as unknown as { items: { publishedAt: string }[] };
    expect(deep.items).toHaveLength(10);
    expect(deep.items.every((i) => new Date(i.publishedAt).getFullYear() === thisYear)).toBe(true);
  });
});
