// Demo consultations of the 示例县 government (issue #7), all through the use cases, dated from the
// real clock at seed time so each stays in its phase: 教育局's 学前教育资助办法 open for 30 days and
// 住建局's 老旧小区改造补助办法 open for 15 days with its public reason and a hearing planned; 教育局's
// 校外培训机构管理办法 closed 45 days ago with its adoption report overdue (the supervisor's list) and
// 住建局's 电动自行车停放充电管理规定 closed last week, every comment answered, its report not yet out;
// and the county's 农村村民住宅建设管理办法 revision of December 2025, with its hearing, comments on
// clauses given every disposition, one comment not published, the adoption report and the final
// document (示政发〔2026〕4号) linked.
import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../context.js';
import type { Db } from '../db/client.js';
import type { CommentDisposition } from '../domain/consultation.js';
import { addDays, chinaDate, type IsoDate } from '../domain/dates.js';
import { submitComment } from '../features/consultations/comment.js';
import { disposeComment, moderateComment } from '../features/consultations/handle.js';
import { addHearing, createConsultation, linkFinalDocument, publishConsultation, type ConsultationFields, type HearingFields } from '../features/consultations/manage.js';
import { publishAdoptionReport } from '../features/consultations/report.js';
import { documents } from '../features/documents/schema.js';
import { findOrgByCode } from '../features/orgs/organizations.js';
import { staff } from './applications.js';

/** A comment as the public sends it, then as staff handle it (no moderation: left waiting). */
interface DemoComment {
  on: IsoDate;
  clause?: number;
  body: string;
  name?: string;
  moderation?: 'published' | 'rejected';
  note?: string;
  disposition?: CommentDisposition;
  reason?: string;
  topic?: string;
}

interface DemoConsultation extends ConsultationFields {
  org: string;
  by: string;
  hearings?: HearingFields[];
  comments: DemoComment[];
  report?: { on: IsoDate; summary: string };
  finalDocNumber?: string;
}

const at = (day: IsoDate) => new Date(`${day}T10:00:00+08:00`);

function demoConsultations(today: IsoDate): DemoConsultation[] {
  const day = (n: number) => addDays(today, n);
  return [
    {
      org: 'jyj',
      by: 'jyj_editor',
      title: '示例县学前教育资助办法',
      draft: [
        '示例县学前教育资助办法（征求意见稿）',
        '第一条 为保障家庭经济困难儿童接受普惠性学前教育，根据国家和省有关规定，结合本县实际，制定本办法。',
        '第二条 本办法适用于在本县经审批设立的公办幼儿园和普惠性民办幼儿园就读的儿童。',
        '第三条 资助对象为家庭经济困难儿童、孤儿和残疾儿童，资助标准为每生每年1000元。',
        '第四条 资助申请每学期受理一次，由幼儿园初审、县教育局复核后公示5个工作日。',
        '第五条 本办法自2027年1月1日起施行。',
      ].join('\n'),
      explanation: '现行资助标准制定于2019年，已不适应当前保教费水平。本办法将资助标准由每生每年600元提高到1000元，并将残疾儿童纳入资助范围。',
      channels: '信函：示例县城关镇文昌路18号 示例县教育局学前教育股（信封注明“资助办法意见”）\n电子邮件：gk_jyj@example.gov.cn',
      startsOn: day(-6),
      endsOn: day(23),
      comments: [
        { on: day(-5), clause: 3, body: '建议资助标准按保教费的一定比例确定，随收费标准调整，避免几年后又不够用。', name: '刘女士', moderation: 'published' },
        { on: day(-3), body: '希望申请材料能在网上提交，减少家长来回跑。', moderation: 'published' },
        { on: day(-1), clause: 4, body: '公示时请不要公布儿童的姓名和家庭情况，保护孩子隐私。', name: '陈先生' },
      ],
    },
    {
      org: 'zjj',
      by: 'zjj_editor',
      title: '示例县城镇老旧小区改造资金补助办法',
      draft: [
        '示例县城镇老旧小区改造资金补助办法（征求意见稿）',
        '第一条 为推进城镇老旧小区改造，规范补助资金管理，制定本办法。',
        '第二条 本办法所称老旧小区，是指2000年底前建成、失养失修失管的城镇住宅小区。',
        '第三条 基础类改造按每平方米建筑面积200元给予补助，完善类改造按每平方米100元给予补助。',
        '第四条 加装电梯的，每部补助15万元，所需其余资金由业主按楼层分摊。',
        '第五条 补助资金实行专账核算，任何单位和个人不得截留、挪用。',
      ].join('\n'),
      explanation: '落实省城镇老旧小区改造工作部署，明确县级配套补助标准和资金管理要求。',
      channels: '信函：示例县城关镇建设路20号 示例县住房和城乡建设局城建股',
      startsOn: day(-2),
      endsOn: day(12),
      shortPeriodReason: '省级老旧小区改造补助资金申报将于下月初截止，须在申报前明确县级配套补助标准，故征求意见期限为15日。',
      hearings: [
        {
          heldOn: day(5),
          place: '示例县住房和城乡建设局三楼会议室',
          selection: '在拟改造小区的业主中自愿报名，报名人数超过20人的，公开随机抽取；另邀请社区居民委员会和物业服务企业代表各2名。',
        },
      ],
      comments: [{ on: day(-1), clause: 4, body: '一楼住户不用电梯，建议明确一楼不分摊加装电梯费用。' }],
    },
    {
      org: 'jyj',
      by: 'jyj_editor',
      title: '示例县校外培训机构管理办法',
      draft: [
        '示例县校外培训机构管理办法（征求意见稿）',
        '第一条 为规范校外培训机构办学行为，减轻中小学生校外培训负担，制定本办法。',
        '第二条 举办校外培训机构，应当依法取得办学许可证。',
        '第三条 校外培训机构收费应当在显著位置公示，不得一次性收取超过3个月的费用。',
        '第四条 县教育局会同县市场监督管理局对校外培训机构开展年度检查，检查结果向社会公开。',
      ].join('\n'),
      explanation: '落实国家关于规范校外培训的要求，细化本县校外培训机构的审批、收费和监管规定。',
      startsOn: day(-75),
      endsOn: day(-45),
      comments: [
        { on: day(-70), clause: 3, body: '建议预收费用全部进入监管账户，防止机构跑路。', moderation: 'published', disposition: 'adopted', topic: '预收费监管', reason: '第三条增加预收费用纳入监管账户的规定。' },
        { on: day(-60), clause: 4, body: '年度检查结果请公布到每一家机构，便于家长选择。', moderation: 'published' },
        { on: day(-50), body: '希望放宽周末的培训时间限制。' },
      ],
    },
    {
      org: 'zjj',
      by: 'zjj_editor',
      title: '示例县住宅小区电动自行车停放充电管理规定',
      draft: [
        '示例县住宅小区电动自行车停放充电管理规定（征求意见稿）',
        '第一条 为预防电动自行车火灾事故，保障居民生命财产安全，制定本规定。',
        '第二条 禁止在住宅楼的公共门厅、疏散走道、楼梯间和安全出口停放电动自行车或者为其充电。',
        '第三条 新建住宅小区应当按照规定配建电动自行车集中停放和充电场所。',
        '第四条 物业服务企业应当每日巡查，发现违规停放、充电的，及时劝阻并报告。',
      ].join('\n'),
      startsOn: day(-40),
      endsOn: day(-8),
      comments: [
        { on: day(-30), clause: 3, body: '老小区没有空地建充电棚，建议允许利用闲置自行车库改建。', moderation: 'published', disposition: 'adopted', topic: '充电设施', reason: '第三条增加老旧小区利用现有车棚、车库改建充电场所的规定。' },
        { on: day(-20), clause: 4, body: '物业没有执法权，劝阻不听怎么办？建议明确由街道和消防部门处理。', moderation: 'published', disposition: 'partly_adopted', topic: '监督管理', reason: '增加物业服务企业报告后由乡镇人民政府和消防救援机构依法处理的规定；执法职责由法律规定，本规定不再另行设定。' },
      ],
    },
    {
      org: 'sxx',
      by: 'sxx_editor',
      title: '示例县农村村民住宅建设管理办法（修订）',
      draft: [
        '示例县农村村民住宅建设管理办法（修订征求意见稿）',
        '第一章 总则',
        '第一条 为规范农村村民住宅建设，节约集约利用土地，结合本县实际，制定本办法。',
        '第二条 本办法适用于本县行政区域内农村村民在集体土地上新建、改建、扩建住宅的管理。',
        '第二章 申请和审批',
        '第三条 农村村民建房实行联审联办，由乡镇人民政府统一受理、统一审批。',
        '第四条 乡镇人民政府自受理之日起15个工作日内作出审批决定。',
        '第五条 每户宅基地面积不得超过120平方米，住宅层数不超过3层。',
        '第三章 监督管理',
        '第六条 乡镇人民政府应当在开工前实地放样，在竣工后组织验收。',
      ].join('\n'),
      explanation: '2023年办法施行以来，村民反映建房审批涉及部门多、时间长。本次修订推行联审联办，将审批时限由20个工作日缩短为15个工作日，并明确面积和层数标准。',
      channels: '信函：示例县城关镇人民路1号 示例县人民政府办公室（司法局代收）',
      startsOn: '2025-12-01',
      endsOn: '2025-12-30',
      hearings: [
        {
          heldOn: '2025-12-18',
          place: '示例县人民政府第二会议室',
          selection: '在各乡镇报名的村民中随机抽取12名，另邀请人大代表、政协委员和律师各1名。',
          participants: '村民代表12名（同意公开姓名的：李大山、王秀英、赵春生），县人大代表张文，县政协委员何静，律师孙敏',
          record: '与会人员普遍支持联审联办；多名村民代表建议进一步缩短审批时限，并对面积标准提出意见。',
        },
      ],
      comments: [
        { on: '2025-12-05', clause: 3, body: '联审联办很好，建议同时公开各环节的办理进度，村民可以在手机上查询。', name: '李大山', moderation: 'published', disposition: 'adopted', topic: '审批程序', reason: '第三条增加在县政务服务网公开建房审批进度的规定。' },
        { on: '2025-12-09', clause: 4, body: '15个工作日还是太长，建议缩短为10个工作日。', moderation: 'published', disposition: 'partly_adopted', topic: '审批时限', reason: '资料齐全、不需要实地踏勘的，审批时限缩短为10个工作日；需要踏勘的，保留15个工作日。' },
        { on: '2025-12-12', clause: 5, body: '家里人口多，120平方米不够用，建议按人口确定面积。', moderation: 'published', disposition: 'not_adopted', topic: '面积标准', reason: '宅基地面积标准由省有关规定确定，县级不能突破；人口较多的户可以在层数范围内增加建筑面积。' },
        { on: '2025-12-20', body: '专业承接农村自建房设计施工，价格优惠，电话……', moderation: 'rejected', note: '广告内容' },
      ],
      report: {
        on: '2026-01-23',
        summary:
          '2025年12月1日至12月30日，县人民政府就《示例县农村村民住宅建设管理办法（修订征求意见稿）》公开征求社会公众意见，并于12月18日召开听证会。共收到意见4条，其中1条为广告内容未予公开。公开的3条意见中，采纳1条，部分采纳1条，未采纳1条，未采纳的理由已逐条说明。',
      },
      finalDocNumber: '示政发〔2026〕4号',
    },
  ];
}

/** Each demo comment from its own documentation address (the flood check counts per address). */
const demoAddress = (n: number) => `198.51.100.${n}`;

export async function seedDemoConsultations(db: Db): Promise<number> {
  const today = chinaDate(new Date());
  const all = demoConsultations(today);
  let sender = 0;
  for (const demo of all) {
    const { org: code, by, hearings = [], comments, report, finalDocNumber, ...fields } = demo;
    const org = await findOrgByCode(db, code);
    if (!org) throw new Error(`demo organization ${code} missing`);
    const ctx: ActionContext = await staff(db, by);
    const c = await createConsultation(db, ctx, { orgId: org.id, ...fields });
    // Published the day before it opened, as staff would, so a past consultation's record reads in order.
    await publishConsultation(db, ctx, c.id, at(addDays(fields.startsOn, -1)));
    for (const h of hearings) await addHearing(db, ctx, c.id, h);
    for (const m of comments) {
      const sent = await submitComment(db, c.id, { body: m.body, clause: m.clause ?? null, name: m.name ?? '' }, demoAddress(++sender), at(m.on));
      if (m.moderation) await moderateComment(db, ctx, c.id, sent.id, { moderation: m.moderation, note: m.note ?? '' });
      if (m.disposition) await disposeComment(db, ctx, c.id, sent.id, { disposition: m.disposition, reason: m.reason ?? '', topic: m.topic ?? '' });
    }
    if (report) await publishAdoptionReport(db, ctx, c.id, { summary: report.summary }, at(report.on));
    if (finalDocNumber) {
      const [doc] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.docNumber, finalDocNumber), eq(documents.status, 'published')));
      if (doc) await linkFinalDocument(db, ctx, c.id, doc.id);
    }
  }
  return all.length;
}
