// 补正 (条例第三十条): when the request is unclear the agency tells the applicant once, within 7 working
// days of receipt, what to correct and by when; the reply period counts again from the day the
// corrected request arrives; not corrected in time, the application is no longer processed.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import { MAX_WORKING_DAYS } from '../../domain/calendar.js';
import { compareDates, formatChineseDate } from '../../domain/dates.js';
import { OUTCOMES } from '../../domain/application-outcomes.js';
import { computeClock } from './clock.js';
import { changeCase, factDate, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent } from './records.js';
import { applications, type ApplicationEvent } from './schema.js';

const handle = { action: 'applications.handle', statuses: OPEN_STATUSES } as const;
const notice = (events: ApplicationEvent[]) => events.find((e) => e.kind === 'correction_notice');
const corrected = (events: ApplicationEvent[]) => events.find((e) => e.kind === 'correction_received');

export async function sendCorrectionNotice(db: Db, ctx: ActionContext, id: number, input: { items: string; periodDays?: number; on?: string }) {
  return changeCase(db, ctx, id, { ...handle, audit: 'correction_notice', what: '告知补正' }, async ({ tx, kase, events, env }) => {
    if (notice(events)) throw conflict('补正通知已经发出，依法只能一次性告知补正（条例第三十条）');
    const items = factText(input.items, '需要补正的事项', 1000);
    const periodDays = input.periodDays ?? env.rules.correctionPeriodDays;
    if (!Number.isInteger(periodDays) || periodDays < 1 || periodDays > MAX_WORKING_DAYS) throw invalid(`补正期限须为 1 至 ${MAX_WORKING_DAYS} 之间的整数个工作日`);
    const on = factDate(input.on, kase, env, '补正通知发出日期');
    const lastDay = env.calendar.addWorkingDays(kase.receivedOn, env.rules.correctionNoticeDays).date;
    if (compareDates(on, lastDay) > 0) {
      throw invalid(`补正通知应当自收到申请之日起 ${env.rules.correctionNoticeDays} 个工作日内一次性发出（条例第三十条），本申请最迟为${formatChineseDate(lastDay)}`);
    }
    await addEvent(tx, ctx, id, { kind: 'correction_notice', on, note: `一次性告知申请人补正：${items}。补正期限为 ${periodDays} 个工作日。`, data: { periodDays, items } });
    return { summary: `告知补正，补正期限 ${periodDays} 个工作日`, clockReason: '告知补正', on };
  });
}

export async function receiveCorrection(db: Db, ctx: ActionContext, id: number, input: { on?: string; note?: string }) {
  return changeCase(db, ctx, id, { ...handle, audit: 'correction_received', what: '登记补正' }, async ({ tx, kase, events, env }) => {
    const sent = notice(events);
    if (!sent) throw conflict('该申请没有发出补正通知');
    if (corrected(events)) throw conflict('已经登记过收到补正的申请');
    const on = factDate(input.on, kase, env, '收到补正申请的日期', { date: sent.on, label: '补正通知发出日期' });
    const note = factText(input.note, '补正内容说明', 1000, false);
    await addEvent(tx, ctx, id, { kind: 'correction_received', on, note: `收到申请人补正的申请，答复期限自该日起重新计算。${note}` });
    return { summary: '收到补正的申请', clockReason: '收到补正的申请', on };
  });
}

/** Ends the case with other.no_correction once the correction period has passed without a correction. */
export async function lapseCorrection(db: Db, ctx: ActionContext, id: number) {
  return changeCase(db, ctx, id, { ...handle, audit: 'correction_lapsed', what: '登记逾期未补正' }, async ({ tx, kase, events, env }) => {
    if (!notice(events)) throw conflict('该申请没有发出补正通知');
    if (corrected(events)) throw conflict('申请人已经补正');
    const clock = computeClock(kase.receivedOn, events, env);
    if (clock.ended?.outcome !== 'other.no_correction') {
      throw conflict(`补正期限至${formatChineseDate(clock.deadlines.correctionLastDay!)}，尚未届满`);
    }
    const step = clock.steps.find((s) => s.kind === 'ended');
    await tx.update(applications).set({ status: 'closed', outcome: 'other.no_correction', outcomeBasis: OUTCOMES['other.no_correction'].legalBasis, closedOn: env.today }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, { kind: 'correction_lapsed', on: env.today, note: step?.text ?? '', data: { lastDay: clock.ended.lastDay } });
    return { summary: '逾期未补正，不再处理（其他处理·逾期不补正）' };
  });
}
