// Reminders of the adoption report (意见采纳情况, issue #7 item 4): a published consultation that has
// closed and whose report is not yet out is reminded 5 working days before the report is due (one
// month after closing) and once after that day (src/domain/consultation.ts, adoptionReminderStage).
// The mail goes to the drafting organization's editors, who answer the comments and publish the
// report — or, where it has none, to its office heads.
//
// Run by a job every hour. Only consultations closed in the last two months and a month can be due
// a reminder, so the query reads those alone. Each reminder's outbox key names the consultation, the
// stage and the recipient, so it goes once however often the job runs; a report published meanwhile
// makes a queued reminder obsolete when it is sent.
import { and, eq, gte, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ADOPTION_LATE_REMINDER_DAYS, adoptionReminderStage, adoptionReportDue, type AdoptionReminderStage } from '../../domain/consultation.js';
import { addDays, addMonths, chinaDate, formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { queueOnce } from '../applications/outbox.js';
import type { MailOutboxRow } from '../applications/schema.js';
import { loadCalendar } from '../calendar/service.js';
import { organizations } from '../orgs/schema.js';
import { staffByPreference } from '../orgs/staff.js';
import { consultations } from './schema.js';

export const ADOPTION_REMINDER_KIND = 'adoption_report_reminder';

const reminderKey = (consultationId: number, stage: AdoptionReminderStage, userId: number) => `adoption-reminder:${consultationId}:${stage}:${userId}`;

function reminderText(c: { title: string; endsOn: IsoDate; orgName: string }, stage: AdoptionReminderStage) {
  const due = adoptionReportDue(c.endsOn);
  const subject = stage === 'late' ? `逾期提醒：《${c.title}》意见采纳情况尚未公布` : `提醒：《${c.title}》意见采纳情况应于${formatChineseDate(due)}前公布`;
  const body = [
    '您好：',
    `${c.orgName}就《${c.title}》公开征求意见已于${formatChineseDate(c.endsOn)}结束，意见采纳情况${stage === 'late' ? `应于${formatChineseDate(due)}前公布，现已逾期，请尽快公布` : `应于${formatChineseDate(due)}前公布`}。`,
    '请登录工作台“公众参与 → 征求意见”，对每条意见作出采纳、部分采纳或未采纳（说明理由）的处理，填写采纳情况说明后公布。本邮件由系统自动发送，请勿直接回复。',
  ].join('\n\n');
  return { subject, body };
}

/** Adds the adoption report reminders due on `today` to the outbox; returns how many were added. */
export async function queueAdoptionReminders(db: Db, today: IsoDate = chinaDate(new Date())): Promise<number> {
  // A reminder is due at most a month and 30 days after closing (the late one's last day).
  const earliestEnd = addMonths(addDays(today, -ADOPTION_LATE_REMINDER_DAYS), -1);
  const open = await db
    .select({ id: consultations.id, orgId: consultations.orgId, title: consultations.title, endsOn: consultations.endsOn, orgName: organizations.name })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.orgId))
    .where(and(isNotNull(consultations.publishedAt), isNull(consultations.reportPublishedAt), lt(consultations.endsOn, today), gte(consultations.endsOn, addDays(earliestEnd, -1))));
  if (!open.length) return 0;
  const calendar = await loadCalendar(db);
  const due = open.flatMap((c) => {
    const stage = adoptionReminderStage(c.endsOn, today, calendar);
    return stage ? [{ c, stage }] : [];
  });
  if (!due.length) return 0;
  const to = await staffByPreference(db, [...new Set(due.map((d) => d.c.orgId))], ['editor', 'office_head']);
  return queueOnce(
    db,
    due.flatMap(({ c, stage }) =>
      (to.get(c.orgId) ?? []).map((userId) => ({ kind: ADOPTION_REMINDER_KIND, userId, dedupeKey: reminderKey(c.id, stage, userId), ...reminderText(c, stage) })),
    ),
  );
}

/** Why a queued adoption report reminder should no longer go (null: it should): the report is out. */
export async function adoptionReminderObsolete(db: Db, row: Pick<MailOutboxRow, 'dedupeKey'>): Promise<string | null> {
  const id = Number(row.dedupeKey?.split(':')[1]);
  if (!id) return null;
  const [c] = await db.select({ reported: consultations.reportPublishedAt }).from(consultations).where(eq(consultations.id, id));
  return c?.reported ? '意见采纳情况已公布，提醒不再发送' : null;
}
