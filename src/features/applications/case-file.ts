// The case file (卷宗) of an application, as a zip for archiving (条例第四十五条: 登记、审核、办理、答复、
// 归档): the index of its documents (卷内文件目录), the application as registered — with the
// applicant's identity, since the case file is the one place it belongs —, the full record of
// handling (internal steps included), every letter as issued, the applicant's own files, and a
// machine-readable case.json for an archive system. Only staff who handle the case's organization
// may export it, and each export is audited (by number, never by the applicant's name).
import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { dataKey } from '../../data-key.js';
import type { FileStore } from '../../files.js';
import { formatChineseDate } from '../../domain/dates.js';
import { APPLICANT_KIND_LABELS, DELIVERY_METHOD_LABELS, INFORMATION_FORM_LABELS, OUTCOMES } from '../../domain/application-outcomes.js';
import { APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS } from '../../domain/appeals.js';
import { APPLICATION_CHANNEL_LABELS } from '../../domain/received-on.js';
import { recordDocx } from './case-file-docx.js';
import { EVENT_KINDS, STATUS_LABELS, type EventKind } from './events.js';
import { letterDocx, letterFileName } from './letters/docx.js';
import { LETTER_KIND_LABELS } from './letters/templates.js';
import { authorizeCase } from './policy.js';
import { auditCase, caseEvents, caseTarget, requireCase, type LoadedCase } from './records.js';
import { applicationAppeals, applicationFiles, applicationLetters, type ApplicantDetails } from './schema.js';

export interface CaseFile {
  fileName: string;
  zip: Buffer;
}

const day = (iso: string | null | undefined) => (iso ? formatChineseDate(iso) : '');
const safe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');
const two = (n: number) => String(n).padStart(2, '0');

function applicantRows(a: ApplicantDetails): [string, string][] {
  const rows: [string, string | undefined][] = [
    ['姓名或名称', a.name],
    ['证件类型', a.idType],
    ['证件号码', a.idNumber],
    ['统一社会信用代码', a.creditCode],
    ['法定代表人或负责人', a.legalRepresentative],
    ['联系人', a.contactName],
    ['联系电话', a.phone],
    ['电子邮箱', a.email],
    ['通信地址', a.address],
    ['邮政编码', a.postcode],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]));
}

function applicationForm(k: LoadedCase) {
  return recordDocx(`政府信息公开申请登记表（${k.number}）`, [
    {
      kind: 'fields',
      heading: '一、申请人信息',
      rows: [['申请人类型', APPLICANT_KIND_LABELS[k.applicantKind]], ...applicantRows(k.applicant)],
    },
    {
      kind: 'fields',
      heading: '二、所需政府信息',
      rows: [
        ['内容描述', k.description],
        ['名称', k.docTitle],
        ['文号', k.docNumber],
        ['用途', k.purpose],
        ['提供形式', k.forms.map((f) => INFORMATION_FORM_LABELS[f]).join('、')],
        ['获取方式', k.delivery.map((d) => DELIVERY_METHOD_LABELS[d]).join('、')],
      ].filter((r) => r[1]) as [string, string][],
    },
    {
      kind: 'fields',
      heading: '三、受理与办理',
      rows: [
        ['申请编号', k.number],
        ['受理机关', k.orgName],
        ['提交方式', APPLICATION_CHANNEL_LABELS[k.channel]],
        ['收到申请之日', `${day(k.receivedOn)}（${k.receivedExplanation}）`],
        ['状态', STATUS_LABELS[k.status]],
        ['答复期限', day(k.dueOn)],
        ['办理结果', k.outcome ? OUTCOMES[k.outcome].shortLabel : ''],
        ['法律依据', k.outcomeBasis],
        ['答复日期', day(k.repliedOn)],
        ['办结日期', day(k.closedOn)],
      ].filter((r) => r[1]) as [string, string][],
    },
  ]);
}

export async function exportCaseFile(db: Db, files: FileStore, ctx: ActionContext, id: number): Promise<CaseFile> {
  const kase = await requireCase(db, id);
  await authorizeCase(db, ctx, 'applications.handle', caseTarget(kase), '只有本机构的承办人员可以导出卷宗');
  const [events, letters, given, appeals] = await Promise.all([
    caseEvents(db, id),
    db.select().from(applicationLetters).where(eq(applicationLetters.applicationId, id)).orderBy(asc(applicationLetters.issuedOn), asc(applicationLetters.id)),
    db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, id)).orderBy(asc(applicationFiles.id)),
    db.select().from(applicationAppeals).where(eq(applicationAppeals.applicationId, id)).orderBy(asc(applicationAppeals.filedOn), asc(applicationAppeals.id)),
  ]);

  const zip = new JSZip();
  const index: string[][] = [];
  let n = 0;
  const add = (name: string, bytes: Buffer, entry: { number?: string; title: string; on?: string | null }) => {
    const file = `${two(++n)}-${safe(name)}`;
    zip.file(file, bytes);
    index.push([String(n), entry.number ?? '', entry.title, day(entry.on), file]);
  };

  add('政府信息公开申请登记表.docx', await applicationForm(kase), { title: '政府信息公开申请登记表', on: kase.receivedOn });
  for (const f of given) {
    const path = files.pathOf(f.sha256);
    // A file missing from disk is listed, not silently dropped: the archivist must know.
    let bytes: Buffer;
    try {
      bytes = dataKey().openBytes(readFileSync(path));
    } catch {
      index.push([String(++n), '', `申请人提交的材料：${f.fileName}（文件缺失或无法解密）`, day(f.createdAt.toISOString().slice(0, 10)), '']);
      continue;
    }
    add(`申请人材料-${f.fileName}`, bytes, { title: `申请人提交的材料：${f.fileName}`, on: f.createdAt.toISOString().slice(0, 10) });
  }
  for (const l of letters) add(letterFileName(l), await letterDocx(l), { number: l.number, title: `${LETTER_KIND_LABELS[l.kind]}：${l.title}`, on: l.issuedOn });
  const record = await recordDocx(`政府信息公开申请办理记录（${kase.number}）`, [
    {
      kind: 'table',
      columns: ['日期', '事项', '说明', '记录人'],
      rows: events.map((e) => [day(e.on), `${EVENT_KINDS[e.kind as EventKind]?.label ?? e.kind}${e.internal ? '（内部）' : ''}`, e.note, e.actorName]),
    },
    ...(appeals.length
      ? [
          {
            kind: 'table' as const,
            heading: '行政复议、行政诉讼',
            columns: ['类别', '提起日期', '机关或法院', '案号', '结果', '结果日期'],
            rows: appeals.map((a) => [APPEAL_KIND_LABELS[a.kind], day(a.filedOn), a.authority, a.caseNumber, APPEAL_RESULT_LABELS[a.result], day(a.decidedOn)]),
          },
        ]
      : []),
  ]);
  add('办理记录.docx', record, { title: '办理记录', on: events.at(-1)?.on });
  zip.file(
    'case.json',
    JSON.stringify(
      {
        number: kase.number,
        organization: { code: kase.orgCode, name: kase.orgName },
        applicantKind: kase.applicantKind,
        applicant: kase.applicant,
        request: { description: kase.description, docTitle: kase.docTitle, docNumber: kase.docNumber, purpose: kase.purpose, forms: kase.forms, delivery: kase.delivery },
        channel: kase.channel,
        receivedOn: kase.receivedOn,
        status: kase.status,
        dueOn: kase.dueOn,
        outcome: kase.outcome,
        outcomeBasis: kase.outcomeBasis,
        repliedOn: kase.repliedOn,
        closedOn: kase.closedOn,
        events: events.map((e) => ({ kind: e.kind, on: e.on, internal: e.internal, note: e.note, actor: e.actorName, letterId: e.letterId })),
        letters: letters.map((l) => ({ id: l.id, kind: l.kind, number: l.number, title: l.title, issuedOn: l.issuedOn })),
        appeals: appeals.map((a) => ({ kind: a.kind, filedOn: a.filedOn, authority: a.authority, caseNumber: a.caseNumber, result: a.result, decidedOn: a.decidedOn })),
      },
      null,
      2,
    ),
  );
  const contents = await recordDocx(`卷内文件目录（${kase.number}）`, [{ kind: 'table', columns: ['序号', '文号', '题名', '日期', '文件'], rows: index }]);
  zip.file('00-卷内文件目录.docx', contents);
  await auditCase(db, ctx, kase, 'export_case_file', '导出卷宗');
  return { fileName: `${kase.number}-卷宗.zip`, zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}
