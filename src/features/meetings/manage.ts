// Recording a 列席 meeting (issue #7 item 6): the meeting (title, date, topics, how the representatives
// were chosen), its representatives with their consent to be named, their opinions, and the handling of
// each opinion; publishing it to the portal.
//
// What may change when. Until published, everything (and a meeting may be deleted). Once published,
// what the public has read of the meeting stays as it is — title, date, topics, selection, who attended
// and what they said — but:
//  - the handling of each opinion is recorded and revised as it comes (that is what the page is for:
//    the public follows the handling), dated and with who recorded it;
//  - a representative's consent to be named may be given or withdrawn at any time (it is theirs);
//  - to correct the record itself, staff withdraw the meeting from the portal (撤回发布, with a reason
//    kept in the audit log), correct it, and publish it again.
// Every change is one transaction and one audit entry; audit summaries name representatives by their
// capacity, never by name (the log is read more widely than the meeting's own staff).
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate, compareDates, formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { authorize } from '../authorize.js';
import { requireOrg } from '../orgs/organizations.js';
import { handledInstant } from './display.js';
import { auditMeeting, loadMeeting, meetingForChange, meetingView, orgTarget, type LoadedMeeting } from './meetings.js';
import { meetingGrants } from './policy.js';
import { meetingRepresentatives, meetings, representativeOpinions } from './schema.js';

export interface MeetingFields {
  title: string;
  heldOn: IsoDate;
  topics?: string;
  selection?: string;
}

export interface RepresentativeFields {
  name: string;
  capacity: string;
  namePublic: boolean;
}

const PUBLISHED_FIXED = '会议已经发布，会议记录不能再修改；如需更正，请先撤回发布';

function cleaned(f: MeetingFields) {
  const title = f.title.trim();
  if (!title) throw invalid('请填写会议名称');
  return { title, heldOn: f.heldOn, topics: (f.topics ?? '').trim(), selection: (f.selection ?? '').trim() };
}

function cleanedRepresentative(f: RepresentativeFields) {
  const name = f.name.trim();
  const capacity = f.capacity.trim();
  if (!name) throw invalid('请填写代表姓名');
  if (!capacity) throw invalid('请填写代表身份（如市民代表、人大代表、专家），未同意公开姓名的代表在门户上只显示身份');
  return { name, capacity, namePublic: f.namePublic };
}

const refreshed = async (tx: Db, ctx: ActionContext, id: number) => meetingView(tx, ctx, await loadMeeting(tx, id));

/**
 * One change to a meeting: in one transaction, the meeting locked and in ctx's scope (and, for a change
 * to its record, not yet published), the change itself, which says its audit action and summary, and
 * the meeting as staff now see it.
 */
async function change(
  db: Db,
  ctx: ActionContext,
  id: number,
  what: string,
  opts: { record: boolean },
  act: (tx: Db, m: LoadedMeeting) => Promise<[action: string, summary: string]>,
) {
  return db.transaction(async (tx) => {
    const m = await meetingForChange(tx, ctx, id, what);
    if (opts.record && m.publishedAt) throw conflict(PUBLISHED_FIXED);
    const [action, summary] = await act(tx, m);
    await auditMeeting(tx, ctx, m, action, summary);
    return refreshed(tx, ctx, id);
  });
}
const RECORD = { record: true };
const ANY_TIME = { record: false };

export async function createMeeting(db: Db, ctx: ActionContext, input: MeetingFields & { orgId: number }) {
  const org = await requireOrg(db, input.orgId);
  authorize(ctx, meetingGrants, 'meetings.manage', orgTarget(org), '无权为该机构登记会议');
  const fields = cleaned(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({ orgId: org.id, ...fields, createdBy: ctx.actor?.userId ?? null })
      .returning();
    await auditMeeting(tx, ctx, row!, 'create', `登记会议“${row!.title}”（${formatChineseDate(row!.heldOn)}）`);
    return refreshed(tx, ctx, row!.id);
  });
}

export async function updateMeeting(db: Db, ctx: ActionContext, id: number, input: MeetingFields) {
  const fields = cleaned(input);
  return change(db, ctx, id, '修改该会议', RECORD, async (tx) => {
    await tx.update(meetings).set(fields).where(eq(meetings.id, id));
    return ['update', `修改会议“${fields.title}”`];
  });
}

/** Deletes a meeting never published, with its representatives and opinions. */
export async function deleteMeeting(db: Db, ctx: ActionContext, id: number) {
  return db.transaction(async (tx) => {
    const m = await meetingForChange(tx, ctx, id, '删除该会议');
    if (m.publishedAt) throw conflict('会议已经发布，不能删除；如需从门户撤下，请撤回发布');
    await tx.delete(representativeOpinions).where(eq(representativeOpinions.meetingId, id));
    await tx.delete(meetingRepresentatives).where(eq(meetingRepresentatives.meetingId, id));
    await tx.delete(meetings).where(eq(meetings.id, id));
    await auditMeeting(tx, ctx, m, 'delete', `删除会议“${m.title}”`);
  });
}

/** Puts the meeting on the portal once held: it needs its topics, how the representatives were chosen and at least one representative. */
export async function publishMeeting(db: Db, ctx: ActionContext, id: number, now: Date = new Date()) {
  return change(db, ctx, id, '发布该会议', ANY_TIME, async (tx, m) => {
    if (m.publishedAt) throw conflict('该会议已经发布');
    if (compareDates(m.heldOn, chinaDate(now)) > 0) throw conflict(`会议定于${formatChineseDate(m.heldOn)}召开，召开后才能发布列席情况`);
    if (!m.topics) throw invalid('请填写会议议题');
    if (!m.selection) throw invalid('请填写列席代表的产生方式');
    const reps = await tx.select({ id: meetingRepresentatives.id }).from(meetingRepresentatives).where(eq(meetingRepresentatives.meetingId, id));
    if (!reps.length) throw invalid('请至少登记一名列席代表');
    await tx.update(meetings).set({ publishedAt: now }).where(eq(meetings.id, id));
    return ['publish', `发布会议“${m.title}”的列席情况`];
  });
}

/** Takes the meeting off the portal, to correct its record; the reason goes to the audit log. */
export async function withdrawMeeting(db: Db, ctx: ActionContext, id: number, reason: string) {
  const why = reason.trim();
  if (!why) throw invalid('请说明撤回发布的原因');
  return change(db, ctx, id, '撤回该会议', ANY_TIME, async (tx, m) => {
    if (!m.publishedAt) throw conflict('该会议尚未发布');
    await tx.update(meetings).set({ publishedAt: null }).where(eq(meetings.id, id));
    return ['withdraw', `撤回会议“${m.title}”的发布：${why}`];
  });
}

async function representativeOf(tx: Db, meetingId: number, representativeId: number) {
  const [r] = await tx.select().from(meetingRepresentatives).where(eq(meetingRepresentatives.id, representativeId)).for('update');
  if (!r || r.meetingId !== meetingId) throw notFound('找不到该列席代表');
  return r;
}

const consentWord = (namePublic: boolean) => (namePublic ? '同意公开姓名' : '不公开姓名');

export async function addRepresentative(db: Db, ctx: ActionContext, meetingId: number, input: RepresentativeFields) {
  const fields = cleanedRepresentative(input);
  return change(db, ctx, meetingId, '登记列席代表', RECORD, async (tx, m) => {
    const [r] = await tx.insert(meetingRepresentatives).values({ meetingId, ...fields }).returning();
    return ['representative', `会议“${m.title}”登记列席代表（${fields.capacity}，${consentWord(fields.namePublic)}，编号 ${r!.id}）`];
  });
}

/**
 * Changes a representative. Before publishing, anything; after, only the consent to be named (given
 * or withdrawn by the representative), never the name or capacity the record holds.
 */
export async function updateRepresentative(db: Db, ctx: ActionContext, meetingId: number, representativeId: number, input: RepresentativeFields) {
  const fields = cleanedRepresentative(input);
  return change(db, ctx, meetingId, '修改列席代表', ANY_TIME, async (tx, m) => {
    const r = await representativeOf(tx, meetingId, representativeId);
    if (m.publishedAt && (fields.name !== r.name || fields.capacity !== r.capacity)) {
      throw conflict('会议已经发布，代表的姓名和身份不能再修改（是否公开姓名仍可按代表的意愿更改）；如需更正，请先撤回发布');
    }
    await tx.update(meetingRepresentatives).set(fields).where(eq(meetingRepresentatives.id, r.id));
    const consent = fields.namePublic !== r.namePublic ? `，改为${consentWord(fields.namePublic)}` : '';
    return ['representative', `会议“${m.title}”修改列席代表（${fields.capacity}，编号 ${r.id}）${consent}`];
  });
}

/** Removes a representative recorded by mistake, with their opinions; before publishing only. */
export async function removeRepresentative(db: Db, ctx: ActionContext, meetingId: number, representativeId: number) {
  return change(db, ctx, meetingId, '删除列席代表', RECORD, async (tx, m) => {
    const r = await representativeOf(tx, meetingId, representativeId);
    await tx.delete(representativeOpinions).where(eq(representativeOpinions.representativeId, r.id));
    await tx.delete(meetingRepresentatives).where(eq(meetingRepresentatives.id, r.id));
    return ['representative', `会议“${m.title}”删除列席代表（${r.capacity}，编号 ${r.id}）`];
  });
}

async function opinionOf(tx: Db, meetingId: number, opinionId: number) {
  const [o] = await tx.select().from(representativeOpinions).where(eq(representativeOpinions.id, opinionId)).for('update');
  if (!o || o.meetingId !== meetingId) throw notFound('找不到该意见');
  return o;
}

function opinionText(text: string) {
  const t = text.trim();
  if (!t) throw invalid('请填写意见内容');
  return t;
}

export async function addOpinion(db: Db, ctx: ActionContext, meetingId: number, input: { representativeId: number; opinion: string }) {
  const opinion = opinionText(input.opinion);
  return change(db, ctx, meetingId, '登记代表意见', RECORD, async (tx, m) => {
    const r = await representativeOf(tx, meetingId, input.representativeId);
    const [o] = await tx.insert(representativeOpinions).values({ meetingId, representativeId: r.id, opinion }).returning();
    return ['opinion', `会议“${m.title}”登记代表意见（${r.capacity}，意见编号 ${o!.id}）`];
  });
}

export async function updateOpinion(db: Db, ctx: ActionContext, meetingId: number, opinionId: number, input: { representativeId: number; opinion: string }) {
  const opinion = opinionText(input.opinion);
  return change(db, ctx, meetingId, '修改代表意见', RECORD, async (tx, m) => {
    const o = await opinionOf(tx, meetingId, opinionId);
    const r = await representativeOf(tx, meetingId, input.representativeId);
    await tx.update(representativeOpinions).set({ representativeId: r.id, opinion }).where(eq(representativeOpinions.id, o.id));
    return ['opinion', `会议“${m.title}”修改代表意见（意见编号 ${o.id}）`];
  });
}

export async function removeOpinion(db: Db, ctx: ActionContext, meetingId: number, opinionId: number) {
  return change(db, ctx, meetingId, '删除代表意见', RECORD, async (tx, m) => {
    const o = await opinionOf(tx, meetingId, opinionId);
    await tx.delete(representativeOpinions).where(eq(representativeOpinions.id, o.id));
    return ['opinion', `会议“${m.title}”删除代表意见（意见编号 ${o.id}）`];
  });
}

/**
 * Records or revises how an opinion was handled (办理情况): the text, the day (today unless given; not
 * before the meeting, not in the future) and who recorded it. Allowed before and after publishing:
 * handling is published as it comes.
 */
export async function handleOpinion(db: Db, ctx: ActionContext, meetingId: number, opinionId: number, input: { handling: string; handledOn?: IsoDate }, now: Date = new Date()) {
  const handling = input.handling.trim();
  if (!handling) throw invalid('请填写办理情况');
  const today = chinaDate(now);
  const day = input.handledOn ?? today;
  if (compareDates(day, today) > 0) throw invalid('办理日期不能晚于今天');
  return change(db, ctx, meetingId, '登记意见办理情况', ANY_TIME, async (tx, m) => {
    if (compareDates(day, m.heldOn) < 0) throw invalid(`办理日期不能早于会议召开日期（${formatChineseDate(m.heldOn)}）`);
    const o = await opinionOf(tx, meetingId, opinionId);
    await tx
      .update(representativeOpinions)
      .set({ handling, handledAt: day === today ? now : handledInstant(day), handledBy: ctx.actor?.userId ?? null })
      .where(eq(representativeOpinions.id, o.id));
    return ['handle', `会议“${m.title}”第 ${o.id} 号意见${o.handledAt ? '修改' : '登记'}办理情况（${formatChineseDate(day)}）`];
  });
}
