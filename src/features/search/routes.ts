// The search API (issue #4 item 4): the same search as the portal page, as JSON for other systems
// and the workbench; autocomplete on titles.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findTopic } from '../../domain/topics.js';
import { literals, Strict } from '../../http/validation.js';
import { SEARCH_KINDS } from './schema.js';
import { search, SEARCH_MAX_PAGE, suggestTitles } from './query.js';


export const topicName = (code: string) => findTopic(code)?.name ?? code;

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;

  app.get(
    '/search',
    {
      schema: {
        tags: ['public'],
        summary: '全文检索：政策文件、解读、其他政府信息和政务问答（繁简、全半角、文号括号写法通用），带分面统计、摘要高亮和一网可答',
        querystring: Strict({
          q: Type.String({ minLength: 1, maxLength: 100 }),
          kind: Type.Optional(literals(SEARCH_KINDS)),
          org: Type.Optional(Type.String({ maxLength: 40 })),
          year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
          docType: Type.Optional(literals(['normative', 'regulation', 'policy', 'general'] as const)),
          topic: Type.Optional(Type.String({ maxLength: 10, pattern: '^\\d{2}(\\.\\d{2})?$' })),
          validity: Type.Optional(literals(['in_force', 'amended', 'repealed', 'expired'] as const)),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_MAX_PAGE })),
        }),
      },
    },
    async (request) => search(db, request.query, topicName),
  );

  app.get(
    '/search/suggest',
    { schema: { tags: ['public'], summary: '标题联想（输入时提示）', querystring: Strict({ q: Type.String({ minLength: 1, maxLength: 50 }) }) } },
    async (request) => ({ items: await suggestTitles(db, request.query.q) }),
  );
};

export default routes;
