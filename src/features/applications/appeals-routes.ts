// JSON API of what follows a reply: the case's 行政复议 and 行政诉讼 records (list, record, update the
// result — a corrected result reopens the case), and 依申请公开转主动公开 (the hint of other applicants
// asking the same, 第四十四条, and the document draft made from the reply).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { listAppeals, recordAppeal, updateAppeal } from './appeals.js';
import { makeProactive, sameRequests } from './proactive.js';
import { APPEAL_KINDS, APPEAL_RESULTS } from './schema.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

const decision = {
  authority: text(100),
  caseNumber: text(100),
  result: Type.Optional(literals(APPEAL_RESULTS)),
  decidedOn: Type.Optional(Type.Union([IsoDate, Type.Null()], { description: '审结日期（尚未审结的不填）' })),
  note: text(2000),
  reopenDueOn: Type.Optional({ ...IsoDate, description: '结果纠正的：决定（裁判）确定的重新答复期限' }),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['applications'];

  app.get('/applications/:id/appeals', { ...staff, schema: { tags, summary: '申请的行政复议、行政诉讼记录', params: IdParams } }, async (request) =>
    listAppeals(db, request.ctx, request.params.id),
  );

  app.post(
    '/applications/:id/appeals',
    {
      ...staff,
      schema: {
        tags,
        summary: '登记行政复议或行政诉讼（复议后起诉须先登记复议；结果纠正的，申请重新办理，答复期限为决定确定的期限）',
        params: IdParams,
        body: Strict({ kind: literals(APPEAL_KINDS), filedOn: IsoDate, ...decision }),
      },
    },
    async (request, reply) => reply.status(201).send(await recordAppeal(db, request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/applications/:id/appeals/:appealId',
    {
      ...staff,
      schema: {
        tags,
        summary: '更新行政复议、行政诉讼的结果和审结日期（结果纠正的，申请重新办理）',
        params: Strict({ id: Type.Integer({ minimum: 1 }), appealId: Type.Integer({ minimum: 1 }) }),
        body: Strict(decision),
      },
    },
    async (request) => updateAppeal(db, request.ctx, request.params.id, request.params.appealId, request.body),
  );

  app.get(
    '/applications/:id/same-requests',
    { ...staff, schema: { tags, summary: '过去 12 个月本级政府其他申请人内容相近的申请（条例第四十四条：可考虑转为主动公开）', params: IdParams } },
    async (request) => sameRequests(db, request.ctx, request.params.id),
  );

  app.post(
    '/applications/:id/make-proactive',
    {
      ...staff,
      schema: {
        tags,
        summary: '依申请公开转主动公开：以所申请信息的名称在本机关起草一份主动公开的文件（答复予以公开或部分公开的申请）',
        params: IdParams,
        body: Strict({ title: text(200), note: text(1000) }),
      },
    },
    async (request, reply) => reply.status(201).send(await makeProactive(db, request.ctx, request.params.id, request.body)),
  );
};

export default routes;
