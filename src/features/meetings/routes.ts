// JSON API of 列席 meetings (issue #7 item 6): for staff, recording a meeting, its representatives
// (with their consent to be named), their opinions and the handling of each, publishing and withdrawing;
// for everyone, the published meetings as the portal shows them (同源发布) — a representative who did
// not agree to be named appears by capacity only, here as on the page.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireSignedIn } from '../../http/session.js';
import { Strict } from '../../http/validation.js';
import { meetingHref } from '../../portal/links.js';
import {
  addOpinion,
  addRepresentative,
  createMeeting,
  deleteMeeting,
  handleOpinion,
  publishMeeting,
  removeOpinion,
  removeRepresentative,
  updateMeeting,
  updateOpinion,
  updateRepresentative,
  withdrawMeeting,
} from './manage.js';
import { getMeeting, listMeetings } from './meetings.js';
import { publicMeeting, publicMeetings } from './public.js';

const Id = Type.Integer({ minimum: 1 });
const IdParams = Strict({ id: Id });
const RepresentativeParams = Strict({ id: Id, representativeId: Id });
const OpinionParams = Strict({ id: Id, opinionId: Id });
const Day = Type.String({ format: 'date' });
const text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });

const meetingFields = {
  title: text(200, 1),
  heldOn: Day,
  topics: Type.Optional(text(5000)),
  selection: Type.Optional(text(2000)),
};
const representativeFields = Strict({ name: text(50, 1), capacity: text(50, 1), namePublic: Type.Boolean() });
const opinionFields = Strict({ representativeId: Id, opinion: text(5000, 1) });

const routes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const staff = { preHandler: requireSignedIn };
  const tags = ['meetings'];

  app.get('/meetings', { ...staff, schema: { tags, summary: '列席会议列表（本人可查看的机构），含代表数、意见数和待办理数' } }, async (request) => listMeetings(db, request.ctx));
  app.get('/meetings/:id', { ...staff, schema: { tags, summary: '一次列席会议：代表（含姓名和是否同意公开）、意见及办理情况', params: IdParams } }, async (request) =>
    getMeeting(db, request.ctx, request.params.id),
  );
  app.post(
    '/meetings',
    { ...staff, schema: { tags, summary: '登记会议（名称、召开日期、议题、列席代表产生方式）', body: Strict({ orgId: Type.Optional(Id), ...meetingFields }) } },
    async (request, reply) => {
      const { orgId, ...rest } = request.body;
      return reply.status(201).send(await createMeeting(db, request.ctx, { orgId: orgId ?? request.ctx.actor!.orgId, ...rest }));
    },
  );
  app.put('/meetings/:id', { ...staff, schema: { tags, summary: '修改会议（发布前）', params: IdParams, body: Strict(meetingFields) } }, async (request) =>
    updateMeeting(db, request.ctx, request.params.id, request.body),
  );
  app.delete('/meetings/:id', { ...staff, schema: { tags, summary: '删除未发布的会议', params: IdParams } }, async (request, reply) => {
    await deleteMeeting(db, request.ctx, request.params.id);
    return reply.status(204).send();
  });
  app.post('/meetings/:id/publish', { ...staff, schema: { tags, summary: '发布到门户网站（发布后会议记录不再修改，办理情况随时登记）', params: IdParams } }, async (request) =>
    publishMeeting(db, request.ctx, request.params.id),
  );
  app.post('/meetings/:id/withdraw', { ...staff, schema: { tags, summary: '撤回发布（须说明原因），以便更正会议记录', params: IdParams, body: Strict({ reason: text(500, 1) }) } }, async (request) =>
    withdrawMeeting(db, request.ctx, request.params.id, request.body.reason),
  );

  app.post('/meetings/:id/representatives', { ...staff, schema: { tags, summary: '登记列席代表（姓名、身份、是否同意公开姓名）', params: IdParams, body: representativeFields } }, async (request, reply) =>
    reply.status(201).send(await addRepresentative(db, request.ctx, request.params.id, request.body)),
  );
  app.put(
    '/meetings/:id/representatives/:representativeId',
    { ...staff, schema: { tags, summary: '修改列席代表（发布后只能更改是否公开姓名）', params: RepresentativeParams, body: representativeFields } },
    async (request) => updateRepresentative(db, request.ctx, request.params.id, request.params.representativeId, request.body),
  );
  app.delete('/meetings/:id/representatives/:representativeId', { ...staff, schema: { tags, summary: '删除列席代表及其意见（发布前）', params: RepresentativeParams } }, async (request) =>
    removeRepresentative(db, request.ctx, request.params.id, request.params.representativeId),
  );

  app.post('/meetings/:id/opinions', { ...staff, schema: { tags, summary: '登记代表意见（发布前）', params: IdParams, body: opinionFields } }, async (request, reply) =>
    reply.status(201).send(await addOpinion(db, request.ctx, request.params.id, request.body)),
  );
  app.put('/meetings/:id/opinions/:opinionId', { ...staff, schema: { tags, summary: '修改代表意见（发布前）', params: OpinionParams, body: opinionFields } }, async (request) =>
    updateOpinion(db, request.ctx, request.params.id, request.params.opinionId, request.body),
  );
  app.delete('/meetings/:id/opinions/:opinionId', { ...staff, schema: { tags, summary: '删除代表意见（发布前）', params: OpinionParams } }, async (request) =>
    removeOpinion(db, request.ctx, request.params.id, request.params.opinionId),
  );
  app.post(
    '/meetings/:id/opinions/:opinionId/handling',
    { ...staff, schema: { tags, summary: '登记或修改意见的办理情况（发布前后均可，发布后即在门户公开）', params: OpinionParams, body: Strict({ handling: text(5000, 1), handledOn: Type.Optional(Day) }) } },
    async (request) => handleOpinion(db, request.ctx, request.params.id, request.params.opinionId, request.body),
  );

  app.get('/public/meetings', { schema: { tags: ['public'], summary: '列席会议：已发布的会议（召开日期新的在前）' } }, async () => ({
    items: (await publicMeetings(db)).map((m) => ({ ...m, url: meetingHref(m.id) })),
  }));
  app.get(
    '/public/meetings/:id',
    { schema: { tags: ['public'], summary: '列席会议：议题、代表产生方式、列席代表（未同意公开姓名的只显示身份）、代表意见及办理情况', params: IdParams } },
    async (request) => ({ ...(await publicMeeting(db, request.params.id)), url: meetingHref(request.params.id) }),
  );
};

export default routes;
