// JSON API of the working-day calendar. The arithmetic is public (anyone may check a deadline);
// changing the arrangement is for administrators.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalid } from '../../errors.js';
import { requireSignedIn } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { addWorkingDays, daysInRange, getYear, isWorkingDay, listYears, saveYear } from './service.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Year = Strict({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get(
    '/calendar/add-working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: '计算 N 个工作日后的日期（起算当日不计入）',
        querystring: Strict({ from: IsoDate, days: Type.Integer({ minimum: 1, maximum: 1000 }) }),
      },
    },
    async (request) => addWorkingDays(db, request.query.from, request.query.days),
  );

  app.get(
    '/calendar/is-working-day',
    { schema: { tags: ['calendar'], summary: '是否工作日', querystring: Strict({ date: IsoDate }) } },
    async (request) => ({ date: request.query.date, working: await isWorkingDay(db, request.query.date) }),
  );

  app.get(
    '/calendar/days',
    { schema: { tags: ['calendar'], summary: '日期区间内每一天的类型', querystring: Strict({ from: IsoDate, to: IsoDate }) } },
    async (request) => ({ items: await daysInRange(db, request.query.from, request.query.to) }),
  );

  app.get('/calendar/years', { schema: { tags: ['calendar'], summary: '已有的年度节假日安排' } }, async () => ({
    items: await listYears(db),
  }));

  app.get('/calendar/years/:year', { schema: { tags: ['calendar'], params: Year } }, async (request) =>
    getYear(db, request.params.year),
  );

  app.put(
    '/calendar/years/:year',
    {
      preHandler: requireSignedIn,
      // A whole holiday-cn file may be sent as it is: its $schema and $id keys are dropped before
      // validation (a property named $id in the route schema would break the OpenAPI document).
      preValidation: async (request) => {
        const body = request.body as Record<string, unknown> | null;
        if (body && typeof body === 'object' && !Array.isArray(body)) {
          delete body.$schema;
          delete body.$id;
        }
      },
      schema: {
        tags: ['calendar'],
        summary: '新增或更正某年的节假日安排（holiday-cn 格式的 days）',
        params: Year,
        body: Strict({
          days: Type.Array(Strict({ name: Type.String({ minLength: 1, maxLength: 20 }), date: IsoDate, isOffDay: Type.Boolean() }), {
            maxItems: 120,
          }),
          papers: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 10 })),
          note: Type.Optional(Type.String({ maxLength: 500 })),
          // Accepted so a whole holiday-cn file can be sent as it is; must match the path.
          year: Type.Optional(Type.Integer()),
        }),
      },
    },
    async (request) => {
      const { year } = request.params;
      if (request.body.year !== undefined && request.body.year !== year) {
        throw invalid(`文件中的年份 ${request.body.year} 与所选年份 ${year} 不一致`);
      }
      return saveYear(db, request.ctx, year, request.body);
    },
  );
};

export default routes;
