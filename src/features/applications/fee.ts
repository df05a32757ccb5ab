// 信息处理费 (条例第四十二条, 收费办法): when the quantity or frequency clearly exceeds reason the agency
// may charge, by one scheme per application — per application by the applicant's count in the
// calendar month (counted by ID number or credit code across the whole government, this one
// included), or per page. The reply period stops from the notice to payment; unpaid in time, the
// application is no longer processed.
import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import { OUTCOMES } from '../../domain/application-outcomes.js';
import { addDays, formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { processingFee, type FeeScheme, type ProcessingFeeInput } from '../../domain/processing-fee.js';
import { governmentOf } from '../orgs/organizations.js';
import { organizations } from '../orgs/schema.js';
import { sameApplicant } from './applicant-store.js';
import { computeClock } from './clock.js';
import { changeCase, factDate } from './change-case.js';
import { OPEN_STATUSES } from './events.js';
import { addEvent, type LoadedCase } from './records.js';
import { applications, type ApplicationEvent } from './schema.js';
import { loadFeeSchedule } from './settings.js';

const handle = { action: 'applications.handle', statuses: OPEN_STATUSES } as const;
const first = (events: ApplicationEvent[], kind: string) => events.find((e) => e.kind === kind);

function monthOf(d: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = `${d.slice(0, 7)}-01`;
  const next = addDays(from, 32);
  return { from, to: `${next.slice(0, 7)}-01` };
}

/**
 * 收费办法第四条: the applicant's applications received in the calendar month of this one, up to and
 * including it, to any organization of the same government. A case transferred on is the same
 * application as the one it became, so it is not counted twice.
 */
export async function applicantCountInMonth(tx: Db, kase: LoadedCase): Promise<number> {
  const government = await governmentOf(tx, kase.orgPath);
  const root = government?.path ?? kase.orgPath;
  const { from, to } = monthOf(kase.receivedOn);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .where(
      and(
        sameApplicant(kase.applicant),
        sql`${organizations.path} like ${`${root}%`}`,
        gte(applications.receivedOn, from),
        lt(applications.receivedOn, to),
        isNull(applications.transferredToId),
        or(lt(applications.receivedOn, kase.receivedOn), and(eq(applications.receivedOn, kase.receivedOn), sql`${applications.id} <= ${kase.id}`)),
      ),
    );
  return row!.n;
}

export async function sendFeeNotice(db: Db, ctx: ActionContext, id: number, input: { scheme: FeeScheme; pages?: number; on?: string }) {
  return changeCase(db, ctx, id, { ...handle, audit: 'fee_notice', what: '发出收费通知' }, async ({ tx, kase, events, env }) => {
    if (first(events, 'fee_notice')) throw conflict('该申请已经发出过收费通知，每件申请只能按一种标准收费一次');
    let fee;
    let data: Record<string, unknown>;
    try {
      let feeInput: ProcessingFeeInput;
      if (input.scheme === 'per_page') {
        if (input.pages === undefined) throw invalid('按量计收须填写页数');
        feeInput = { scheme: 'per_page', pages: input.pages };
        data = { scheme: input.scheme, pages: input.pages };
      } else {
        const countInMonth = await applicantCountInMonth(tx, kase);
        feeInput = { scheme: 'per_application', countInMonth };
        data = { scheme: input.scheme, countInMonth };
      }
      fee = processingFee(feeInput, await loadFeeSchedule(tx));
    } catch (err) {
      if (err instanceof RangeError) throw invalid(err.message);
      throw err;
    }
    if (fee.amountYuan === 0) throw invalid(`${fee.text}无需发出收费通知`);
    const on = factDate(input.on, kase, env, '收费通知发出日期');
    const payBy = env.calendar.addWorkingDays(on, env.rules.feePaymentDays).date;
    await addEvent(tx, ctx, id, {
      kind: 'fee_notice',
      on,
      note: `${fee.text}依据：${fee.basis}。请于${formatChineseDate(payBy)}前缴纳；自发出收费通知至缴费之日的期间不计入答复期限。`,
      data: { ...data, amountYuan: fee.amountYuan, basis: fee.basis, lines: fee.lines },
    });
    return { summary: `发出收费通知（${fee.amountYuan} 元）`, clockReason: '发出收费通知', on, result: fee };
  });
}

export async function recordFeePaid(db: Db, ctx: ActionContext, id: number, input: { on?: string }) {
  return changeCase(db, ctx, id, { ...handle, audit: 'fee_paid', what: '登记缴费' }, async ({ tx, kase, events, env }) => {
    const notice = first(events, 'fee_notice');
    if (!notice) throw conflict('该申请没有发出收费通知');
    if (first(events, 'fee_paid')) throw conflict('已经登记过缴费');
    const on = factDate(input.on, kase, env, '缴费日期', { date: notice.on, label: '收费通知发出日期' });
    await addEvent(tx, ctx, id, { kind: 'fee_paid', on, note: `申请人缴纳信息处理费 ${notice.data.amountYuan as number} 元。` });
    return { summary: '登记缴费', clockReason: '缴纳信息处理费', on };
  });
}

/** Ends the case with other.unpaid_fee once the payment period has passed without payment. */
export async function lapseFee(db: Db, ctx: ActionContext, id: number) {
  return changeCase(db, ctx, id, { ...handle, audit: 'fee_lapsed', what: '登记逾期未缴费' }, async ({ tx, kase, events, env }) => {
    if (!first(events, 'fee_notice')) throw conflict('该申请没有发出收费通知');
    if (first(events, 'fee_paid')) throw conflict('申请人已经缴费');
    const clock = computeClock(kase.receivedOn, events, env);
    if (clock.ended?.outcome !== 'other.unpaid_fee') throw conflict(`缴费期限至${formatChineseDate(clock.deadlines.feePaymentLastDay!)}，尚未届满`);
    const step = clock.steps.find((s) => s.kind === 'ended' && s.text.includes('信息处理费'));
    await tx.update(applications).set({ status: 'closed', outcome: 'other.unpaid_fee', outcomeBasis: OUTCOMES['other.unpaid_fee'].legalBasis, closedOn: env.today }).where(eq(applications.id, id));
    await addEvent(tx, ctx, id, { kind: 'fee_lapsed', on: env.today, note: step?.text ?? '', data: { lastDay: clock.ended.lastDay } });
    return { summary: '逾期未缴费，不再处理（其他处理·逾期未缴费）' };
  });
}
