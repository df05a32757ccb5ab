// Preparing and opening a consultation (issue #7 item 3): staff write the draft, its explanation, the
// other channels and the period; a period under 30 days needs a reason, which the portal shows
// (第十五条). Until it is published everything may change; once published, the period may only be
// extended (people may have planned to comment up to its end) and the reason kept current.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { periodDays, periodProblem } from '../../domain/consultation.js';
import { compareDates, formatChineseDate } from '../../domain/dates.js';
import { conflict, invalid } from '../../errors.js';
import { authorize } from '../authorize.js';
import { requireOrg } from '../orgs/organizations.js';
import { documents } from '../documents/schema.js';
import { auditConsultation, consultationForChange, consultationView, loadConsultation, orgTarget } from './consultations.js';
import { consultationGrants } from './policy.js';
import { consultationHearings, consultations } from './schema.js';

export interface ConsultationFields {
  title: string;
  draft: string;
  explanation?: string;
  channels?: string;
  startsOn: string;
  endsOn: string;
  shortPeriodReason?: string;
}

function checkPeriod(f: Pick<ConsultationFields, 'startsOn' | 'endsOn' | 'shortPeriodReason'>) {
  const problem = periodProblem(f.startsOn, f.endsOn, f.shortPeriodReason ?? '');
  if (problem) throw invalid(problem);
}

/** The text fields trimmed; the reason dropped when the period is 30 days or more (nothing to explain). */
function cleaned(f: ConsultationFields) {
  const long = periodDays(f.startsOn, f.endsOn) >= 30;
  return {
    title: f.title.trim(),
    draft: f.draft.trim(),
    explanation: (f.explanation ?? '').trim(),
    channels: (f.channels ?? '').trim(),
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    shortPeriodReason: long ? '' : (f.shortPeriodReason ?? '').trim(),
  };
}

export async function createConsultation(db: Db, ctx: ActionContext, input: ConsultationFields & { orgId: number }) {
  const org = await requireOrg(db, input.orgId);
  authorize(ctx, consultationGrants, 'consultations.manage', orgTarget(org), '无权为该机构发起征求意见');
  checkPeriod(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultations)
      .values({ orgId: org.id, ...cleaned(input), createdBy: ctx.actor?.userId ?? null })
      .returning();
    await auditConsultation(tx, ctx, row!, 'create', `新建征求意见“${row!.title}”`);
    return consultationView(ctx, await loadConsultation(tx, row!.id));
  });
}

export async function updateConsultation(db: Db, ctx: ActionContext, id: number, input: ConsultationFields) {
  return db.transaction(async (tx) => {
    const c = await consultationForChange(tx, ctx, id, '修改该征求意见');
    if (c.reportPublishedAt) throw conflict('采纳情况已经公布，征求意见不能再修改');
    if (c.publishedAt) {
      // Published: what people read stays; only a later end and its reason may change.
      if (input.draft.trim() !== c.draft || input.title.trim() !== c.title || input.startsOn !== c.startsOn) {
        throw conflict('征求意见已经发布，标题、草案和开始日期不能再修改；如需修改草案，请另行发起征求意见');
      }
      if (compareDates(input.endsOn, c.endsOn) < 0) throw conflict(`征求意见已经发布，截止日期只能延后，不能早于${formatChineseDate(c.endsOn)}`);
    }
    checkPeriod(input);
    await tx.update(consultations).set({ ...cleaned(input), updatedAt: new Date() }).where(eq(consultations.id, id));
    const extended = c.publishedAt && input.endsOn !== c.endsOn ? `，截止日期延至${formatChineseDate(input.endsOn)}` : '';
    await auditConsultation(tx, ctx, c, 'update', `修改征求意见“${c.title}”${extended}`);
    return consultationView(ctx, await loadConsultation(tx, id));
  });
}

/** Puts the consultation on the portal: from its first day the public may comment. */
export async function publishConsultation(db: Db, ctx: ActionContext, id: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const c = await consultationForChange(tx, ctx, id, '发布该征求意见');
    if (c.publishedAt) throw conflict('该征求意见已经发布');
    checkPeriod(c);
    if (!c.draft.trim()) throw invalid('请填写征求意见稿全文');
    await tx.update(consultations).set({ publishedAt: now, updatedAt: now }).where(eq(consultations.id, id));
    await auditConsultation(tx, ctx, c, 'publish', `发布征求意见“${c.title}”（${formatChineseDate(c.startsOn)}至${formatChineseDate(c.endsOn)}）`);
    return consultationView(ctx, await loadConsultation(tx, id));
  });
}

export interface HearingFields {
  heldOn: string;
  place: string;
  selection: string;
  participants?: string;
  record?: string;
}

/** Records a hearing (听证会) on the draft; it is shown on the consultation's public page. */
export async function addHearing(db: Db, ctx: ActionContext, id: number, input: HearingFields) {
  return db.transaction(async (tx) => {
    const c = await consultationForChange(tx, ctx, id, '登记听证会');
    const [h] = await tx
      .insert(consultationHearings)
      .values({ consultationId: id, heldOn: input.heldOn, place: input.place.trim(), selection: input.selection.trim(), participants: (input.participants ?? '').trim(), record: (input.record ?? '').trim() })
      .returning();
    await auditConsultation(tx, ctx, c, 'hearing', `登记征求意见“${c.title}”的听证会（${formatChineseDate(input.heldOn)}，${h!.place}）`);
    return h!;
  });
}

/** Links the final policy, once issued in the library, to its consultation (issue #7 item 5). */
export async function linkFinalDocument(db: Db, ctx: ActionContext, id: number, documentId: number) {
  return db.transaction(async (tx) => {
    const c = await consultationForChange(tx, ctx, id, '关联正式文件');
    const [doc] = await tx.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.id, documentId));
    if (!doc) throw invalid('找不到该文件');
    await tx.update(consultations).set({ documentId, updatedAt: new Date() }).where(eq(consultations.id, id));
    await auditConsultation(tx, ctx, c, 'link', `征求意见“${c.title}”关联正式文件《${doc.title}》`);
    return consultationView(ctx, await loadConsultation(tx, id));
  });
}
