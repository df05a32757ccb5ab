// Sends what the outbox holds. Mail is written to the outbox inside the transaction that recorded
// its fact (so a mail exists exactly when the fact does); this job sends it afterwards, so an SMTP
// server that is slow or down never fails a use case.
//
// Several processes may run the job: each takes a few due rows with FOR UPDATE SKIP LOCKED and, in
// the same statement, counts the attempt and pushes send_after a lease ahead — so the rows are its
// own while it talks to the SMTP server outside any transaction, and come back by themselves if the
// process dies mid-send (a mail may then go twice, never zero times).
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { mailRetryDelayMs } from '../domain/mail-retry.js';
import { mailOutbox, type MailOutboxRow } from '../features/applications/schema.js';
import { isPermanentFailure, mailErrorText, type MailAttachment, type Mailer } from './transport.js';

/** Where a row goes and what it carries, resolved when it is sent (the outbox keeps no address). */
export interface PreparedMail {
  /** null or '': nobody to send it to (the row is skipped). */
  to: string | null;
  attachments?: MailAttachment[];
  /** Set when the mail no longer makes sense (a reminder for a case since replied): skipped. */
  obsolete?: string;
}

export type PrepareMail = (db: Db, row: MailOutboxRow) => Promise<PreparedMail>;

/** What a sending job may log: ids, kinds and counts — never an address or a body. */
export interface MailLog {
  warn(obj: object, msg: string): void;
}

export const MAIL_BATCH = 10;
/** How long a taken row stays taken; far longer than the SMTP timeouts of transport.ts. */
const LEASE_MS = 10 * 60_000;

async function takeDue(db: Db, now: Date, batch: number): Promise<MailOutboxRow[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.sendAfter, now)))
    .orderBy(asc(mailOutbox.sendAfter), asc(mailOutbox.id))
    .limit(batch)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, sendAfter: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

type Result = Pick<MailOutboxRow, 'status' | 'lastError'> & Partial<Pick<MailOutboxRow, 'sendAfter' | 'sentAt'>>;

async function attempt(db: Db, mailer: Mailer, prepare: PrepareMail, row: MailOutboxRow, now: Date, log?: MailLog): Promise<Result> {
  try {
    const prepared = await prepare(db, row);
    if (prepared.obsolete) return { status: 'skipped', lastError: prepared.obsolete };
    if (!prepared.to) return { status: 'skipped', lastError: '没有收件地址' };
    await mailer.send({ to: prepared.to, subject: row.subject, text: row.body, attachments: prepared.attachments });
    return { status: 'sent', lastError: '', sentAt: now };
  } catch (err) {
    const lastError = mailErrorText(err);
    const delay = isPermanentFailure(err) ? null : mailRetryDelayMs(row.attempts);
    log?.warn({ mailId: row.id, kind: row.kind, attempts: row.attempts, willRetry: delay !== null, error: lastError }, 'mail not sent');
    return delay === null ? { status: 'failed', lastError } : { status: 'pending', lastError, sendAfter: new Date(now.getTime() + delay) };
  }
}

/**
 * Sends up to `batch` due mails; returns how many rows it settled (sent, skipped, failed or put
 * back for a later attempt). With mail off (no mailer) it touches nothing: the rows wait.
 */
export async function sendPendingMail(
  db: Db,
  mailer: Mailer | null,
  prepare: PrepareMail,
  opts: { now?: Date; batch?: number; log?: MailLog } = {},
): Promise<number> {
  if (!mailer) return 0;
  const now = opts.now ?? new Date();
  const rows = await takeDue(db, now, opts.batch ?? MAIL_BATCH);
  for (const row of rows) {
    const result = await attempt(db, mailer, prepare, row, now, opts.log);
    await db.update(mailOutbox).set(result).where(eq(mailOutbox.id, row.id));
  }
  return rows.length;
}
