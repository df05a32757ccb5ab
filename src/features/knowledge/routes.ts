// JSON API of the knowledge base (政务知识库): staff keep entries and their sources in the
// workbench; the public reads a published answer with the policies it rests on.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { addSource, archiveEntry, createEntry, deleteEntry, publishEntry, removeSource, setSourceNote, updateEntry } from './entries.js';
import { findCitableDocuments, getEntryForStaff, getPublishedEntry, listEntries } from './queries.js';
import { KNOWLEDGE_STATUSES } from './schema.js';

const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const SourceParams = Strict({ id: Type.Integer({ minimum: 1 }), documentId: Type.Integer({ minimum: 1 }) });
const Note = Type.String({ maxLength: 100 });

const fields = {
  question: Type.String({ minLength: 1, maxLength: 200 }),
  variants: Type.Optional(Type.String({ maxLength: 4000 })),
  answer: Type.String({ minLength: 1, maxLength: 100_000 }),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['knowledge'];

  app.get(
    '/knowledge',
    {
      ...staff,
      schema: {
        tags,
        summary: '政务知识库问答列表（工作台，本人权限范围内；q 检索问题、其他问法和答复）',
        querystring: Strict({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          status: Type.Optional(Type.Union(KNOWLEDGE_STATUSES.map((s) => Type.Literal(s)))),
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
        }),
      },
    },
    async (request) => listEntries(db, request.ctx, request.query),
  );

  app.post(
    '/knowledge',
    { ...staff, schema: { tags, summary: '新建问答草稿（答复为富文本，服务器端清理）', body: Strict({ ...fields, orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await createEntry(db, request.ctx, orgId ?? request.ctx.actor!.orgId, rest));
    },
  );

  app.get(
    '/knowledge/citable-documents',
    { ...staff, schema: { tags, summary: '可作为答复依据的已发布文件（各机构，按标题、文号或编号）', querystring: Strict({ q: Type.Optional(Type.String({ maxLength: 100 })) }) } },
    async (request) => findCitableDocuments(db, request.ctx, request.query.q ?? ''),
  );

  app.get('/knowledge/:id', { ...staff, schema: { tags, summary: '一条问答及其依据', params: IdParams } }, async (request) => getEntryForStaff(db, request.ctx, request.params.id));

  app.patch(
    '/knowledge/:id',
    { ...staff, schema: { tags, summary: '修改问答（已发布的问答修改后仍为发布状态，需发布权限）', params: IdParams, body: Type.Partial(Strict(fields), { minProperties: 1 }) } },
    async (request) => updateEntry(db, request.ctx, request.params.id, request.body),
  );

  app.delete('/knowledge/:id', { ...staff, schema: { tags, summary: '删除从未发布过的问答草稿', params: IdParams } }, async (request, reply) => {
    await deleteEntry(db, request.ctx, request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/knowledge/:id/sources',
    { ...staff, schema: { tags, summary: '关联一件已发布的政策文件作为依据（可注明条款，如 第三条）', params: IdParams, body: Strict({ documentId: Type.Integer({ minimum: 1 }), note: Type.Optional(Note) }) } },
    async (request, reply) => reply.status(201).send(await addSource(db, request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/knowledge/:id/sources/:documentId',
    { ...staff, schema: { tags, summary: '修改依据的条款说明', params: SourceParams, body: Strict({ note: Note }) } },
    async (request) => setSourceNote(db, request.ctx, request.params.id, request.params.documentId, request.body.note),
  );

  app.delete('/knowledge/:id/sources/:documentId', { ...staff, schema: { tags, summary: '移除一件依据', params: SourceParams } }, async (request, reply) => {
    await removeSource(db, request.ctx, request.params.id, request.params.documentId);
    return reply.status(204).send();
  });

  app.post('/knowledge/:id/publish', { ...staff, schema: { tags, summary: '发布问答（至少关联一件已发布的依据）', params: IdParams } }, async (request) =>
    publishEntry(db, request.ctx, request.params.id),
  );

  app.post(
    '/knowledge/:id/archive',
    { ...staff, schema: { tags, summary: '下线问答（门户和检索不再显示，可重新发布）', params: IdParams, body: Strict({ reason: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request) => archiveEntry(db, request.ctx, request.params.id, request.body.reason ?? ''),
  );

  app.get('/public/knowledge/:id', { schema: { tags: ['public'], summary: '政务知识库：一条已发布的问答，及其依据的政策文件（标题、文号、发文机关、链接、条款）', params: IdParams } }, async (request) =>
    getPublishedEntry(db, request.params.id),
  );
};

export default routes;
