// Due-date reminders to the staff handling a case (issue #5 item 10): 5 and 2 working days before
// the reply due date and once when it has passed (src/domain/deadline-reminders.ts), to the case's
// handler — or, while nobody has taken it up, to the office heads of its organization. A case whose
// clock is paused (consultation, fee) or waiting for a correction gets none: its due date is not
// running out.
//
// Run by a job every half hour: one indexed query over the open cases due within the next 6 working
// days or already late. Each reminder's outbox key names the case, its due date, the stage and the
// recipient, so it goes once however often the job runs — and a due date that moves (an extension,
// a recomputed calendar) starts the reminders afresh. Users without an email address still get a
// row (skipped when sent): the workbench's traffic lights show the same due dates.
import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { chinaDate, formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { reminderHorizon, reminderStage, type ReminderStage } from '../../domain/deadline-reminders.js';
import type { WorkingCalendar } from '../../domain/calendar.js';
import { loadCalendar } from '../calendar/service.js';
import { organizations, users } from '../orgs/schema.js';
import { staffByPreference } from '../orgs/staff.js';
import { isOpen, OPEN_STATUSES } from './events.js';
import { queueOnce } from './outbox.js';
import { applications, type MailOutboxRow } from './schema.js';

interface DueCase {
  id: number;
  number: string;
  orgId: number;
  orgName: string;
  receivedOn: string;
  dueOn: string;
  /** The handler, if any and still active. */
  assigneeId: number | null;
}

const reminderKey = (c: DueCase, stage: ReminderStage, userId: number) => `reminder:${c.id}:${c.dueOn}:${stage}:${userId}`;

function reminderText(c: DueCase, stage: ReminderStage, today: IsoDate, calendar: WorkingCalendar): { subject: string; body: string } {
  const left = calendar.workingDaysBetween(today, c.dueOn);
  const late = calendar.workingDaysBetween(c.dueOn, today);
  const when =
    stage === 'overdue' ? `已超过答复期限${late ? ` ${late} 个工作日` : ''}` : left === 0 ? '今天是答复期限的最后一天' : `距答复期限还有 ${left} 个工作日（不含今天）`;
  const subject =
    stage === 'overdue' ? `超期提醒：申请 ${c.number} 已超过答复期限` : `办理提醒：申请 ${c.number} ${left === 0 ? '今天到期' : `还有 ${left} 个工作日到期`}`;
  const body = [
    '您好：',
    `${c.orgName}的政府信息公开申请 ${c.number}（收到申请之日：${formatChineseDate(c.receivedOn)}），答复期限为${formatChineseDate(c.dueOn)}，${when}。`,
    ...(c.assigneeId === null ? ['该申请尚未确定承办人，请及时指定。'] : []),
    '依照《中华人民共和国政府信息公开条例》第三十三条，应当在答复期限内答复申请人；确需延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人。',
    '请登录工作台办理。本邮件由系统自动发送，请勿直接回复。',
  ].join('\n\n');
  return { subject, body };
}

async function dueCases(db: Db, horizon: IsoDate): Promise<DueCase[]> {
  const assignee = alias(users, 'assignee');
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      orgId: applications.orgId,
      orgName: organizations.name,
      receivedOn: applications.receivedOn,
      dueOn: applications.dueOn,
      assigneeId: applications.assigneeId,
      assigneeActive: assignee.active,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .leftJoin(assignee, eq(assignee.id, applications.assigneeId))
    .where(and(inArray(applications.status, [...OPEN_STATUSES]), eq(applications.clockState, 'running'), isNotNull(applications.dueOn), lte(applications.dueOn, horizon)));
  // A handler who has left is no one to remind: the office heads are, as for a case nobody took up.
  return rows.map(({ assigneeActive, ...r }) => ({ ...r, dueOn: r.dueOn!, assigneeId: assigneeActive ? r.assigneeId : null }));
}


/** Adds the reminders due on `today` to the outbox; returns how many were added. */
export async function queueDeadlineReminders(db: Db, today: IsoDate = chinaDate(new Date())): Promise<number> {
  const calendar = await loadCalendar(db);
  const due = (await dueCases(db, reminderHorizon(today, calendar)))
    .map((c) => ({ c, stage: reminderStage(today, c.dueOn, calendar) }))
    .filter((d): d is { c: DueCase; stage: ReminderStage } => d.stage !== null);
  if (!due.length) return 0;
  // The office heads of each organization, for cases nobody has taken up.
  const heads = await staffByPreference(db, [...new Set(due.filter((d) => d.c.assigneeId === null).map((d) => d.c.orgId))], ['office_head']);
  const rows = due.flatMap(({ c, stage }) => {
    const to = c.assigneeId !== null ? [c.assigneeId] : (heads.get(c.orgId) ?? []);
    return to.map((userId) => ({ kind: 'reminder', applicationId: c.id, userId, dedupeKey: reminderKey(c, stage, userId), ...reminderText(c, stage, today, calendar) }));
  });
  return queueOnce(db, rows);
}

/**
 * Why a queued reminder should no longer go (null: it should): the case was replied to or closed,
 * its clock was paused, or its due date moved since (a reminder for the new date is queued instead).
 */
export async function reminderObsolete(db: Db, row: Pick<MailOutboxRow, 'applicationId' | 'dedupeKey'>): Promise<string | null> {
  const dueOn = row.dedupeKey?.split(':')[2];
  if (row.applicationId === null || !dueOn) return null;
  const [kase] = await db
    .select({ status: applications.status, clockState: applications.clockState, dueOn: applications.dueOn })
    .from(applications)
    .where(eq(applications.id, row.applicationId));
  if (!kase || !isOpen(kase.status)) return '申请已答复或办结，提醒不再发送';
  if (kase.clockState !== 'running') return '答复期限已中止计算，提醒不再发送';
  if (kase.dueOn !== dueOn) return '答复期限已变更，提醒不再发送';
  return null;
}
