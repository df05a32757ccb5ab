// JSON API of applications for government information (依申请公开). Public: the form's options, the
// online application (rate-limited, small bodies) and tracking by number and query code. Staff:
// the inbox, registration, every fact of a case, the overdue list and the clock's settings.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static, type TObject } from 'typebox';
import type { ActionContext } from '../../context.js';
import { MAX_WORKING_DAYS } from '../../domain/calendar.js';
import { APPLICANT_KINDS, DELIVERY_METHODS, INFORMATION_FORMS, OUTCOME_KEYS } from '../../domain/application-outcomes.js';
import { APPLICATION_CHANNELS } from '../../domain/received-on.js';
import { attachmentDisposition } from '../../http/download.js';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { assignCase } from './assign.js';
import { exportCaseFile } from './case-file.js';
import { caseDetail } from './case-detail.js';
import { answerConsultation, sendConsultation } from './consultation.js';
import { lapseCorrection, receiveCorrection, sendCorrectionNotice } from './correction.js';
import { extendDeadline } from './extension.js';
import { lapseFee, recordFeePaid, sendFeeNotice } from './fee.js';
import { inbox } from './inbox.js';
import { registerApplication, submitApplication } from './intake.js';
import { setLaterDate } from './later-date.js';
import { applicationOptions } from './options.js';
import { overdueApplications } from './overdue.js';
import { archiveCase, closeCase, recordDelivery, replyToApplication } from './reply.js';
import { addInternalNote, recordJointReview, recordLegalReview } from './review.js';
import { APPLICATION_STATUSES } from './schema.js';
import { loadApplicationRules, loadFeeSchedule, saveApplicationRules, saveFeeSchedule } from './settings.js';
import { trackApplication } from './track.js';
import { transferCase } from './transfer.js';

const text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const On = Type.Optional({ ...IsoDate, description: '事实发生的日期（YYYY-MM-DD），默认今天' });
const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const Days = Type.Integer({ minimum: 1, maximum: MAX_WORKING_DAYS });

const Applicant = Strict({
  name: text(100),
  idType: Type.Optional(text(30)),
  idNumber: Type.Optional(text(30)),
  creditCode: Type.Optional(text(18)),
  legalRepresentative: Type.Optional(text(50)),
  contactName: Type.Optional(text(50)),
  phone: Type.Optional(text(30)),
  email: Type.Optional(text(100)),
  address: Type.Optional(text(200)),
  postcode: Type.Optional(text(6)),
});

const formFields = {
  orgId: Type.Integer({ minimum: 1, description: '受理机关' }),
  applicantKind: literals(APPLICANT_KINDS),
  applicant: Applicant,
  description: text(2000),
  docTitle: Type.Optional(text(200)),
  docNumber: Type.Optional(text(100)),
  purpose: Type.Optional(text(500)),
  forms: Type.Array(literals(INFORMATION_FORMS), { minItems: 1, maxItems: INFORMATION_FORMS.length }),
  delivery: Type.Array(literals(DELIVERY_METHODS), { minItems: 1, maxItems: DELIVERY_METHODS.length }),
};

/** Per address: enough for a family or a library's shared connection, not for flooding an office. */
export const SUBMIT_RATE = { max: 20, timeWindow: '1 hour' };
/** Guessing query codes takes millions of tries; a person checks a few times. */
export const TRACK_RATE = { max: 30, timeWindow: '1 minute' };
/** The form is text only (attachments go another way): 32 KB is far more than any honest request. */
const SUBMIT_BODY_LIMIT = 32 * 1024;

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['applications'];
  const publicTags = ['public'];

  // ---- public ---------------------------------------------------------------------------------
  app.get('/applications/options', { schema: { tags: publicTags, summary: '政府信息公开申请表的选项：受理机关、申请人类型、证件类型、提供形式、获取方式' } }, async () => applicationOptions(db));

  app.post(
    '/applications',
    {
      bodyLimit: SUBMIT_BODY_LIMIT,
      config: { rateLimit: SUBMIT_RATE },
      schema: { tags: publicTags, summary: '在线提交政府信息公开申请（返回申请编号和查询码，查询码只显示这一次）', body: Strict(formFields) },
    },
    async (request, reply) => {
      const { id: _id, ...receipt } = await submitApplication(db, request.ctx, request.body);
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/applications/track',
    {
      config: { rateLimit: TRACK_RATE },
      schema: { tags: publicTags, summary: '凭申请编号和查询码查询办理进度、答复期限及其计算说明和告知书', querystring: Strict({ number: text(40, 1), code: text(20, 1) }) },
    },
    async (request) => trackApplication(db, request.query.number, request.query.code),
  );

  // ---- staff: lists and registration -----------------------------------------------------------
  app.get(
    '/applications',
    {
      ...staff,
      schema: {
        tags,
        summary: '依申请公开收件箱（本人权限范围内，按答复期限排序，附红黄绿灯）',
        querystring: Strict({
          status: Type.Optional(Type.Union([literals(APPLICATION_STATUSES), Type.Literal('open')])),
          light: Type.Optional(literals(['on_track', 'due_soon', 'overdue'] as const)),
          assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
          unassigned: Type.Optional(Type.Boolean()),
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
          receivedFrom: Type.Optional(IsoDate),
          receivedTo: Type.Optional(IsoDate),
          q: Type.Optional(text(100)),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
        }),
      },
    },
    async (request) => inbox(db, request.ctx, request.query),
  );

  app.post(
    '/applications/register',
    {
      ...staff,
      schema: {
        tags,
        summary: '登记当面、邮寄、平常信函、传真或电子邮件提交的申请（按条例第三十一条确定收到申请之日）',
        body: Strict({
          ...formFields,
          channel: literals(APPLICATION_CHANNELS),
          submittedOn: Type.Optional(IsoDate),
          signedForOn: Type.Optional(IsoDate),
          arrivedOn: Type.Optional(IsoDate),
          confirmedOn: Type.Optional(IsoDate),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await registerApplication(db, request.ctx, request.body)),
  );

  app.get('/applications/overdue', { ...staff, schema: { tags, summary: '已超过答复期限的申请（公开办监督，本人权限范围内各机构）' } }, async (request) => overdueApplications(db, request.ctx));

  app.get('/applications/settings', { ...staff, schema: { tags, summary: '依申请公开的期限设置和信息处理费标准' } }, async () => ({
    rules: await loadApplicationRules(db),
    feeSchedule: await loadFeeSchedule(db),
  }));

  app.put(
    '/applications/settings/rules',
    {
      ...staff,
      schema: {
        tags,
        summary: '修改依申请公开的期限设置（工作日数；保存后重新计算所有在办申请的期限）',
        body: Strict({
          replyDays: Days,
          correctionNoticeDays: Days,
          correctionPeriodDays: Days,
          maxExtensionDays: Days,
          consultationDays: Days,
          feePaymentDays: Days,
          dueSoonDays: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS }),
        }),
      },
    },
    async (request) => saveApplicationRules(db, request.ctx, request.body),
  );

  const Whole = Type.Integer({ minimum: 0, maximum: 1_000_000 });
  app.put(
    '/applications/settings/fees',
    {
      ...staff,
      schema: {
        tags,
        summary: '修改信息处理费收费标准（按件、按量）',
        body: Strict({
          perApplication: Strict({ freeUpTo: Whole, firstBandUpTo: Whole, firstBandYuan: Whole, bandSize: Type.Integer({ minimum: 1, maximum: 10000 }), bandStepYuan: Whole }),
          perPage: Strict({ bands: Type.Array(Strict({ upTo: Type.Union([Whole, Type.Null()]), yuanPerPage: Whole }), { minItems: 1, maxItems: 20 }) }),
        }),
      },
    },
    async (request) => saveFeeSchedule(db, request.ctx, request.body),
  );

  // ---- staff: one case -------------------------------------------------------------------------
  app.get(
    '/applications/:id/case-file',
    { ...staff, schema: { tags, summary: '导出卷宗（zip：卷内文件目录、申请登记表、办理记录、全部文书、申请人材料、case.json；仅本机构承办人员）', params: IdParams } },
    async (request, reply) => {
      const file = await exportCaseFile(db, app.deps.files, request.ctx, request.params.id);
      return reply.type('application/zip').header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'private, no-store').send(file.zip);
    },
  );

  app.get('/applications/:id', { ...staff, schema: { tags, summary: '一件申请：时间线、答复期限及其计算说明、甄别提示、已出具的告知书', params: IdParams } }, async (request) =>
    caseDetail(db, request.ctx, request.params.id),
  );

  /** A fact about a case: POST /applications/:id/<path> with its body, handed to the use case. */
  const fact = <B extends TObject>(path: string, summary: string, body: B, run: (id: number, body: Static<B>, ctx: ActionContext) => Promise<unknown>) =>
    app.post(`/applications/:id/${path}`, { ...staff, schema: { tags, summary, params: IdParams, body } }, async (request) => run(request.params.id, request.body as Static<B>, request.ctx));

  fact('assign', '确定承办人（公开办负责人；承办人可认领无人承办的申请）', Strict({ assigneeId: Type.Integer({ minimum: 1 }), on: On }), (id, b, ctx) => assignCase(db, ctx, id, b));
  fact('correction-notice', '一次性告知补正（收到申请之日起 7 个工作日内）', Strict({ items: text(1000, 1), periodDays: Type.Optional(Days), on: On }), (id, b, ctx) => sendCorrectionNotice(db, ctx, id, b));
  fact('correction-received', '登记收到补正的申请（答复期限重新计算）', Strict({ on: On, note: Type.Optional(text(1000)) }), (id, b, ctx) => receiveCorrection(db, ctx, id, b));
  fact('correction-lapsed', '登记逾期未补正（办结：其他处理·逾期不补正）', Strict({}), (id, _b, ctx) => lapseCorrection(db, ctx, id));
  fact(
    'consultations',
    '征求第三方或其他行政机关意见（期间不计入答复期限）',
    Strict({ consultation: literals(['third_party', 'other_agency'] as const), party: text(100, 1), subject: Type.Optional(text(1000)), on: On }),
    (id, b, ctx) => sendConsultation(db, ctx, id, b),
  );
  app.post(
    '/applications/:id/consultations/:eventId/answer',
    {
      ...staff,
      schema: {
        tags,
        summary: '登记征求意见的答复（答复要点仅内部可见）',
        params: Strict({ id: Type.Integer({ minimum: 1 }), eventId: Type.Integer({ minimum: 1 }) }),
        body: Strict({ gist: text(2000, 1), on: On }),
      },
    },
    async (request) => answerConsultation(db, request.ctx, request.params.id, { sentEventId: request.params.eventId, ...request.body }),
  );
  fact('joint-review', '登记会商（内部）', Strict({ parties: text(200, 1), note: text(2000, 1), on: On }), (id, b, ctx) => recordJointReview(db, ctx, id, b));
  fact('legal-review', '法制审核：同意或退回修改（内部）', Strict({ decision: literals(['approved', 'returned'] as const), note: Type.Optional(text(2000)), on: On }), (id, b, ctx) => recordLegalReview(db, ctx, id, b));
  fact('notes', '添加内部备注', Strict({ note: text(2000, 1) }), (id, b, ctx) => addInternalNote(db, ctx, id, b));
  fact('extension', '延长答复期限（公开办负责人批准，合计不超过 20 个工作日）', Strict({ days: Days, reason: text(1000, 1), on: On }), (id, b, ctx) => extendDeadline(db, ctx, id, b));
  fact(
    'fee-notice',
    '发出信息处理费收费通知（按件：按申请人本月申请件数自动计算；按量：填写页数）',
    Strict({ scheme: literals(['per_application', 'per_page'] as const), pages: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })), on: On }),
    (id, b, ctx) => sendFeeNotice(db, ctx, id, b),
  );
  fact('fee-paid', '登记缴费', Strict({ on: On }), (id, b, ctx) => recordFeePaid(db, ctx, id, b));
  fact('fee-lapsed', '登记逾期未缴费（办结：其他处理·逾期未缴费）', Strict({}), (id, _b, ctx) => lapseFee(db, ctx, id));
  fact('later-date', '确定延迟答复的合理期限（条例第三十五条）', Strict({ dueOn: IsoDate, reason: text(1000, 1), on: On }), (id, b, ctx) => setLaterDate(db, ctx, id, b));
  fact(
    'reply',
    '作出答复（办理结果为年报表三的情形之一；不予公开、不予处理等须写明具体法律依据）',
    Strict({ outcome: literals(OUTCOME_KEYS), basis: Type.Optional(text(500)), note: Type.Optional(text(2000)), on: On }),
    (id, b, ctx) => replyToApplication(db, ctx, id, b),
  );
  fact('delivery', '登记送达', Strict({ method: literals(DELIVERY_METHODS), on: On }), (id, b, ctx) => recordDelivery(db, ctx, id, b));
  fact('close', '办结', Strict({ on: On, note: Type.Optional(text(1000)) }), (id, b, ctx) => closeCase(db, ctx, id, b));
  fact('archive', '归档（须先办结）', Strict({}), (id, _b, ctx) => archiveCase(db, ctx, id));
  fact('transfer', '转送本级政府的其他行政机关办理（收到申请之日不变，返回新申请编号和查询码）', Strict({ toOrgId: Type.Integer({ minimum: 1 }), reason: text(1000, 1) }), (id, b, ctx) =>
    transferCase(db, ctx, id, b),
  );
};

export default routes;
