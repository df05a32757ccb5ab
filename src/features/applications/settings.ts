// The rules of the clock and the fee schedule as settings (RULES.md: data with defaults, editable by
// an administrator): APPLICATION_RULE_DEFAULTS and PROCESSING_FEE_DEFAULTS until one is saved. A
// changed rule moves open deadlines, so saving the rules recomputes every open case on record.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { APPLICATION_RULE_DEFAULTS, ruleSettingsProblems, type ApplicationRuleSettings } from '../../domain/application-clock.js';
import { SCREENING_DEFAULTS, type ScreeningSettings } from '../../domain/application-screening.js';
import { feeScheduleProblems, PROCESSING_FEE_DEFAULTS, type ProcessingFeeSchedule } from '../../domain/processing-fee.js';
import { authorize } from '../authorize.js';
import { recordAudit } from '../orgs/audit.js';
import { settings } from '../settings/schema.js';
import { applicationGrants } from './policy.js';
import { recomputeOpenClocks } from './recompute.js';

export const RULES_KEY = 'applications.rules';
export const FEE_SCHEDULE_KEY = 'applications.fee_schedule';
export const SCREENING_KEY = 'applications.screening';

async function stored(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

/** The clock's settings: the stored ones over the defaults (a setting added later keeps its default). */
export async function loadApplicationRules(db: Db): Promise<ApplicationRuleSettings> {
  return { ...APPLICATION_RULE_DEFAULTS, ...((await stored(db, RULES_KEY)) as Partial<ApplicationRuleSettings> | undefined) };
}

export async function loadFeeSchedule(db: Db): Promise<ProcessingFeeSchedule> {
  return ((await stored(db, FEE_SCHEDULE_KEY)) as ProcessingFeeSchedule | undefined) ?? PROCESSING_FEE_DEFAULTS;
}

export async function loadScreeningSettings(db: Db): Promise<ScreeningSettings> {
  return { ...SCREENING_DEFAULTS, ...((await stored(db, SCREENING_KEY)) as Partial<ScreeningSettings> | undefined) };
}

async function save(tx: Db, ctx: ActionContext, key: string, value: unknown, summary: string): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value, updatedBy: ctx.actor?.userId ?? null })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() } });
  await recordAudit(tx, ctx, { action: `settings.${key}`, orgId: ctx.actor?.orgId ?? null, targetType: 'setting', targetId: key, summary });
}

/** Saves the clock's settings and recomputes every open case with them (the history notes what moved). */
export async function saveApplicationRules(db: Db, ctx: ActionContext, rules: ApplicationRuleSettings): Promise<{ rules: ApplicationRuleSettings; recomputed: number }> {
  const problems = ruleSettingsProblems(rules);
  if (problems.length) throw invalid(problems.join('；'), problems);
  return db.transaction(async (tx) => {
    authorize(ctx, applicationGrants, 'applications.settings', null, '只有系统管理员可以修改依申请公开的期限设置');
    const before = await loadApplicationRules(tx);
    const changed = (Object.keys(rules) as (keyof ApplicationRuleSettings)[]).filter((k) => rules[k] !== before[k]);
    await save(tx, ctx, RULES_KEY, rules, `修改依申请公开期限设置：${changed.length ? changed.map((k) => `${k} ${before[k]} → ${rules[k]}`).join('，') : '无变化'}`);
    const recomputed = changed.length ? await recomputeOpenClocks(tx, '依申请公开期限设置变更') : 0;
    return { rules, recomputed };
  });
}

export async function saveFeeSchedule(db: Db, ctx: ActionContext, schedule: ProcessingFeeSchedule): Promise<ProcessingFeeSchedule> {
  const problems = feeScheduleProblems(schedule);
  if (problems.length) throw invalid(problems.join('；'), problems);
  return db.transaction(async (tx) => {
    authorize(ctx, applicationGrants, 'applications.settings', null, '只有系统管理员可以修改信息处理费标准');
    await save(tx, ctx, FEE_SCHEDULE_KEY, schedule, '修改信息处理费收费标准');
    return schedule;
  });
}
