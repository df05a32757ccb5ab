// 行政复议 and 行政诉讼 about an application (issue #5 item 9): the handling organization's staff
// record a reconsideration or a lawsuit, then its result and the date it was decided; the
// supervisor and legal counsel read them (applications.read). A result that corrects the handling
// (结果纠正) reopens the case: it is handled again, its due date the one the decision sets (the
// clock's 'reopened' fact), and the applicant sees it on the timeline. The annual report's table 四
// counts them (appealCounts).
//
// An appeal may also be about a failure to reply (不履行政府信息公开职责), so a case that was never
// replied can have one: its filing date is then bounded by the receipt instead of the reply.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import {
  APPEAL_KIND_LABELS,
  APPEAL_RESULT_LABELS,
  appealBodyLabel,
  appealProblem,
  tallyAppeals,
  type AppealFacts,
  type AppealTable,
} from '../../domain/appeals.js';
import { formatChineseDate } from '../../domain/dates.js';
import { changeCase, factText, type CaseChange } from './change-case.js';
import { isOpen } from './events.js';
import { authorizeCase } from './policy.js';
import { addEvent, caseTarget, requireCase } from './records.js';
import { APPLICATION_STATUSES, applicationAppeals, applications, type AppealKind, type AppealResult, type ApplicationAppeal } from './schema.js';

export interface AppealInput {
  kind: AppealKind;
  filedOn: string;
  authority?: string;
  caseNumber?: string;
  result?: AppealResult;
  decidedOn?: string | null;
  note?: string;
  /** Required with a corrected result: the date by which the decision requires the new reply. */
  reopenDueOn?: string;
}

export type AppealPatch = Partial<Omit<AppealInput, 'kind' | 'filedOn'>>;

/** An appeal can be recorded whatever the case's state, archived included. */
const ANY_STATUS = { action: 'applications.handle', statuses: APPLICATION_STATUSES, startsHandling: false } as const;

function present(a: ApplicationAppeal) {
  return {
    ...a,
    kindLabel: APPEAL_KIND_LABELS[a.kind],
    resultLabel: APPEAL_RESULT_LABELS[a.result],
  };
}

export type AppealView = ReturnType<typeof present>;

async function caseAppeals(db: Db, applicationId: number): Promise<ApplicationAppeal[]> {
  return db.select().from(applicationAppeals).where(eq(applicationAppeals.applicationId, applicationId)).orderBy(asc(applicationAppeals.filedOn), asc(applicationAppeals.id));
}

/** The record's facts checked by the domain rule against the case (throws 400). */
function check(facts: AppealFacts, c: CaseChange, others: readonly ApplicationAppeal[]): void {
  const { kase, env } = c;
  const floor = kase.repliedOn ? { date: kase.repliedOn, label: '答复日期' } : { date: kase.receivedOn, label: '收到申请之日' };
  const reconsiderationsFiledOn = others.filter((o) => o.kind === 'reconsideration').map((o) => o.filedOn);
  const problem = appealProblem(facts, { today: env.today, floor, reconsiderationsFiledOn });
  if (problem) throw invalid(problem);
}

/**
 * 结果纠正: the case is handled again. A replied or closed case is open again (its reply, outcome and
 * closing are cleared from the case and kept in the event, so the first handling stays on record);
 * the 'reopened' event carries the decision's date, which the clock makes the due date.
 */
async function reopen(c: CaseChange, appeal: ApplicationAppeal, dueOn: string): Promise<void> {
  const { tx, ctx, kase } = c;
  const previous = { status: kase.status, outcome: kase.outcome, repliedOn: kase.repliedOn, closedOn: kase.closedOn };
  if (!isOpen(kase.status) || kase.status === 'registered') {
    await tx
      .update(applications)
      .set({ status: 'in_progress', outcome: null, outcomeBasis: '', repliedOn: null, closedOn: null, archivedAt: null })
      .where(eq(applications.id, kase.id));
  }
  const by = appeal.authority || appealBodyLabel(appeal.kind);
  const number = appeal.caseNumber ? `（${appeal.caseNumber}）` : '';
  await addEvent(tx, ctx, kase.id, {
    kind: 'reopened',
    on: appeal.decidedOn!,
    note: `${by}${number}就${APPEAL_KIND_LABELS[appeal.kind]}作出纠正决定，本机关重新办理该申请，应于${formatChineseDate(dueOn)}前重新答复。`,
    data: { appealId: appeal.id, appealKind: appeal.kind, authority: appeal.authority, dueOn, previous },
  });
}

function summary(a: Pick<ApplicationAppeal, 'kind' | 'filedOn' | 'result' | 'decidedOn'>, reopenDueOn?: string): string {
  const decided = a.decidedOn ? `，${a.decidedOn} 审结` : '';
  const reopened = reopenDueOn ? `，重新办理，答复期限 ${reopenDueOn}` : '';
  return `${APPEAL_KIND_LABELS[a.kind]}（${a.filedOn} 提起，${APPEAL_RESULT_LABELS[a.result]}${decided}${reopened}）`;
}

export async function recordAppeal(db: Db, ctx: ActionContext, applicationId: number, input: AppealInput) {
  return changeCase(db, ctx, applicationId, { ...ANY_STATUS, audit: 'appeal', what: '登记该申请的行政复议、行政诉讼' }, async (c) => {
    const result = input.result ?? 'pending';
    const facts: AppealFacts = { kind: input.kind, filedOn: input.filedOn, result, decidedOn: input.decidedOn ?? null, reopenDueOn: input.reopenDueOn ?? null };
    check(facts, c, await caseAppeals(c.tx, applicationId));
    const [appeal] = await c.tx
      .insert(applicationAppeals)
      .values({
        applicationId,
        kind: input.kind,
        filedOn: input.filedOn,
        authority: factText(input.authority, appealBodyLabel(input.kind), 100, false),
        caseNumber: factText(input.caseNumber, '案号', 100, false),
        result,
        decidedOn: facts.decidedOn,
        note: factText(input.note, '备注', 2000, false),
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning();
    if (result === 'corrected') await reopen(c, appeal!, input.reopenDueOn!);
    return { summary: `登记${summary(appeal!, input.reopenDueOn)}`, result: present(appeal!) };
  });
}

/** The result and its date (and the authority, case number, note) of an appeal already recorded. */
export async function updateAppeal(db: Db, ctx: ActionContext, applicationId: number, appealId: number, patch: AppealPatch) {
  return changeCase(db, ctx, applicationId, { ...ANY_STATUS, audit: 'appeal', what: '更新该申请的行政复议、行政诉讼' }, async (c) => {
    const all = await caseAppeals(c.tx, applicationId);
    const before = all.find((a) => a.id === appealId);
    if (!before) throw notFound('找不到该申请的这项行政复议、行政诉讼');
    let result = before.result;
    let decidedOn = before.decidedOn;
    let newlyCorrected = false;
    if (before.result === 'corrected') {
      // The case was reopened on that decision: its result, date and new due date are history now.
      const changed = (patch.result !== undefined && patch.result !== 'corrected') || (patch.decidedOn !== undefined && patch.decidedOn !== before.decidedOn) || patch.reopenDueOn !== undefined;
      if (changed) throw conflict('该项已登记为结果纠正并已重新办理，结果、审结日期和重新答复期限不能再更改');
    } else {
      result = patch.result ?? before.result;
      decidedOn = patch.decidedOn !== undefined ? patch.decidedOn : result === 'pending' ? null : before.decidedOn;
      newlyCorrected = result === 'corrected';
      check({ kind: before.kind, filedOn: before.filedOn, result, decidedOn, reopenDueOn: patch.reopenDueOn ?? null }, c, all.filter((a) => a.id !== appealId));
    }
    const [after] = await c.tx
      .update(applicationAppeals)
      .set({
        result,
        decidedOn,
        ...(patch.authority !== undefined ? { authority: factText(patch.authority, appealBodyLabel(before.kind), 100, false) } : {}),
        ...(patch.caseNumber !== undefined ? { caseNumber: factText(patch.caseNumber, '案号', 100, false) } : {}),
        ...(patch.note !== undefined ? { note: factText(patch.note, '备注', 2000, false) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(applicationAppeals.id, appealId))
      .returning();
    if (newlyCorrected) await reopen(c, after!, patch.reopenDueOn!);
    return { summary: `更新${summary(after!, newlyCorrected ? patch.reopenDueOn : undefined)}`, result: present(after!) };
  });
}

/** A case's appeals, for anyone who may read the case (the supervisor included). */
export async function listAppeals(db: Db, ctx: ActionContext, applicationId: number): Promise<AppealView[]> {
  const kase = await requireCase(db, applicationId);
  await authorizeCase(db, ctx, 'applications.read', caseTarget(kase), '无权查看该申请');
  return (await caseAppeals(db, applicationId)).map(present);
}

/**
 * Table 四 of the annual report for the organizations' cases: the appeals filed in `year`, each by
 * its result on 31 December (one decided later was still pending then).
 */
export async function appealCounts(db: Db, orgIds: readonly number[], year: number): Promise<AppealTable> {
  if (orgIds.length === 0) return tallyAppeals([], year);
  const rows = await db
    .select({ kind: applicationAppeals.kind, filedOn: applicationAppeals.filedOn, result: applicationAppeals.result, decidedOn: applicationAppeals.decidedOn })
    .from(applicationAppeals)
    .innerJoin(applications, eq(applications.id, applicationAppeals.applicationId))
    .where(and(inArray(applications.orgId, [...orgIds]), gte(applicationAppeals.filedOn, `${year}-01-01`), lte(applicationAppeals.filedOn, `${year}-12-31`)));
  return tallyAppeals(rows, year);
}
