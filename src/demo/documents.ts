// Demo documents, published through the real workflow (checks, index numbers, versions, validity):
// the five real work plans in resources/corpus as documents of the county government office, and
// county policies with their interpretations, one replaced by a newer version and one expired.
import { readFileSync } from 'node:fs';
import { systemContext } from '../context.js';
import type { Db } from '../db/client.js';
import { addDays } from '../domain/dates.js';
import { textToHtml } from '../domain/plain-text.js';
import type { DocumentTransition } from '../domain/document-workflow.js';
import { createDraft, type DocumentFields } from '../features/documents/drafts.js';
import { addRelation } from '../features/documents/relations.js';
import { refreshDueValidity } from '../features/documents/validity-refresh.js';
import { transition, type TransitionInput } from '../features/documents/workflow.js';
import { findOrgByCode } from '../features/orgs/organizations.js';

const corpus = new URL('../../resources/corpus/', import.meta.url);

const REVIEW: DocumentTransition[] = ['submit', 'approve', 'secrecy_approve'];

/** Drafts, reviews and publishes as the system, at a given publication time. */
export async function publish(db: Db, orgCode: string, fields: DocumentFields, publishedOn: string, interpretation?: DocumentFields, input: TransitionInput = {}): Promise<number> {
  const org = await findOrgByCode(db, orgCode);
  if (!org) throw new Error(`demo organization ${orgCode} missing`);
  const at = new Date(`${publishedOn}T10:00:00+08:00`);
  const doc = await createDraft(db, systemContext, org.id, fields);
  for (const step of REVIEW) await transition(db, systemContext, doc.id, step, {}, at);
  if (interpretation) {
    const i = await createDraft(db, systemContext, org.id, { ...interpretation, interpretationOf: doc.id });
    for (const step of REVIEW) await transition(db, systemContext, i.id, step, {}, at);
  }
  await transition(db, systemContext, doc.id, 'publish', input, at);
  return doc.id;
}

interface CorpusEntry {
  file: string;
  title: string;
  docNumber: string;
  writtenOn: string;
}

export async function seedDemoDocuments(db: Db): Promise<number> {
  let count = 0;
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8')) as { documents: CorpusEntry[] };
  for (const entry of manifest.documents) {
    const text = readFileSync(new URL(entry.file, corpus), 'utf8');
    const written = entry.writtenOn;
    await publish(
      db,
      'zfb',
      {
        title: entry.title,
        docNumber: entry.docNumber,
        writtenOn: written,
        effectiveOn: written,
        genre: '通知',
        docType: entry.docNumber ? 'policy' : 'general',
        topic: '综合政务\\政务公开',
        keywords: ['政务公开', '工作要点'],
        summary: `印发${entry.title.replace(/^.*关于印发|^.*關于印發/, '').replace(/的通知$/, '')}。`,
        body: textToHtml(text),
      },
      addDays(written, 2),
    );
    count++;
  }

  const housingOld = await publish(
    db,
    'sxx',
    {
      title: '示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知',
      docNumber: '示政发〔2023〕6号',
      writtenOn: '2023-03-10',
      effectiveOn: '2023-04-10',
      genre: '通知',
      docType: 'normative',
      topic: '城乡建设、环境保护\\城乡建设（含住房）',
      keywords: ['农村建房', '宅基地'],
      summary: '规范农村村民住宅建设的申请、审批、施工和监管。',
      body: '<p>各乡镇人民政府，县政府各部门：</p><p>《示例县农村村民住宅建设管理办法》已经县政府第12次常务会议审议通过，现印发给你们，请认真贯彻执行。</p><h2>第一章 总则</h2><p>第一条 为规范农村村民住宅建设，节约集约利用土地，根据《中华人民共和国土地管理法》等法律法规，结合本县实际，制定本办法。</p><p>第二条 本办法适用于本县行政区域内农村村民在集体土地上新建、改建、扩建住宅的管理。</p>',
    },
    '2023-03-14',
    {
      title: '《示例县农村村民住宅建设管理办法》政策解读',
      writtenOn: '2023-03-10',
      docType: 'general',
      topic: '城乡建设、环境保护\\城乡建设（含住房）',
      summary: '解读农村村民建房的条件、程序和面积标准。',
      interpretationForm: 'qa',
      body: '<h2>一、制定背景</h2><p>为解决农村建房审批程序不清、标准不一的问题，县自然资源和规划局、县住房和城乡建设局起草了本办法。</p><h2>二、哪些村民可以申请建房？</h2><p>具有本村集体经济组织成员资格、符合一户一宅条件的村民。</p><h2>三、审批要多长时间？</h2><p>乡镇人民政府自受理之日起20个工作日内作出审批决定。</p>',
    },
  );
  const housingNew = await publish(
    db,
    'sxx',
    {
      title: '示例县人民政府关于印发示例县农村村民住宅建设管理办法（2026年修订）的通知',
      docNumber: '示政发〔2026〕4号',
      writtenOn: '2026-02-27',
      effectiveOn: '2026-04-01',
      genre: '通知',
      docType: 'normative',
      topic: '城乡建设、环境保护\\城乡建设（含住房）',
      keywords: ['农村建房', '宅基地', '联审联办'],
      summary: '修订农村村民住宅建设管理办法，推行建房联审联办。',
      body: '<p>各乡镇人民政府，县政府各部门：</p><p>《示例县农村村民住宅建设管理办法（2026年修订）》已经县政府第41次常务会议审议通过，现印发给你们，请认真贯彻执行。《示例县人民政府关于印发示例县农村村民住宅建设管理办法的通知》（示政发〔2023〕6号）同时废止。</p>',
    },
    '2026-03-03',
    {
      title: '图解：示例县农村村民住宅建设管理办法（2026年修订）',
      writtenOn: '2026-02-27',
      docType: 'general',
      topic: '城乡建设、环境保护\\城乡建设（含住房）',
      summary: '以图解说明修订后的建房联审联办流程。',
      interpretationForm: 'graphic',
      body: '<h2>修订了哪些内容？</h2><p>一是推行建房联审联办，二是明确建房面积标准，三是加强批后监管。</p>',
    },
  );
  await addRelation(db, systemContext, housingNew, { toDocumentId: housingOld, kind: 'replaces', effectiveOn: '2026-04-01' });

  await publish(
    db,
    'jyj',
    {
      title: '示例县教育局关于做好2026年义务教育阶段学校招生入学工作的通知',
      docNumber: '示教发〔2026〕12号',
      writtenOn: '2026-05-08',
      effectiveOn: '2026-05-08',
      expiresOn: '2026-09-30',
      genre: '通知',
      docType: 'policy',
      topic: '科技、教育\\教育',
      keywords: ['招生', '义务教育'],
      summary: '明确2026年全县小学一年级和初中一年级招生范围、时间和程序。',
      body: '<p>各乡镇中心学校，县直各学校：</p><p>为做好2026年义务教育阶段学校招生入学工作，现就有关事项通知如下。</p><p>一、招生对象：2026年8月31日前年满6周岁的适龄儿童。</p>',
    },
    '2026-05-09',
  );
  await publish(
    db,
    'zjj',
    {
      title: '示例县住房和城乡建设局关于进一步加强住宅小区物业服务管理的实施意见',
      docNumber: '示建发〔2025〕21号',
      writtenOn: '2025-09-15',
      effectiveOn: '2025-10-15',
      genre: '意见',
      docType: 'policy',
      topic: '城乡建设、环境保护\\城乡建设（含住房）',
      keywords: ['物业服务', '住宅小区'],
      summary: '规范物业服务收费和质量，畅通业主投诉渠道。',
      body: '<p>各乡镇人民政府，各物业服务企业：</p><p>为提升住宅小区物业服务水平，提出如下实施意见。</p>',
    },
    '2025-09-19',
  );
  // Published "in the past": bring stored validity up to today (the hourly job would do it too).
  await refreshDueValidity(db);
  return count + 4;
}
