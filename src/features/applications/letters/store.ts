// Letter templates in the database: the defaults (org_id null, seeded from the built-in texts) and
// an organization's own. Looking one up never requires seeding: when the table holds nothing for a
// kind, the built-in default is used, so a fresh install issues letters from its first case.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { LETTER_KINDS, letterTemplates, type LetterKind } from '../schema.js';
import { isOutcomeKey } from '../../../domain/application-outcomes.js';
import { REPLY_GROUPS, defaultTemplate, replyGroupOf, type TemplateText } from './templates.js';

export interface EffectiveTemplate extends TemplateText {
  kind: LetterKind;
  /** The key it is stored under: '' for kinds other than reply, a reply group or an outcome key. */
  outcome: string;
  numberPrefix: string;
  /** Where it comes from: the organization's own, the default row, or the text built into the code. */
  source: 'org' | 'default' | 'builtin';
  id: number | null;
}

/** Every slot a template can fill: one per kind, and one per reply group. */
export function templateSlots(): { kind: LetterKind; outcome: string }[] {
  return LETTER_KINDS.flatMap((kind): { kind: LetterKind; outcome: string }[] =>
    kind === 'reply' ? REPLY_GROUPS.map((g) => ({ kind, outcome: g })) : [{ kind, outcome: '' }],
  );
}

/** Stores the built-in texts as the default templates (org_id null) where none is stored yet. */
export async function seedLetterTemplates(db: Db): Promise<number> {
  const rows = templateSlots().map(({ kind, outcome }) => ({ orgId: null, kind, outcome, ...defaultTemplate(kind, outcome), numberPrefix: '' }));
  const inserted = await db
    .insert(letterTemplates)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: letterTemplates.id });
  return inserted.length;
}

/** The keys a template for this letter may be stored under, most specific first. */
function outcomeKeys(kind: LetterKind, outcome: string): string[] {
  if (kind !== 'reply') return [''];
  return outcome.includes('.') ? [outcome, replyGroupOf(outcome)] : [outcome];
}

/**
 * The template a letter is issued from: the organization's own for the outcome, else for its group,
 * else the default row (outcome, then group), else the built-in text.
 */
export async function findTemplate(db: Db, orgId: number, kind: LetterKind, outcome = ''): Promise<EffectiveTemplate> {
  const keys = outcomeKeys(kind, outcome);
  const rows = await db
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.kind, kind), inArray(letterTemplates.outcome, keys), or(eq(letterTemplates.orgId, orgId), isNull(letterTemplates.orgId))));
  const rank = (r: (typeof rows)[number]) => (r.orgId === null ? keys.length : 0) + keys.indexOf(r.outcome);
  const best = rows.sort((a, b) => rank(a) - rank(b))[0];
  if (best) {
    return { kind, outcome: best.outcome, title: best.title, body: best.body, numberPrefix: best.numberPrefix, source: best.orgId === null ? 'default' : 'org', id: best.id };
  }
  const group = kind === 'reply' ? replyGroupOf(outcome) : '';
  return { kind, outcome: group, ...defaultTemplate(kind, group), numberPrefix: '', source: 'builtin', id: null };
}

/** A key a reply template may be stored under: a group of table 三 or one outcome. */
export function isReplyKey(outcome: string): boolean {
  return (REPLY_GROUPS as readonly string[]).includes(outcome) || isOutcomeKey(outcome);
}
