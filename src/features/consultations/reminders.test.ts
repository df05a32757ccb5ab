// Adoption report reminders through the outbox to a real SMTP server (issue #7 item 4): to the drafting
// organization's editors (else its office heads), 5 working days before the report is due (counted
// past 国庆 2025's 调休 Saturday) and once when it is late, each once, and not after the report is out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { sendPendingMail } from '../../mail/sender.js';
import { startTestSmtp, type TestSmtp } from '../../mail/test-smtp.js';
import { createMailer } from '../../mail/transport.js';
import { mailOutbox } from '../applications/schema.js';
import { prepareOutboxMail } from '../applications/notify.js';
import { organizations, users } from '../orgs/schema.js';
import { queueAdoptionReminders } from './reminders.js';
import { consultations } from './schema.js';

let t: TestApp;
let smtp: TestSmtp;
const db = () => t.database.db;
const names = new Map<number, string>();
const mine: number[] = [];

/** A consultation of `code` published and closed on `endsOn` (as staff would have opened it). */
async function closed(code: string, title: string, endsOn: string) {
  const [org] = await db().select().from(organizations).where(eq(organizations.code, code));
  const [c] = await db()
    .insert(consultations)
    .values({ orgId: org!.id, title, draft: '第一条 为了……制定本办法。', startsOn: '2025-08-01', endsOn, publishedAt: new Date('2025-08-01T01:00:00Z') })
    .returning();
  mine.push(c!.id);
  return c!.id;
}

/** The queued adoption reminders of this test's consultations: consultation, stage, recipient, state. */
async function queued() {
  const rows = await db().select().from(mailOutbox).where(like(mailOutbox.dedupeKey, 'adoption-reminder:%')).orderBy(mailOutbox.id);
  return rows
    .map((r) => {
      const [, id, stage] = r.dedupeKey!.split(':');
      return { id: Number(id), stage, to: names.get(r.userId!), status: r.status, lastError: r.lastError, subject: r.subject };
    })
    .filter((r) => mine.includes(r.id));
}

beforeAll(async () => {
  [t, smtp] = await Promise.all([startTestApp(), startTestSmtp()]);
  for (const u of await db().select({ id: users.id, username: users.username }).from(users)) names.set(u.id, u.username);
  await db().update(users).set({ email: 'wangli@jyj.example.gov.cn' }).where(eq(users.username, 'jyj_editor'));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('adoption report reminders', () => {
  let school: number;
  let fees: number;

  it('go to the editors 5 working days before the report is due, once', async () => {
    school = await closed('jyj', '示例县校外培训机构管理办法（征求意见稿）', '2025-09-20');
    fees = await closed('zjj', '示例县物业服务收费管理办法（征求意见稿）', '2025-09-20');
    // Due 20 October 2025; on 12 October (after 国庆 and the 调休 Saturday of the 11th) six working days are left.
    expect(await queueAdoptionReminders(db(), '2025-10-12')).toBe(0);
    await queueAdoptionReminders(db(), '2025-10-13');
    expect(await queueAdoptionReminders(db(), '2025-10-14')).toBe(0);
    const final = await queued();
    // 教育局's editor writes it, not its office head or reviewer; 住建局 has an editor too.
    expect(final.map((r) => [r.id, r.stage, r.to])).toEqual([
      [school, 'final', 'jyj_editor'],
      [fees, 'final', 'zjj_editor'],
    ]);
    expect(final[0]!.subject).toBe('提醒：《示例县校外培训机构管理办法（征求意见稿）》意见采纳情况应于2025年10月20日前公布');
  });

  it('once more when late, except where the report is out; a queued one goes unsent once it is', async () => {
    await db().update(consultations).set({ reportPublishedAt: new Date('2025-10-20T02:00:00Z'), reportSummary: '共收到意见3条。' }).where(eq(consultations.id, fees));
    await queueAdoptionReminders(db(), '2025-10-21');
    await queueAdoptionReminders(db(), '2025-11-10');
    const late = (await queued()).filter((r) => r.stage === 'late');
    expect(late.map((r) => [r.id, r.to])).toEqual([[school, 'jyj_editor']]);

    const mailer = createMailer({ smtpUrl: smtp.url, from: '示例县政府信息公开 <gk@example.gov.cn>' })!;
    await sendPendingMail(db(), mailer, prepareOutboxMail);
    const sent = await queued();
    expect(sent.find((r) => r.id === fees)).toMatchObject({ status: 'skipped', lastError: '意见采纳情况已公布，提醒不再发送' });
    const mails = smtp.received.filter((m) => m.to.includes('wangli@jyj.example.gov.cn'));
    // The outbox sends several at a time: the order of arrival is not the order of queueing.
    expect(mails.map((m) => m.subject).sort()).toEqual([
      '提醒：《示例县校外培训机构管理办法（征求意见稿）》意见采纳情况应于2025年10月20日前公布',
      '逾期提醒：《示例县校外培训机构管理办法（征求意见稿）》意见采纳情况尚未公布',
    ].sort());
    expect(mails.find((m) => m.subject.startsWith('逾期'))!.text).toContain('已于2025年9月20日结束');
    // 30 days after the due date no first reminder goes any more.
    const old = await closed('jyj', '示例县学前教育管理办法（征求意见稿）', '2025-08-20');
    expect(await queueAdoptionReminders(db(), '2025-10-21')).toBe(0);
    expect((await queued()).filter((r) => r.id === old)).toEqual([]);
  });
});
