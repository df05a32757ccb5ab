// Demo knowledge base (政务知识库): questions a county's citizens ask, answered by the county
// government office (县政务公开办), the county government, the education bureau and the housing
// bureau, each resting on demo documents that are published — through the real use cases as the
// system. Two drafts wait for a policy to cite (the demo has none on those matters yet) and one
// answer was taken off the portal when the measures it explained ran out.
import { and, eq, isNotNull } from 'drizzle-orm';
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import { documents } from '../features/documents/schema.js';
import { addSource, archiveEntry, createEntry, publishEntry } from '../features/knowledge/entries.js';
import { findOrgByCode } from '../features/orgs/organizations.js';

interface DemoEntry {
  org: string;
  question: string;
  variants?: string[];
  topic: string;
  answer: string;
  /** [文号, or part of the title; note (第三条 …)]. */
  sources: [string, string][];
  /** Published on this day (China time); a draft when left out. */
  publishedOn?: string;
  archived?: boolean;
}

const GK = '综合政务\\政务公开';
const p = (...paras: string[]) => paras.map((t) => `<p>${t}</p>`).join('');
const ol = (...items: string[]) => `<ol>${items.map((t) => `<li>${t}</li>`).join('')}</ol>`;

// The 依申请公开 rules stated here are those of 《中华人民共和国政府信息公开条例》 (RULES.md §2).
const ENTRIES: DemoEntry[] = [
  {
    org: 'zfb',
    question: '怎么申请政府信息公开？',
    variants: ['政府信息公开申请怎么提交', '想要的政府文件网上查不到怎么办', '依申请公开怎么办理'],
    topic: GK,
    answer:
      p('已经主动公开的政府信息，可以直接在本网站“政策文件库”“公开目录”中查阅；没有主动公开、又确需获取的，可以向制作或者保存该信息的行政机关提出政府信息公开申请。') +
      ol(
        '申请方式：可以当面提交、邮寄、传真，或通过本网站的在线申请提交。采用书面形式确有困难的，可以口头提出，由受理机关代为填写申请。',
        '申请内容：申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式（纸质、电子邮件等）。',
        '受理机关：向掌握该信息的机关提出。不知道由哪个部门掌握的，可以先咨询县政务公开办公室（县人民政府办公室）。',
      ) +
      p('申请内容不明确的，受理机关会在7个工作日内一次性告知需要补正的事项。具体地址、时间和电话见本网站“公开指南”。'),
    sources: [
      ['乐政办发〔2021〕19号', '三、聚焦依申请公开深化政务公开'],
      ['温州市政务公开领导小组办公室关于印发2022年温州市政务公开工作要点', '第（八）项 规范高效办理政府信息公开申请'],
    ],
    publishedOn: '2026-03-16',
  },
  {
    org: 'zfb',
    question: '申请政府信息公开要收费吗？',
    variants: ['依申请公开收费标准', '信息处理费怎么收'],
    topic: GK,
    answer:
      p('一般不收费。行政机关依申请提供政府信息，不收取费用。') +
      p('只有当申请人申请公开政府信息的数量、频次明显超过合理范围时，行政机关才可以收取信息处理费，并且只能按以下一种方式计收：') +
      ol(
        '按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的不收费；11—30件的部分每件收100元；31件以上的部分以10件为一档，每增加一档、每件收费标准提高100元（如31—40件每件200元，41—50件每件300元）。',
        '按量计收：同一申请的信息30页以下（含30页）不收费；31—100页的部分每页10元；101—200页的部分每页20元；201页以上的部分每页40元。',
      ) +
      p('需要收费的，行政机关会书面告知收费依据、金额和缴费方式；缴费期间不计入答复期限。'),
    sources: [['乐政办发〔2021〕19号', '三、聚焦依申请公开深化政务公开']],
    publishedOn: '2026-03-16',
  },
  {
    org: 'zfb',
    question: '申请政府信息公开多久能收到答复？',
    variants: ['依申请公开答复期限', '信息公开申请几天答复', '申请了信息公开一直没回复怎么办'],
    topic: GK,
    answer:
      p('能够当场答复的，当场答复。不能当场答复的，行政机关自收到申请之日起<strong>20个工作日</strong>内答复（收到申请的当天不计入，法定节假日不算工作日，调休上班日算工作日）。') +
      p('需要延长答复期限的，须经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过<strong>20个工作日</strong>。') +
      p('以下时间不计入答复期限：通知补正后等待申请人补正的时间（期限从收到补正后的申请之日起重新计算）；征求第三方或者其他机关意见的时间；等待缴纳信息处理费的时间。') +
      p('可以用本网站的“工作日计算”工具推算答复期限。超过期限未答复的，可以依法申请行政复议或者提起行政诉讼。'),
    sources: [['乐政办发〔2021〕19号', '三、（一）加强依申请公开工作规范']],
    publishedOn: '2026-03-16',
  },
  {
    org: 'zfb',
    question: '对政府信息公开申请的答复不满意怎么办？',
    variants: ['信息公开申请被拒绝怎么办', '不予公开可以复议吗'],
    topic: GK,
    answer:
      p('申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。') +
      p('答复书会写明不予公开、无法提供或者不予处理的理由和依据，以及申请行政复议、提起行政诉讼的途径和期限，请按答复书的告知办理。'),
    sources: [['温州市政务公开领导小组办公室关于印发2022年温州市政务公开工作要点', '第（八）项 规范高效办理政府信息公开申请']],
    publishedOn: '2026-03-18',
  },
  {
    org: 'zfb',
    question: '在哪里查政策文件？',
    variants: ['县政府的文件在哪里看', '怎么查某个文号的文件', '政策文件库怎么用'],
    topic: GK,
    answer:
      p('县政府及各部门、各乡镇制发的政策文件统一发布在本网站“政策文件库”，可以按发文机关、成文年份、文件类型、主题分类和有效性筛选，也可以输入标题或文号查找。') +
      p('每件政策文件的页面都列有索引号、发文机关、成文日期、发布日期、有效性，并链接其政策解读。政府公报、各部门栏目和“公开目录”中也可以找到同一文件。'),
    sources: [['温州市政务公开领导小组办公室关于印发2022年温州市政务公开工作要点', '政策文件和解读材料同步公布、双向链接']],
    publishedOn: '2026-03-18',
  },
  {
    org: 'zfb',
    question: '政策文件是否还有效怎么看？',
    variants: ['文件废止了没有', '怎么知道政策还在执行', '现行有效是什么意思'],
    topic: GK,
    answer:
      p('打开文件页面，看“有效性”一栏：') +
      ol(
        '现行有效：正在执行；',
        '已修改：部分条款已被后来的文件修改，以修改后的内容为准；',
        '已废止：已被明令废止或者被新文件替代，不再执行；',
        '失效：有效期已满或者阶段性任务已完成，不再执行。',
      ) +
      p('有效性发生变化的文件，页面下方列出“有效性变化”，写明自哪一天起、被哪件文件修改、废止或替代，并可点击查看。政府每年开展规范性文件清理，清理结果也在本网站公布。'),
    sources: [
      ['2025年度行政规范性文件清理', '清理结果：继续有效、拟修改、废止、宣布失效四类'],
      ['示政发〔2023〕6号', '示例：被示政发〔2026〕4号替代'],
    ],
    publishedOn: '2026-03-20',
  },
  {
    org: 'zfb',
    question: '政策解读在哪里看？',
    variants: ['文件看不懂怎么办', '有没有图解'],
    topic: GK,
    answer:
      p('县政府及各部门出台重要政策文件时，同步发布政策解读（文字、图解、问答等形式）。在政策文件页面的“相关解读”中可以直接打开；解读页面也链接回所解读的文件。') +
      p('对政策仍有疑问的，可以拨打文件起草部门的电话咨询，联系方式见“公开指南”中各部门的页面。'),
    sources: [
      ['乐政办发〔2021〕19号', '二、聚焦解读回应深化政务公开'],
      ['图解：示例县农村村民住宅建设管理办法（2026年修订）', '图解示例'],
    ],
    publishedOn: '2026-03-20',
  },
  {
    org: 'sxx',
    question: '规范性文件清理结果在哪里看？',
    variants: ['哪些文件被废止了', '文件清理是什么'],
    topic: GK,
    answer: p('县政府定期对本级行政规范性文件进行清理，逐件决定继续有效、拟修改、废止或者宣布失效，并以通知形式公布清理结果。公布后，相关文件的有效性在文件页面同步更新。本网站“规范性文件清理”栏目汇总了历次清理结果。'),
    sources: [['2025年度行政规范性文件清理', '']],
    publishedOn: '2025-12-16',
  },
  {
    org: 'jyj',
    question: '义务教育阶段入学怎么报名？',
    variants: ['小学一年级怎么报名', '孩子上初中怎么报名', '招生入学需要准备什么材料'],
    topic: '科技、教育\\教育',
    answer:
      p('县教育局每年5月前后发布当年义务教育阶段学校招生入学通知，明确小学一年级、初中一年级的招生范围（学区）、报名时间、报名方式和所需材料。') +
      p('请以当年通知为准：按通知规定的时间，在户籍或居住地对应的学区学校（或通知指定的平台）报名，一般需要提供户口簿、房产或居住证明等材料。随迁子女入学按通知中的专门规定办理。'),
    sources: [['示教发〔2026〕12号', '']],
    publishedOn: '2026-05-12',
  },
  {
    org: 'jyj',
    question: '孩子多大可以上小学一年级？',
    variants: ['上小学年龄要求', '几月出生的孩子今年能上小学'],
    topic: '科技、教育\\教育',
    answer: p('按2026年招生入学通知，招生对象是2026年8月31日前（含当日）年满6周岁的适龄儿童。以后各年的年龄截止日期，以县教育局当年发布的招生入学通知为准。'),
    sources: [['示教发〔2026〕12号', '一、招生对象']],
    publishedOn: '2026-05-12',
  },
  {
    org: 'jyj',
    question: '县教育局的部门预算在哪里看？',
    variants: ['教育经费怎么花的', '三公经费公开'],
    topic: '财政、金融、审计\\财政',
    answer: p('县教育局每年在本部门“财政预决算”栏目公开部门预算和决算，内容包括部门职责、收支预算总体情况、“三公”经费预算和政府采购预算。2026年部门预算收入、支出预算均为52,380.6万元。'),
    sources: [['示例县教育局2026年部门预算', '二、收支预算总体情况']],
    publishedOn: '2026-02-16',
  },
  {
    org: 'jyj',
    question: '课后服务怎么收费？',
    variants: ['课后托管收费标准', '课后服务是自愿参加吗'],
    topic: '科技、教育\\教育',
    answer: p('（草稿，待县教育局、县发展和改革局联合印发课后服务收费文件后补充依据和标准。）课后服务遵循学生自愿参加的原则，具体收费标准以正式文件为准。'),
    sources: [],
  },
  {
    org: 'sxx',
    question: '农村村民建房需要符合什么条件？',
    variants: ['农村建房申请条件', '宅基地建房谁可以申请', '一户一宅是什么意思'],
    topic: '城乡建设、环境保护\\城乡建设（含住房）',
    answer:
      p('具有本村集体经济组织成员资格、符合“一户一宅”条件的村民，可以申请在集体土地上新建、改建、扩建住宅。') +
      p('自2026年4月1日起施行修订后的《示例县农村村民住宅建设管理办法》，推行建房联审联办，并明确了建房面积标准和批后监管。申请向所在乡镇人民政府提出。'),
    sources: [
      ['示政发〔2026〕4号', ''],
      ['图解：示例县农村村民住宅建设管理办法（2026年修订）', '修订了哪些内容'],
    ],
    publishedOn: '2026-03-05',
  },
  {
    org: 'sxx',
    question: '2023年的农村村民住宅建设管理办法还有效吗？',
    variants: ['示政发〔2023〕6号还执行吗'],
    topic: '城乡建设、环境保护\\城乡建设（含住房）',
    answer: p('不再执行。《示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知》（示政发〔2023〕6号）已被2026年修订的办法（示政发〔2026〕4号）替代，自2026年4月1日起废止。农村建房请按修订后的办法办理。'),
    sources: [
      ['示政发〔2026〕4号', '通知正文：示政发〔2023〕6号同时废止'],
      ['示政发〔2023〕6号', ''],
    ],
    publishedOn: '2026-04-01',
  },
  {
    org: 'sxx',
    question: '挖掘城区道路需要办理什么手续？',
    variants: ['道路开挖审批', '埋管线要挖路找谁'],
    topic: '城乡建设、环境保护\\城乡建设（含住房）',
    answer: p('因施工需要挖掘城区道路的，应当向县住房和城乡建设局申请挖掘许可，按批准的范围和期限施工，施工结束后按期恢复路面。'),
    sources: [
      ['示政发〔2019〕8号', ''],
      ['《示例县城区道路挖掘管理办法》政策解读', '二、挖掘道路需要办理什么手续？'],
    ],
    publishedOn: '2025-06-10',
  },
  {
    org: 'sxx',
    question: '低保怎么申请？',
    variants: ['最低生活保障申请条件', '家里困难怎么申请低保', '城乡低保在哪里办'],
    topic: '劳动、人事、监察\\社会保障',
    answer:
      p('共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。') +
      ol(
        '申请：以家庭为单位，由户主或者其代理人向户籍所在地的乡镇人民政府提出书面申请；村（居）民委员会可以协助提交。',
        '调查核实：乡镇人民政府通过入户调查、信息核对等方式核实家庭收入和财产状况，并在村（居）务公开栏公示。',
        '审核确认：符合条件的，由县民政局（或者受委托的乡镇人民政府）确认，从批准之月起发放低保金；不符合条件的，书面告知并说明理由。',
      ) +
      p('县政府已在2025年度规范性文件清理中决定按省级新办法修改本县实施办法，修改后的条件和标准以新文件为准。'),
    sources: [['示政发〔2020〕15号', '']],
    publishedOn: '2025-06-10',
  },
  {
    org: 'sxx',
    question: '低保标准是多少？',
    variants: ['低保每月发多少钱'],
    topic: '劳动、人事、监察\\社会保障',
    answer: p('（草稿，待县民政局公布当年城乡低保标准的文件后关联依据再发布。）'),
    sources: [],
  },
  {
    org: 'sxx',
    question: '《示例县殡葬管理暂行规定》还执行吗？',
    variants: ['殡葬管理规定废止了吗'],
    topic: '民政、扶贫、救灾\\其他',
    answer: p('不再执行。县政府在2025年度行政规范性文件清理中决定废止《示例县殡葬管理暂行规定》（示政发〔2018〕22号），理由是上位法已修改、内容与之不一致。殡葬事务按国家和省的现行规定办理，可向县民政局咨询。'),
    sources: [
      ['示政发〔2018〕22号', ''],
      ['2025年度行政规范性文件清理', '废止的文件'],
    ],
    publishedOn: '2025-12-16',
  },
  {
    org: 'sxx',
    question: '2021年春节消费券怎么领？',
    variants: ['春节消费券领取'],
    topic: '商贸、海关、旅游\\国内贸易（含供销）',
    answer: p('通过县政府门户网站领取。（该措施为2021年春节期间的阶段性措施，已于2025年度规范性文件清理中宣布失效。）'),
    sources: [
      ['示政发〔2021〕2号', ''],
      ['《促进2021年春节假期消费若干措施》政策解读', '一、消费券怎么领？'],
    ],
    publishedOn: '2021-01-25',
    archived: true,
  },
  {
    org: 'zjj',
    question: '小区物业服务不到位，可以向哪里投诉？',
    variants: ['物业不作为怎么投诉', '物业服务质量差找谁'],
    topic: '城乡建设、环境保护\\城乡建设（含住房）',
    answer: p('可以先向物业服务企业和业主委员会反映；解决不了的，可以向小区所在乡镇人民政府（社区）或者县住房和城乡建设局投诉，也可以拨打12345政务服务便民热线。县住房和城乡建设局对物业服务收费和质量进行监督检查，畅通业主投诉渠道。'),
    sources: [['示建发〔2025〕21号', '']],
    publishedOn: '2025-09-25',
  },
  {
    org: 'zjj',
    question: '物业服务费怎么定？',
    variants: ['物业费标准', '物业费可以随便涨吗'],
    topic: '城乡建设、环境保护\\城乡建设（含住房）',
    answer: p('物业服务收费应当与服务内容和质量相符，收费项目和标准应当在小区显著位置公示，不得擅自提高标准或者增加收费项目。对收费有异议的，可以向县住房和城乡建设局反映。'),
    sources: [['示建发〔2025〕21号', '规范物业服务收费']],
    publishedOn: '2025-09-25',
  },
  {
    org: 'sxx',
    question: '示例县“十五五”规划在哪里看？',
    variants: ['十五五规划纲要', '全县2030年发展目标'],
    topic: '国民经济管理、国有资产监管\\宏观经济',
    answer: p('《示例县国民经济和社会发展第十五个五年规划纲要》已在本网站“发展规划”栏目全文公开，内容包括发展基础和发展环境、总体要求和主要目标（到2030年）、重点任务和重大举措。'),
    sources: [['示例县国民经济和社会发展第十五个五年规划纲要', '']],
    publishedOn: '2026-02-20',
  },
  {
    org: 'sxx',
    question: '县道X201城关至东山段什么时候改建？',
    variants: ['城关到东山的路什么时候修', 'X201改建工程'],
    topic: '工业、交通\\公路',
    answer: p('县政府已于2026年6月批复同意县道X201城关至东山段改建工程立项：路线全长18.6公里，按二级公路标准建设，估算总投资4.2亿元。开工时间和施工安排以县交通运输局后续公开的信息为准，可在“重大建设项目”栏目查看。'),
    sources: [['示例县人民政府关于县道X201城关至东山段改建工程项目建议书的批复', '']],
    publishedOn: '2026-06-25',
  },
];

export async function seedDemoKnowledge(db: Db): Promise<number> {
  const published = await db
    .select({ id: documents.id, title: documents.title, docNumber: documents.docNumber })
    .from(documents)
    .where(and(isNotNull(documents.publishedVersion), eq(documents.status, 'published')));
  const find = (key: string) => published.find((d) => d.docNumber === key) ?? published.find((d) => d.title.includes(key));
  for (const demo of ENTRIES) {
    const org = await findOrgByCode(db, demo.org);
    if (!org) throw new Error(`demo organization ${demo.org} missing`);
    const entry = await createEntry(db, systemContext, org.id, { question: demo.question, variants: (demo.variants ?? []).join('\n'), topic: demo.topic, answer: demo.answer });
    for (const [key, note] of demo.sources) {
      const doc = find(key);
      if (!doc) throw new Error(`demo knowledge source ${key} is not published`);
      await addSource(db, systemContext, entry.id, { documentId: doc.id, note });
    }
    if (demo.publishedOn) await publishEntry(db, systemContext, entry.id, new Date(`${demo.publishedOn}T10:00:00+08:00`));
    if (demo.archived) await archiveEntry(db, systemContext, entry.id, '阶段性措施已失效');
  }
  return ENTRIES.length;
}
