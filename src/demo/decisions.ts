// Demo decisions of the 示例县 government (issue #7), all through the use cases: the 2026 catalogue
// with an item in public participation on the open consultation 示例县城镇老旧小区改造资金补助办法 (its
// stage dated from the consultation's start), one at legality review, the 农村村民住宅建设管理办法
// revision decided and published as 示政发〔2026〕4号 with its consultation of December 2025, one not
// yet begun, one added after publication and one whose planned time moved (each with its reason), one
// taken out with its reason; and the 2025 catalogue whose 医疗救助 decision of March 2025 was evaluated
// in April 2026. The catalogues are published through the use case and then dated to their usual
// publication day (the first quarter), as a real county publishes them.
import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../context.js';
import type { Db } from '../db/client.js';
import { chinaDate, compareDates, type IsoDate } from '../domain/dates.js';
import type { StageKind } from '../domain/decision.js';
import { consultations } from '../features/consultations/schema.js';
import { createCatalog, addItem, publishCatalog, removeItem, updateItem, linkItem } from '../features/decisions/manage.js';
import { decisionCatalogs } from '../features/decisions/schema.js';
import { addStage } from '../features/decisions/stages.js';
import { documents } from '../features/documents/schema.js';
import { findOrgByCode } from '../features/orgs/organizations.js';
import { staff } from './applications.js';

interface DemoStage {
  kind: StageKind;
  startedOn: IsoDate;
  endedOn?: IsoDate;
  summary?: string;
  isPublic?: boolean;
  docNumber?: string;
}

interface DemoItem {
  seq: number;
  name: string;
  org: string;
  basis: string;
  plannedTime: string;
  /** Who records its stages: the undertaking department's editor, or the government's. */
  by?: string;
  stages?: DemoStage[];
  consultationTitle?: string;
  docNumber?: string;
  /** Added after the catalogue was published, with this reason. */
  addedBecause?: string;
  change?: { plannedTime: string; reason: string };
  removedBecause?: string;
}

const GOV_EDITOR = 'sxx_editor';

async function docId(db: Db, docNumber: string | undefined): Promise<number | null> {
  if (!docNumber) return null;
  const [doc] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.docNumber, docNumber), eq(documents.status, 'published')));
  return doc?.id ?? null;
}

async function consultationByTitle(db: Db, title: string | undefined) {
  if (!title) return null;
  const [c] = await db.select({ id: consultations.id, startsOn: consultations.startsOn }).from(consultations).where(eq(consultations.title, title));
  return c ?? null;
}

const OLD_ESTATES = '示例县城镇老旧小区改造资金补助办法';

function items2026(today: IsoDate, participationFrom: IsoDate | null): DemoItem[] {
  return [
    {
      seq: 1,
      name: '示例县农村村民住宅建设管理办法（修订）',
      org: 'zrj',
      basis: '《中华人民共和国土地管理法》第六十二条；《浙江省土地管理条例》',
      plannedTime: '2026年3月',
      consultationTitle: '示例县农村村民住宅建设管理办法（修订）',
      docNumber: '示政发〔2026〕4号',
      stages: [
        { kind: 'participation', startedOn: '2025-12-01', endedOn: '2025-12-30', summary: '通过县政府门户网站公开征求意见30日，并于12月18日召开听证会，共收到意见15条。' },
        { kind: 'expert_review', startedOn: '2026-01-08', endedOn: '2026-01-09', summary: '邀请规划、土地、法律方面专家5名论证，专家认为宅基地面积标准和审批流程设置合理。' },
        { kind: 'risk_assessment', startedOn: '2026-01-05', endedOn: '2026-01-09', summary: '社会稳定风险评估结论为低风险。', isPublic: false },
        { kind: 'legality_review', startedOn: '2026-01-12', endedOn: '2026-01-21', summary: '县司法局出具合法性审查意见，认为办法符合法律法规规定。' },
        { kind: 'collective_discussion', startedOn: '2026-02-10', endedOn: '2026-02-10', summary: '县政府第3次常务会议审议通过。' },
        { kind: 'decision', startedOn: '2026-02-27', endedOn: '2026-02-27', summary: '县政府印发修订后的办法，自2026年4月1日起施行。', docNumber: '示政发〔2026〕4号' },
        { kind: 'publication', startedOn: '2026-03-02', endedOn: '2026-03-02', summary: '在县政府门户网站和政府公报公布，同步发布图解解读。', docNumber: '示政发〔2026〕4号' },
      ],
    },
    {
      seq: 2,
      name: '示例县城区集中供热特许经营实施方案',
      org: 'fgj',
      basis: '《基础设施和公用事业特许经营管理办法》',
      plannedTime: '2026年12月',
      stages: [
        { kind: 'participation', startedOn: '2026-08-03', endedOn: '2026-09-01', summary: '公开征求意见30日，收到意见9条，主要涉及供热价格和服务标准。' },
        { kind: 'expert_review', startedOn: '2026-09-15', endedOn: '2026-09-16', summary: '专家论证会认为特许经营期限宜由30年调整为25年，已采纳。' },
        { kind: 'risk_assessment', startedOn: '2026-10-12', endedOn: '2026-10-23', summary: '风险评估报告（含价格承受能力测算）。', isPublic: false },
        { kind: 'legality_review', startedOn: '2026-11-16', summary: '已送县司法局进行合法性审查。' },
      ],
    },
    {
      seq: 3,
      name: OLD_ESTATES,
      org: 'zjj',
      by: 'zjj_editor',
      basis: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）',
      plannedTime: '2027年1月',
      consultationTitle: OLD_ESTATES,
      stages: [
        { kind: 'expert_review', startedOn: '2026-10-20', endedOn: '2026-10-21', summary: '组织住建、财政和物业管理方面专家论证补助标准。' },
        ...(participationFrom && compareDates(participationFrom, today) <= 0 ? [{ kind: 'participation' as const, startedOn: participationFrom, summary: '办法草案正在县政府门户网站公开征求意见。' }] : []),
      ],
    },
    {
      seq: 4,
      name: '示例县中小学校布局专项规划（2026—2035年）',
      org: 'jyj',
      by: 'jyj_editor',
      basis: '《中华人民共和国义务教育法》第十五条；《浙江省中小学校布局规划编制导则》',
      plannedTime: '2026年10月',
      change: { plannedTime: '2027年3月', reason: '需与正在编制的县国土空间详细规划衔接，计划完成时间相应顺延' },
      stages: [{ kind: 'expert_review', startedOn: '2026-09-07', endedOn: '2026-09-08', summary: '专家论证会对学位需求预测方法提出修改意见，编制单位正在修改。' }],
    },
    {
      seq: 5,
      name: '示例县城区停车收费标准调整',
      org: 'fgj',
      basis: '《中华人民共和国价格法》；《浙江省定价目录》',
      plannedTime: '2026年6月',
      removedBecause: '新版《浙江省定价目录》将城区路外停车收费改为市场调节价，不再由政府定价，该事项不再作为重大行政决策事项。',
    },
    {
      seq: 6,
      name: '示例县应急物资储备管理办法',
      org: 'yjj',
      basis: '《中华人民共和国突发事件应对法》第三十二条',
      plannedTime: '2026年12月',
      addedBecause: '根据市政府关于加强应急物资保障体系建设的部署，增列本事项。',
    },
  ];
}

const ITEMS_2025: DemoItem[] = [
  {
    seq: 1,
    name: '示例县城乡居民医疗救助实施办法',
    org: 'ybj',
    basis: '《社会救助暂行办法》；《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》',
    plannedTime: '2025年3月',
    stages: [
      { kind: 'participation', startedOn: '2024-12-02', endedOn: '2025-01-02', summary: '公开征求意见31日，收到意见21条，采纳8条。' },
      { kind: 'legality_review', startedOn: '2025-01-20', endedOn: '2025-02-10', summary: '县司法局合法性审查通过。' },
      { kind: 'collective_discussion', startedOn: '2025-03-04', endedOn: '2025-03-04', summary: '县政府第4次常务会议审议通过。' },
      { kind: 'decision', startedOn: '2025-03-10', endedOn: '2025-03-10', summary: '县政府印发实施办法，自2025年4月1日起施行。' },
      { kind: 'publication', startedOn: '2025-03-12', endedOn: '2025-03-12', summary: '在县政府门户网站公布。' },
      {
        kind: 'evaluation',
        startedOn: '2026-04-01',
        endedOn: '2026-05-29',
        summary: '委托第三方评估：办法实施一年来共救助3,126人次，救助资金2,180万元，困难群众政策范围内自付比例下降至12%；建议将因病致贫边缘人口纳入救助范围。',
      },
    ],
  },
];

async function seedCatalog(db: Db, year: number, publishedOn: IsoDate, note: string, items: DemoItem[]) {
  const sxx = await findOrgByCode(db, 'sxx');
  if (!sxx) throw new Error('demo organization sxx missing');
  const gov = await staff(db, GOV_EDITOR);
  const catalog = await createCatalog(db, gov, { orgId: sxx.id, year, note });
  const ids = new Map<number, number>();
  for (const item of items.filter((i) => !i.addedBecause)) {
    const org = await findOrgByCode(db, item.org);
    ids.set(item.seq, (await addItem(db, gov, catalog.id, { seq: item.seq, name: item.name, undertakingOrgId: org!.id, basis: item.basis, plannedTime: item.plannedTime })).id);
  }
  await publishCatalog(db, gov, catalog.id);
  await db.update(decisionCatalogs).set({ publishedAt: new Date(`${publishedOn}T10:00:00+08:00`) }).where(eq(decisionCatalogs.id, catalog.id));
  for (const item of items) {
    const org = (await findOrgByCode(db, item.org))!;
    const fields = { seq: item.seq, name: item.name, undertakingOrgId: org.id, basis: item.basis, plannedTime: item.plannedTime };
    if (item.addedBecause) ids.set(item.seq, (await addItem(db, gov, catalog.id, { ...fields, reason: item.addedBecause })).id);
    const id = ids.get(item.seq)!;
    const by: ActionContext = item.by ? await staff(db, item.by) : gov;
    for (const s of item.stages ?? []) {
      await addStage(db, by, id, { kind: s.kind, startedOn: s.startedOn, endedOn: s.endedOn ?? null, summary: s.summary ?? '', isPublic: s.isPublic ?? true, documentId: await docId(db, s.docNumber) });
    }
    const consultation = await consultationByTitle(db, item.consultationTitle);
    const document = await docId(db, item.docNumber);
    if (consultation || document) await linkItem(db, by, id, { consultationId: consultation?.id ?? null, documentId: document });
    if (item.change) await updateItem(db, gov, id, { ...fields, plannedTime: item.change.plannedTime, reason: item.change.reason });
    if (item.removedBecause) await removeItem(db, gov, id, { reason: item.removedBecause });
  }
}

export async function seedDemoDecisions(db: Db): Promise<void> {
  const today = chinaDate(new Date());
  await seedCatalog(db, 2025, '2025-02-20', '经县政府第2次常务会议研究确定，现予公布。目录实行动态管理，调整情况及理由向社会公布。', ITEMS_2025);
  // The open consultation's start, when the consultations' demo has it (its stage of public participation).
  const open = await consultationByTitle(db, OLD_ESTATES);
  await seedCatalog(
    db,
    2026,
    '2026-02-26',
    '根据《重大行政决策程序暂行条例》和《浙江省重大行政决策事项目录管理办法》，经县政府第2次常务会议研究确定，现予公布。目录实行动态管理，调整情况及理由向社会公布。',
    items2026(today, open?.startsOn ?? null),
  );
}
