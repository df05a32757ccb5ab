// Demo applications for government information (依申请公开): a dozen cases of the 示例县 government
// in every state — new, waiting for a correction, consulting a third party, extended, waiting for a
// fee, replied with different outcomes, overdue, closed, archived, transferred — recorded through the
// real use cases by the demo staff, on dates counted back from today in working days so that the
// inbox's traffic lights vary whenever the demo is started.
//
// The applicants are fictional: stock names (张三, 李四 …), ID numbers valid by their check digit
// (area code 110102), an invented company. Every demo case opens the tracking page with the query
// code CHAXUN26.
import { eq } from 'drizzle-orm';
import { systemContext, type ActionContext } from '../context.js';
import type { Db } from '../db/client.js';
import { idCheckDigit } from '../domain/id-number.js';
import { chinaDate, type IsoDate } from '../domain/dates.js';
import type { Role } from '../domain/policy.js';
import { recordAppeal } from '../features/applications/appeals.js';
import { assignCase } from '../features/applications/assign.js';
import { answerConsultation, sendConsultation } from '../features/applications/consultation.js';
import { lapseCorrection, sendCorrectionNotice } from '../features/applications/correction.js';
import { creditCodeCheckChar } from '../features/applications/credit-code.js';
import { extendDeadline } from '../features/applications/extension.js';
import { sendFeeNotice } from '../features/applications/fee.js';
import { registerApplication, submitApplication } from '../features/applications/intake.js';
import { hashQueryCode } from '../features/applications/query-code.js';
import { caseEvents } from '../features/applications/records.js';
import { archiveCase, closeCase, recordDelivery, replyToApplication } from '../features/applications/reply.js';
import { recordJointReview, recordLegalReview } from '../features/applications/review.js';
import { applications, type ApplicantDetails } from '../features/applications/schema.js';
import { transferCase } from '../features/applications/transfer.js';
import { loadCalendar } from '../features/calendar/service.js';
import { findOrgByCode } from '../features/orgs/organizations.js';
import { organizations, users } from '../features/orgs/schema.js';

export const DEMO_QUERY_CODE = 'CHAXUN26';

const person = (name: string, birth: string, seq: string, extra: Partial<ApplicantDetails> = {}): ApplicantDetails => {
  const first17 = `110102${birth}${seq}`;
  return { name, idType: '居民身份证', idNumber: first17 + idCheckDigit(first17), phone: '13900000000', address: '示例县城关镇示例路8号', ...extra };
};

const company = (): ApplicantDetails => {
  const first17 = '91110102MA0000009';
  return { name: '示例县某某建材有限公司', creditCode: first17 + creditCodeCheckChar(first17), legalRepresentative: '周九', contactName: '吴十', phone: '0000-62108888', address: '示例县工业园区8号' };
};

/** A demo member of staff as the use cases see them (the timeline names them). */
export async function staff(db: Db, username: string): Promise<ActionContext> {
  const [u] = await db
    .select({ id: users.id, name: users.name, orgId: users.orgId, orgPath: organizations.path, roles: users.roles })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.username, username));
  return { actor: { userId: u!.id, username, name: u!.name, orgId: u!.orgId, orgPath: u!.orgPath, roles: u!.roles as Role[] }, ip: '' };
}

export async function seedDemoApplications(db: Db): Promise<number> {
  const calendar = await loadCalendar(db);
  const today = chinaDate(new Date());
  const ago = (n: number): IsoDate => calendar.workingDaysBefore(today, n);
  const org = async (code: string) => (await findOrgByCode(db, code))!.id;
  const [jyj, zjj, cgz, zfb] = await Promise.all(['jyj', 'zjj', 'cgz', 'zfb'].map(org));
  const [liu, zhou, wu, zheng, sun] = await Promise.all(['jyj_handler', 'jyj_head', 'zjj_editor', 'cgz_editor', 'sfj_legal'].map((u) => staff(db, u)));
  const userId = (ctx: ActionContext) => ctx.actor!.userId;
  const inPerson = (orgId: number, on: IsoDate, applicant: ApplicantDetails, description: string, more: Record<string, unknown> = {}) =>
    registerApplication(db, systemContext, { orgId, applicantKind: 'person', applicant, description, forms: ['paper'], delivery: ['post'], channel: 'in_person', submittedOn: on, ...more });
  const ids: number[] = [];
  const keep = <T extends { id: number }>(c: T) => (ids.push(c.id), c);

  // 1. New, online today: nobody has taken it up yet.
  keep(await submitApplication(db, { actor: null, ip: '' }, {
    orgId: jyj, applicantKind: 'person', applicant: person('张三', '19900101', '011', { email: 'zhangsan@example.com' }),
    description: '申请公开示例县2026年秋季义务教育阶段学校招生划片范围及各校招生人数', forms: ['electronic'], delivery: ['email'],
  }));

  // 2. Waiting for the applicant's correction.
  const unclear = keep(await inPerson(jyj, ago(4), person('李四', '19850615', '012'), '申请公开关于学校的那个文件'));
  await assignCase(db, liu, unclear.id, { assigneeId: userId(liu), on: ago(4) });
  await sendCorrectionNotice(db, liu, unclear.id, { items: '请写明所需文件的名称、文号或者发布机关、发布时间等能够指向特定政府信息的描述', on: ago(2) });

  // 3. Consulting a third party whose business information is asked for: the clock stands still.
  const tender = keep(await inPerson(zjj, ago(9), person('王五', '19780303', '013'), '申请公开示例县城东棚户区改造项目施工单位的投标报价明细', { channel: 'registered_post', signedForOn: ago(9), submittedOn: undefined }));
  await assignCase(db, wu, tender.id, { assigneeId: userId(wu), on: ago(9) });
  await sendConsultation(db, wu, tender.id, { consultation: 'third_party', party: '示例县某建筑工程有限公司', subject: '是否同意公开其投标报价明细', on: ago(6) });

  // 4. Extended by the head of the disclosure office.
  const archive = keep(await inPerson(jyj, ago(21), person('赵六', '19950820', '014'), '申请公开2016年至2025年示例县中小学校舍安全鉴定报告'));
  await assignCase(db, zhou, archive.id, { assigneeId: userId(liu), on: ago(21) });
  await recordJointReview(db, liu, archive.id, { parties: '县教育局基建股、县住建局', note: '历年鉴定报告分散保存，需逐年调取、核对', on: ago(5) });
  await extendDeadline(db, zhou, archive.id, { days: 15, reason: '所需信息年份跨度大、数量多，需要调取档案逐件核对', on: ago(3) });

  // 5. A fee notice per page: waiting for payment.
  const bulk = keep(await registerApplication(db, systemContext, {
    orgId: zjj, applicantKind: 'business', applicant: company(), description: '申请公开2021年以来示例县全部建设工程规划许可证及附图', forms: ['paper'], delivery: ['post'],
    channel: 'email', submittedOn: ago(7), confirmedOn: ago(6),
  }));
  await assignCase(db, wu, bulk.id, { assigneeId: userId(wu), on: ago(6) });
  await sendFeeNotice(db, wu, bulk.id, { scheme: 'per_page', pages: 260, on: ago(2) });

  // 6. Due within five working days, legal review returned the draft reply.
  const soon = keep(await inPerson(jyj, ago(17), person('钱七', '19880808', '015'), '申请公开示例县2026年教师招聘考试各岗位进入面试人员的笔试成绩线'));
  await assignCase(db, zhou, soon.id, { assigneeId: userId(liu), on: ago(16) });
  await recordLegalReview(db, sun, soon.id, { decision: 'returned', note: '答复书应写明已主动公开的网址和栏目', on: ago(1) });

  // 7. Overdue: the supervisor's list shows it.
  const late = keep(await inPerson(cgz, ago(24), person('孙八', '19620510', '016'), '申请公开城关镇2025年农村危房改造补助对象名单及补助金额'));
  await assignCase(db, zheng, late.id, { assigneeId: userId(zheng), on: ago(23) });

  // 8. Replied: disclosed, delivered, closed.
  const open = keep(await inPerson(jyj, ago(30), person('张三', '19900101', '011'), '申请公开示例县2025年学前教育专项资金分配文件'));
  await assignCase(db, zhou, open.id, { assigneeId: userId(liu), on: ago(30) });
  await recordLegalReview(db, sun, open.id, { decision: 'approved', on: ago(16) });
  await replyToApplication(db, liu, open.id, { outcome: 'disclosed', on: ago(15), note: '该文件已于本局网站“政策文件”栏目主动公开，现随答复书提供电子文本。' });
  await recordDelivery(db, liu, open.id, { method: 'post', on: ago(14) });
  await closeCase(db, liu, open.id, { on: ago(14) });

  // 9. Replied: partly disclosed after the third party objected (第三十七条 区分处理).
  const partly = keep(await inPerson(zjj, ago(45), person('周十一', '19700101', '017'), '申请公开某小区物业服务企业2025年度公共收益收支明细及相关合同'));
  await assignCase(db, wu, partly.id, { assigneeId: userId(wu), on: ago(45) });
  await sendConsultation(db, wu, partly.id, { consultation: 'third_party', party: '示例县某物业服务有限公司', on: ago(40) });
  const asked = (await caseEvents(db, partly.id)).find((e) => e.kind === 'consultation_sent')!;
  await answerConsultation(db, wu, partly.id, { sentEventId: asked.id, gist: '同意公开收支汇总，不同意公开合同中的单价条款（商业秘密）', on: ago(33) });
  await replyToApplication(db, wu, partly.id, { outcome: 'partly_disclosed', basis: '《中华人民共和国政府信息公开条例》第十五条、第三十七条', on: ago(25) });
  await recordDelivery(db, wu, partly.id, { method: 'post', on: ago(24) });

  // 10. Closed: a complaint in the form of an application (第三十九条第一款).
  const complaint = keep(await inPerson(cgz, ago(50), person('吴十二', '19750909', '018'), '要求查处某村干部违规发放补贴的问题并公开处理结果'));
  await assignCase(db, zheng, complaint.id, { assigneeId: userId(zheng), on: ago(50) });
  await replyToApplication(db, zheng, complaint.id, { outcome: 'not_processed.petition_complaint', basis: '《中华人民共和国政府信息公开条例》第三十九条第一款', on: ago(40), note: '已告知可通过信访、纪检监察渠道反映。' });
  await recordDelivery(db, zheng, complaint.id, { method: 'post', on: ago(39) });
  await closeCase(db, zheng, complaint.id, { on: ago(38) });

  // 11. Archived: the information is not held (第三十六条第（四）项).
  const none = keep(await inPerson(jyj, ago(80), person('郑十三', '19820202', '019'), '申请公开示例县教育局2010年局长办公会会议纪要全文'));
  await assignCase(db, zhou, none.id, { assigneeId: userId(liu), on: ago(80) });
  await replyToApplication(db, liu, none.id, { outcome: 'unavailable.not_held', on: ago(66), note: '经检索，本机关未保存该年度会议纪要。' });
  await recordDelivery(db, liu, none.id, { method: 'post', on: ago(65) });
  await closeCase(db, liu, none.id, { on: ago(64) });
  await archiveCase(db, liu, none.id);

  // 12. Ended: not corrected in time (第三十条).
  const lapsed = keep(await inPerson(zjj, ago(60), person('王十四', '19660606', '020'), '申请公开有关拆迁的材料'));
  await assignCase(db, wu, lapsed.id, { assigneeId: userId(wu), on: ago(60) });
  await sendCorrectionNotice(db, wu, lapsed.id, { items: '请写明所涉项目名称、地点和所需材料的类别', on: ago(58) });
  await lapseCorrection(db, wu, lapsed.id);

  // 13. Transferred: the county government office sends a school matter on to the education bureau.
  const misdirected = keep(await inPerson(zfb, ago(3), person('冯十五', '19920303', '021'), '申请公开示例县第二实验小学2026年新校区建设项目的批复文件'));
  const moved = await transferCase(db, systemContext, misdirected.id, { toOrgId: jyj, reason: '所需信息由县教育局制作并保存' });
  keep(moved.result!);

  // Appeals (复议/诉讼, for the annual report's table 四): the disclosure upheld on reconsideration;
  // the complaint found to be a real request after all, so that case is handled again by the date
  // the decision set; the archived case before the court, not yet decided.
  await recordAppeal(db, liu, open.id, { kind: 'reconsideration', filedOn: ago(12), authority: '示例县人民政府', caseNumber: '示政复〔2026〕3号', result: 'upheld', decidedOn: ago(2) });
  await recordAppeal(db, zheng, complaint.id, {
    kind: 'reconsideration',
    filedOn: ago(30),
    authority: '示例县人民政府',
    caseNumber: '示政复〔2026〕5号',
    result: 'corrected',
    decidedOn: ago(5),
    reopenDueOn: calendar.addWorkingDays(today, 10).date,
    note: '复议机关认为申请人要求公开的是补贴发放名单，属于政府信息公开申请，责令重新答复',
  });
  await recordAppeal(db, liu, none.id, { kind: 'litigation_direct', filedOn: ago(40), authority: '示例县人民法院', caseNumber: '（2026）示0101行初12号' });

  // The demo's cases all open the tracking page with one code the README names.
  for (const id of ids) {
    const [row] = await db.select({ number: applications.number }).from(applications).where(eq(applications.id, id));
    await db.update(applications).set({ queryCodeHash: hashQueryCode(row!.number, DEMO_QUERY_CODE) }).where(eq(applications.id, id));
  }
  return ids.length;
}
