// JSON API of annual reports (政府信息公开工作年度报告, issue #6): list and read, draft from the data,
// complete and correct, check, publish, enter a past year's report published elsewhere, and the
// status of every report below a government.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { checkReport } from './check.js';
import { draftReport } from './draft.js';
import { updateReport, type ReportPatch } from './edit.js';
import { enterPublishedReport, type EnteredReport } from './entered.js';
import { publishReport } from './publish.js';
import { Sections, tablesSchema, Year } from './report-schema.js';
import { getReport, listReports } from './reports.js';
import { reportStatuses } from './statuses.js';

const Id = Type.Integer({ minimum: 1 });
const IdParams = Strict({ id: Id });

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['annual-reports'];

  app.get(
    '/annual-reports',
    { ...staff, schema: { tags, summary: '一个机构各年度的政府信息公开工作年度报告（默认本人所在机构）', querystring: Strict({ orgId: Type.Optional(Id) }) } },
    async (request) => listReports(db, request.ctx, request.query.orgId ?? request.ctx.actor!.orgId),
  );

  app.get(
    '/annual-reports/statuses',
    {
      ...staff,
      schema: {
        tags,
        summary: '本机构及所属各机构某年度年度报告的状态（未开始、草稿、已发布、逾期未发布；部门1月31日、政府3月31日前发布）',
        querystring: Strict({ orgId: Type.Optional(Id), year: Type.Optional(Year) }),
      },
    },
    async (request) => reportStatuses(db, request.ctx, { orgId: request.query.orgId ?? request.ctx.actor!.orgId, year: request.query.year }),
  );

  app.get('/annual-reports/:id', { ...staff, schema: { tags, summary: '一份年度报告：表二至表四、第一五六部分文字、检查结果', params: IdParams } }, async (request) =>
    getReport(db, request.ctx, request.params.id),
  );

  app.post(
    '/annual-reports/drafts',
    {
      ...staff,
      schema: {
        tags,
        summary: '按系统数据生成年度报告草稿，已有草稿则按最新数据更新（保留手工填写的数字和已改写的文字，rewriteSections 为 true 时重写文字）',
        body: Strict({ orgId: Type.Optional(Id), year: Year, rewriteSections: Type.Optional(Type.Boolean()) }),
      },
    },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      const result = await draftReport(db, request.ctx, { orgId: orgId ?? request.ctx.actor!.orgId, ...rest });
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.patch(
    '/annual-reports/:id',
    {
      ...staff,
      schema: {
        tags,
        summary: '修改年度报告草稿：填写行政许可、处罚、强制和收费金额（万元），更正计算的数字，改写第一、五、六部分',
        params: IdParams,
        body: Strict({ tables: Type.Optional(tablesSchema(true)), sections: Type.Optional(Sections) }, { minProperties: 1 }),
      },
    },
    async (request) => updateReport(db, request.ctx, request.params.id, request.body as ReportPatch),
  );

  app.post('/annual-reports/:id/check', { ...staff, schema: { tags, summary: '检查年度报告（错误须改正，提示须确认），并保存检查结果', params: IdParams } }, async (request) =>
    checkReport(db, request.ctx, request.params.id),
  );

  app.post(
    '/annual-reports/:id/publish',
    {
      ...staff,
      schema: {
        tags,
        summary: '发布年度报告（有错误不能发布；有提示须 confirmWarnings 确认；发布后不能再修改）',
        params: IdParams,
        body: Type.Optional(Strict({ confirmWarnings: Type.Optional(Type.Boolean()) })),
      },
    },
    async (request) => publishReport(db, request.ctx, request.params.id, request.body ?? {}),
  );

  app.post(
    '/annual-reports/entered',
    {
      ...staff,
      schema: {
        tags,
        summary: '录入往年已在别处发布的年度报告（表格和文字按发布时原样，保存为已发布并附检查结果）',
        body: Strict({ orgId: Type.Optional(Id), year: Year, publishedOn: Type.String({ format: 'date' }), tables: tablesSchema(false), sections: Type.Optional(Sections) }),
      },
    },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await enterPublishedReport(db, request.ctx, { orgId: orgId ?? request.ctx.actor!.orgId, ...(rest as unknown as Omit<EnteredReport, 'orgId'>) }));
    },
  );
};

export default routes;
