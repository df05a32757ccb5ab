// JSON API of columns (栏目): the workbench arranges them; the public reads trees and column pages (同源发布).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { publicColumn, publicColumnTree } from './queries.js';
import { COLUMN_KINDS, UPDATE_UNITS } from './schema.js';
import { createColumn, deleteColumn, listColumnTree, listOverdueColumns, updateColumn } from './service.js';

const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const OrgCode = Type.String({ minLength: 1, maxLength: 40 });

const fields = {
  parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  code: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: Type.Optional(literals(COLUMN_KINDS)),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  updateEvery: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 366 }), Type.Null()])),
  updateUnit: Type.Optional(Type.Union([literals(UPDATE_UNITS), Type.Null()])),
  catalogItemCode: Type.Optional(Type.String({ maxLength: 60 })),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };

  app.get(
    '/columns',
    {
      ...staff,
      schema: {
        tags: ['columns'],
        summary: '机构的栏目树（含最近更新和更新状态）',
        querystring: Strict({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => listColumnTree(db, request.ctx, request.query.orgId ?? request.ctx.actor!.orgId),
  );

  app.get('/columns/overdue', { ...staff, schema: { tags: ['columns'], summary: '权限范围内超期未更新的栏目' } }, async (request) => listOverdueColumns(db, request.ctx));

  app.post(
    '/columns',
    { ...staff, schema: { tags: ['columns'], summary: '新建栏目', body: Strict({ ...fields, orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await createColumn(db, request.ctx, { ...rest, orgId: orgId ?? request.ctx.actor!.orgId }));
    },
  );

  app.patch(
    '/columns/:id',
    { ...staff, schema: { tags: ['columns'], summary: '修改栏目（名称、类型、更新周期、目录事项、排序、上级栏目）', params: IdParams, body: Type.Partial(Strict(fields)) } },
    async (request) => updateColumn(db, request.ctx, request.params.id, request.body),
  );

  app.delete('/columns/:id', { ...staff, schema: { tags: ['columns'], summary: '删除栏目（须无文件、无子栏目）', params: IdParams } }, async (request, reply) => {
    await deleteColumn(db, request.ctx, request.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/public/columns',
    { schema: { tags: ['public'], summary: '机构的栏目树', querystring: Strict({ org: OrgCode }) } },
    async (request) => publicColumnTree(db, request.query.org),
  );

  app.get(
    '/public/columns/:org/:code',
    {
      schema: {
        tags: ['public'],
        summary: '栏目及其（含子栏目）已发布文件，按发布日期倒序分页',
        params: Strict({ org: OrgCode, code: Type.String({ minLength: 1, maxLength: 40 }) }),
        querystring: Strict({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }),
      },
    },
    async (request) => publicColumn(db, request.params.org, request.params.code, request.query.page),
  );
};

export default routes;
