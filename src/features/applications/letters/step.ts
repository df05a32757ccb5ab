// A letter issued for a step of the case (the correction notice for the 告知补正 recorded, the reply
// letter for the reply …): the step's event is checked to be of this case and of the kind the
// letter belongs to, what the step recorded fills what the letter would otherwise ask for again
// (the items to correct, the party consulted, the fee, the date), and the event then carries the
// letter's id, so the timeline shows the letter beside its step. The latest letter issued for a step
// is the one it shows; earlier ones stay in the case's letters.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { invalid } from '../../../errors.js';
import type { ProcessingFeeInput } from '../../../domain/processing-fee.js';
import { EVENT_KINDS, type EventKind } from '../events.js';
import { applicationEvents, type ApplicationEvent, type LetterKind } from '../schema.js';
import { LETTER_KIND_LABELS, LETTER_STEP } from './templates.js';
import type { LetterExtra } from './values.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** What the step recorded, as the letter's fields (what staff give explicitly wins). */
function fromStep(event: ApplicationEvent): LetterExtra {
  const d = event.data;
  switch (event.kind as EventKind) {
    case 'correction_notice':
      return { correctionItems: str(d.items), correctionDays: typeof d.periodDays === 'number' ? d.periodDays : undefined };
    case 'extension':
      return { extensionReason: str(d.reason) };
    case 'consultation_sent':
      return { party: str(d.party), consultedInformation: str(d.subject) };
    case 'fee_notice':
      if (d.scheme === 'per_page' && typeof d.pages === 'number') return { fee: { scheme: 'per_page', pages: d.pages } satisfies ProcessingFeeInput };
      if (d.scheme === 'per_application' && typeof d.countInMonth === 'number') return { fee: { scheme: 'per_application', countInMonth: d.countInMonth } };
      return {};
    default:
      return {};
  }
}

/**
 * The step's event, checked, and the letter's fields completed from it: the letter is dated the day
 * of the step unless staff say otherwise. Throws 400 when the event is not this case's or not the
 * step this kind of letter is for.
 */
export async function letterStep(tx: Db, applicationId: number, eventId: number, kind: LetterKind, extra: LetterExtra): Promise<{ event: ApplicationEvent; extra: LetterExtra }> {
  const [event] = await tx.select().from(applicationEvents).where(eq(applicationEvents.id, eventId));
  if (!event || event.applicationId !== applicationId) throw invalid('找不到该申请的这一办理步骤');
  const step = LETTER_STEP[kind];
  if (event.kind !== step) {
    const label = EVENT_KINDS[event.kind as EventKind]?.label ?? event.kind;
    throw invalid(`${LETTER_KIND_LABELS[kind]}应对应“${EVENT_KINDS[step].label}”步骤，所选步骤为“${label}”`);
  }
  const given = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as LetterExtra;
  const filled = Object.fromEntries(Object.entries(fromStep(event)).filter(([, v]) => v !== undefined)) as LetterExtra;
  return { event, extra: { issuedOn: event.on, ...filled, ...given } };
}

/** The step's event shows this letter. */
export async function linkLetterToStep(tx: Db, eventId: number, letterId: number): Promise<void> {
  await tx.update(applicationEvents).set({ letterId }).where(eq(applicationEvents.id, eventId));
}
