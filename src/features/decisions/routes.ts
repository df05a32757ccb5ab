// JSON API of the decision catalogue for staff (issue #7 items 1, 2, 5): a government's catalogue for a
// year (create, note, items, publish; after publishing every change with a public reason), each item's
// stages (recorded by its undertaking organization or the government), and its links to the public
// consultation and the final document. The public reads the catalogue on the portal (pages.tsx).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { STAGE_KINDS } from '../../domain/decision.js';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { getCatalog, getDecision, listCatalogs, undertakers } from './decisions.js';
import { addItem, createCatalog, linkItem, publishCatalog, removeItem, updateCatalogNote, updateItem } from './manage.js';
import { addStage, updateStage } from './stages.js';

const Id = Type.Integer({ minimum: 1 });
const IdParams = Strict({ id: Id });
const Day = Type.String({ format: 'date' });
const text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const reason = { reason: Type.Optional(text(1000)) };

const itemFields = {
  seq: Type.Integer({ minimum: 1, maximum: 999 }),
  name: text(200, 1),
  undertakingOrgId: Id,
  basis: Type.Optional(text(2000)),
  plannedTime: Type.Optional(text(50)),
  ...reason,
};

const stageFields = {
  startedOn: Day,
  endedOn: Type.Optional(Type.Union([Day, Type.Null()])),
  summary: Type.Optional(text(20_000)),
  isPublic: Type.Optional(Type.Boolean()),
  documentId: Type.Optional(Type.Union([Id, Type.Null()])),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['decisions'];

  app.get(
    '/decision-catalogs',
    { ...staff, schema: { tags, summary: '决策事项目录列表（本级政府的，及含本单位承办事项的）', querystring: Strict({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }) } },
    async (request) => listCatalogs(db, request.ctx, request.query.year),
  );
  app.post(
    '/decision-catalogs',
    { ...staff, schema: { tags, summary: '新建某年度的决策事项目录（人民政府）', body: Strict({ orgId: Type.Optional(Id), year: Type.Integer({ minimum: 2000, maximum: 2100 }), note: Type.Optional(text(5000)) }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await createCatalog(db, request.ctx, { orgId: orgId ?? request.ctx.actor!.orgId, ...rest }));
    },
  );
  app.get('/decision-catalogs/:id', { ...staff, schema: { tags, summary: '一个决策事项目录：事项、当前阶段和调整记录', params: IdParams } }, async (request) => getCatalog(db, request.ctx, request.params.id));
  app.put('/decision-catalogs/:id', { ...staff, schema: { tags, summary: '修改目录说明', params: IdParams, body: Strict({ note: text(5000) }) } }, async (request) =>
    updateCatalogNote(db, request.ctx, request.params.id, request.body.note),
  );
  app.post('/decision-catalogs/:id/publish', { ...staff, schema: { tags, summary: '向社会公布决策事项目录', params: IdParams } }, async (request) => publishCatalog(db, request.ctx, request.params.id));
  app.get('/decision-catalogs/:id/undertakers', { ...staff, schema: { tags, summary: '可选的承办单位（本级政府及所属单位）', params: IdParams } }, async (request) =>
    undertakers(db, request.ctx, request.params.id),
  );
  app.post(
    '/decision-catalogs/:id/items',
    { ...staff, schema: { tags, summary: '新增决策事项（目录公布后须说明理由，理由向社会公开）', params: IdParams, body: Strict(itemFields) } },
    async (request, reply) => reply.status(201).send(await addItem(db, request.ctx, request.params.id, request.body)),
  );

  app.get('/decisions/:id', { ...staff, schema: { tags, summary: '一个决策事项及其办理阶段', params: IdParams } }, async (request) => getDecision(db, request.ctx, request.params.id));
  app.put('/decisions/:id', { ...staff, schema: { tags, summary: '调整决策事项（目录公布后须说明理由并留存调整记录）', params: IdParams, body: Strict(itemFields) } }, async (request) =>
    updateItem(db, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/decisions/:id/removal',
    { ...staff, schema: { tags, summary: '调出目录（目录公布后须说明理由；未公布的目录直接删除该事项）', params: IdParams, body: Strict(reason) } },
    async (request) => removeItem(db, request.ctx, request.params.id, request.body),
  );
  app.put(
    '/decisions/:id/links',
    { ...staff, schema: { tags, summary: '关联征求意见和正式文件（null 取消关联）', params: IdParams, body: Strict({ consultationId: Type.Union([Id, Type.Null()]), documentId: Type.Union([Id, Type.Null()]) }) } },
    async (request) => linkItem(db, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/decisions/:id/stages',
    {
      ...staff,
      schema: { tags, summary: '登记办理阶段（合法性审查不少于7个工作日；作出决定须在合法性审查和集体讨论之后）', params: IdParams, body: Strict({ kind: literals(STAGE_KINDS), ...stageFields }) },
    },
    async (request, reply) => reply.status(201).send(await addStage(db, request.ctx, request.params.id, request.body)),
  );
  app.put(
    '/decisions/:id/stages/:stageId',
    { ...staff, schema: { tags, summary: '修改或完成办理阶段', params: Strict({ id: Id, stageId: Id }), body: Strict(stageFields) } },
    async (request) => updateStage(db, request.ctx, request.params.id, request.params.stageId, request.body),
  );
};

export default routes;
