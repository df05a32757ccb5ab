// Publishing the adoption report (意见采纳情况, issue #7 item 4): after the period, once every comment
// is moderated and every published one has its disposition, with a summary written by staff. Due
// within a month of closing (乐清要点); the supervisor's list shows it late after that. Published,
// it shows on the portal with each comment anonymised beside its disposition and reason.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { reportProblem } from '../../domain/consultation.js';
import { chinaDate } from '../../domain/dates.js';
import { conflict, invalid } from '../../errors.js';
import { auditConsultation, commentCounts, consultationForChange, consultationView, loadConsultation } from './consultations.js';
import { consultations } from './schema.js';

export async function publishAdoptionReport(db: Db, ctx: ActionContext, id: number, input: { summary: string }, now = new Date()) {
  const summary = input.summary.trim();
  if (!summary) throw invalid('请填写采纳情况说明（收到意见的总体情况、主要意见及采纳情况）');
  return db.transaction(async (tx) => {
    const c = await consultationForChange(tx, ctx, id, '公布该征求意见的采纳情况');
    if (!c.publishedAt) throw conflict('征求意见尚未发布');
    if (c.reportPublishedAt) throw conflict('采纳情况已经公布');
    const counts = (await commentCounts(tx, [id])).get(id) ?? { total: 0, pending: 0, undisposed: 0 };
    const problem = reportProblem({ endsOn: c.endsOn, today: chinaDate(now), pending: counts.pending, undisposed: counts.undisposed });
    if (problem) throw conflict(problem);
    await tx.update(consultations).set({ reportSummary: summary, reportPublishedAt: now, updatedAt: now }).where(eq(consultations.id, id));
    await auditConsultation(tx, ctx, c, 'report', `公布征求意见“${c.title}”的意见采纳情况（共 ${counts.total} 条意见）`);
    return consultationView(ctx, await loadConsultation(tx, id), chinaDate(now));
  });
}
