// Keeping an organization's letter templates: list what each letter is issued from (the
// organization's own text or the default), save the organization's own, go back to the default,
// and preview a template filled with a fictional case before saving it.
import { and, eq, sql } from 'drizzle-orm';
import type { ActionContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { invalid } from '../../../errors.js';
import { chinaDate } from '../../../domain/dates.js';
import { authorize } from '../../authorize.js';
import { loadCalendar } from '../../calendar/service.js';
import { recordAudit } from '../../orgs/audit.js';
import { findOrg } from '../../orgs/organizations.js';
import type { Organization } from '../../orgs/schema.js';
import { LETTER_KINDS, letterTemplates, type LetterKind } from '../schema.js';
import { loadApplicationRules, loadFeeSchedule } from '../settings.js';
import { letterOrg } from './case.js';
import { letterNumber, numberPrefix } from './numbering.js';
import { letterGrants } from './policy.js';
import { sampleCase, sampleExtra } from './sample.js';
import { findTemplate, isReplyKey, templateSlots, type EffectiveTemplate } from './store.js';
import { fillTemplate, KIND_PLACEHOLDERS, LETTER_KIND_LABELS, PLACEHOLDERS, REPLY_GROUP_LABELS, TemplateError, templateProblems, type ReplyGroup } from './templates.js';
import { LetterInputError, letterValues } from './values.js';

export interface TemplateInput {
  title: string;
  body: string;
  numberPrefix?: string;
}

async function orgForTemplates(db: Db, ctx: ActionContext, orgId: number, what: string): Promise<Organization> {
  const org = await findOrg(db, orgId);
  if (!org) throw invalid('机构不存在');
  authorize(ctx, letterGrants, 'letters.templates', { orgId: org.id, orgPath: org.path }, `无权${what}该机构的文书模板`);
  return org;
}

function slotLabel(kind: LetterKind, outcome: string): string {
  if (kind !== 'reply') return LETTER_KIND_LABELS[kind];
  return `${LETTER_KIND_LABELS.reply}（${REPLY_GROUP_LABELS[outcome as ReplyGroup] ?? outcome}）`;
}

/** The slot a template is saved in: a kind, and for replies a group of table 三 or one outcome. */
function checkSlot(kind: LetterKind, outcome: string): void {
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw invalid(`未知的文书种类：${kind}`);
  if (kind === 'reply' && !isReplyKey(outcome)) throw invalid(`答复书模板须对应一类答复结果：${outcome || '（未选择）'}`);
  if (kind !== 'reply' && outcome !== '') throw invalid('只有答复书模板按答复结果区分');
}

const PREFIX = /^[\p{Script=Han}A-Za-z0-9]{0,20}$/u;

function checkTemplate(kind: LetterKind, input: TemplateInput): void {
  const problems = templateProblems(kind, input);
  if (input.numberPrefix !== undefined && !PREFIX.test(input.numberPrefix.trim())) problems.push('文号前缀（机关代字）只能由汉字、字母和数字组成，不超过20个字，不含年份和序号');
  if (problems.length > 0) throw invalid(problems.join('；'));
}

export interface TemplateListing extends EffectiveTemplate {
  label: string;
}

/** What each letter of the organization is issued from, and the placeholders each kind may use. */
export async function listTemplates(db: Db, ctx: ActionContext, orgId: number) {
  const org = await orgForTemplates(db, ctx, orgId, '查看');
  const slots = templateSlots();
  // The organization's own templates for single outcomes are listed after the group slots.
  const own = await db.select({ kind: letterTemplates.kind, outcome: letterTemplates.outcome }).from(letterTemplates).where(eq(letterTemplates.orgId, org.id));
  for (const o of own) if (!slots.some((s) => s.kind === o.kind && s.outcome === o.outcome)) slots.push(o);
  const templates: TemplateListing[] = [];
  for (const { kind, outcome } of slots) {
    const t = await findTemplate(db, org.id, kind, outcome);
    templates.push({ ...t, kind, outcome, label: slotLabel(kind, outcome) });
  }
  const placeholders = Object.fromEntries(LETTER_KINDS.map((k) => [k, KIND_PLACEHOLDERS[k].map((name) => ({ name, label: PLACEHOLDERS[name] }))]));
  return { orgId: org.id, orgName: org.name, templates, placeholders };
}

/** Saves the organization's own template for a slot (replacing its previous one). */
export async function saveTemplate(db: Db, ctx: ActionContext, orgId: number, kind: LetterKind, outcome: string, input: TemplateInput): Promise<EffectiveTemplate> {
  checkSlot(kind, outcome);
  checkTemplate(kind, input);
  return db.transaction(async (tx) => {
    const org = await orgForTemplates(tx, ctx, orgId, '修改');
    const values = { title: input.title.trim(), body: input.body.trim(), numberPrefix: (input.numberPrefix ?? '').trim() };
    await tx.execute(sql`
      insert into ${letterTemplates} (org_id, kind, outcome, title, body, number_prefix, updated_by, updated_at)
      values (${org.id}, ${kind}, ${outcome}, ${values.title}, ${values.body}, ${values.numberPrefix}, ${ctx.actor?.userId ?? null}, now())
      on conflict (coalesce(org_id, 0), kind, outcome)
      do update set title = excluded.title, body = excluded.body, number_prefix = excluded.number_prefix, updated_by = excluded.updated_by, updated_at = now()`);
    await recordAudit(tx, ctx, { action: 'application.letter_template_save', orgId: org.id, targetType: 'letter_template', targetId: `${kind}/${outcome}`, summary: `修改文书模板“${slotLabel(kind, outcome)}”` });
    return findTemplate(tx, org.id, kind, outcome);
  });
}

/** Drops the organization's own template: its letters are issued from the default again. */
export async function resetTemplate(db: Db, ctx: ActionContext, orgId: number, kind: LetterKind, outcome: string): Promise<EffectiveTemplate> {
  checkSlot(kind, outcome);
  return db.transaction(async (tx) => {
    const org = await orgForTemplates(tx, ctx, orgId, '修改');
    const deleted = await tx
      .delete(letterTemplates)
      .where(and(eq(letterTemplates.orgId, org.id), eq(letterTemplates.kind, kind), eq(letterTemplates.outcome, outcome)))
      .returning({ id: letterTemplates.id });
    if (deleted.length > 0) {
      await recordAudit(tx, ctx, { action: 'application.letter_template_reset', orgId: org.id, targetType: 'letter_template', targetId: `${kind}/${outcome}`, summary: `文书模板“${slotLabel(kind, outcome)}”恢复为默认模板` });
    }
    return findTemplate(tx, org.id, kind, outcome);
  });
}

export interface PreviewedLetter {
  number: string;
  title: string;
  paragraphs: string[];
}

/** A template (the one given, else the one in use) filled with a fictional case of the organization. */
export async function previewTemplate(db: Db, ctx: ActionContext, orgId: number, kind: LetterKind, outcome: string, input?: TemplateInput): Promise<PreviewedLetter> {
  checkSlot(kind, outcome);
  const org = await orgForTemplates(db, ctx, orgId, '查看');
  if (input) checkTemplate(kind, input);
  const template = input ? { ...input, numberPrefix: input.numberPrefix ?? '' } : await findTemplate(db, org.id, kind, outcome);
  const today = chinaDate(new Date());
  const calendar = await loadCalendar(db);
  const addWorkingDays = (from: string, n: number) => calendar.addWorkingDays(from, n).date;
  const kase = sampleCase(org.code, today, addWorkingDays, kind, outcome);
  try {
    const values = letterValues({ kind, kase, org: await letterOrg(db, org), extra: sampleExtra(kase.outcome), issuedOn: today, rules: await loadApplicationRules(db), feeSchedule: await loadFeeSchedule(db), addWorkingDays });
    return {
      number: letterNumber(numberPrefix(template.numberPrefix, org.name, kind), Number(today.slice(0, 4)), 1),
      title: template.title.trim(),
      paragraphs: fillTemplate(template.body, values, KIND_PLACEHOLDERS[kind]),
    };
  } catch (err) {
    if (err instanceof LetterInputError || err instanceof TemplateError) throw invalid(err.message);
    throw err;
  }
}
