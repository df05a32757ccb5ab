// Demo 列席 meetings of the 示例县 government (issue #7 item 6), recorded through the real use cases by
// the government's editor: three executive meetings of 2026 with representatives who agreed to be
// named and some who did not, opinions handled (some after the meeting was published, as the handling
// came in) and opinions still waiting.
import type { Db } from '../db/client.js';
import type { IsoDate } from '../domain/dates.js';
import { addOpinion, addRepresentative, createMeeting, handleOpinion, publishMeeting } from '../features/meetings/manage.js';
import { findOrgByCode } from '../features/orgs/organizations.js';
import { staff } from './applications.js';
import { DEMO_ROOT } from './organizations.js';

interface DemoMeeting {
  title: string;
  heldOn: IsoDate;
  topics: string;
  selection: string;
  publishedOn: IsoDate;
  representatives: { name: string; capacity: string; namePublic: boolean }[];
  /** [representative's index, opinion, handling and its day, if handled]. */
  opinions: [number, string, [string, IsoDate]?][];
}

const MEETINGS: DemoMeeting[] = [
  {
    title: '示例县人民政府2026年第3次常务会议',
    heldOn: '2026-03-12',
    topics: '审议《示例县城区停车收费管理办法（送审稿）》\n研究2026年县政府民生实事项目',
    selection: '通过县政府门户网站公开报名，从报名的62名市民中随机抽取2名市民代表；另邀请县人大代表、县政协委员各1名。',
    publishedOn: '2026-03-16',
    representatives: [
      { name: '刘建平', capacity: '县人大代表', namePublic: true },
      { name: '何文静', capacity: '县政协委员', namePublic: true },
      { name: '张秀兰', capacity: '市民代表', namePublic: true },
      { name: '陈国栋', capacity: '市民代表', namePublic: false },
    ],
    opinions: [
      [0, '建议老城区医院、学校周边停车首30分钟免费，方便群众就医和接送学生。', ['已采纳。《示例县城区停车收费管理办法》第八条规定县人民医院、中小学校周边200米内路内泊位首30分钟免费，办法已于2026年4月1日起施行。', '2026-03-27']],
      [3, '建议民生实事项目增加老旧小区加装电梯补助。', ['已采纳。2026年民生实事项目增加“老旧小区加装电梯”一项，每台补助15万元，由县住房和城乡建设局组织实施，全年计划完成40台。', '2026-04-08']],
      [2, '停车收费标准调整前应召开听证会，听取更多市民意见。', ['部分采纳。停车收费标准已按《政府制定价格听证办法》规定的范围进行评估，不属于必须听证的事项；县发展和改革局于2026年3月20日至4月19日通过门户网站公开征求意见，共收到意见37条。', '2026-04-24']],
    ],
  },
  {
    title: '示例县人民政府2026年第8次常务会议',
    heldOn: '2026-06-18',
    topics: '审议《示例县义务教育阶段学校招生入学工作实施办法》',
    selection: '由县教育局从各学校家长委员会推荐的人选中邀请家长代表2名，邀请教育专家1名、县融媒体中心记者1名。',
    publishedOn: '2026-06-22',
    representatives: [
      { name: '周明远', capacity: '教育专家（县教师发展中心）', namePublic: true },
      { name: '林晓燕', capacity: '家长代表', namePublic: false },
      { name: '郭志华', capacity: '家长代表', namePublic: false },
      { name: '孙晨', capacity: '县融媒体中心记者', namePublic: true },
    ],
    opinions: [
      [1, '建议公布各学校学区划分的具体门牌号范围，避免家长反复咨询。', ['已采纳。各学校学区范围（含门牌号）已于2026年7月1日在县教育局栏目公开，并在各学校门口公示。', '2026-07-01']],
      [2, '建议随迁子女入学材料精简，居住证明可通过部门间数据共享核验。', ['已采纳。随迁子女入学不再要求提交纸质居住证明，由县教育局通过县公安局数据共享核验。', '2026-07-10']],
      [0, '建议建立学区划分调整前的公开征求意见机制。'],
    ],
  },
  {
    title: '示例县人民政府2026年第12次常务会议',
    heldOn: '2026-10-22',
    topics: '审议《示例县老年人助餐服务实施方案》\n研究城关镇农贸市场改造提升有关事项',
    selection: '在城关镇、东山镇各社区随机抽取社区居民代表2名，邀请养老机构负责人1名。',
    publishedOn: '2026-10-26',
    representatives: [
      { name: '黄桂英', capacity: '社区居民代表（城关镇）', namePublic: false },
      { name: '吴德明', capacity: '社区居民代表（东山镇）', namePublic: false },
      { name: '马丽', capacity: '养老机构负责人', namePublic: true },
    ],
    opinions: [
      [0, '建议助餐点覆盖到农村片区，行动不便的老人可以送餐上门。', ['正在办理。县民政局已将东山镇、南湖镇3个村级助餐点纳入2027年建设计划，送餐上门服务由各助餐点与村委会商定后实施。', '2026-11-12']],
      [1, '农贸市场改造期间应设置临时摊位，保障周边居民买菜。'],
      [2, '建议对助餐服务的食品安全开展定期抽检并公开结果。'],
    ],
  },
];

export async function seedDemoMeetings(db: Db): Promise<void> {
  const org = await findOrgByCode(db, DEMO_ROOT);
  if (!org) throw new Error(`demo organization ${DEMO_ROOT} missing`);
  const editor = await staff(db, 'sxx_editor');
  const at = (day: IsoDate) => new Date(`${day}T17:00:00+08:00`);
  for (const demo of MEETINGS) {
    const { id } = await createMeeting(db, editor, { orgId: org.id, title: demo.title, heldOn: demo.heldOn, topics: demo.topics, selection: demo.selection });
    let reps: number[] = [];
    for (const r of demo.representatives) reps = (await addRepresentative(db, editor, id, r)).representatives.map((x) => x.id);
    const opinions: number[] = [];
    for (const [who, opinion] of demo.opinions) opinions.push((await addOpinion(db, editor, id, { representativeId: reps[who]!, opinion })).opinions.at(-1)!.id);
    await publishMeeting(db, editor, id, at(demo.publishedOn));
    // The handling, recorded as it came in after the meeting was published.
    for (const [i, [, , handled]] of demo.opinions.entries()) {
      if (handled) await handleOpinion(db, editor, id, opinions[i]!, { handling: handled[0], handledOn: handled[1] }, at(handled[1]));
    }
  }
}
