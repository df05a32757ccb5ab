// JSON API of consultations for staff (issue #7): prepare, publish, hearings, the comments (moderate,
// dispose), the adoption report, the link to the final document, and the supervisor's list of late
// adoption reports. The public comments through the portal's form (pages.tsx), which has the human
// check; it has no JSON route.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DISPOSITIONS } from '../../domain/consultation.js';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { getConsultation, listConsultations, overdueReports } from './consultations.js';
import { disposeComment, moderateComment, staffComments } from './handle.js';
import { addHearing, createConsultation, linkFinalDocument, publishConsultation, updateConsultation } from './manage.js';
import { publishAdoptionReport } from './report.js';

const Id = Type.Integer({ minimum: 1 });
const IdParams = Strict({ id: Id });
const CommentParams = Strict({ id: Id, commentId: Id });
const Day = Type.String({ format: 'date' });
const text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });

const fields = {
  title: text(200, 1),
  draft: text(100_000, 1),
  explanation: Type.Optional(text(20_000)),
  channels: Type.Optional(text(2000)),
  startsOn: Day,
  endsOn: Day,
  shortPeriodReason: Type.Optional(text(1000)),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['consultations'];

  app.get('/consultations', { ...staff, schema: { tags, summary: '征求意见列表（本人可查看的机构），含意见数、待审核数和采纳情况公布期限' } }, async (request) =>
    listConsultations(db, request.ctx),
  );
  app.get('/consultations/overdue', { ...staff, schema: { tags, summary: '征求意见结束满一个月仍未公布采纳情况的（监督）' } }, async (request) => overdueReports(db, request.ctx));
  app.get('/consultations/:id', { ...staff, schema: { tags, summary: '一项征求意见', params: IdParams } }, async (request) => getConsultation(db, request.ctx, request.params.id));
  app.post(
    '/consultations',
    { ...staff, schema: { tags, summary: '新建征求意见（期限少于30日须说明理由，理由向社会公开）', body: Strict({ orgId: Type.Optional(Id), ...fields }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await createConsultation(db, request.ctx, { orgId: orgId ?? request.ctx.actor!.orgId, ...rest }));
    },
  );
  app.put('/consultations/:id', { ...staff, schema: { tags, summary: '修改征求意见（发布后只能延后截止日期）', params: IdParams, body: Strict(fields) } }, async (request) =>
    updateConsultation(db, request.ctx, request.params.id, request.body),
  );
  app.post('/consultations/:id/publish', { ...staff, schema: { tags, summary: '发布征求意见到门户网站', params: IdParams } }, async (request) =>
    publishConsultation(db, request.ctx, request.params.id),
  );
  app.post(
    '/consultations/:id/hearings',
    {
      ...staff,
      schema: {
        tags,
        summary: '登记听证会（时间、地点、参加人产生方式、参加人名单）',
        params: IdParams,
        body: Strict({ heldOn: Day, place: text(200, 1), selection: text(1000, 1), participants: Type.Optional(text(5000)), record: Type.Optional(text(20_000)) }),
      },
    },
    async (request, reply) => reply.status(201).send(await addHearing(db, request.ctx, request.params.id, request.body)),
  );
  app.get('/consultations/:id/comments', { ...staff, schema: { tags, summary: '收到的意见（含提交人，仅办理人员可见）', params: IdParams } }, async (request) =>
    staffComments(db, request.ctx, request.params.id),
  );
  app.post(
    '/consultations/:id/comments/:commentId/moderation',
    { ...staff, schema: { tags, summary: '审核意见：公开或不予公开（须说明原因）', params: CommentParams, body: Strict({ moderation: literals(['published', 'rejected'] as const), note: Type.Optional(text(500)) }) } },
    async (request) => moderateComment(db, request.ctx, request.params.id, request.params.commentId, request.body),
  );
  app.post(
    '/consultations/:id/comments/:commentId/disposition',
    {
      ...staff,
      schema: { tags, summary: '意见的采纳处理：采纳、部分采纳、未采纳（后两者须说明理由）', params: CommentParams, body: Strict({ disposition: literals(DISPOSITIONS), reason: Type.Optional(text(2000)), topic: Type.Optional(text(100)) }) },
    },
    async (request) => disposeComment(db, request.ctx, request.params.id, request.params.commentId, request.body),
  );
  app.post('/consultations/:id/report', { ...staff, schema: { tags, summary: '公布意见采纳情况', params: IdParams, body: Strict({ summary: text(20_000, 1) }) } }, async (request) =>
    publishAdoptionReport(db, request.ctx, request.params.id, request.body),
  );
  app.post('/consultations/:id/document', { ...staff, schema: { tags, summary: '关联正式印发的文件', params: IdParams, body: Strict({ documentId: Id }) } }, async (request) =>
    linkFinalDocument(db, request.ctx, request.params.id, request.body.documentId),
  );
};

export default routes;
