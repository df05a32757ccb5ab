// Demo clean-up campaigns (规范性文件清理): the county government's 2025 clean-up of its normative
// files, finished — its result notice published, one file kept, one to be amended, one repealed and
// one declared expired — and an open 2026 campaign with some decisions. Everything goes through the
// real use cases and the real publishing workflow.
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import type { DocumentTransition } from '../domain/document-workflow.js';
import { createCampaign, decideFile, finalizeCampaign } from '../features/cleanup/campaigns.js';
import type { DocumentFields } from '../features/documents/drafts.js';
import { refreshDueValidity } from '../features/documents/validity-refresh.js';
import { transition } from '../features/documents/workflow.js';
import { findOrgByCode } from '../features/orgs/organizations.js';
import { publish } from './documents.js';

const topic = '城乡建设、环境保护\\城乡建设（含住房）';
const normative = (f: Omit<DocumentFields, 'docType' | 'genre'>): DocumentFields => ({ genre: '通知', docType: 'normative', ...f });
const interpretationOf = (title: string, writtenOn: string, t: string, body: string): DocumentFields => ({
  title: `《${title}》政策解读`,
  writtenOn,
  docType: 'general',
  topic: t,
  summary: `解读${title}的主要内容。`,
  interpretationForm: 'text',
  body,
});
const exemption = (reason: string) => ({ interpretationExemption: reason });

export async function seedDemoCleanup(db: Db): Promise<void> {
  const sxx = (await findOrgByCode(db, 'sxx'))!;
  const roads = await publish(
    db,
    'sxx',
    normative({
      title: '示例县人民政府关于印发示例县城区道路挖掘管理办法的通知',
      docNumber: '示政发〔2019〕8号',
      writtenOn: '2019-04-12',
      effectiveOn: '2019-05-01',
      topic,
      keywords: ['道路挖掘', '城市管理'],
      summary: '规范城区道路挖掘的审批、施工和恢复。',
      body: '<p>各乡镇人民政府，县政府各部门：</p><p>《示例县城区道路挖掘管理办法》已经县政府常务会议审议通过，现印发给你们，请认真贯彻执行。</p>',
    }),
    '2019-04-16',
    interpretationOf('示例县城区道路挖掘管理办法', '2019-04-12', topic, '<h2>一、为什么要制定本办法？</h2><p>城区道路反复开挖，影响通行。</p><h2>二、挖掘道路需要办理什么手续？</h2><p>向县住房和城乡建设局申请许可，按期恢复路面。</p>'),
  );
  const welfare = await publish(
    db,
    'sxx',
    normative({
      title: '示例县人民政府关于印发示例县城乡居民最低生活保障实施办法的通知',
      docNumber: '示政发〔2020〕15号',
      writtenOn: '2020-06-18',
      effectiveOn: '2020-07-01',
      topic: '劳动、人事、监察\\社会保障',
      keywords: ['最低生活保障', '社会救助'],
      summary: '明确城乡低保的申请条件、审核确认程序和动态管理。',
      body: '<p>各乡镇人民政府，县政府各部门：</p><p>《示例县城乡居民最低生活保障实施办法》已经县政府同意，现印发给你们，请认真贯彻执行。</p>',
    }),
    '2020-06-22',
    undefined,
    exemption('按省级实施办法转发细化，省民政厅已发布解读'),
  );
  const funerals = await publish(
    db,
    'sxx',
    normative({
      title: '示例县人民政府关于印发示例县殡葬管理暂行规定的通知',
      docNumber: '示政发〔2018〕22号',
      writtenOn: '2018-09-05',
      effectiveOn: '2018-10-01',
      topic: '民政、扶贫、救灾\\其他',
      keywords: ['殡葬管理'],
      summary: '规范全县殡葬活动和殡葬设施管理。',
      body: '<p>各乡镇人民政府，县政府各部门：</p><p>现将《示例县殡葬管理暂行规定》印发给你们，请遵照执行。</p>',
    }),
    '2018-09-10',
    undefined,
    exemption('暂行规定，条文简明'),
  );
  const festival = await publish(
    db,
    'sxx',
    normative({
      title: '示例县人民政府关于印发促进2021年春节假期消费若干措施的通知',
      docNumber: '示政发〔2021〕2号',
      writtenOn: '2021-01-20',
      effectiveOn: '2021-02-01',
      topic: '商贸、海关、旅游\\国内贸易（含供销）',
      keywords: ['消费券', '春节'],
      summary: '发放消费券、支持商贸企业开展春节促销。',
      body: '<p>各乡镇人民政府，县政府各部门：</p><p>为促进春节假期消费，制定如下措施。</p>',
    }),
    '2021-01-22',
    interpretationOf('促进2021年春节假期消费若干措施', '2021-01-20', '商贸、海关、旅游\\国内贸易（含供销）', '<h2>一、消费券怎么领？</h2><p>通过县政府门户网站领取。</p>'),
  );

  // The finished 2025 campaign: decided, result notice drafted on 10 December and published on 15 December.
  const finished = await createCampaign(
    db,
    systemContext,
    { orgId: sxx.id, title: '2025年度行政规范性文件清理', scope: { orgIds: [sxx.id], docTypes: ['normative'], writtenBefore: '2025-01-01' } },
    new Date('2025-11-03T09:00:00+08:00'),
  );
  await decideFile(db, systemContext, finished.id, roads, { decision: 'keep' });
  await decideFile(db, systemContext, finished.id, welfare, { decision: 'amend', note: '低保认定条件和标准须按省级新办法调整' });
  await decideFile(db, systemContext, finished.id, funerals, { decision: 'repeal', note: '上位法已修改，内容与之不一致' });
  await decideFile(db, systemContext, finished.id, festival, { decision: 'expire', note: '阶段性措施，适用期已过' });
  const result = await finalizeCampaign(db, systemContext, finished.id, { effectiveOn: '2025-12-15' }, new Date('2025-12-10T10:00:00+08:00'));
  const at = new Date('2025-12-15T10:00:00+08:00');
  const steps: DocumentTransition[] = ['submit', 'approve', 'secrecy_approve'];
  for (const step of steps) await transition(db, systemContext, result.resultDocumentId, step, {}, at);
  await transition(db, systemContext, result.resultDocumentId, 'publish', {}, at);
  await refreshDueValidity(db);

  // The open 2026 campaign over normative and other policy files of the whole county.
  const open = await createCampaign(db, systemContext, {
    orgId: sxx.id,
    title: '2026年度行政规范性文件和政策文件清理',
    scope: { orgIds: [sxx.id], docTypes: ['normative', 'policy'], writtenBefore: null },
  });
  await decideFile(db, systemContext, open.id, roads, { decision: 'keep', note: '仍符合城区管理需要' });
  await decideFile(db, systemContext, open.id, welfare, { decision: 'amend', note: '待省级办法修订后同步修改' });
}
