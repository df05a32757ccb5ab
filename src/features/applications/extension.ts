// 延期 (条例第三十三条第二款): with the approval of the head of the disclosure office the reply period
// may be extended, at most 20 working days in total (a setting), before it runs out; the applicant
// is told, with the reason.
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import { extensionProblem } from '../../domain/application-clock.js';
import { compareDates, formatChineseDate } from '../../domain/dates.js';
import { computeClock } from './clock.js';
import { changeCase, factDate, factText } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent } from './records.js';

export async function extendDeadline(db: Db, ctx: ActionContext, id: number, input: { days: number; reason: string; on?: string }) {
  return changeCase(db, ctx, id, { action: 'applications.extend', audit: 'extension', what: '批准延长答复期限（须由公开办负责人批准）', statuses: OPEN_STATUSES }, async ({ tx, kase, events, env }) => {
    const approved = events.filter((e) => e.kind === 'extension').map((e) => ({ approvedOn: e.on, days: e.data.days as number }));
    const problem = extensionProblem(approved, input.days, env.rules);
    if (problem) throw invalid(problem);
    const reason = factText(input.reason, '延期理由', 1000);
    const on = factDate(input.on, kase, env, '延期批准日期');
    const clock = computeClock(kase.receivedOn, events, env);
    if (!clock.dueOn) throw conflict('该申请尚在等待补正，答复期限尚未开始计算，不能延期');
    if (compareDates(on, clock.dueOn) > 0) throw invalid(`延期应当在答复期限（${formatChineseDate(clock.dueOn)}）届满前批准`);
    await addEvent(tx, ctx, id, {
      kind: 'extension',
      on,
      note: `经政府信息公开工作机构负责人同意，延长答复期限 ${input.days} 个工作日。延期理由：${reason}`,
      data: { days: input.days, reason },
    });
    return { summary: `延长答复期限 ${input.days} 个工作日`, clockReason: '延长答复期限', on };
  });
}
