// 第三十五条: when the quantity or frequency of requests clearly exceeds reason, the agency may, instead
// of refusing, set a reasonable later date for its reply and tell the applicant. It replaces the
// due date of 第三十三条; once only.
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import { compareDates, formatChineseDate, isIsoDate } from '../../domain/dates.js';
import { changeCase, factDate, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent } from './records.js';

export async function setLaterDate(db: Db, ctx: ActionContext, id: number, input: { dueOn: string; reason: string; on?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.handle', audit: 'later_date', what: '确定延迟答复的期限', statuses: OPEN_STATUSES }, async ({ tx, kase, events, env }) => {
    if (events.some((e) => e.kind === 'later_date')) throw conflict('已经确定过延迟答复的期限');
    const reason = factText(input.reason, '理由', 1000);
    const on = factDate(input.on, kase, env, '确定之日');
    if (!isIsoDate(input.dueOn) || compareDates(input.dueOn, on) <= 0) throw invalid('延迟答复的期限须为确定之日以后的有效日期');
    await addEvent(tx, ctx, id, {
      kind: 'later_date',
      on,
      note: `申请公开政府信息的数量、频次明显超过合理范围，确定延迟答复的合理期限为${formatChineseDate(input.dueOn)}（条例第三十五条）。${reason}`,
      data: { dueOn: input.dueOn, reason },
    });
    return { summary: `确定延迟答复期限 ${input.dueOn}`, clockReason: '按条例第三十五条确定延迟答复的期限', on };
  });
}
