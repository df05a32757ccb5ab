// Background jobs of a running server. Their state lives in the database (a scheduled document is a
// row with a time), so any number of processes may run them: each job takes its rows with care.
import type { FastifyBaseLogger } from 'fastify';
import type { MailConfig } from './config.js';
import type { Db } from './db/client.js';
import { queueDeadlineReminders } from './features/applications/reminders.js';
import { queueReportReminders } from './features/annual-report/reminders.js';
import { queueAdoptionReminders } from './features/consultations/reminders.js';
import { prepareOutboxMail } from './features/applications/notify.js';
import { checkPendingLinks } from './features/documents/link-check.js';
import { refreshDueValidity } from './features/documents/validity-refresh.js';
import { publishDue } from './features/documents/workflow.js';
import { sendPendingMail } from './mail/sender.js';
import { createMailer } from './mail/transport.js';

interface Job {
  name: string;
  everyMs: number;
  run(db: Db, log: FastifyBaseLogger): Promise<number>;
  /** False when what the job changes never shows on public pages (their cache may stay). */
  changesPublicPages?: boolean;
}

function jobs(mail: MailConfig, log: FastifyBaseLogger): Job[] {
  const mailer = createMailer(mail);
  // Said once: the outbox keeps filling and sends everything once SMTP_URL is set.
  if (!mailer) log.info('mail is off (SMTP_URL not set): receipts, letters and reminders wait in the outbox unsent');
  return [
    { name: 'publish-scheduled-documents', everyMs: 30_000, run: (db) => publishDue(db) },
    // Cheap when nothing is due (an indexed range scan), so hourly is fine for a daily change.
    { name: 'refresh-validity', everyMs: 3600_000, run: (db) => refreshDueValidity(db) },
    // Pages cited by documents under review, and old results again; a few dozen requests per run.
    { name: 'check-links', everyMs: 10 * 60_000, run: (db) => checkPendingLinks(db), changesPublicPages: false },
    // Reminders change once a day; half-hourly catches a due date moved during the day. One indexed query.
    { name: 'queue-deadline-reminders', everyMs: 30 * 60_000, run: (db) => queueDeadlineReminders(db), changesPublicPages: false },
    // The annual reports' deadlines: hourly is plenty for reminders counted in working days.
    { name: 'queue-report-reminders', everyMs: 3600_000, run: (db) => queueReportReminders(db), changesPublicPages: false },
    { name: 'queue-adoption-reminders', everyMs: 3600_000, run: (db) => queueAdoptionReminders(db), changesPublicPages: false },
    ...(mailer
      ? [{ name: 'send-mail', everyMs: 60_000, run: (db: Db, l: FastifyBaseLogger) => sendPendingMail(db, mailer, prepareOutboxMail, { log: l }), changesPublicPages: false }]
      : []),
  ];
}

/** `changed` is told when a job changed data, so caches of this process can be emptied. */
export function startJobs(db: Db, log: FastifyBaseLogger, changed: () => void = () => {}, mail: MailConfig = { smtpUrl: null, from: '' }): () => void {
  const timers = jobs(mail, log).map((job) => {
    let running = false;
    return setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const n = await job.run(db, log);
        if (n) {
          log.info({ job: job.name, done: n }, 'job');
          if (job.changesPublicPages !== false) changed();
        }
      } catch (err) {
        log.error({ job: job.name, err }, 'job failed');
      } finally {
        running = false;
      }
    }, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
