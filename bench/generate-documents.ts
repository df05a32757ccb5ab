// Generates N published documents for benchmarks: `npx tsx bench/generate-documents.ts 100000`.
// Uses DATA_DIR (embedded) or DATABASE_URL like the server; seeds the demo government first if the
// database is empty. Rows are made inside the database with generate_series (one statement per
// table), so 1M documents take minutes, not hours. Titles, numbers, dates, topics, issuers and
// validity vary the way a county's ten years of files do.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import { hasAnyOrganization, seedDemo } from '../src/demo/seed.js';
import { TOPICS } from '../src/domain/topics.js';
import { queryRows } from '../src/db/client.js';

const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error('usage: generate-documents.ts N');

const config = loadConfig();
const database = await openPlatform(config);
const { db } = database;
if (!(await hasAnyOrganization(db))) await seedDemo(db);

const topics = TOPICS.filter((t) => t.parent).map((t) => t.code);
const subjects = ['农村人居环境整治', '义务教育招生入学', '城乡居民医疗保险', '安全生产专项整治', '营商环境优化', '高标准农田建设', '老旧小区改造', '就业创业补贴', '防汛防台', '文明城市创建', '政务公开', '食品安全监管', '生态环境保护', '乡村振兴', '养老服务体系建设'];
const verbs = ['关于印发', '关于进一步加强', '关于做好', '关于开展', '关于调整', '关于公布'];
const genres = ['通知', '实施意见', '管理办法', '工作方案', '若干措施', '实施细则'];
const types = ['normative', 'policy', 'policy', 'general', 'general', 'regulation'];
const validities = ['in_force', 'in_force', 'in_force', 'in_force', 'amended', 'repealed', 'expired'];
const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

const started = Date.now();
const [{ before }] = await queryRows<{ before: number }>(db, sql`select coalesce(max(id), 0)::int as before from documents`);
await db.execute(sql`
  insert into documents (org_id, title, doc_number, written_on, effective_on, genre, doc_type, topic, summary, body, disclosure, status, index_no, published_version, first_published_at)
  select o.id,
         o.name || (${arr(verbs)})[1 + i % 6] || (${arr(subjects)})[1 + (i / 7) % 15] || (${arr(genres)})[1 + (i / 3) % 6],
         '示' || left(o.code, 2) || '发〔' || (2016 + i % 10) || '〕' || (1 + i % 97) || '号',
         make_date(2016 + i % 10, 1 + i % 12, 1 + i % 28),
         make_date(2016 + i % 10, 1 + i % 12, 1 + i % 28) + 15,
         (${arr(genres)})[1 + (i / 3) % 6],
         (${arr(types)})[1 + i % 6],
         (${arr(topics)})[1 + i % ${topics.length}],
         '为' || (${arr(subjects)})[1 + (i / 7) % 15] || '，明确工作目标、主要任务和保障措施。',
         '<p>各乡镇人民政府，县政府各部门：</p><p>为推进' || (${arr(subjects)})[1 + (i / 7) % 15] || '工作，现就有关事项通知如下。</p><p>一、总体要求。</p><p>二、主要任务。</p><p>三、保障措施。</p>',
         'proactive', 'published', 'bench/' || i, 1,
         make_date(2016 + i % 10, 1 + i % 12, 1 + i % 28)::timestamptz + interval '3 days'
  from generate_series(1, ${count}) as i
  join lateral (select id, name, code from organizations order by id offset (i % (select count(*) from organizations)) limit 1) o on true
`);
await db.execute(sql`
  insert into document_versions (document_id, version, org_id, index_no, title, doc_number, written_on, effective_on, genre, doc_type, topic, keywords, summary, body, disclosure, published_at, is_current, validity)
  select d.id, 1, d.org_id, d.index_no, d.title, d.doc_number, d.written_on, d.effective_on, d.genre, d.doc_type, d.topic, d.keywords, d.summary, d.body, d.disclosure, d.first_published_at, true,
         (${arr(validities)})[1 + d.id % 7]
  from documents d where d.id > ${before}
`);
// As autovacuum would after a bulk load: statistics, and the visibility map for index-only counts.
await db.execute(sql`vacuum analyze documents`);
await db.execute(sql`vacuum analyze document_versions`);
console.log(`${count} documents generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await database.close();
