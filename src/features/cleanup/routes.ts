// JSON API of clean-up campaigns (规范性文件清理): the staff work and the published results.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { createCampaign, decideFile, finalizeCampaign, getCampaign, getPublishedCampaign, listCampaigns, listPublishedCampaigns } from './campaigns.js';
import { CLEANUP_DECISIONS } from './schema.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['cleanup'];

  app.get('/cleanup/campaigns', { ...staff, schema: { tags, summary: '文件清理列表（本人权限范围内）' } }, async (request) => listCampaigns(db, request.ctx));

  app.post(
    '/cleanup/campaigns',
    {
      ...staff,
      schema: {
        tags,
        summary: '组织文件清理：名称、范围（机构及其下级）、文件类型、成文日期截止日',
        body: Strict({
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
          title: Type.String({ minLength: 1, maxLength: 200 }),
          scope: Strict({
            orgIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100 }),
            docTypes: Type.Array(literals(['normative', 'regulation', 'policy'] as const), { minItems: 1, maxItems: 3 }),
            writtenBefore: Type.Optional(Type.Union([IsoDate, Type.Null()])),
          }),
        }),
      },
    },
    async (request, reply) => {
      const { scope, ...rest } = request.body;
      return reply.status(201).send(await createCampaign(db, request.ctx, { ...rest, scope: { ...scope, writtenBefore: scope.writtenBefore ?? null } }));
    },
  );

  app.get('/cleanup/campaigns/:id', { ...staff, schema: { tags, summary: '清理详情：范围内文件、决定和进度', params: IdParams } }, async (request) =>
    getCampaign(db, request.ctx, request.params.id),
  );

  app.put(
    '/cleanup/campaigns/:id/decisions/:documentId',
    {
      ...staff,
      schema: {
        tags,
        summary: '对一件文件作出清理决定：keep 继续有效, amend 拟修改, repeal 废止, expire 宣布失效（废止、宣布失效须写明理由）',
        params: Strict({ id: Type.Integer({ minimum: 1 }), documentId: Type.Integer({ minimum: 1 }) }),
        body: Strict({ decision: literals(CLEANUP_DECISIONS), note: Type.Optional(Type.String({ maxLength: 1000 })) }),
      },
    },
    async (request) => decideFile(db, request.ctx, request.params.id, request.params.documentId, request.body),
  );

  app.post(
    '/cleanup/campaigns/:id/finalize',
    {
      ...staff,
      schema: { tags, summary: '发布清理结果：起草结果通知并登记废止、宣布失效关系（通知经审核发布后生效）', params: IdParams, body: Strict({ effectiveOn: IsoDate }) },
    },
    async (request) => finalizeCampaign(db, request.ctx, request.params.id, request.body),
  );

  app.get('/public/cleanup/campaigns', { schema: { tags: ['public'], summary: '已公布的文件清理结果' } }, async () => listPublishedCampaigns(db));
  app.get('/public/cleanup/campaigns/:id', { schema: { tags: ['public'], summary: '文件清理结果：继续有效、拟修改、废止、宣布失效四个目录', params: IdParams } }, async (request) =>
    getPublishedCampaign(db, request.params.id),
  );
};

export default routes;
