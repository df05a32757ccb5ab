// What the public sees of 列席 meetings (issue #7 item 6), for the portal's pages and the public JSON
// alike: published meetings only; representatives by name only where they agreed, otherwise by
// capacity; a hidden name masked in every text shown; each opinion with its handling, or 待办理.
// The representatives' names leave this file only through representativeLabel and maskNames.
import { desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../domain/dates.js';
import { notFound } from '../../errors.js';
import { MEETINGS, meetingHref } from '../../portal/links.js';
import { organizations } from '../orgs/schema.js';
import { handledDay, maskNames, representativeLabel } from './display.js';
import { loadMeeting, meetingCounts, opinionsOf, representativesOf } from './meetings.js';
import { meetings } from './schema.js';

export const HANDLING_LABELS = { handled: '已办理', pending: '待办理' } as const;

/** Published meetings, latest first, with what a reader wants to know before opening one. */
export async function publicMeetings(db: Db) {
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn, publishedAt: meetings.publishedAt, orgName: organizations.name })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.orgId))
    .where(isNotNull(meetings.publishedAt))
    .orderBy(desc(meetings.heldOn), desc(meetings.id));
  const counts = await meetingCounts(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const c = counts.get(r.id)!;
    return { id: r.id, title: r.title, orgName: r.orgName, heldOn: r.heldOn, publishedOn: chinaDate(r.publishedAt!), representatives: c.representatives, opinions: c.opinions, handled: c.opinions - c.unhandled };
  });
}

export async function publicMeeting(db: Db, id: number) {
  const m = await loadMeeting(db, id).catch(() => null);
  if (!m || !m.publishedAt) throw notFound('找不到该会议');
  const [reps, opinions] = await Promise.all([representativesOf(db, id), opinionsOf(db, id)]);
  const mask = (text: string) => maskNames(text, reps);
  // Numbered 1, 2, 3 in the order recorded: the database ids say nothing to a reader.
  const labels = new Map(reps.map((r) => [r.id, mask(representativeLabel(r))]));
  return {
    id: m.id,
    title: mask(m.title),
    orgName: m.org.name,
    heldOn: m.heldOn,
    publishedOn: chinaDate(m.publishedAt),
    topics: mask(m.topics),
    selection: mask(m.selection),
    representatives: reps.map((r, i) => ({ number: i + 1, label: labels.get(r.id)! })),
    opinions: opinions.map(({ o, handlerOrg }, i) => ({
      number: i + 1,
      representative: labels.get(o.representativeId) ?? '',
      opinion: mask(o.opinion),
      status: o.handledAt ? ('handled' as const) : ('pending' as const),
      statusLabel: HANDLING_LABELS[o.handledAt ? 'handled' : 'pending'],
      // Who handled it, as an organization: staff's own names are not the public's business here.
      handling: o.handledAt ? { text: mask(o.handling), handledOn: handledDay(o.handledAt)!, orgName: handlerOrg ?? m.org.name } : null,
    })),
  };
}

/** The list's and the published meetings' addresses, for sitemap.xml. */
export async function meetingSitemapPaths(db: Db): Promise<string[]> {
  const rows = await db.select({ id: meetings.id }).from(meetings).where(isNotNull(meetings.publishedAt)).orderBy(desc(meetings.heldOn), desc(meetings.id));
  return [MEETINGS, ...rows.map((r) => meetingHref(r.id))];
}
