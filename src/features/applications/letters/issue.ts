// Issuing a letter of a case: the organization's template (else the default), filled from the case
// and what staff give, numbered per organization, kind and year, stored with the paragraphs as
// issued (the Word file is rendered from them, so a later template edit never changes a letter that
// went out), and audited without personal data. Runs in the caller's transaction, so the case's use
// cases (the reply, the correction notice …) can issue their letter together with their fact.
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { conflict, invalid } from '../../../errors.js';
import { chinaDate, compareDates, formatChineseDate, isIsoDate } from '../../../domain/dates.js';
import { loadCalendar } from '../../calendar/service.js';
import { recordAudit } from '../../orgs/audit.js';
import { authorizeCase } from '../policy.js';
import { loadApplicationRules, loadFeeSchedule } from '../settings.js';
import { applicationLetters, type ApplicationLetter, type LetterKind } from '../schema.js';
import { letterCase, letterOrg, loadCase } from './case.js';
import { letterNumber, letterSerialScope, numberPrefix } from './numbering.js';
import { nextSerial } from '../serials.js';
import { letterStep, linkLetterToStep } from './step.js';
import { findTemplate } from './store.js';
import { enqueueLetterMail } from '../notify.js';
import { fillTemplate, KIND_PLACEHOLDERS, LETTER_KIND_LABELS, TemplateError, TO_APPLICANT } from './templates.js';
import { letterValues, LetterInputError, replyOutcome, type LetterExtra } from './values.js';

const NOT_YOURS = '无权为该机构的申请出具文书';

function issuedOnOf(extra: LetterExtra, receivedOn: string): string {
  const today = chinaDate(new Date());
  const issuedOn = extra.issuedOn ?? today;
  if (!isIsoDate(issuedOn)) throw invalid(`出具日期不是有效日期：${String(issuedOn)}`);
  if (compareDates(issuedOn, today) > 0) throw invalid(`出具日期（${formatChineseDate(issuedOn)}）不能晚于今天`);
  if (compareDates(issuedOn, receivedOn) < 0) throw invalid(`出具日期（${formatChineseDate(issuedOn)}）不能早于收到申请之日（${formatChineseDate(receivedOn)}）`);
  return issuedOn;
}

/** Personal data never goes into a letter: an ID number typed into a free-text field is refused. */
function refuseIdNumber(paragraphs: string[], idNumber: string | undefined): void {
  const id = idNumber?.replace(/\s+/g, '');
  if (id && id.length >= 6 && paragraphs.some((p) => p.replace(/\s+/g, '').toUpperCase().includes(id.toUpperCase()))) {
    throw invalid('文书中不得出现申请人的身份证件号码');
  }
}

export async function issueLetter(tx: Db, ctx: ActionContext, applicationId: number, kind: LetterKind, extra: LetterExtra = {}): Promise<ApplicationLetter> {
  const { application: a, org } = await loadCase(tx, applicationId);
  await authorizeCase(tx, ctx, 'applications.handle', { orgId: org.id, orgPath: org.path }, NOT_YOURS);
  if (a.status === 'archived') throw invalid('该申请已归档，不能再出具文书');

  const issuedOn = issuedOnOf(extra, a.receivedOn);
  const kase = letterCase(a);
  let paragraphs: string[];
  let template;
  try {
    const outcome = kind === 'reply' ? replyOutcome(kase, extra) : '';
    template = await findTemplate(tx, org.id, kind, outcome);
    const calendar = await loadCalendar(tx);
    const values = letterValues({
      kind,
      kase,
      org: await letterOrg(tx, org),
      extra,
      issuedOn,
      rules: await loadApplicationRules(tx),
      feeSchedule: await loadFeeSchedule(tx),
      addWorkingDays: (from, n) => calendar.addWorkingDays(from, n).date,
    });
    paragraphs = fillTemplate(template.body, values, KIND_PLACEHOLDERS[kind]);
  } catch (err) {
    if (err instanceof LetterInputError || err instanceof TemplateError) throw invalid(err.message);
    throw err;
  }
  refuseIdNumber(paragraphs, a.applicant.idNumber);

  const year = Number(issuedOn.slice(0, 4));
  const serial = await nextSerial(tx, letterSerialScope(org.code, kind, year));
  const number = letterNumber(numberPrefix(template.numberPrefix, org.name, kind), year, serial);
  // Two organizations whose names abbreviate alike (or a prefix copied from another office) would
  // collide on the unique 文号: say so instead of failing on the index.
  const [taken] = await tx.select({ id: applicationLetters.id }).from(applicationLetters).where(eq(applicationLetters.number, number));
  if (taken) throw conflict(`文号“${number}”已被其他文书使用，请在文书模板中为本机关设置文号前缀（机关代字）`);

  const [letter] = await tx
    .insert(applicationLetters)
    .values({
      applicationId: a.id,
      kind,
      number,
      year,
      serial,
      issuedOn,
      title: template.title,
      paragraphs,
      toApplicant: TO_APPLICANT[kind],
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'application.letter_issue',
    orgId: org.id,
    targetType: 'application_letter',
    targetId: letter.id,
    summary: `出具${LETTER_KIND_LABELS[kind]}${number}（申请编号 ${a.number}）`,
  });
  // The applicant gets the letter by mail too when they gave an address (in this transaction: no letter, no mail).
  await enqueueLetterMail(tx, letter, { id: a.id, number: a.number, receivedOn: a.receivedOn, orgName: org.name, applicantEmail: a.applicant.email });
  return letter;
}

/**
 * issueLetter in a transaction of its own (the API's POST). With `eventId`, the letter is issued for
 * that step of the case (./step.ts): completed from it, and shown beside it on the timeline.
 */
export async function issueLetterNow(db: Db, ctx: ActionContext, applicationId: number, kind: LetterKind, extra: LetterExtra = {}, eventId?: number): Promise<ApplicationLetter> {
  return db.transaction(async (tx) => {
    if (eventId === undefined) return issueLetter(tx, ctx, applicationId, kind, extra);
    // Authorized before the step is looked at, so that its existence is not told to others.
    const { org } = await loadCase(tx, applicationId);
    await authorizeCase(tx, ctx, 'applications.handle', { orgId: org.id, orgPath: org.path }, NOT_YOURS);
    const step = await letterStep(tx, applicationId, eventId, kind, extra);
    const letter = await issueLetter(tx, ctx, applicationId, kind, step.extra);
    await linkLetterToStep(tx, eventId, letter.id);
    return letter;
  });
}
