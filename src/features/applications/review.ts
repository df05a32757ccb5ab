// Internal steps of handling: 会商 (joint review with other agencies or offices), 法制审核 of the draft
// reply (approve or return), and notes. None of them reaches the applicant.
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { changeCase, factDate, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent } from './records.js';
import type { ApplicationStatus } from './schema.js';

export async function recordJointReview(db: Db, ctx: ActionContext, id: number, input: { parties: string; note: string; on?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'joint_review', what: '登记会商', statuses: OPEN_STATUSES }, async ({ tx, kase, env }) => {
    const parties = factText(input.parties, '会商单位', 200);
    const note = factText(input.note, '会商意见', 2000);
    const on = factDate(input.on, kase, env, '会商日期');
    await addEvent(tx, ctx, id, { kind: 'joint_review', on, note, data: { parties } });
    return { summary: '登记会商' };
  });
}

export const LEGAL_REVIEW_DECISIONS = { approved: '同意', returned: '退回修改' } as const;
export type LegalReviewDecision = keyof typeof LEGAL_REVIEW_DECISIONS;

/** 法制审核 of the draft reply: legal counsel approves it or returns it with what to change. */
export async function recordLegalReview(db: Db, ctx: ActionContext, id: number, input: { decision: LegalReviewDecision; note?: string; on?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.legal_review', audit: 'legal_review', what: '对该申请的答复进行法制审核', statuses: OPEN_STATUSES, startsHandling: false }, async ({ tx, kase, env }) => {
    if (!(input.decision in LEGAL_REVIEW_DECISIONS)) throw invalid('审核意见应为同意或退回修改');
    const note = factText(input.note, '审核意见', 2000, input.decision === 'returned');
    const on = factDate(input.on, kase, env, '审核日期');
    const label = LEGAL_REVIEW_DECISIONS[input.decision];
    await addEvent(tx, ctx, id, { kind: 'legal_review', on, note: `法制审核意见：${label}${note ? `。${note}` : ''}`, data: { decision: input.decision } });
    return { summary: `法制审核：${label}` };
  });
}

const NOTE_STATUSES: readonly ApplicationStatus[] = ['registered', 'in_progress', 'replied', 'closed'];

export async function addInternalNote(db: Db, ctx: ActionContext, id: number, input: { note: string }) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'note', what: '为该申请添加备注', statuses: NOTE_STATUSES, startsHandling: false }, async ({ tx, env }) => {
    const note = factText(input.note, '备注', 2000);
    await addEvent(tx, ctx, id, { kind: 'note', on: env.today, note });
    return { summary: '添加内部备注' };
  });
}
