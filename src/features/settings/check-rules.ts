// The pre-publication check rules (sensitive words, serious wording errors) as a setting, with
// src/domain/text-checks.ts's defaults until an administrator changes them.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { DEFAULT_CHECK_RULES, type CheckRules } from '../../domain/text-checks.js';
import { authorize } from '../authorize.js';
import { recordAudit } from '../orgs/audit.js';
import { settingsGrants } from './policy.js';
import { settings } from './schema.js';

const KEY = 'check_rules';

export async function loadCheckRules(db: Db): Promise<CheckRules> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  return (row?.value as CheckRules | undefined) ?? DEFAULT_CHECK_RULES;
}

export async function saveCheckRules(db: Db, ctx: ActionContext, rules: CheckRules): Promise<CheckRules> {
  const clean: CheckRules = {
    sensitiveWords: [...new Set(rules.sensitiveWords.map((w) => w.trim()).filter(Boolean))],
    wordingErrors: rules.wordingErrors.map((e) => ({ wrong: e.wrong.trim(), right: e.right.trim() })).filter((e) => e.wrong),
  };
  const bad = clean.wordingErrors.filter((e) => !e.right || e.right === e.wrong);
  if (bad.length) throw invalid(`错误表述须写明正确表述，且与错误表述不同：${bad.map((e) => e.wrong).join('、')}`);
  return db.transaction(async (tx) => {
    authorize(ctx, settingsGrants, 'settings.manage', null, '只有系统管理员和公开办可以修改发布检查规则');
    await tx
      .insert(settings)
      .values({ key: KEY, value: clean, updatedBy: ctx.actor?.userId ?? null })
      .onConflictDoUpdate({ target: settings.key, set: { value: clean, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: 'settings.check_rules',
      orgId: ctx.actor?.orgId ?? null,
      targetType: 'setting',
      targetId: KEY,
      summary: `修改发布检查规则：敏感词 ${clean.sensitiveWords.length} 个，错误表述 ${clean.wordingErrors.length} 条`,
    });
    return clean;
  });
}
