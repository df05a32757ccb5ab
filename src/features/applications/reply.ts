// The end of a case (条例第三十六—三十九条, 第四十五条 登记、审核、办理、答复、归档): the reply with its
// outcome — one leaf of the annual report's table 三, never free text — and its legal basis, the
// delivery to the applicant, closing and archiving.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { DELIVERY_METHOD_LABELS, isDeliveryMethod, isOutcomeKey, OUTCOMES, type DeliveryMethod, type OutcomeKey } from '../../domain/application-outcomes.js';
import { compareDates, formatChineseDate } from '../../domain/dates.js';
import { computeClock } from './clock.js';
import { changeCase, factDate, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent } from './records.js';
import { applications } from './schema.js';

/**
 * Outcomes whose reply must name the specific legal basis it relies on: withholding and not
 * processing (RULES.md §2), 部分公开 (the letter names the article for the part withheld), and 其他处理
 * (the handler states the facts and the basis).
 */
export function basisRequired(outcome: OutcomeKey): boolean {
  return outcome.startsWith('withheld.') || outcome.startsWith('not_processed.') || outcome === 'partly_disclosed' || outcome === 'other.other';
}

/** Outcomes the case reaches by a lapse the clock establishes, not by a reply. */
const LAPSE_OUTCOMES: Partial<Record<OutcomeKey, string>> = {
  'other.no_correction': '逾期不补正请通过“登记逾期未补正”办理',
  'other.unpaid_fee': '逾期未缴费请通过“登记逾期未缴费”办理',
};

export async function replyToApplication(db: Db, ctx: ActionContext, id: number, input: { outcome: string; basis?: string; on?: string; note?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'reply', what: '答复该申请', statuses: OPEN_STATUSES }, async ({ tx, kase, events, env }) => {
    if (!isOutcomeKey(input.outcome)) throw invalid('办理结果须为年报表三所列的情形之一');
    const outcome = input.outcome;
    const lapse = LAPSE_OUTCOMES[outcome];
    if (lapse) throw invalid(lapse);
    const info = OUTCOMES[outcome];
    const basis = factText(input.basis, `“${info.shortLabel}”所依据的具体法律条款`, 500, basisRequired(outcome));
    const note = factText(input.note, '答复说明', 2000, false);
    const on = factDate(input.on, kase, env, '答复日期');
    const clock = computeClock(kase.receivedOn, events, env);
    const late = clock.dueOn !== null && compareDates(on, clock.dueOn) > 0;
    await tx.update(applications).set({ status: 'replied', outcome, outcomeBasis: basis || info.legalBasis, repliedOn: on }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, {
      kind: 'replied',
      on,
      note: `答复：${info.shortLabel}。${basis ? `依据：${basis}。` : ''}${note}`,
      data: { outcome, basis, late, dueOn: clock.dueOn },
    });
    return { summary: `答复（${info.shortLabel}）${late ? `，晚于答复期限 ${clock.dueOn}` : ''}` };
  });
}

export async function recordDelivery(db: Db, ctx: ActionContext, id: number, input: { method: DeliveryMethod; on?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'delivered', what: '登记送达', statuses: ['replied'] }, async ({ tx, kase, env }) => {
    if (!isDeliveryMethod(input.method)) throw invalid(`送达方式应为：${Object.values(DELIVERY_METHOD_LABELS).join('、')}`);
    const on = factDate(input.on, kase, env, '送达日期', { date: kase.repliedOn!, label: '答复日期' });
    await addEvent(tx, ctx, id, { kind: 'delivered', on, note: `答复以${DELIVERY_METHOD_LABELS[input.method]}方式送达申请人。`, data: { method: input.method } });
    return { summary: `送达（${DELIVERY_METHOD_LABELS[input.method]}）` };
  });
}

export async function closeCase(db: Db, ctx: ActionContext, id: number, input: { on?: string; note?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'close', what: '办结该申请', statuses: ['replied'] }, async ({ tx, kase, env }) => {
    const on = factDate(input.on, kase, env, '办结日期', { date: kase.repliedOn!, label: '答复日期' });
    const note = factText(input.note, '办结说明', 1000, false);
    await tx.update(applications).set({ status: 'closed', closedOn: on }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, { kind: 'closed', on, note: `${formatChineseDate(on)}办结。`, data: note ? { note } : {} });
    return { summary: '办结' };
  });
}

export async function archiveCase(db: Db, ctx: ActionContext, id: number) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'archive', what: '归档该申请（须先办结）', statuses: ['closed'] }, async ({ tx, env }) => {
    await tx.update(applications).set({ status: 'archived', archivedAt: new Date() }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, { kind: 'archived', on: env.today, note: '案卷归档。' });
    return { summary: '归档' };
  });
}
