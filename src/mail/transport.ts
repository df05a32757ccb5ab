// The SMTP connection from configuration (SMTP_URL, MAIL_FROM). The rest of the platform sees a
// Mailer that sends one plain-text message with attachments, or none at all when mail is off.
// Nothing here logs: an address or a body must never reach a log line.
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config.js';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A failure that sending again will not mend: the server refused the recipient (5xx to RCPT TO). */
export function isPermanentFailure(err: unknown): boolean {
  const e = err as { code?: unknown; responseCode?: unknown };
  return e?.code === 'EENVELOPE' && typeof e.responseCode === 'number' && e.responseCode >= 500;
}

const ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;

/** An error as the outbox keeps it: short, and with any address in it blanked (the outbox keeps none). */
export function mailErrorText(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const text = `${typeof e?.code === 'string' ? `${e.code}: ` : ''}${message}`.replace(ADDRESS, '<地址>');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The mailer of this configuration, or null when SMTP_URL is empty (mail off). */
export function createMailer(config: MailConfig): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = createTransport({
    url: config.smtpUrl,
    // A server that does not answer must not hold the sending job for minutes (the defaults).
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments ?? [] });
    },
    close: () => transport.close(),
  };
}
