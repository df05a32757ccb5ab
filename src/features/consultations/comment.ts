// A comment from the public on an open consultation (issue #7 item 3). Name and contact are optional,
// sealed with the data key and never shown or logged; the comment waits for moderation before it
// appears (anonymised) on the portal. The sender's address is kept only as a keyed hash, to refuse a
// flood from one address across processes (the route's rate limit is per process).
import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dataKey } from '../../data-key.js';
import { clauseNumbers, MAX_COMMENT_LENGTH } from '../../domain/consultation.js';
import { chinaDate } from '../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { loadConsultation, phaseOf } from './consultations.js';
import { consultationComments } from './schema.js';

/** Comments one address may send in an hour, over all consultations. */
export const COMMENTS_PER_HOUR = 10;

export interface CommentInput {
  body: string;
  /** The clause number as the page shows it; absent for the draft as a whole. */
  clause?: number | null;
  name?: string;
  contact?: string;
}

/** Text as typed, without control characters a browser never sends (tabs and line breaks kept). */
const plain = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();

export async function submitComment(db: Db, consultationId: number, input: CommentInput, ip: string, now = new Date()) {
  const c = await loadConsultation(db, consultationId);
  const phase = phaseOf(c, chinaDate(now));
  if (phase === 'draft') throw notFound('找不到该征求意见');
  if (phase === 'upcoming') throw conflict('征求意见尚未开始，请在开始后再提交意见');
  if (phase !== 'open') throw conflict('征求意见已经结束，不再接收意见');
  const body = plain(input.body);
  if (!body) throw invalid('请填写意见内容');
  if (body.length > MAX_COMMENT_LENGTH) throw invalid(`意见内容不能超过 ${MAX_COMMENT_LENGTH} 字（现为 ${body.length} 字）`);
  const clause = input.clause ?? null;
  if (clause !== null && !clauseNumbers(c.draft).includes(clause)) throw invalid(`征求意见稿中没有第 ${clause} 条`);
  const name = plain(input.name ?? '').slice(0, 50);
  const contact = plain(input.contact ?? '').slice(0, 100);
  const sourceIndex = dataKey().blindIndex(`comment-source:${ip}`);
  const [recent] = await db
    .select({ n: count() })
    .from(consultationComments)
    .where(and(eq(consultationComments.sourceIndex, sourceIndex), gt(consultationComments.createdAt, new Date(now.getTime() - 3600_000))));
  if ((recent?.n ?? 0) >= COMMENTS_PER_HOUR) {
    throw new AppError(429, 'too_many_comments', `同一网络地址一小时内最多提交 ${COMMENTS_PER_HOUR} 条意见，请稍后再提交`);
  }
  const [row] = await db
    .insert(consultationComments)
    .values({
      consultationId,
      clause,
      body,
      senderSealed: name || contact ? dataKey().seal(JSON.stringify({ name, contact })) : null,
      sourceIndex,
      createdAt: now,
    })
    .returning({ id: consultationComments.id });
  return { id: row!.id, clause };
}

/** Who sent a comment, for staff only (the portal never calls this). */
export function openSender(row: { senderSealed: string | null }): { name: string; contact: string } {
  return row.senderSealed ? (JSON.parse(dataKey().open(row.senderSealed)) as { name: string; contact: string }) : { name: '', contact: '' };
}
