// Recording a decision's stages (issue #7 item 2): the undertaking organization (or the government)
// records each stage with its start, its end once done, what it found, whether the portal shows it,
// and a published document of the library as its document. The 条例's rules are the domain's
// (decision.ts): the legality review's 7 working days on the working calendar, the order of discussion,
// decision and publication, the evaluation a year after the decision.
import { and, eq, ne } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { STAGE_LABELS, stageProblem, type StageFacts, type StageKind } from '../../domain/decision.js';
import { chinaDate, formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { loadCalendar } from '../calendar/service.js';
import { requirePublishedDocument } from '../documents/records.js';
import { auditDecision, decisionForStages, decisionView, loadDecision, type LoadedDecision } from './decisions.js';
import { decisionStages } from './schema.js';

/** How a refusal of an unpublished document ends (只能…). */
export const LINK_PUBLISHED = '关联已发布的文件';

export interface StageFields {
  startedOn: IsoDate;
  endedOn?: IsoDate | null;
  summary?: string;
  isPublic?: boolean;
  documentId?: number | null;
}

async function checkStage(tx: Db, d: LoadedDecision, stage: StageFacts, except: number | null, today: IsoDate) {
  if (d.removedAt) throw conflict('该事项已调出目录，不能再登记办理阶段');
  const others = await tx
    .select({ kind: decisionStages.kind, startedOn: decisionStages.startedOn, endedOn: decisionStages.endedOn })
    .from(decisionStages)
    .where(and(eq(decisionStages.decisionId, d.id), except ? ne(decisionStages.id, except) : undefined));
  const problem = stageProblem(stage, others as StageFacts[], await loadCalendar(tx), today);
  if (problem) throw invalid(problem);
}

const period = (s: { startedOn: IsoDate; endedOn?: IsoDate | null }) => `${formatChineseDate(s.startedOn)}${s.endedOn ? `至${formatChineseDate(s.endedOn)}` : '起'}`;

export async function addStage(db: Db, ctx: ActionContext, id: number, input: StageFields & { kind: StageKind }, now = new Date()) {
  return db.transaction(async (tx) => {
    const d = await decisionForStages(tx, ctx, id, '登记该决策事项的办理阶段');
    const endedOn = input.endedOn ?? null;
    await checkStage(tx, d, { kind: input.kind, startedOn: input.startedOn, endedOn }, null, chinaDate(now));
    if (input.documentId) await requirePublishedDocument(tx, input.documentId, LINK_PUBLISHED);
    const [row] = await tx
      .insert(decisionStages)
      .values({ decisionId: id, kind: input.kind, startedOn: input.startedOn, endedOn, summary: (input.summary ?? '').trim(), isPublic: input.isPublic ?? true, documentId: input.documentId ?? null, createdBy: ctx.actor?.userId ?? null })
      .returning();
    await auditDecision(tx, ctx, d, 'stage_add', `决策事项“${d.seq}. ${d.name}”登记${STAGE_LABELS[input.kind]}（${period(row!)}）`);
    return decisionView(tx, ctx, await loadDecision(tx, id));
  });
}

/** Changes a stage: finishes it (its end), corrects its dates, summary, document or whether it is public. */
export async function updateStage(db: Db, ctx: ActionContext, id: number, stageId: number, input: StageFields, now = new Date()) {
  return db.transaction(async (tx) => {
    const d = await decisionForStages(tx, ctx, id, '修改该决策事项的办理阶段');
    const [stage] = await tx.select().from(decisionStages).where(and(eq(decisionStages.id, stageId), eq(decisionStages.decisionId, id)));
    if (!stage) throw notFound('找不到该办理阶段');
    const endedOn = input.endedOn ?? null;
    const kind = stage.kind as StageKind;
    await checkStage(tx, d, { kind, startedOn: input.startedOn, endedOn }, stageId, chinaDate(now));
    if (input.documentId) await requirePublishedDocument(tx, input.documentId, LINK_PUBLISHED);
    await tx
      .update(decisionStages)
      .set({ startedOn: input.startedOn, endedOn, summary: (input.summary ?? '').trim(), isPublic: input.isPublic ?? stage.isPublic, documentId: input.documentId ?? null })
      .where(eq(decisionStages.id, stageId));
    const finishing = !stage.endedOn && endedOn ? '完成' : '修改';
    await auditDecision(tx, ctx, d, 'stage_update', `决策事项“${d.seq}. ${d.name}”${finishing}${STAGE_LABELS[kind]}（${period({ startedOn: input.startedOn, endedOn })}）`);
    return decisionView(tx, ctx, await loadDecision(tx, id));
  });
}
