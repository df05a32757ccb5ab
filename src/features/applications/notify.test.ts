// Mail through a real SMTP server on a local port: the applicant's receipt and letters, the
// handler's due-date reminders across 国庆 2026, and the outbox's behaviour when SMTP is down, when
// there is no address and when mail is off. Also the staff email that reminders go to.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expectRefused, startTestApp, type TestApp, type TestClient } from '../../../test/app.js';
import { loadConfig } from '../../config.js';
import { chinaDate, formatChineseDate } from '../../domain/dates.js';
import { MAIL_MAX_ATTEMPTS } from '../../domain/mail-retry.js';
import { sendPendingMail } from '../../mail/sender.js';
import { deadSmtpUrl, startTestSmtp, type TestSmtp } from '../../mail/test-smtp.js';
import { createMailer, isPermanentFailure, mailErrorText, type Mailer } from '../../mail/transport.js';
import { users } from '../orgs/schema.js';
import { enqueueReceiptMail, prepareOutboxMail } from './notify.js';
import { queueDeadlineReminders } from './reminders.js';
import { applications, mailOutbox } from './schema.js';
import { fact, personForm, registerInPerson, ZHANG_SAN_ID } from './test-fixtures.js';

let t: TestApp;
let smtp: TestSmtp;
let mailer: Mailer;
let visitor: TestClient;
let handler: TestClient;
let admin: TestClient;
let jyj: number;
const userIds = new Map<string, number>();
const today = chinaDate(new Date());

const db = () => t.database.db;
const send = (m: Mailer | null = mailer, now?: Date) => sendPendingMail(db(), m, prepareOutboxMail, { now });
const outboxOf = (applicationId: number) => db().select().from(mailOutbox).where(eq(mailOutbox.applicationId, applicationId)).orderBy(mailOutbox.id);
const refused = (s: () => Promise<LightMyRequestResponse>, status: number, message: string | RegExp) => expectRefused(t, s, status, message);

beforeAll(async () => {
  [t, smtp] = await Promise.all([startTestApp(), startTestSmtp()]);
  mailer = createMailer({ smtpUrl: smtp.url, from: '示例县政府信息公开 <gk@example.gov.cn>' })!;
  [visitor, handler, admin] = await Promise.all([t.client(), t.client('jyj_handler'), t.client('admin')]);
  jyj = (await visitor.get('/api/v1/applications/options')).json().organizations.find((o: { code: string }) => o.code === 'jyj').id;
  for (const u of (await admin.get('/api/v1/users')).json().items as { id: number; username: string }[]) userIds.set(u.username, u.id);
});
afterAll(async () => {
  mailer?.close();
  await Promise.all([t?.close(), smtp?.close()]);
});

// Each test sends only its own mail: what the demo (or an earlier test) queued is set aside.
beforeEach(async () => {
  await db().update(mailOutbox).set({ status: 'skipped', lastError: 'test' }).where(eq(mailOutbox.status, 'pending'));
  smtp.received.length = 0;
});

describe('mail to the applicant', () => {
  it('sends the receipt of an online application with its number and due date, but not the query code', async () => {
    const res = await visitor.send('POST', '/api/v1/applications', personForm(jyj));
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as { number: string; queryCode: string; dueOn: string };
    const [kase] = await db().select({ id: applications.id }).from(applications).where(eq(applications.number, receipt.number));
    // Intake queued it in its transaction; queuing again adds nothing.
    expect(await db().transaction((tx) => enqueueReceiptMail(tx, kase!.id))).toBe(false);
    const rows = await outboxOf(kase!.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ kind: 'receipt', status: 'pending', userId: null });
    expect(JSON.stringify(row)).not.toContain('zhangsan@example.com');

    expect(await send()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['zhangsan@example.com']);
    expect(mail.from).toBe('gk@example.gov.cn');
    expect(mail.subject).toBe(`政府信息公开申请回执（申请编号 ${receipt.number}）`);
    expect(mail.text).toContain(`申请编号：${receipt.number}`);
    expect(mail.text).toContain(`答复期限：${formatChineseDate(receipt.dueOn)}`);
    expect(mail.text).toContain('示例县教育局');
    expect(mail.raw).not.toContain(receipt.queryCode);
    expect(mail.raw).not.toContain(ZHANG_SAN_ID);
    expect((await outboxOf(kase!.id))[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: '' });
    expect(await send()).toBe(0);
  });

  it('sends a letter to the applicant with its Word file attached, and none for a consultation letter', async () => {
    const a = await registerInPerson(handler, jyj, today);
    await fact(handler, a.id, 'reply', { outcome: 'disclosed' });
    const res = await handler.send('POST', `/api/v1/applications/${a.id}/letters`, { kind: 'reply' });
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json() as { id: number; number: string; title: string };
    const cons = await handler.send('POST', `/api/v1/applications/${a.id}/letters`, { kind: 'consultation_letter', party: '示例县某某公司', consultedInformation: '合同报价' });
    expect(cons.statusCode, cons.body).toBe(201);
    const rows = await outboxOf(a.id);
    // The registration's receipt, then the reply letter; nothing for the consultation letter.
    expect(rows.map((r) => [r.kind, r.letterId])).toEqual([
      ['receipt', null],
      ['letter', letter.id],
    ]);

    expect(await send()).toBe(2);
    const mail = smtp.received.find((m) => m.attachments.length)!;
    expect(mail.to).toEqual(['zhangsan@example.com']);
    expect(mail.subject).toBe(`${letter.title}（申请编号 ${a.number}）`);
    expect(mail.text).toContain(`《${letter.title}》（${letter.number}）`);
    expect(mail.attachments).toHaveLength(1);
    const [file] = mail.attachments;
    expect(file!.filename).toBe(`${letter.title}（${letter.number}）.docx`);
    expect(file!.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file!.content.subarray(0, 2).toString('latin1')).toBe('PK');
    // The same file the download gives.
    const download = await handler.get(`/api/v1/applications/letters/${letter.id}/docx`);
    expect(download.rawPayload.length).toBeGreaterThan(1000);
    expect(mail.raw).not.toContain(ZHANG_SAN_ID);
  });

  it('queues nothing for an applicant who gave no email address', async () => {
    const form = personForm(jyj);
    const { email: _email, ...applicant } = form.applicant;
    const a = await registerInPerson(handler, jyj, today, { applicant, delivery: ['post'] });
    expect(await db().transaction((tx) => enqueueReceiptMail(tx, a.id))).toBe(false);
    await fact(handler, a.id, 'reply', { outcome: 'disclosed' });
    expect((await handler.send('POST', `/api/v1/applications/${a.id}/letters`, { kind: 'reply' })).statusCode).toBe(201);
    expect(await outboxOf(a.id)).toEqual([]);
  });
});

describe('the outbox', () => {
  async function queued(): Promise<number> {
    const a = await registerInPerson(handler, jyj, today);
    await db().transaction((tx) => enqueueReceiptMail(tx, a.id));
    return a.id;
  }

  it('keeps a mail when the SMTP server is down and sends it on a later attempt', async () => {
    const id = await queued();
    const dead = createMailer({ smtpUrl: await deadSmtpUrl(), from: 'gk@example.gov.cn' })!;
    const now = new Date();
    expect(await send(dead, now)).toBe(1);
    const [failed] = await outboxOf(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed!.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(failed!.sendAfter.getTime()).toBe(now.getTime() + 60_000);
    // Not before its time, even with the server back.
    expect(await send(mailer, new Date(now.getTime() + 30_000))).toBe(0);
    expect(await send(mailer, new Date(now.getTime() + 61_000))).toBe(1);
    expect((await outboxOf(id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
    dead.close();
  });

  it('lets two senders at once take different mails, each sent once', async () => {
    const ids = [await queued(), await queued(), await queued(), await queued()];
    const both = await Promise.all([0, 1].map(() => sendPendingMail(db(), mailer, prepareOutboxMail, { batch: 2 })));
    expect(both[0]! + both[1]!).toBe(4);
    expect(smtp.received).toHaveLength(4);
    for (const id of ids) expect((await outboxOf(id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives up after the last attempt and marks the mail failed', async () => {
    const id = await queued();
    await db().update(mailOutbox).set({ attempts: MAIL_MAX_ATTEMPTS - 1 }).where(eq(mailOutbox.applicationId, id));
    const dead = createMailer({ smtpUrl: await deadSmtpUrl(), from: 'gk@example.gov.cn' })!;
    expect(await send(dead)).toBe(1);
    expect((await outboxOf(id))[0]).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
    dead.close();
  });

  it('with mail off sends nothing and leaves the rows pending', async () => {
    const id = await queued();
    expect(createMailer(loadConfig({}).mail)).toBeNull();
    expect(await send(null)).toBe(0);
    expect((await outboxOf(id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('keeps no address in its errors, and takes a refused recipient as final', () => {
    const err = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <zhangsan@example.com>: no such user"), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(mailErrorText(err)).toBe("EENVELOPE: Can't send mail - all recipients were rejected: 550 5.1.1 <<地址>>: no such user");
    expect(isPermanentFailure(err)).toBe(true);
    expect(isPermanentFailure(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error('auth'), { code: 'EAUTH', responseCode: 535 }))).toBe(false);
  });

  it('reads SMTP_URL and MAIL_FROM, refusing a URL that is not SMTP', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: null, from: '政府信息公开 <noreply@localhost>' });
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.gov.cn:587', MAIL_FROM: 'x <a@b.cn>' }).mail).toEqual({ smtpUrl: 'smtp://u:p@mail.example.gov.cn:587', from: 'x <a@b.cn>' });
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail.example.gov.cn' })).toThrow(/SMTP_URL 应以 smtp:\/\/ 或 smtps:\/\/ 开头/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:secret@mail.example.gov.cn' })).not.toThrow(/secret/);
  });
});

describe('reminders to the handler', () => {
  // 2026: 国庆 10-1…7 off, Saturday 10-10 worked. Due Monday 10-12: 5 working days are left from 9-29.
  const DUE = '2026-10-12';
  let caseId: number;
  let number: string;

  const remindersOf = async (id: number) =>
    (await outboxOf(id)).filter((r) => r.kind === 'reminder').map((r) => ({ key: r.dedupeKey!.split(':').slice(2).join(':'), userId: r.userId, status: r.status, subject: r.subject, lastError: r.lastError }));

  beforeAll(async () => {
    ({ id: caseId, number } = await registerInPerson(handler, jyj, '2026-09-10'));
    // The due date as the clock would cache it for this test's dates.
    await db().update(applications).set({ dueOn: DUE, clockState: 'running' }).where(eq(applications.id, caseId));
  });

  it('lets an administrator set a member of staff’s email for reminders (not in the audit log)', async () => {
    const res = await admin.send('PATCH', `/api/v1/users/${userIds.get('jyj_head')}`, { email: 'zhou@jyj.example.gov.cn' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().email).toBe('zhou@jyj.example.gov.cn');
    const audit = (await admin.get('/api/v1/audit?action=user.update')).json();
    expect(JSON.stringify(audit)).not.toContain('zhou@jyj');
    await refused(() => admin.send('PATCH', `/api/v1/users/${userIds.get('jyj_head')}`, { email: 'not-an-address' }), 400, '电子邮箱格式不正确');
  });

  it('goes to the office heads of an unassigned case 5 working days before, across 国庆, and once', async () => {
    expect(await remindersOf(caseId)).toEqual([]);
    await queueDeadlineReminders(db(), '2026-09-28');
    expect(await remindersOf(caseId)).toEqual([]);
    await queueDeadlineReminders(db(), '2026-09-29');
    await queueDeadlineReminders(db(), '2026-09-29');
    await queueDeadlineReminders(db(), '2026-10-06');
    const head = userIds.get('jyj_head')!;
    expect(await remindersOf(caseId)).toEqual([
      { key: `${DUE}:5:${head}`, userId: head, status: 'pending', subject: `办理提醒：申请 ${number} 还有 5 个工作日到期`, lastError: '' },
    ]);
    expect(await send()).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['zhou@jyj.example.gov.cn']);
    expect(mail.text).toContain('答复期限为2026年10月12日');
    expect(mail.text).toContain('该申请尚未确定承办人');
  });

  it('goes to the handler 2 working days before and once overdue; without an email it is skipped', async () => {
    await fact(handler, caseId, 'assign', { assigneeId: userIds.get('jyj_handler'), on: '2026-09-10' });
    await db().update(applications).set({ dueOn: DUE, clockState: 'running' }).where(eq(applications.id, caseId));
    await queueDeadlineReminders(db(), '2026-10-09');
    await queueDeadlineReminders(db(), '2026-10-13');
    await queueDeadlineReminders(db(), '2026-10-20');
    const mine = userIds.get('jyj_handler')!;
    const [, two, overdue] = await remindersOf(caseId);
    expect([two!.key, overdue!.key]).toEqual([`${DUE}:2:${mine}`, `${DUE}:overdue:${mine}`]);
    expect(overdue!.subject).toBe(`超期提醒：申请 ${number} 已超过答复期限`);
    expect(await send()).toBe(2);
    expect(smtp.received).toEqual([]);
    expect((await remindersOf(caseId)).slice(1).map((r) => [r.status, r.lastError])).toEqual([
      ['skipped', '没有收件地址'],
      ['skipped', '没有收件地址'],
    ]);
  });

  it('starts afresh when the due date moves, is not sent once the case is replied, and skips paused cases', async () => {
    await db().update(users).set({ email: 'liu@jyj.example.gov.cn' }).where(eq(users.id, userIds.get('jyj_handler')!));
    await db().update(applications).set({ dueOn: '2026-10-16' }).where(eq(applications.id, caseId));
    await queueDeadlineReminders(db(), '2026-10-13');
    expect((await remindersOf(caseId)).at(-1)!.key).toBe(`2026-10-16:5:${userIds.get('jyj_handler')}`);
    await fact(handler, caseId, 'reply', { outcome: 'disclosed', on: '2026-10-13' });
    expect(await send()).toBe(1);
    expect(smtp.received).toEqual([]);
    expect((await remindersOf(caseId)).at(-1)).toMatchObject({ status: 'skipped', lastError: '申请已答复或办结，提醒不再发送' });

    const paused = await registerInPerson(handler, jyj, '2026-09-10');
    await db().update(applications).set({ dueOn: DUE, clockState: 'paused' }).where(eq(applications.id, paused.id));
    await queueDeadlineReminders(db(), '2026-10-09');
    expect(await remindersOf(paused.id)).toEqual([]);
    await db().update(applications).set({ clockState: 'running' }).where(and(eq(applications.id, paused.id)));
    await queueDeadlineReminders(db(), '2026-10-09');
    expect((await remindersOf(paused.id)).map((r) => r.key)).toEqual([`${DUE}:2:${userIds.get('jyj_head')}`]);
  });
});
