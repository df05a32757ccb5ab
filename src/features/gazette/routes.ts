// JSON API of the gazette (政府公报): composing and publishing issues in the workbench, and the
// public read API of published issues (同源发布).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { addEntry, createIssue, deleteIssue, publishIssue, removeEntry, reorderEntries, setEntrySection, updateIssue } from './issues.js';
import { getIssueForStaff, getPublishedIssue, listIssues, listPublishedIssues } from './queries.js';
import { GAZETTE_STATUSES } from './schema.js';

const IsoDate = Type.String({ format: 'date' });
const Year = Type.Integer({ minimum: 1949, maximum: 2100 });
const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const EntryParams = Strict({ id: Type.Integer({ minimum: 1 }), entryId: Type.Integer({ minimum: 1 }) });
const Section = Type.String({ maxLength: 50 });

const fields = {
  year: Year,
  issueNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  totalNo: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 99999 }), Type.Null()])),
  title: Type.Optional(Type.String({ maxLength: 200 })),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['gazette'];

  app.get(
    '/gazette/issues',
    {
      ...staff,
      schema: {
        tags,
        summary: '政府公报各期（工作台，本人权限范围内）',
        querystring: Strict({ year: Type.Optional(Year), orgId: Type.Optional(Type.Integer({ minimum: 1 })), status: Type.Optional(Type.Union(GAZETTE_STATUSES.map((s) => Type.Literal(s)))) }),
      },
    },
    async (request) => listIssues(db, request.ctx, request.query),
  );

  app.post(
    '/gazette/issues',
    { ...staff, schema: { tags, summary: '新建一期公报（期号默认为当年下一期，总期号默认为上一期加一）', body: Strict({ ...fields, orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await createIssue(db, request.ctx, orgId ?? request.ctx.actor!.orgId, rest));
    },
  );

  app.get('/gazette/issues/:id', { ...staff, schema: { tags, summary: '一期公报及其目录', params: IdParams } }, async (request) =>
    getIssueForStaff(db, request.ctx, request.params.id),
  );

  app.patch(
    '/gazette/issues/:id',
    { ...staff, schema: { tags, summary: '修改公报草稿（年份、期号、总期号、标题）', params: IdParams, body: Type.Partial(Strict(fields), { minProperties: 1 }) } },
    async (request) => updateIssue(db, request.ctx, request.params.id, request.body),
  );

  app.delete('/gazette/issues/:id', { ...staff, schema: { tags, summary: '删除公报草稿', params: IdParams } }, async (request, reply) => {
    await deleteIssue(db, request.ctx, request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/gazette/issues/:id/entries',
    {
      ...staff,
      schema: { tags, summary: '收录一件已发布的文件（本机构及所属机构）', params: IdParams, body: Strict({ documentId: Type.Integer({ minimum: 1 }), section: Type.Optional(Section) }) },
    },
    async (request, reply) => reply.status(201).send(await addEntry(db, request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/gazette/issues/:id/entries/:entryId',
    { ...staff, schema: { tags, summary: '设置条目所属栏目（如 县政府文件、部门文件、人事任免）', params: EntryParams, body: Strict({ section: Section }) } },
    async (request) => setEntrySection(db, request.ctx, request.params.id, request.params.entryId, request.body.section),
  );

  app.delete('/gazette/issues/:id/entries/:entryId', { ...staff, schema: { tags, summary: '移除条目', params: EntryParams } }, async (request, reply) => {
    await removeEntry(db, request.ctx, request.params.id, request.params.entryId);
    return reply.status(204).send();
  });

  app.put(
    '/gazette/issues/:id/order',
    {
      ...staff,
      schema: { tags, summary: '调整目录顺序（列出本期全部条目的编号）', params: IdParams, body: Strict({ entryIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }) }) },
    },
    async (request) => {
      await reorderEntries(db, request.ctx, request.params.id, request.body.entryIds);
      return getIssueForStaff(db, request.ctx, request.params.id);
    },
  );

  app.post(
    '/gazette/issues/:id/publish',
    { ...staff, schema: { tags, summary: '发布一期公报（发布后不能再修改）', params: IdParams, body: Strict({ publishedOn: IsoDate }) } },
    async (request) => publishIssue(db, request.ctx, request.params.id, request.body.publishedOn),
  );

  app.get(
    '/public/gazette',
    { schema: { tags: ['public'], summary: '政府公报：已发布的各期（可按年份）', querystring: Strict({ year: Type.Optional(Year) }) } },
    async (request) => listPublishedIssues(db, request.query),
  );

  app.get('/public/gazette/:id', { schema: { tags: ['public'], summary: '政府公报：一期的目录（栏目、文件标题、文号、发文机关）', params: IdParams } }, async (request) =>
    getPublishedIssue(db, request.params.id),
  );
};

export default routes;
