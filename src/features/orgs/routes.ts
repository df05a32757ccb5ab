// JSON API for sign-in, organizations, users and the audit log. Thin: parse, call, present.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ROLES, ROLE_LABELS } from '../../domain/policy.js';
import { clearSessionCookie, requireSignedIn, setSessionCookie } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { listAudit } from './audit.js';
import { createOrg, getOrg, listOrgs, ORG_KIND_LABELS, updateOrg } from './organizations.js';
import { permittedActions } from '../grants.js';
import { changePassword, login, logout } from './sessions.js';
import { ORG_KINDS } from './schema.js';
import { createUser, getUser, listUsers, resetPassword, unlockUser, updateUser } from './users.js';

const text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const IdParams = Strict({ id: Type.Integer({ minimum: 1 }) });
const Password = Type.String({ minLength: 1, maxLength: 128 });

const orgFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: text(100, 1),
  kind: Type.Union(ORG_KINDS.map((k) => Type.Literal(k))),
  parentId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  officeName: Type.Optional(text(100)),
  address: Type.Optional(text(200)),
  postcode: Type.Optional(Type.String({ maxLength: 6, pattern: '^([0-9]{6})?$' })),
  officeHours: Type.Optional(text(200)),
  phone: Type.Optional(text(50)),
  fax: Type.Optional(text(50)),
  email: Type.Optional(text(100)),
  website: Type.Optional(text(200)),
  guideNote: Type.Optional(text(5000)),
  indexPattern: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  interpretationExemptionAllowed: Type.Optional(Type.Boolean()),
};

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const { config } = app.deps;
  const staff = { preHandler: requireSignedIn };

  // ---- sign-in -------------------------------------------------------------------------------
  app.post(
    '/auth/login',
    {
      // Per-IP limit on top of the per-account lockout: slows password spraying across accounts.
      config: { rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: Strict({ username: text(64, 1), password: Password }) },
    },
    async (request, reply) => {
      const result = await login(
        db,
        request.ctx,
        { ttlMinutes: config.sessionTtlMinutes, maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes },
        request.body,
      );
      setSessionCookie(reply, result.token, config.cookieSecure);
      return { user: await getUser(db, { actor: result.actor, ip: request.ip, system: true }, result.actor.userId) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (request, reply) => {
    if (request.sessionToken) await logout(db, request.ctx, request.sessionToken);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/auth/session', { schema: { tags: ['auth'], summary: '当前登录用户' } }, async (request) => {
    const actor = request.ctx.actor;
    if (!actor) return { user: null, csrfToken: request.csrfToken };
    const user = await getUser(db, { ...request.ctx, system: true }, actor.userId);
    return { user, permissions: permittedActions(actor), csrfToken: request.csrfToken };
  });

  app.post(
    '/auth/password',
    { ...staff, schema: { tags: ['auth'], summary: '修改密码', body: Strict({ currentPassword: Password, newPassword: Password }) } },
    async (request, reply) => {
      await changePassword(db, request.ctx, request.sessionToken, request.body);
      return reply.status(204).send();
    },
  );

  app.get('/meta/roles', { schema: { tags: ['orgs'], summary: '角色与机构类型' } }, async () => ({
    roles: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    orgKinds: ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] })),
  }));

  // ---- organizations -------------------------------------------------------------------------
  app.get('/orgs', { ...staff, schema: { tags: ['orgs'], summary: '机构列表（本人权限范围内）' } }, async (request) => ({
    items: await listOrgs(db, request.ctx),
  }));
  app.get('/orgs/:id', { ...staff, schema: { tags: ['orgs'], params: IdParams } }, async (request) =>
    getOrg(db, request.ctx, request.params.id),
  );
  app.post('/orgs', { ...staff, schema: { tags: ['orgs'], summary: '新建机构', body: Strict(orgFields) } }, async (request, reply) =>
    reply.status(201).send(await createOrg(db, request.ctx, request.body)),
  );
  app.patch(
    '/orgs/:id',
    { ...staff, schema: { tags: ['orgs'], summary: '修改机构', params: IdParams, body: Type.Partial(Strict(orgFields)) } },
    async (request) => updateOrg(db, request.ctx, request.params.id, request.body),
  );

  // ---- users ---------------------------------------------------------------------------------
  app.get(
    '/users',
    {
      ...staff,
      schema: {
        tags: ['users'],
        querystring: Strict({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), q: Type.Optional(text(50)) }),
      },
    },
    async (request) => ({ items: await listUsers(db, request.ctx, request.query) }),
  );
  app.get('/users/:id', { ...staff, schema: { tags: ['users'], params: IdParams } }, async (request) =>
    getUser(db, request.ctx, request.params.id),
  );
  app.post(
    '/users',
    {
      ...staff,
      schema: {
        tags: ['users'],
        summary: '新建用户',
        body: Strict({
          username: text(32, 1),
          password: Password,
          name: text(50, 1),
          email: Type.Optional(text(100)),
          orgId: Type.Integer({ minimum: 1 }),
          roles: Type.Array(Role, { minItems: 1, maxItems: ROLES.length }),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request.ctx, request.body)),
  );
  app.patch(
    '/users/:id',
    {
      ...staff,
      schema: {
        tags: ['users'],
        summary: '修改用户（姓名、提醒邮箱、角色、启用、机构）',
        params: IdParams,
        body: Strict({
          name: Type.Optional(text(50, 1)),
          email: Type.Optional(text(100)),
          roles: Type.Optional(Type.Array(Role, { minItems: 1, maxItems: ROLES.length })),
          active: Type.Optional(Type.Boolean()),
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (request) => updateUser(db, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/users/:id/reset-password',
    { ...staff, schema: { tags: ['users'], summary: '重置密码', params: IdParams, body: Strict({ password: Password }) } },
    async (request, reply) => {
      await resetPassword(db, request.ctx, request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );
  app.post('/users/:id/unlock', { ...staff, schema: { tags: ['users'], summary: '解除锁定', params: IdParams } }, async (request, reply) => {
    await unlockUser(db, request.ctx, request.params.id);
    return reply.status(204).send();
  });

  // ---- audit log -----------------------------------------------------------------------------
  const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  app.get(
    '/audit',
    {
      ...staff,
      schema: {
        tags: ['audit'],
        summary: '审计日志（本人权限范围内）',
        querystring: Strict({
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
          action: Type.Optional(text(60)),
          actor: Type.Optional(text(50)),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (request) => listAudit(db, request.ctx, request.query),
  );
};

export default routes;
