// Deadline reminders for annual reports (issue #6 item 6): each organization that publishes a report
// (src/domain/annual-report-status.ts) and has not yet published last year's is reminded 20 and 5
// working days before its deadline and once after it (src/domain/annual-report-reminders.ts). The
// mail goes to the organization's office heads, who publish the report — or, where it has none, to
// its editors, who write it.
//
// Run by a job every hour: outside the weeks before and after 31 January and 31 March no
// organization is due any reminder and nothing is queried beyond the organizations. Each reminder's
// outbox key names the organization, the year, the stage and the recipient, so it goes once however
// often the job runs; a report published meanwhile makes a queued reminder obsolete when it is sent.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { reportReminderStage, reportYearDue, type ReportReminderStage } from '../../domain/annual-report-reminders.js';
import { publishesAnnualReport, reportDeadline } from '../../domain/annual-report-status.js';
import type { WorkingCalendar } from '../../domain/calendar.js';
import { chinaDate, formatChineseDate, type IsoDate } from '../../domain/dates.js';
import { queueOnce } from '../applications/outbox.js';
import type { MailOutboxRow } from '../applications/schema.js';
import { loadCalendar } from '../calendar/service.js';
import { organizations, type Organization } from '../orgs/schema.js';
import { staffByPreference } from '../orgs/staff.js';
import { annualReports } from './schema.js';

export const REPORT_REMINDER_KIND = 'report_reminder';

const reminderKey = (orgId: number, year: number, stage: ReportReminderStage, userId: number) => `report-reminder:${orgId}:${year}:${stage}:${userId}`;

function reminderText(org: Organization, year: number, stage: ReportReminderStage, today: IsoDate, calendar: WorkingCalendar) {
  const deadline = reportDeadline(org.kind, year);
  const left = calendar.workingDaysBetween(today, deadline);
  const report = `${org.name}${year}年政府信息公开工作年度报告`;
  const subject =
    stage === 'late' ? `逾期提醒：${year}年政府信息公开工作年度报告尚未发布` : `年度报告提醒：${year}年政府信息公开工作年度报告应于${formatChineseDate(deadline)}前发布`;
  const when = stage === 'late' ? `已超过发布期限（${formatChineseDate(deadline)}），请尽快发布` : `发布期限为${formatChineseDate(deadline)}，${left ? `还有 ${left} 个工作日（不含今天）` : '今天是期限前最后一个工作日'}`;
  const body = [
    '您好：',
    `${report}尚未发布，${when}。`,
    org.kind === 'government'
      ? '依照《中华人民共和国政府信息公开条例》第四十九条，县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。'
      : '依照《中华人民共和国政府信息公开条例》第四十九条，县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。',
    '请登录工作台“年度报告”，按系统数据生成草稿，补充、检查后发布。本邮件由系统自动发送，请勿直接回复。',
  ].join('\n\n');
  return { subject, body };
}


/** Adds the report reminders due on `today` to the outbox; returns how many were added. */
export async function queueReportReminders(db: Db, today: IsoDate = chinaDate(new Date())): Promise<number> {
  const calendar = await loadCalendar(db);
  const year = reportYearDue(today);
  const due = (await db.select().from(organizations))
    .filter((o) => publishesAnnualReport(o.kind))
    .map((org) => ({ org, stage: reportReminderStage(today, org.kind, calendar) }))
    .filter((d): d is { org: Organization; stage: ReportReminderStage } => d.stage !== null);
  if (!due.length) return 0;
  const published = new Set(
    (
      await db
        .select({ orgId: annualReports.orgId })
        .from(annualReports)
        .where(and(eq(annualReports.year, year), eq(annualReports.status, 'published'), inArray(annualReports.orgId, due.map((d) => d.org.id))))
    ).map((r) => r.orgId),
  );
  const pending = due.filter((d) => !published.has(d.org.id));
  if (!pending.length) return 0;
  // The office heads publish the report; where there is none, the editors who write it.
  const to = await staffByPreference(db, pending.map((d) => d.org.id), ['office_head', 'editor']);
  const rows = pending.flatMap(({ org, stage }) =>
    (to.get(org.id) ?? []).map((userId) => ({
      kind: REPORT_REMINDER_KIND,
      userId,
      dedupeKey: reminderKey(org.id, year, stage, userId),
      ...reminderText(org, year, stage, today, calendar),
    })),
  );
  return queueOnce(db, rows);
}

/** Why a queued report reminder should no longer go (null: it should): the report was published since. */
export async function reportReminderObsolete(db: Db, row: Pick<MailOutboxRow, 'dedupeKey'>): Promise<string | null> {
  const [, orgId, year] = row.dedupeKey?.split(':') ?? [];
  if (!orgId || !year) return null;
  const [report] = await db
    .select({ status: annualReports.status })
    .from(annualReports)
    .where(and(eq(annualReports.orgId, Number(orgId)), eq(annualReports.year, Number(year))));
  return report?.status === 'published' ? '年度报告已发布，提醒不再发送' : null;
}
