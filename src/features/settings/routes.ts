import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { loadCheckRules, saveCheckRules } from './check-rules.js';

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };

  app.get('/settings/check-rules', { ...staff, schema: { tags: ['settings'], summary: '发布检查规则' } }, async () => loadCheckRules(db));

  app.put(
    '/settings/check-rules',
    {
      ...staff,
      schema: {
        tags: ['settings'],
        summary: '修改发布检查规则（敏感词、严重错误表述）',
        body: Strict({
          sensitiveWords: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 2000 }),
          wordingErrors: Type.Array(Strict({ wrong: Type.String({ maxLength: 100 }), right: Type.String({ maxLength: 100 }) }), { maxItems: 2000 }),
        }),
      },
    },
    async (request) => saveCheckRules(db, request.ctx, request.body),
  );
};

export default routes;
