// JSON API of the letters of 依申请公开: staff issue a case's letters and download them as Word;
// office heads keep their organization's templates (list, edit, back to default, preview); the
// applicant downloads the letters addressed to them with the application number and query code.
import { MEDIA_TYPES } from '../../../domain/file-type.js';
import { attachmentDisposition } from '../../../http/download.js';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { ActionContext } from '../../../context.js';
import { OUTCOME_KEYS } from '../../../domain/application-outcomes.js';
import { requireSignedIn } from '../../../http/session.js';
import { literals, Strict } from '../../../http/validation.js';
import { LETTER_KINDS } from '../schema.js';
import { letterDocx, letterFileName, type RenderableLetter } from './docx.js';
import { issueLetterNow } from './issue.js';
import { letterForApplicant, letterForStaff, listCaseLetters } from './queries.js';
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from './template-admin.js';

const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const LetterParams = Strict({ letterId: Type.Integer({ minimum: 1 }) });
const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Kind = literals(LETTER_KINDS);
/** '' for kinds other than reply; a group of table 三 (withheld) or one outcome (withheld.third_party) for replies. */
const Outcome = Type.Optional(Type.String({ maxLength: 60 }));

const issueBody = Strict({
  kind: Kind,
  eventId: Type.Optional(Type.Integer({ minimum: 1, description: '为哪一办理步骤出具（时间线上的事件）：文书据该步骤填写，并显示在该步骤旁' })),
  issuedOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  outcome: Type.Optional(literals(OUTCOME_KEYS)),
  basis: text(500),
  withheldPart: text(1000),
  withheldReason: text(1000),
  details: text(2000),
  informationForm: text(100),
  deliveryMethod: text(100),
  reviewBody: text(100),
  correctionItems: text(2000),
  correctionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  extensionReason: text(1000),
  party: text(200),
  consultedInformation: text(1000),
  fee: Type.Optional(
    Type.Union([
      Strict({ scheme: Type.Literal('per_application'), countInMonth: Type.Integer({ minimum: 1, maximum: 100000 }) }),
      Strict({ scheme: Type.Literal('per_page'), pages: Type.Integer({ minimum: 1, maximum: 1000000 }) }),
    ]),
  ),
  paymentMethod: text(500),
});

const templateFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  numberPrefix: text(20),
};
const SlotQuery = Strict({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), kind: Kind, outcome: Outcome });
const previewBody = Strict({
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Kind,
  outcome: Outcome,
  title: Type.Optional(templateFields.title),
  body: Type.Optional(templateFields.body),
  numberPrefix: templateFields.numberPrefix,
});

export async function sendDocx(reply: FastifyReply, letter: RenderableLetter) {
  const file = await letterDocx(letter);
  return (
    reply
      .type(MEDIA_TYPES.docx)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', attachmentDisposition(letterFileName(letter)))
      // A letter names its applicant: never kept by a shared cache.
      .header('cache-control', 'private, no-store')
      .send(file)
  );
}

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['applications'];

  // ---- a case's letters ----------------------------------------------------------------------
  app.get('/applications/:id/letters', { ...staff, schema: { tags, summary: '申请的文书列表（种类、文号、标题、日期）', params: IdParams } }, async (request) =>
    listCaseLetters(db, request.ctx, request.params.id),
  );

  app.post(
    '/applications/:id/letters',
    {
      ...staff,
      schema: {
        tags,
        summary: '出具文书（登记回执、补正申请告知书、延长答复期限告知书、征求第三方意见函、收取信息处理费通知书、答复书），按机构、种类、年度编文号',
        params: IdParams,
        body: issueBody,
      },
    },
    async (request, reply) => {
      const { kind, eventId, ...extra } = request.body;
      return reply.status(201).send(await issueLetterNow(db, request.ctx, request.params.id, kind, extra, eventId));
    },
  );

  app.get('/applications/letters/:letterId', { ...staff, schema: { tags, summary: '一件文书（文号、标题、出具日期、正文段落）', params: LetterParams } }, async (request) =>
    letterForStaff(db, request.ctx, request.params.letterId),
  );

  app.get('/applications/letters/:letterId/docx', { ...staff, schema: { tags, summary: '下载文书（Word，党政机关公文格式）', params: LetterParams } }, async (request, reply) =>
    sendDocx(reply, await letterForStaff(db, request.ctx, request.params.letterId)),
  );

  // ---- the applicant ----------------------------------------------------------------------------
  app.get(
    '/applications/track/letters/:letterId/docx',
    {
      // Slows down guessing query codes; the number and code are read from the query string, which the request log leaves out.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '申请人凭申请编号和查询码下载发给本人的文书（Word）',
        params: LetterParams,
        querystring: Strict({ number: Type.String({ minLength: 1, maxLength: 40 }), code: Type.String({ minLength: 1, maxLength: 20 }) }),
      },
    },
    async (request, reply) => sendDocx(reply, await letterForApplicant(db, request.query.number, request.query.code, request.params.letterId)),
  );

  // ---- templates -----------------------------------------------------------------------------
  app.get(
    '/applications/letter-templates',
    { ...staff, schema: { tags, summary: '本机构的文书模板（本机构自定义或默认）及各类文书可用的占位符', querystring: Strict({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request) => listTemplates(db, request.ctx, request.query.orgId ?? request.ctx.actor!.orgId),
  );

  app.put(
    '/applications/letter-templates',
    {
      ...staff,
      schema: {
        tags,
        summary: '保存本机构的文书模板（第一行为称呼，最后两行为署名 {{agency}} 和日期 {{issued_date}}）',
        body: Strict({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), kind: Kind, outcome: Outcome, ...templateFields }),
      },
    },
    async (request) => {
      const { orgId, kind, outcome, ...input } = request.body;
      return saveTemplate(db, request.ctx, orgId ?? request.ctx.actor!.orgId, kind, outcome ?? '', input);
    },
  );

  app.delete('/applications/letter-templates', { ...staff, schema: { tags, summary: '本机构的文书模板恢复为默认模板', querystring: SlotQuery } }, async (request) => {
    const { orgId, kind, outcome } = request.query;
    return resetTemplate(db, request.ctx, orgId ?? request.ctx.actor!.orgId, kind, outcome ?? '');
  });

  const preview = (body: Static<typeof previewBody>, orgId: number, ctx: ActionContext) => {
    const input = body.title !== undefined || body.body !== undefined ? { title: body.title ?? '', body: body.body ?? '', numberPrefix: body.numberPrefix } : undefined;
    return previewTemplate(db, ctx, orgId, body.kind, body.outcome ?? '', input);
  };

  app.post('/applications/letter-templates/preview', { ...staff, schema: { tags, summary: '预览文书模板（以虚构的示例申请填充；不传标题和正文时预览正在使用的模板）', body: previewBody } }, async (request) =>
    preview(request.body, request.body.orgId ?? request.ctx.actor!.orgId, request.ctx),
  );

  app.post(
    '/applications/letter-templates/preview/docx',
    { ...staff, schema: { tags, summary: '预览文书模板的 Word 文件（以虚构的示例申请填充）', body: previewBody } },
    async (request, reply) => sendDocx(reply, await preview(request.body, request.body.orgId ?? request.ctx.actor!.orgId, request.ctx)),
  );
};

export default routes;
