// Demo columns (栏目) of the county government, its office, 教育局 and 住建局, with update rules
// as 检查指标 asks (news every 2 weeks, notices and policies every 6 months); the demo documents
// put in fitting columns, and documents of the special columns (规划, 财政预决算, 重大建设项目)
// published through the real workflow with their fields.
import { eq } from 'drizzle-orm';
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import type { DocumentTransition } from '../domain/document-workflow.js';
import { PLAN_CATEGORIES } from '../domain/special-fields.js';
import { createColumn, type ColumnInput } from '../features/columns/service.js';
import { documentColumns } from '../features/columns/schema.js';
import { createDraft, type DocumentFields } from '../features/documents/drafts.js';
import { documents } from '../features/documents/schema.js';
import { transition } from '../features/documents/workflow.js';
import { findOrgByCode } from '../features/orgs/organizations.js';

type DemoColumn = Omit<ColumnInput, 'orgId' | 'parentId'> & { children?: DemoColumn[] };

const PLAN_CODES: Record<string, string> = { 发展规划: 'fzgh', 专项规划: 'zxgh', 空间规划: 'kjgh', 区域规划: 'qygh', 历史规划: 'lsgh' };

const common = {
  notices: { code: 'tzgg', name: '通知公告', description: '本机关发布的通知、公告、通告。', updateEvery: 2, updateUnit: 'week' },
  policies: { code: 'zcwj', name: '政策文件', description: '本机关制发的行政规范性文件和其他政策文件。', updateEvery: 6, updateUnit: 'month' },
  interpretations: { code: 'zcjd', name: '政策解读', description: '政策文件的文字解读、图解、问答。', updateEvery: 6, updateUnit: 'month' },
  budget: { code: 'czyjs', name: '财政预决算', kind: 'budget', description: '预算、决算和“三公”经费，批复后20日内公开。', updateEvery: 12, updateUnit: 'month' },
  personnel: { code: 'rsxx', name: '人事信息', description: '干部任免、公务员招录、事业单位公开招聘。', updateEvery: 1, updateUnit: 'month' },
} satisfies Record<string, DemoColumn>;

const plan: DemoColumn = {
  code: 'ghxx',
  name: '规划信息',
  kind: 'plan',
  description: '国民经济和社会发展规划、专项规划、空间规划、区域规划及历史规划。',
  children: PLAN_CATEGORIES.map((name) => ({ code: PLAN_CODES[name]!, name, kind: 'plan' as const })),
};
const projects: DemoColumn = { code: 'zdjsxm', name: '重大建设项目', kind: 'project', description: '重大建设项目批准和实施领域信息：批准服务、批准结果、招标投标、征收土地、设计变更、施工管理、质量安全监督、竣工验收。', updateEvery: 3, updateUnit: 'month' };

const DEMO_COLUMNS: Record<string, DemoColumn[]> = {
  sxx: [common.notices, common.policies, common.interpretations, plan, common.budget, projects, common.personnel],
  zfb: [{ code: 'zwgk', name: '政务公开工作', description: '政务公开工作要点、年度报告和工作动态。', updateEvery: 12, updateUnit: 'month' }, common.notices],
  jyj: [common.notices, common.policies, common.interpretations, common.budget, common.personnel],
  zjj: [common.notices, common.policies, common.interpretations, projects, common.budget],
};

async function addColumns(db: Db, orgId: number, list: DemoColumn[], parentId: number | null, codes: Map<string, number>) {
  for (const [i, { children, ...c }] of list.entries()) {
    const column = await createColumn(db, systemContext, { ...c, orgId, parentId, sortOrder: i });
    codes.set(column.code, column.id);
    if (children) await addColumns(db, orgId, children, column.id, codes);
  }
}

/** Puts already published demo documents in columns, by title. */
async function place(db: Db, orgId: number, columnId: number, match: (title: string) => boolean) {
  const docs = await db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.orgId, orgId));
  const ids = docs.filter((d) => match(d.title)).map((d) => d.id);
  if (ids.length) await db.insert(documentColumns).values(ids.map((documentId) => ({ documentId, columnId })));
}

const STEPS: DocumentTransition[] = ['submit', 'approve', 'secrecy_approve', 'publish'];

async function publishIn(db: Db, orgId: number, fields: DocumentFields, publishedOn: string) {
  const at = new Date(`${publishedOn}T10:00:00+08:00`);
  const doc = await createDraft(db, systemContext, orgId, fields);
  for (const step of STEPS) await transition(db, systemContext, doc.id, step, {}, at);
}

export async function seedDemoColumns(db: Db): Promise<void> {
  const columnIds = new Map<string, Map<string, number>>();
  const orgIds = new Map<string, number>();
  for (const [orgCode, list] of Object.entries(DEMO_COLUMNS)) {
    const org = await findOrgByCode(db, orgCode);
    if (!org) throw new Error(`demo organization ${orgCode} missing`);
    const codes = new Map<string, number>();
    await addColumns(db, org.id, list, null, codes);
    columnIds.set(orgCode, codes);
    orgIds.set(orgCode, org.id);
  }
  const col = (org: string, code: string) => columnIds.get(org)!.get(code)!;
  const org = (code: string) => orgIds.get(code)!;

  const interpretation = (t: string) => t.includes('政策解读') || t.startsWith('图解');
  await place(db, org('sxx'), col('sxx', 'zcwj'), (t) => !interpretation(t));
  await place(db, org('sxx'), col('sxx', 'zcjd'), interpretation);
  await place(db, org('zfb'), col('zfb', 'zwgk'), () => true);
  await place(db, org('jyj'), col('jyj', 'zcwj'), (t) => t.includes('招生入学'));
  await place(db, org('jyj'), col('jyj', 'tzgg'), (t) => t.includes('招生入学'));
  await place(db, org('zjj'), col('zjj', 'zcwj'), (t) => t.includes('物业服务'));

  await publishIn(
    db,
    org('sxx'),
    {
      title: '示例县国民经济和社会发展第十五个五年规划纲要',
      writtenOn: '2026-02-06',
      genre: '规划',
      docType: 'general',
      topic: '国民经济管理、国有资产监管\\宏观经济',
      keywords: ['十五五', '规划纲要'],
      summary: '示例县2026—2030年经济社会发展的主要目标、重点任务和重大举措。',
      body: '<h2>第一章 发展基础和发展环境</h2><p>“十四五”时期，全县地区生产总值年均增长6.2%，城乡居民收入持续增长。</p><h2>第二章 总体要求和主要目标</h2><p>到2030年，全县综合实力明显增强，公共服务水平显著提升。</p>',
      columnIds: [col('sxx', 'fzgh')],
      specialFields: { planCategory: '发展规划', planPeriod: '2026—2030' },
    },
    '2026-02-12',
  );
  await publishIn(
    db,
    org('sxx'),
    {
      title: '示例县人民政府关于县道X201城关至东山段改建工程项目建议书的批复',
      writtenOn: '2026-06-18',
      genre: '批复',
      docType: 'general',
      topic: '工业、交通\\公路',
      keywords: ['重大建设项目', '县道X201'],
      summary: '同意县道X201城关至东山段改建工程立项，建设里程18.6公里，按二级公路标准建设。',
      body: '<p>县交通运输局：</p><p>你局《关于县道X201城关至东山段改建工程项目建议书的请示》收悉。经研究，同意该项目立项。项目路线全长18.6公里，采用二级公路标准，估算总投资4.2亿元。</p>',
      columnIds: [col('sxx', 'zdjsxm')],
      specialFields: { projectName: '县道X201城关至东山段改建工程', projectStage: '批准结果' },
    },
    '2026-06-22',
  );
  await publishIn(
    db,
    org('jyj'),
    {
      title: '示例县教育局2026年部门预算',
      writtenOn: '2026-02-03',
      genre: '公告',
      docType: 'general',
      topic: '财政、金融、审计\\财政',
      keywords: ['部门预算'],
      summary: '公开示例县教育局2026年收支预算、“三公”经费预算和政府采购预算。',
      body: '<h2>一、部门主要职责</h2><p>贯彻执行国家和省、市教育工作方针政策，统筹全县各级各类教育发展。</p><h2>二、收支预算总体情况</h2><p>2026年收入预算合计52,380.6万元，支出预算合计52,380.6万元。</p>',
      columnIds: [col('jyj', 'czyjs')],
      specialFields: { fiscalYear: '2026', budgetCategory: '预算', budgetEntity: '部门' },
    },
    '2026-02-13',
  );
}
