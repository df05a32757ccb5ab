// JSON API of documents: the staff workflow, and the public read API (同源发布).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DOCUMENT_STATUSES, DOCUMENT_TRANSITIONS, type DocumentTransition } from '../../domain/document-workflow.js';
import { invalid } from '../../errors.js';
import { requireSignedIn } from '../../http/session.js';
import { literals, Strict } from '../../http/validation.js';
import { topicTree } from '../../domain/topics.js';
import { addAttachment, draftAttachment, removeAttachment } from './attachments.js';
import { createDraft, reviseDocument, updateDraft } from './drafts.js';
import { sendFile } from './download.js';
import { interpretationCoverage } from './coverage.js';
import { listPublished, parseCursor } from './published-list.js';
import { getDocumentForStaff, getPublishedDocument, listDocuments } from './queries.js';
import { checkDocumentLinks } from './link-check.js';
import { addRelation } from './relations.js';
import { DISCLOSURES, DOC_TYPES, INTERPRETATION_FORMS, RELATION_KINDS } from './schema.js';
import { transition } from './workflow.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const OptionalDate = Type.Optional(Type.Union([IsoDate, Type.Null()]));
const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });

const fields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  docNumber: Type.Optional(Type.String({ maxLength: 100 })),
  writtenOn: OptionalDate,
  effectiveOn: OptionalDate,
  expiresOn: OptionalDate,
  formedOn: OptionalDate,
  genre: Type.Optional(Type.String({ maxLength: 20 })),
  docType: literals(DOC_TYPES),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  keywords: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
  coIssuers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 10 })),
  summary: Type.Optional(Type.String({ maxLength: 2000 })),
  body: Type.Optional(Type.String({ maxLength: 500_000 })),
  disclosure: Type.Optional(literals(DISCLOSURES)),
  disclosureReason: Type.Optional(Type.String({ maxLength: 1000 })),
  interpretationOf: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  interpretationForm: Type.Optional(Type.Union([literals(INTERPRETATION_FORMS), Type.Null()])),
  columnIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 })),
  specialFields: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), { maxProperties: 20 })),
};

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };

  app.get('/meta/topics', { schema: { tags: ['documents'], summary: '主题分类（gov.cn 两级）' } }, async () => ({ items: topicTree() }));

  app.get(
    '/documents',
    {
      ...staff,
      schema: {
        tags: ['documents'],
        summary: '文件列表（工作台，本人权限范围内）',
        querystring: Strict({
          status: Type.Optional(literals(DOCUMENT_STATUSES)),
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
      },
    },
    async (request) => listDocuments(db, request.ctx, request.query),
  );

  app.post(
    '/documents',
    { ...staff, schema: { tags: ['documents'], summary: '起草文件', body: Strict({ ...fields, orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      const doc = await createDraft(db, request.ctx, orgId ?? request.ctx.actor!.orgId, rest);
      return reply.status(201).send(doc);
    },
  );

  app.get('/documents/coverage', { ...staff, schema: { tags: ['documents'], summary: '解读覆盖率（各机构现行政策文件的解读、豁免和缺失情况）' } }, async (request) =>
    interpretationCoverage(db, request.ctx),
  );

  app.get('/documents/:id', { ...staff, schema: { tags: ['documents'], params: IdParams } }, async (request) =>
    getDocumentForStaff(db, request.ctx, request.params.id),
  );

  app.patch(
    '/documents/:id',
    { ...staff, schema: { tags: ['documents'], summary: '修改草稿', params: IdParams, body: Type.Partial(Strict(fields)) } },
    async (request) => updateDraft(db, request.ctx, request.params.id, request.body),
  );

  app.post('/documents/:id/revise', { ...staff, schema: { tags: ['documents'], summary: '发起修订', params: IdParams } }, async (request) =>
    reviseDocument(db, request.ctx, request.params.id),
  );

  app.post(
    '/documents/:id/transitions/:name',
    {
      ...staff,
      schema: {
        tags: ['documents'],
        summary: '流转：submit 提交, approve 审核通过, secrecy_approve 保密审查通过, return 退回, schedule 定时发布, publish 发布, withdraw 撤回',
        params: Strict({ id: Type.Integer({ minimum: 1 }), name: literals(Object.keys(DOCUMENT_TRANSITIONS) as DocumentTransition[]) }),
        body: Type.Optional(
          Strict({
            note: Type.Optional(Type.String({ maxLength: 1000 })),
            scheduledAt: Type.Optional(Type.String({ format: 'date-time' })),
            changeNote: Type.Optional(Type.String({ maxLength: 1000 })),
            interpretationExemption: Type.Optional(Type.String({ maxLength: 1000 })),
          }),
        ),
      },
    },
    async (request) => {
      const body = request.body ?? {};
      return transition(db, request.ctx, request.params.id, request.params.name, {
        ...body,
        scheduledAt: body.scheduledAt ? new Date(body.scheduledAt) : undefined,
      });
    },
  );

  app.post(
    '/documents/:id/relations',
    {
      ...staff,
      schema: {
        tags: ['documents'],
        summary: '登记本文件修改、废止或替代的文件',
        params: IdParams,
        body: Strict({ toDocumentId: Type.Integer({ minimum: 1 }), kind: literals(RELATION_KINDS), effectiveOn: IsoDate }),
      },
    },
    async (request, reply) => reply.status(201).send(await addRelation(db, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/documents/:id/attachments',
    { ...staff, schema: { tags: ['documents'], summary: '上传附件（multipart/form-data，字段 file）', params: IdParams } },
    async (request, reply) => {
      const part = await request.file();
      if (!part) throw invalid('请选择要上传的文件');
      const bytes = await part.toBuffer();
      const row = await addAttachment(db, app.deps.files, request.ctx, request.params.id, { fileName: part.filename, bytes }, app.deps.config.attachmentMaxBytes);
      return reply.status(201).send({ id: row.id, fileName: row.fileName, kind: row.kind, size: row.size });
    },
  );

  app.delete(
    '/documents/:id/attachments/:attachmentId',
    { ...staff, schema: { tags: ['documents'], summary: '删除附件', params: Strict({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }) } },
    async (request, reply) => {
      await removeAttachment(db, request.ctx, request.params.id, request.params.attachmentId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/documents/:id/attachments/:attachmentId',
    { ...staff, schema: { tags: ['documents'], summary: '下载草稿的附件', params: Strict({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }) } },
    async (request, reply) => sendFile(reply, app.deps.files, await draftAttachment(db, request.ctx, request.params.id, request.params.attachmentId)),
  );

  app.post(
    '/documents/:id/check-links',
    { ...staff, schema: { tags: ['documents'], summary: '立即检查正文中的链接能否打开，返回更新后的发布前检查结果', params: IdParams } },
    async (request) => {
      await checkDocumentLinks(db, request.ctx, request.params.id);
      return getDocumentForStaff(db, request.ctx, request.params.id);
    },
  );

  app.get(
    '/public/documents',
    {
      schema: {
        tags: ['public'],
        summary: '已发布文件列表（同源发布）：最新在前；since 取某时刻之后发布（含修订）的文件；next 为下一页游标',
        querystring: Strict({
          org: Type.Optional(Type.String({ maxLength: 40 })),
          docType: Type.Optional(literals(DOC_TYPES)),
          since: Type.Optional(Type.String({ format: 'date-time' })),
          before: Type.Optional(Type.String({ maxLength: 60 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (request) => {
      const { since, before, ...rest } = request.query;
      const cursor = before ? parseCursor(before) : undefined;
      if (cursor === null) throw invalid('分页游标 before 无效，请使用上一页返回的 next');
      return listPublished(db, { ...rest, since: since ? new Date(since) : undefined, before: cursor });
    },
  );

  app.get('/public/documents/:id', { schema: { tags: ['public'], summary: '已发布文件（当前版本、有效性、解读）', params: IdParams } }, async (request) =>
    getPublishedDocument(db, request.params.id),
  );
};

export default routes;
