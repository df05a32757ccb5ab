// Annual report deadline reminders through the outbox to a real SMTP server (issue #6 item 6): who is
// reminded (office heads, else editors; no village committee, no government in January), when (20 and
// 5 working days before 31 January 2026, whose January has a 调休 Sunday), once, and not after the
// report is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { sendPendingMail } from '../../mail/sender.js';
import { startTestSmtp, type TestSmtp } from '../../mail/test-smtp.js';
import { createMailer } from '../../mail/transport.js';
import { mailOutbox } from '../applications/schema.js';
import { prepareOutboxMail } from '../applications/notify.js';
import { organizations, users } from '../orgs/schema.js';
import { queueReportReminders } from './reminders.js';
import { annualReports } from './schema.js';

let t: TestApp;
let smtp: TestSmtp;
const db = () => t.database.db;
const ids = new Map<string, number>();

/** The queued report reminders: recipient's username and stage, in order. */
async function queued() {
  const rows = await db()
    .select({ key: mailOutbox.dedupeKey, userId: mailOutbox.userId, status: mailOutbox.status, lastError: mailOutbox.lastError })
    .from(mailOutbox)
    .where(like(mailOutbox.dedupeKey, 'report-reminder:%'))
    .orderBy(mailOutbox.id);
  const names = new Map([...ids].map(([k, v]) => [v, k]));
  return rows.map((r) => ({ to: names.get(r.userId!), stage: r.key!.split(':')[3], status: r.status, lastError: r.lastError }));
}

const publish = async (code: string) => {
  const [org] = await db().select().from(organizations).where(eq(organizations.code, code));
  await db().insert(annualReports).values({ orgId: org!.id, year: 2025, status: 'published', source: 'entered', tables: {} as never, sections: {} as never, publishedAt: new Date('2026-01-20T02:00:00Z') });
};

beforeAll(async () => {
  [t, smtp] = await Promise.all([startTestApp(), startTestSmtp()]);
  for (const u of await db().select({ id: users.id, username: users.username }).from(users)) ids.set(u.username, u.id);
  await db().update(users).set({ email: 'wu@zjj.example.gov.cn' }).where(eq(users.username, 'zjj_editor'));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('annual report reminders', () => {
  it('start 20 working days before 31 January, to the office head or else the editors, once', async () => {
    // 2 January 2026 is a holiday and 4 January a 调休 Sunday: 21 working days are left on the 2nd.
    expect(await queueReportReminders(db(), '2026-01-02')).toBe(0);
    const added = await queueReportReminders(db(), '2026-01-04');
    expect(await queueReportReminders(db(), '2026-01-05')).toBe(0);
    const early = await queued();
    expect(added).toBe(early.length);
    expect(early.every((r) => r.stage === 'early' && r.status === 'pending')).toBe(true);
    const to = early.map((r) => r.to);
    // 教育局 has an office head: only he; 住建局 and 城关镇 have editors only.
    expect(to).toEqual(expect.arrayContaining(['jyj_head', 'zjj_editor', 'cgz_editor']));
    expect(to).not.toContain('jyj_editor');
    // The government's report is due in March; a supervisor or administrator writes no report.
    expect(to).not.toContain('sxx_editor');
    expect(to).not.toContain('admin');
    expect(new Set(to).size).toBe(to.length);
  });

  it('finally 5 working days before, except where the report is published; a queued one goes unsent once it is', async () => {
    await publish('jyj');
    // 26 January: 27–30 January are left (4 working days).
    await queueReportReminders(db(), '2026-01-26');
    const final = (await queued()).filter((r) => r.stage === 'final');
    expect(final.map((r) => r.to)).toEqual(expect.arrayContaining(['zjj_editor', 'cgz_editor']));
    expect(final.map((r) => r.to)).not.toContain('jyj_head');

    await publish('cgz');
    const mailer = createMailer({ smtpUrl: smtp.url, from: '示例县政府信息公开 <gk@example.gov.cn>' })!;
    await sendPendingMail(db(), mailer, prepareOutboxMail);
    const after = await queued();
    expect(after.filter((r) => r.to === 'cgz_editor').map((r) => [r.status, r.lastError])).toEqual([
      ['skipped', '年度报告已发布，提醒不再发送'],
      ['skipped', '年度报告已发布，提醒不再发送'],
    ]);
    // 住建局's editor has an address: both reminders reach him, the last with the days left.
    const mails = smtp.received.filter((m) => m.to.includes('wu@zjj.example.gov.cn'));
    expect(mails.map((m) => m.subject)).toEqual([
      '年度报告提醒：2025年政府信息公开工作年度报告应于2026年1月31日前发布',
      '年度报告提醒：2025年政府信息公开工作年度报告应于2026年1月31日前发布',
    ]);
    expect(mails[1]!.text).toContain('还有 4 个工作日（不含今天）');
    expect(mails[1]!.text).toContain('第四十九条');
  });

  it('once late after the deadline, and the government’s in March', async () => {
    await queueReportReminders(db(), '2026-02-02');
    await queueReportReminders(db(), '2026-02-10');
    const late = (await queued()).filter((r) => r.stage === 'late');
    expect(late.map((r) => r.to)).toContain('zjj_editor');
    expect(late.filter((r) => r.to === 'zjj_editor')).toHaveLength(1);
    expect(late.map((r) => r.to)).not.toContain('jyj_head');
    await queueReportReminders(db(), '2026-03-24');
    const government = (await queued()).filter((r) => r.to === 'sxx_editor');
    expect(government.map((r) => r.stage)).toEqual(['final']);
  });
});
