// What the workbench's screens of applications need beyond the case API: the organizations and
// the handling staff to offer in filters and in the assignment form.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireSignedIn } from '../../http/session.js';
import { handlingStaff } from './handling-staff.js';

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  app.get(
    '/applications/staff',
    { preHandler: requireSignedIn, schema: { tags: ['applications'], summary: '本人可查看申请的受理机关，及其中可承办申请的工作人员（承办人、公开办负责人）' } },
    async (request) => handlingStaff(db, request.ctx),
  );
};

export default routes;
