// The rules of public consultation (征求意见, RULES.md §4; 重大行政决策程序暂行条例第十五条, 乐清要点):
// the period is at least 30 calendar days, a shorter one states why, publicly; after it closes
// every comment gets a disposition — adopted, partly adopted, not adopted, the latter two with a
// reason — and the adoption report is published within one month of closing. Pure.
import type { WorkingCalendar } from './calendar.js';
import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from './dates.js';

export const MIN_PERIOD_DAYS = 30;
/** A comment longer than this is refused (the form says so before sending). */
export const MAX_COMMENT_LENGTH = 2000;

/** The days a consultation is open, its first and last day counted: 3月1日 to 3月30日 is 30 days. */
export const periodDays = (startsOn: IsoDate, endsOn: IsoDate): number => daysBetween(startsOn, endsOn) + 1;

/** What is wrong with a period and its reason (null: nothing). */
export function periodProblem(startsOn: IsoDate, endsOn: IsoDate, shortPeriodReason: string): string | null {
  if (compareDates(endsOn, startsOn) < 0) return '截止日期不能早于开始日期';
  const days = periodDays(startsOn, endsOn);
  if (days < MIN_PERIOD_DAYS && !shortPeriodReason.trim()) {
    return `征求意见期限为 ${days} 天，少于 ${MIN_PERIOD_DAYS} 日，须说明理由（理由将向社会公开）`;
  }
  return null;
}

export type ConsultationPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'reported';

export const PHASE_LABELS: Readonly<Record<ConsultationPhase, string>> = {
  draft: '未发布',
  upcoming: '即将开始',
  open: '征求意见中',
  closed: '已结束',
  reported: '已公布采纳情况',
};

export function consultationPhase(c: { published: boolean; reported: boolean; startsOn: IsoDate; endsOn: IsoDate }, today: IsoDate): ConsultationPhase {
  if (!c.published) return 'draft';
  if (c.reported) return 'reported';
  if (compareDates(today, c.startsOn) < 0) return 'upcoming';
  return compareDates(today, c.endsOn) <= 0 ? 'open' : 'closed';
}

/** Days left to comment, today counted (the last day: 1); 0 once closed. */
export const daysLeft = (endsOn: IsoDate, today: IsoDate): number => Math.max(0, daysBetween(today, endsOn) + 1);

/** The last day to publish the adoption report: one month after the day the consultation closed. */
export const adoptionReportDue = (endsOn: IsoDate): IsoDate => addMonths(endsOn, 1);

/** The adoption report is late from the day after its due date while unpublished. */
export function adoptionReportOverdue(endsOn: IsoDate, reported: boolean, today: IsoDate): boolean {
  return !reported && compareDates(today, adoptionReportDue(endsOn)) > 0;
}

export type AdoptionReminderStage = 'final' | 'late';

/** Working days before the adoption report's due date at which its reminder goes. */
export const ADOPTION_REMINDER_WORKING_DAYS = 5;
/** After this many days past the due date an unpublished report gets no first reminder any more. */
export const ADOPTION_LATE_REMINDER_DAYS = 30;

/**
 * The reminder a closed consultation's unpublished adoption report is due for on `today`: 'final'
 * from the day the consultation closed while at most 5 working days are left before the due date (the
 * due date counting), 'late' in the 30 days after it; null otherwise. Each goes once.
 */
export function adoptionReminderStage(endsOn: IsoDate, today: IsoDate, calendar: WorkingCalendar): AdoptionReminderStage | null {
  if (compareDates(today, endsOn) <= 0) return null;
  const due = adoptionReportDue(endsOn);
  if (compareDates(today, due) > 0) return compareDates(today, addDays(due, ADOPTION_LATE_REMINDER_DAYS)) <= 0 ? 'late' : null;
  return calendar.workingDaysBetween(today, due) <= ADOPTION_REMINDER_WORKING_DAYS ? 'final' : null;
}

export type CommentDisposition = 'adopted' | 'partly_adopted' | 'not_adopted';
export const DISPOSITIONS: readonly CommentDisposition[] = ['adopted', 'partly_adopted', 'not_adopted'];
export const DISPOSITION_LABELS: Readonly<Record<CommentDisposition, string>> = {
  adopted: '采纳',
  partly_adopted: '部分采纳',
  not_adopted: '未采纳',
};

/** A partly or not adopted comment says why (决策条例第十五条: 说明采纳情况及理由). */
export function dispositionProblem(disposition: CommentDisposition, reason: string): string | null {
  return disposition !== 'adopted' && !reason.trim() ? `${DISPOSITION_LABELS[disposition]}的意见须说明理由` : null;
}

/** pending: waiting for moderation; published: shown (anonymised) on the portal; rejected: kept, never shown. */
export type ModerationState = 'pending' | 'published' | 'rejected';
export const MODERATION_LABELS: Readonly<Record<ModerationState, string>> = { pending: '待审核', published: '已公开', rejected: '不予公开' };

/**
 * Why the adoption report cannot be published yet (null: it can): the consultation must have closed,
 * and every comment not rejected must have a disposition.
 */
export function reportProblem(input: { endsOn: IsoDate; today: IsoDate; pending: number; undisposed: number }): string | null {
  if (compareDates(input.today, input.endsOn) <= 0) return '征求意见尚未结束，不能公布采纳情况';
  if (input.pending) return `还有 ${input.pending} 条意见未审核`;
  if (input.undisposed) return `还有 ${input.undisposed} 条意见未作采纳处理`;
  return null;
}

/** The first day the adoption report may be published: the day after closing. */
export const firstReportDay = (endsOn: IsoDate): IsoDate => addDays(endsOn, 1);

// ---- the draft's clauses ----

export interface DraftPart {
  /** The clause number comments point at; null for a heading (第一章 总则) or the title. */
  clause: number | null;
  text: string;
}

const DIGITS = '零一二三四五六七八九';
const ARTICLE = /^第([零〇一二三四五六七八九十百]+)条/;
const HEADING = /^第[零〇一二三四五六七八九十百]+[章节编]/;

/** 一百二十三 → 123 (up to 999, as articles are numbered); null when it is not such a numeral. */
export function chineseNumeral(s: string): number | null {
  const m = /^(?:([一二三四五六七八九])百)?(?:([一二三四五六七八九])?(十))?(?:[零〇])?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return null;
  const [, hundreds, tens, ten, ones] = m;
  return (hundreds ? DIGITS.indexOf(hundreds) * 100 : 0) + (ten ? (tens ? DIGITS.indexOf(tens) : 1) * 10 : 0) + (ones ? DIGITS.indexOf(ones) : 0);
}

/**
 * The draft as the portal shows it, split into parts people comment on. A draft in articles (第一条 …)
 * is numbered by its articles, the paragraphs after an article belonging to it and chapter headings
 * standing alone; any other draft is numbered by paragraph (1, 2, 3 …), so "clause 3" is always what
 * the page calls 3.
 */
export function draftParts(draft: string): DraftPart[] {
  const paragraphs = draft
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const articles = paragraphs.some((p) => ARTICLE.test(p));
  if (!articles) return paragraphs.map((text, i) => ({ clause: i + 1, text }));
  const parts: DraftPart[] = [];
  for (const p of paragraphs) {
    const article = ARTICLE.exec(p);
    const last = parts[parts.length - 1];
    if (article) parts.push({ clause: chineseNumeral(article[1]!) ?? null, text: p });
    else if (HEADING.test(p) || !last || last.clause === null) parts.push({ clause: null, text: p });
    else last.text += `\n${p}`;
  }
  return parts;
}

/** The clause numbers a comment may point at. */
export const clauseNumbers = (draft: string): number[] => draftParts(draft).flatMap((p) => (p.clause === null ? [] : [p.clause]));
