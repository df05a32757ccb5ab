// What mail a case sends to its applicant, and where a row of the outbox goes when it is sent.
//
// The outbox (mail_outbox) keeps no address: it is looked up when the mail goes — the applicant's
// email from the case (sealed with the applicant's identity), a member of staff's from users.email.
// A mail is written in the transaction of the fact it tells of; src/mail/sender.ts sends it later.
//
// The receipt gives the application number and the due date but never the query code. A mailbox is
// often read by others (a shared or forwarded address, an office's mailbox for an organization), and
// the number with the code opens the tracking page and the letters, which name the applicant. The
// code was shown on the receipt page once; the mail tells how to track and whom to ask if it is lost.
//
// Subjects and bodies are plain text and name the case by its number: no name, no ID number.
import { MEDIA_TYPES } from '../../domain/file-type.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { formatChineseDate } from '../../domain/dates.js';
import type { PreparedMail } from '../../mail/sender.js';
import { organizations, users } from '../orgs/schema.js';
import { letterDocx, letterFileName } from './letters/docx.js';
import { requireCase } from './records.js';
import { reminderObsolete } from './reminders.js';
import { REPORT_REMINDER_KIND, reportReminderObsolete } from '../annual-report/reminders.js';
import { ADOPTION_REMINDER_KIND, adoptionReminderObsolete } from '../consultations/reminders.js';
import { applicationLetters, mailOutbox, type ApplicationLetter, type MailOutboxRow } from './schema.js';

const TRACKING =
  '您可以在本机关政府信息公开网站的“依申请公开”栏目，凭申请编号和提交申请时获得的查询码，查询办理进度、答复期限，下载本机关出具的文书。';
const AUTOMATIC = '本邮件由系统自动发送，请勿直接回复。';

/** Adds a mail to the outbox in the caller's transaction; a key already used adds nothing. */
async function enqueue(tx: Db, row: typeof mailOutbox.$inferInsert): Promise<boolean> {
  const added = await tx.insert(mailOutbox).values(row).onConflictDoNothing().returning({ id: mailOutbox.id });
  return added.length > 0;
}

async function officeContact(tx: Db, orgId: number): Promise<string> {
  const [org] = await tx.select({ officeName: organizations.officeName, phone: organizations.phone }).from(organizations).where(eq(organizations.id, orgId));
  if (!org?.phone) return '';
  return `联系电话：${org.phone}${org.officeName ? `（${org.officeName}）` : ''}`;
}

/**
 * The receipt of a new application, when the applicant gave an email address (after an online
 * submission and after staff registered one). Call inside the transaction that created the case.
 */
export async function enqueueReceiptMail(tx: Db, applicationId: number): Promise<boolean> {
  const kase = await requireCase(tx, applicationId);
  if (!kase.applicant.email) return false;
  const contact = await officeContact(tx, kase.orgId);
  const due = kase.dueOn
    ? `答复期限：${formatChineseDate(kase.dueOn)}（自收到申请之日起${kase.clock?.replyDays ?? 20}个工作日；依法需要补正、延长答复期限或者征求意见的，本机关将另行告知）`
    : '答复期限：自收到补正后的申请之日起计算，本机关将另行告知';
  const body = [
    '您好：',
    `${kase.orgName}已收到您的政府信息公开申请。`,
    `申请编号：${kase.number}`,
    `收到申请之日：${formatChineseDate(kase.receivedOn)}`,
    due,
    TRACKING,
    `为保护您的信息，本邮件不含查询码。查询码已在提交或登记申请时告知您，请妥善保存；如遗失，请与${kase.orgName}联系。${contact ? `${contact}。` : ''}`,
    AUTOMATIC,
    kase.orgName,
  ].join('\n\n');
  return enqueue(tx, {
    kind: 'receipt',
    applicationId: kase.id,
    subject: `政府信息公开申请回执（申请编号 ${kase.number}）`,
    body,
    dedupeKey: `receipt:${kase.id}`,
  });
}

/** What a letter's mail says of its case (the caller has the case loaded). */
export interface LetterMailCase {
  id: number;
  number: string;
  receivedOn: string;
  orgName: string;
  applicantEmail: string | undefined;
}

/**
 * A letter addressed to the applicant goes to them by mail with its Word file attached, when they
 * gave an email address. Call inside the transaction that issued the letter.
 */
export async function enqueueLetterMail(tx: Db, letter: ApplicationLetter, kase: LetterMailCase): Promise<boolean> {
  if (!letter.toApplicant || !kase.applicantEmail) return false;
  const body = [
    '您好：',
    `您于${formatChineseDate(kase.receivedOn)}向${kase.orgName}提出的政府信息公开申请（申请编号：${kase.number}），本机关已于${formatChineseDate(letter.issuedOn)}出具《${letter.title}》（${letter.number}），见本邮件附件（Word 文档）。`,
    '本邮件仅为告知，文书以本机关按您选择的获取方式送达的为准。',
    TRACKING,
    AUTOMATIC,
    kase.orgName,
  ].join('\n\n');
  return enqueue(tx, {
    kind: 'letter',
    applicationId: kase.id,
    letterId: letter.id,
    subject: `${letter.title}（申请编号 ${kase.number}）`,
    body,
    dedupeKey: `letter:${letter.id}`,
  });
}

async function letterAttachment(db: Db, letterId: number) {
  const [letter] = await db.select().from(applicationLetters).where(eq(applicationLetters.id, letterId));
  if (!letter) throw new Error(`文书 ${letterId} 不存在`);
  // Rendered from the paragraphs as issued, like the download: the same file the applicant would get.
  return { filename: letterFileName(letter), content: await letterDocx(letter), contentType: MEDIA_TYPES.docx };
}

/** Per kind of staff mail, why a queued row should no longer go (null: it should). */
const OBSOLETE_CHECKS: Record<string, (db: Db, row: MailOutboxRow) => Promise<string | null>> = {
  reminder: reminderObsolete,
  [REPORT_REMINDER_KIND]: reportReminderObsolete,
  [ADOPTION_REMINDER_KIND]: adoptionReminderObsolete,
};

/** Where an outbox row goes and what it carries (src/mail/sender.ts asks when it sends the row). */
export async function prepareOutboxMail(db: Db, row: MailOutboxRow): Promise<PreparedMail> {
  if (row.userId !== null) {
    const obsolete = (await OBSOLETE_CHECKS[row.kind]?.(db, row)) ?? null;
    if (obsolete) return { to: null, obsolete };
    const [user] = await db.select({ email: users.email, active: users.active }).from(users).where(eq(users.id, row.userId));
    return user?.active ? { to: user.email || null } : { to: null, obsolete: '账号已停用' };
  }
  if (row.applicationId === null) return { to: null };
  const kase = await requireCase(db, row.applicationId);
  if (!kase.applicant.email) return { to: null };
  return { to: kase.applicant.email, attachments: row.letterId !== null ? [await letterAttachment(db, row.letterId)] : [] };
}
