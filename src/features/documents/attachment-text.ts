// The text of an uploaded attachment, for the search index (issue #4 item 1): PDF (pdf.js, with its
// CMaps so Chinese CID fonts read right), Word (the paragraphs of word/document.xml) and Excel (the
// cells, with exceljs). DOC, XLS, OFD and images have no text here yet: ''.
//
// Bounded: the reading runs in a worker thread with a capped heap and is ended after a time limit
// (keeping the pages read by then), a file that cannot be read gives '' (an upload never fails for
// it), and at most MAX_TEXT_BYTES of text are kept. One worker serves one file at a time (a short queue waits) and is started again
// after it is ended.
import { Worker } from 'node:worker_threads';
import type { AttachmentKind } from '../../domain/file-type.js';

export const TEXT_KINDS: readonly AttachmentKind[] = ['pdf', 'docx', 'xlsx'];
/** At most this much text (UTF-8) is kept per file. */
export const MAX_TEXT_BYTES = 1024 * 1024;
export const TEXT_TIMEOUT_MS = 10_000;
const WORKER_HEAP_MB = 256;
/** Files waiting behind the one being read; past this an upload goes on without its text. */
const MAX_WAITING = 8;

/** Whitespace runs folded, control characters (PostgreSQL refuses NUL in text) dropped, cut to `maxBytes` of UTF-8. */
export function cleanText(raw: string, maxBytes = MAX_TEXT_BYTES): string {
  const text = raw
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0\u3000]+/g, (s) => (s.includes('\t') ? '\t' : ' '))
    .replace(/ ?\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // Cut on a character boundary: drop a trailing partial character.
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

interface Job {
  kind: AttachmentKind;
  bytes: Uint8Array;
  timeoutMs: number;
  done: (text: string) => void;
}

let worker: Worker | null = null;
let running = false;
let nextId = 1;
const queue: Job[] = [];

function startWorker(): Worker {
  const w = new Worker(new URL('./attachment-text.worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  w.unref(); // an idle reader never keeps the process alive
  return w;
}

function runNext() {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  running = true;
  const w = (worker ??= startWorker());
  const id = nextId++;
  // What has been read so far: a file ended by the time limit keeps its first pages.
  const pieces: string[] = [];
  let size = 0;
  let settled = false;
  const finish = (broken: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    w.off('message', onMessage);
    w.off('error', onBroken);
    w.off('exit', onBroken);
    if (broken) {
      if (worker === w) worker = null;
      void w.terminate();
    }
    running = false;
    job.done(pieces.join(''));
    runNext();
  };
  const onMessage = (m: { id: number; text?: string; done?: boolean }) => {
    if (m.id !== id) return;
    if (m.text && size < MAX_TEXT_BYTES) {
      pieces.push(m.text);
      size += Buffer.byteLength(m.text);
    }
    if (m.done) finish(false);
  };
  const onBroken = () => finish(true);
  const timer = setTimeout(onBroken, job.timeoutMs);
  w.on('message', onMessage);
  w.on('error', onBroken);
  w.on('exit', onBroken);
  const bytes = new Uint8Array(job.bytes); // a copy of just these bytes, handed over without another copy
  w.postMessage({ id, kind: job.kind, bytes, maxBytes: MAX_TEXT_BYTES }, [bytes.buffer]);
}

/**
 * The text of a file of the given kind, cleaned and bounded; '' for kinds without a reader and for
 * a file that cannot be read; what was read of a file not finished within `timeoutMs`. Never throws.
 */
export function extractAttachmentText(kind: AttachmentKind, bytes: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<string> {
  if (!TEXT_KINDS.includes(kind) || bytes.length === 0 || queue.length >= MAX_WAITING) return Promise.resolve('');
  return new Promise((resolve) => {
    queue.push({ kind, bytes, timeoutMs: opts.timeoutMs ?? TEXT_TIMEOUT_MS, done: (raw) => resolve(cleanText(raw)) });
    runNext();
  });
}
