// Generated published documents: a county's ten years of files for `npm start` (a few thousand) and
// for benchmarks (100k and more, bench/generate-documents.ts). Titles are built the way county
// files are named (机构 + 关于 + 事项 + 文种), per department and township, topics, doc types and years
// 2016 to today; later files replace, amend or repeal earlier ones of the same matter (dated
// relations), some notices expire, and some normative files have their interpretation.
//
// Rows are inserted in bulk (src/features/documents/bulk-publish.ts, the import's bulk path too),
// not through the use cases: 100k documents take seconds. What the use cases would keep is kept
// here too: index numbers from each organization's pattern and serial counters (advanced, so later
// real publications do not collide), and stored validity computed in SQL by the rule of
// src/domain/validity.ts (a test compares the two).
import { sql } from 'drizzle-orm';
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import { addDays, chinaDate, compareDates, type IsoDate } from '../domain/dates.js';
import { findTopic } from '../domain/topics.js';
import { indexMissing } from '../features/search/indexer.js';
import { recordAudit } from '../features/orgs/audit.js';
import { organizations } from '../features/orgs/schema.js';
import { bulkPublish, reserveDocumentIds, type BulkDocument } from '../features/documents/bulk-publish.js';
import type { DocType, InterpretationForm } from '../features/documents/schema.js';

interface Area {
  /** 发文字号 prefix: 示教发, 示政办发 … */
  abbr: string;
  topic: string;
  subjects: string[];
}

const TOWNSHIP: Area = { abbr: '政', topic: '综合政务\\其他', subjects: ['农村人居环境整治', '森林防火', '防汛防台', '村级组织换届', '集体经济发展', '安全生产大检查', '移风易俗', '乡村振兴'] };

/** Matters each organization writes about, and its usual topic. */
const AREAS: Record<string, Area> = {
  sxx: { abbr: '示政发', topic: '综合政务\\其他', subjects: ['优化营商环境', '城乡居民基本医疗保险', '国有土地上房屋征收与补偿', '政府投资项目管理', '村庄规划建设', '重大行政决策程序', '公共资源交易管理'] },
  zfb: { abbr: '示政办发', topic: '综合政务\\政务公开', subjects: ['政务公开', '政务服务“一网通办”', '12345政务服务便民热线', '政府信息公开申请办理', '政务新媒体管理', '督查检查考核'] },
  fgj: { abbr: '示发改', topic: '国民经济管理、国有资产监管\\宏观经济', subjects: ['重点项目建设', '社会信用体系建设', '价格监测', '粮食安全责任制', '节能降碳'] },
  jyj: { abbr: '示教发', topic: '科技、教育\\教育', subjects: ['义务教育招生入学', '校外培训机构监管', '学生资助', '中小学教师交流轮岗', '校园安全', '学前教育普惠发展'] },
  gaj: { abbr: '示公发', topic: '公安、安全、司法\\公安', subjects: ['道路交通安全管理', '户籍管理', '电动自行车登记', '烟花爆竹燃放管理'] },
  mzj: { abbr: '示民发', topic: '民政、扶贫、救灾\\社会福利', subjects: ['城乡最低生活保障', '特困人员救助供养', '养老服务补贴', '殡葬管理', '社会组织登记管理'] },
  sfj: { abbr: '示司发', topic: '公安、安全、司法\\司法', subjects: ['法律援助', '人民调解', '普法依法治理', '行政执法监督'] },
  czj: { abbr: '示财发', topic: '财政、金融、审计\\财政', subjects: ['预算绩效管理', '政府采购', '财政专项资金管理', '国有资产管理'] },
  rsj: { abbr: '示人社发', topic: '劳动、人事、监察\\劳动就业', subjects: ['就业创业补贴', '根治欠薪', '职业技能提升', '城乡居民养老保险', '事业单位公开招聘'] },
  zrj: { abbr: '示自然资规', topic: '国土资源、能源\\土地', subjects: ['国土空间规划', '农村宅基地管理', '耕地保护', '矿产资源开发管理'] },
  zjj: { abbr: '示建发', topic: '城乡建设、环境保护\\城乡建设（含住房）', subjects: ['城镇老旧小区改造', '住宅小区物业服务', '建筑施工安全', '农村危房改造', '住房公积金缴存'] },
  jtj: { abbr: '示交发', topic: '工业、交通\\公路', subjects: ['农村公路养护', '城乡公交一体化', '道路运输安全', '治超治限'] },
  nyj: { abbr: '示农发', topic: '农业、林业、水利\\农业、畜牧业、渔业', subjects: ['高标准农田建设', '春耕生产', '耕地地力保护补贴', '动物防疫', '农产品质量安全'] },
  wjj: { abbr: '示卫健发', topic: '卫生、体育\\卫生', subjects: ['家庭医生签约服务', '爱国卫生运动', '基层医疗卫生服务能力提升', '传染病防控'] },
  scj: { abbr: '示市监发', topic: '市场监管、安全生产监管\\市场监管', subjects: ['食品安全监管', '特种设备安全', '知识产权保护', '市场主体登记', '价格监督检查'] },
  yjj: { abbr: '示应急发', topic: '市场监管、安全生产监管\\安全生产监管', subjects: ['安全生产专项整治', '自然灾害应急救助', '危险化学品安全', '森林防火'] },
  ybj: { abbr: '示医保发', topic: '劳动、人事、监察\\社会保障', subjects: ['医疗保障基金监管', '门诊共济保障', '医保支付方式改革', '大病保险'] },
};

/** Title shapes: 关于 + matter + 文种, with the doc type they usually carry. */
const SHAPES: { make: (s: string, y: number, place: string) => string; genre: string; types: DocType[] }[] = [
  { make: (s, _y, place) => `关于印发${place}${s}管理办法的通知`, genre: '通知', types: ['normative'] },
  { make: (s, _y, place) => `关于印发${place}${s}实施细则的通知`, genre: '通知', types: ['normative'] },
  { make: (s) => `关于进一步加强${s}工作的意见`, genre: '意见', types: ['policy', 'normative'] },
  { make: (s, y) => `关于印发${y}年${s}工作实施方案的通知`, genre: '通知', types: ['policy'] },
  { make: (s, y) => `关于做好${y}年${s}工作的通知`, genre: '通知', types: ['policy', 'general'] },
  { make: (s) => `关于开展${s}专项行动的通知`, genre: '通知', types: ['general', 'policy'] },
  { make: (s, y) => `关于${y}年${s}工作情况的通报`, genre: '通报', types: ['general'] },
  { make: (s) => `关于调整${s}有关标准的通知`, genre: '通知', types: ['normative', 'policy'] },
];

const FORMS: { form: InterpretationForm; title: (t: string) => string }[] = [
  { form: 'text', title: (t) => `《${t}》政策解读` },
  { form: 'qa', title: (t) => `一问一答读懂《${t}》` },
  { form: 'graphic', title: (t) => `图解：${t}` },
];

/** A small deterministic generator (mulberry32), so a seed gives the same documents. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

export interface Org {
  id: number;
  code: string;
  name: string;
  kind: string;
  indexPattern: string | null;
}

export interface Spec {
  org: Org;
  series: string;
  title: string;
  docNumber: string;
  genre: string;
  docType: DocType;
  topic: string;
  keywords: string[];
  summary: string;
  body: string;
  writtenOn: IsoDate;
  effectiveOn: IsoDate;
  expiresOn: IsoDate | null;
  publishedOn: IsoDate;
  interpretationOf: Spec | null;
  interpretationForm: InterpretationForm | null;
  interpreted: boolean;
  /** Replaced, repealed or given an expiry: nothing acts on it any more. */
  closed: boolean;
  id?: number;
}

export interface Relation {
  from: Spec;
  to: Spec;
  kind: 'amends' | 'repeals' | 'replaces';
}

function bodyOf(org: Org, subject: string, title: string, kind: 'policy' | 'interpretation'): string {
  const to = org.kind === 'township' ? '各村（居）民委员会，镇属各单位：' : '各乡镇人民政府，县直有关单位：';
  if (kind === 'interpretation') {
    return `<h2>一、制定背景</h2><p>为做好${subject}工作，${org.name}起草了《${title}》。</p><h2>二、主要内容</h2><p>明确了工作目标、适用范围、办理程序和保障措施。</p><h2>三、惠企利民举措</h2><p>符合条件的群众和企业可按规定申请享受相关政策。</p>`;
  }
  return `<p>${to}</p><p>为做好${subject}工作，根据有关法律法规和上级文件精神，结合本县实际，现就有关事项通知如下。</p><h2>一、总体要求</h2><p>坚持以人民为中心，统筹推进${subject}各项工作。</p><h2>二、主要任务</h2><p>各单位要明确责任分工，细化工作措施，确保按时完成目标任务。</p><h2>三、保障措施</h2><p>加强组织领导，强化督促检查，及时总结工作经验。</p>`;
}

/**
 * N document specifications, sorted by publication date (interpretations after their policy); also
 * the rows of the import benchmark's manifest (bench/import.ts).
 */
export function specify(orgs: Org[], count: number, today: IsoDate, seed: number): { specs: Spec[]; relations: Relation[] } {
  const r = random(seed);
  const lastYear = Number(today.slice(0, 4));
  const numbers = new Map<string, number>();
  /** Per matter, the recent policy files that a later one may still act on. */
  const series = new Map<string, Spec[]>();
  const specs: Spec[] = [];
  const relations: Relation[] = [];
  while (specs.length < count) {
    const org = r.pick(orgs);
    const area = AREAS[org.code] ?? TOWNSHIP;
    // A township writes for its own area: 东山镇…办法, 东政发〔2024〕3号.
    const place = org.kind === 'township' ? org.name.replace(/^示例县|人民政府$/g, '') : '示例县';
    const abbr = org.kind === 'township' ? `${place[0]}${area.abbr}发` : area.abbr;
    // Interpretations of normative files not yet explained (谁起草谁解读: same organization).
    const open = specs.length > 20 && r.next() < 0.12 ? specs.slice(-60).find((s) => s.org === org && s.docType === 'normative' && !s.interpreted && !s.interpretationOf) : undefined;
    if (open) {
      open.interpreted = true;
      const f = r.pick(FORMS);
      const policyName = open.title.replace(/^.*关于印发/, '').replace(/的通知$/, '');
      const title = f.title(policyName);
      specs.push({ ...open, title, docNumber: '', genre: '', docType: 'general', keywords: open.keywords, summary: `解读${policyName}的背景、主要内容和惠企利民举措。`, body: bodyOf(org, open.series, policyName, 'interpretation'), expiresOn: null, interpretationOf: open, interpretationForm: f.form, interpreted: false, closed: false });
      continue;
    }
    const subject = r.pick(area.subjects);
    const year = 2016 + r.int(lastYear - 2016 + 1);
    const shape = r.pick(SHAPES);
    const docType = org.kind === 'township' && shape.types[0] === 'normative' ? 'policy' : r.pick(shape.types);
    let writtenOn = `${year}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
    if (compareDates(writtenOn, addDays(today, -12)) > 0) writtenOn = addDays(today, -12 - r.int(60));
    const publishedOn = addDays(writtenOn, 2 + r.int(9));
    const effectiveOn = docType === 'normative' && r.next() < 0.5 ? addDays(writtenOn, 30) : writtenOn;
    const numberKey = `${org.code}/${writtenOn.slice(0, 4)}`;
    const n = (numbers.get(numberKey) ?? 0) + 1;
    numbers.set(numberKey, n);
    const key = `${org.code}/${subject}`;
    const earlier = series.get(key) ?? [];
    const spec: Spec = {
      org,
      series: subject,
      title: `${org.name}${shape.make(subject, Number(writtenOn.slice(0, 4)), place)}`,
      docNumber: docType === 'general' && r.next() < 0.5 ? '' : `${abbr}〔${writtenOn.slice(0, 4)}〕${n}号`,
      genre: shape.genre,
      docType,
      topic: findTopic(area.topic)!.code,
      keywords: [subject, ...(docType === 'normative' ? ['规范性文件'] : [])],
      summary: `明确${subject}的工作目标、主要任务和保障措施。`,
      body: bodyOf(org, subject, '', 'policy'),
      writtenOn,
      effectiveOn,
      // Yearly work plans and campaigns run for a limited time.
      expiresOn: docType === 'policy' && shape.genre === '通知' && r.next() < 0.35 ? addDays(writtenOn, 365 + r.int(730)) : null,
      publishedOn,
      interpretationOf: null,
      interpretationForm: null,
      interpreted: false,
      closed: false,
    };
    // A later policy file of the same matter may replace, amend or repeal an earlier one.
    const target = spec.docType !== 'general' ? earlier.find((e) => !e.closed && compareDates(e.effectiveOn, spec.effectiveOn) < 0) : undefined;
    const roll = r.next();
    if (target && roll < 0.3) {
      const kind = roll < 0.16 ? 'replaces' : roll < 0.24 ? 'amends' : 'repeals';
      if (kind !== 'amends') target.closed = true;
      if (kind === 'replaces' && /管理办法|实施细则/.test(target.title)) spec.title = target.title.replace(/(管理办法|实施细则)的通知$/, `$1（${spec.writtenOn.slice(0, 4)}年修订）的通知`);
      relations.push({ from: spec, to: target, kind });
      spec.body += `<p>${kind === 'amends' ? '对' : ''}《${target.title}》（${target.docNumber}）${kind === 'amends' ? '作相应修改' : '同时废止'}。</p>`;
    }
    if (spec.docType !== 'general' && !spec.expiresOn) series.set(key, [...earlier.filter((e) => !e.closed).slice(-20), spec]);
    specs.push(spec);
  }
  // Publication order; an interpretation goes public with its policy, right after it.
  const order = new Map(specs.map((s, i) => [s, i]));
  specs.sort((a, b) => compareDates(a.publishedOn, b.publishedOn) || Number(Boolean(a.interpretationOf)) - Number(Boolean(b.interpretationOf)) || order.get(a)! - order.get(b)!);
  // A relation takes effect when the acting document does; it must act on an earlier publication.
  return { specs, relations: relations.filter((x) => compareDates(x.to.publishedOn, x.from.publishedOn) <= 0) };
}

/** A spec as bulk publication takes it: published at 10:00 on its day, recorded as generated. */
function published(s: Spec): BulkDocument {
  const at = new Date(`${s.publishedOn}T10:00:00+08:00`);
  return {
    id: s.id!,
    org: s.org,
    title: s.title,
    docNumber: s.docNumber,
    writtenOn: s.writtenOn,
    effectiveOn: s.effectiveOn,
    expiresOn: s.expiresOn,
    formedOn: null,
    genre: s.genre,
    docType: s.docType,
    topic: s.topic,
    keywords: s.keywords,
    coIssuers: [],
    summary: s.summary,
    body: s.body,
    disclosure: 'proactive',
    disclosureReason: '',
    interpretationOf: s.interpretationOf?.id ?? null,
    interpretationForm: s.interpretationForm,
    indexNo: null,
    publishedAt: at,
    createdAt: at,
    events: [{ action: 'publish', note: '演示数据（批量生成）', at }],
  };
}

export interface GenerateOptions {
  count: number;
  /** Organization codes to write for (default: every organization but villages). */
  orgCodes?: string[];
  seed?: number;
  today?: IsoDate;
}

/** Inserts `count` published documents; returns their id range. */
export async function generateDocuments(db: Db, opts: GenerateOptions): Promise<{ first: number; last: number; relations: number }> {
  const today = opts.today ?? chinaDate(new Date());
  const all = await db.select({ id: organizations.id, code: organizations.code, name: organizations.name, kind: organizations.kind, indexPattern: organizations.indexPattern }).from(organizations);
  const orgs = all.filter((o) => (opts.orgCodes ? opts.orgCodes.includes(o.code) : o.kind !== 'village'));
  if (!orgs.length) throw new Error('no organizations to generate documents for');
  const { specs, relations } = specify(orgs, opts.count, today, opts.seed ?? 20160101);

  // Ids reserved up front, so interpretations and relations can name their documents.
  const ids = await reserveDocumentIds(db, specs.length);
  specs.forEach((s, i) => (s.id = ids[i]));
  // A loop, not Math.min(...ids): a million arguments overflow the call stack.
  const first = ids.reduce((m, x) => Math.min(m, x), Infinity);
  const last = ids.reduce((m, x) => Math.max(m, x), -Infinity);

  await db.transaction(async (tx) => {
    // Index numbers, versions and the timeline as publication keeps them (src/features/documents/bulk-publish.ts);
    // searchable once validity is known, below.
    for (let i = 0; i < specs.length; i += 2000) {
      await bulkPublish(tx, specs.slice(i, i + 2000).map(published), { index: false });
    }
    for (let i = 0; i < relations.length; i += 1000) {
      const chunk = relations.slice(i, i + 1000);
      await tx.execute(sql`
        insert into document_relations (from_document_id, to_document_id, kind, effective_on, created_at)
        select * from unnest(${sql.raw(`array[${chunk.map((x) => x.from.id).join(',')}]::int[]`)}, ${sql.raw(`array[${chunk.map((x) => x.to.id).join(',')}]::int[]`)},
          ${sql.raw(`array[${chunk.map((x) => `'${x.kind}'`).join(',')}]::text[]`)}, ${sql.raw(`array[${chunk.map((x) => `'${x.from.effectiveOn}'`).join(',')}]::date[]`)},
          ${sql.raw(`array[${chunk.map((x) => `'${x.from.publishedOn}T10:00:00+08:00'`).join(',')}]::timestamptz[]`)})`);
    }
    await refreshGeneratedValidity(tx, first, last, today);
    await recordAudit(tx, systemContext, { action: 'document.generate', orgId: null, targetType: 'document', summary: `生成演示文件 ${specs.length} 件（含解读，文件关系 ${relations.length} 条）` });
  });
  // Searchable like every published document (batches of their own transactions).
  await indexMissing(db);
  return { first, last, relations: relations.length };
}

/**
 * Stored validity of documents first..last, by the rule of src/domain/validity.ts in one statement:
 * the most decisive change that has taken effect by today (废止/替代 > 失效 > 修改), counting only
 * relations whose acting document is public; and the next day validity changes by itself.
 */
async function refreshGeneratedValidity(tx: Db, first: number, last: number, today: IsoDate) {
  await tx.execute(sql`
    update document_versions v set validity = x.validity, validity_next_change = x.next_change
    from (
      select v.document_id,
        case greatest(
            coalesce(max(case when r.effective_on <= ${today}::date then case r.kind when 'repeals' then 3 when 'replaces' then 3 when 'expires' then 2 else 1 end end), 0),
            case when v.expires_on + 1 <= ${today}::date then 2 else 0 end)
          when 3 then 'repealed' when 2 then 'expired' when 1 then 'amended' else 'in_force' end as validity,
        least(
          case when v.effective_on > ${today}::date then v.effective_on end,
          min(case when r.effective_on > ${today}::date then r.effective_on end),
          case when v.expires_on + 1 > ${today}::date then v.expires_on + 1 end) as next_change
      from document_versions v
      left join document_relations r on r.to_document_id = v.document_id
        and exists (select 1 from document_versions f where f.document_id = r.from_document_id and f.is_current)
      where v.is_current and v.document_id between ${first} and ${last}
        -- the rest are in force with nothing pending, as inserted
        and (v.expires_on is not null or v.effective_on > ${today}::date or v.document_id in (select to_document_id from document_relations where to_document_id between ${first} and ${last}))
      group by v.document_id, v.effective_on, v.expires_on
    ) x
    where v.document_id = x.document_id and v.is_current`);
}
