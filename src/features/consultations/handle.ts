// Staff handling the comments (issue #7 item 4): moderation (a comment is shown on the portal only
// once published; abuse or advertising is not, with the reason kept), then, after the period, the
// summary — each comment put under a topic and given a disposition, with the reason where it is not
// (fully) adopted — and the comments as staff see them, sender included.
import { asc, eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { DISPOSITION_LABELS, dispositionProblem, MODERATION_LABELS, type CommentDisposition, type ModerationState } from '../../domain/consultation.js';
import { chinaDate } from '../../domain/dates.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { authorize } from '../authorize.js';
import { openSender } from './comment.js';
import { auditConsultation, consultationForChange, loadConsultation, orgTarget, phaseOf } from './consultations.js';
import { consultationGrants } from './policy.js';
import { consultationComments, type ConsultationComment } from './schema.js';

async function commentForChange(tx: Db, ctx: ActionContext, consultationId: number, commentId: number, what: string) {
  const c = await consultationForChange(tx, ctx, consultationId, what);
  if (c.reportPublishedAt) throw conflict('采纳情况已经公布，意见的处理不能再修改');
  const [comment] = await tx.select().from(consultationComments).where(eq(consultationComments.id, commentId)).for('update');
  if (!comment || comment.consultationId !== consultationId) throw notFound('找不到该意见');
  return { c, comment };
}

export async function moderateComment(db: Db, ctx: ActionContext, consultationId: number, commentId: number, input: { moderation: Exclude<ModerationState, 'pending'>; note?: string }) {
  const note = (input.note ?? '').trim();
  if (input.moderation === 'rejected' && !note) throw invalid('不予公开的意见须说明原因（如含有辱骂、广告或与征求意见无关的内容）');
  return db.transaction(async (tx) => {
    const { c, comment } = await commentForChange(tx, ctx, consultationId, commentId, '审核该意见');
    // A rejected comment needs no disposition; a published one keeps what it was given.
    const [row] = await tx
      .update(consultationComments)
      .set({ moderation: input.moderation, moderationNote: note, ...(input.moderation === 'rejected' ? { disposition: null, reason: '' } : {}), handledBy: ctx.actor?.userId ?? null })
      .where(eq(consultationComments.id, comment.id))
      .returning();
    await auditConsultation(tx, ctx, c, 'moderate', `征求意见“${c.title}”第 ${comment.id} 号意见：${MODERATION_LABELS[input.moderation]}${note ? `（${note}）` : ''}`);
    return staffComment(row!);
  });
}

export async function disposeComment(db: Db, ctx: ActionContext, consultationId: number, commentId: number, input: { disposition: CommentDisposition; reason?: string; topic?: string }) {
  const reason = (input.reason ?? '').trim();
  const problem = dispositionProblem(input.disposition, reason);
  if (problem) throw invalid(problem);
  return db.transaction(async (tx) => {
    const { c, comment } = await commentForChange(tx, ctx, consultationId, commentId, '处理该意见');
    if (comment.moderation !== 'published') throw conflict(comment.moderation === 'pending' ? '请先审核该意见' : '不予公开的意见不作采纳处理');
    const [row] = await tx
      .update(consultationComments)
      .set({ disposition: input.disposition, reason, topic: (input.topic ?? comment.topic).trim(), handledBy: ctx.actor?.userId ?? null })
      .where(eq(consultationComments.id, comment.id))
      .returning();
    await auditConsultation(tx, ctx, c, 'dispose', `征求意见“${c.title}”第 ${comment.id} 号意见：${DISPOSITION_LABELS[input.disposition]}`);
    return staffComment(row!);
  });
}

function staffComment(r: ConsultationComment) {
  return {
    id: r.id,
    clause: r.clause,
    body: r.body,
    sender: openSender(r),
    receivedOn: chinaDate(r.createdAt),
    moderation: r.moderation,
    moderationLabel: MODERATION_LABELS[r.moderation],
    moderationNote: r.moderationNote,
    topic: r.topic,
    disposition: r.disposition,
    dispositionLabel: r.disposition ? DISPOSITION_LABELS[r.disposition] : null,
    reason: r.reason,
  };
}

/** Every comment of a consultation as staff see it, in the order received. */
export async function staffComments(db: Db, ctx: ActionContext, consultationId: number) {
  const c = await loadConsultation(db, consultationId);
  // The sender is personal data: only those who handle the comments see it.
  authorize(ctx, consultationGrants, 'consultations.manage', orgTarget(c.org), '无权查看该征求意见收到的意见');
  const rows = await db.select().from(consultationComments).where(eq(consultationComments.consultationId, consultationId)).orderBy(asc(consultationComments.id));
  return { phase: phaseOf(c, chinaDate(new Date())), items: rows.map(staffComment) };
}
