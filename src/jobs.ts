// Background jobs of a running server. Their state lives in the database (a scheduled document is a
// row with a time), so any number of processes may run them: each job takes its rows with care.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db/client.js';
import { checkPendingLinks } from './features/documents/link-check.js';
import { refreshDueValidity } from './features/documents/validity-refresh.js';
import { publishDue } from './features/documents/workflow.js';

interface Job {
  name: string;
  everyMs: number;
  run(db: Db): Promise<number>;
  /** False when what the job changes never shows on public pages (their cache may stay). */
  changesPublicPages?: boolean;
}

const JOBS: Job[] = [
  { name: 'publish-scheduled-documents', everyMs: 30_000, run: (db) => publishDue(db) },
  // Cheap when nothing is due (an indexed range scan), so hourly is fine for a daily change.
  { name: 'refresh-validity', everyMs: 3600_000, run: (db) => refreshDueValidity(db) },
  // Pages cited by documents under review, and old results again; a few dozen requests per run.
  { name: 'check-links', everyMs: 10 * 60_000, run: (db) => checkPendingLinks(db), changesPublicPages: false },
];

/** `changed` is told when a job changed data, so caches of this process can be emptied. */
export function startJobs(db: Db, log: FastifyBaseLogger, changed: () => void = () => {}): () => void {
  const timers = JOBS.map((job) => {
    let running = false;
    return setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const n = await job.run(db);
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
