// What the portal shows of consultations (issue #7 items 3–5): the published ones with their time
// left; one consultation's draft in numbered parts, its explanation, the reason for a short period,
// hearings, the comments published so far — anonymised: no name, no contact, never — and, once the
// adoption report is out, each comment's disposition and reason and the final document's link.
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { DISPOSITION_LABELS, draftParts } from '../../domain/consultation.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { notFound } from '../../errors.js';
import { documents } from '../documents/schema.js';
import { organizations } from '../orgs/schema.js';
import { commentCounts, loadConsultation, phaseOf, standing } from './consultations.js';
import { consultationComments, consultationHearings, consultations } from './schema.js';

export async function publicConsultations(db: Db, today: IsoDate = chinaDate(new Date())) {
  const rows = await db
    .select({ c: consultations, orgName: organizations.name })
    .from(consultations)
    .innerJoin(organizations, eq(organizations.id, consultations.orgId))
    .where(isNotNull(consultations.publishedAt))
    .orderBy(desc(consultations.endsOn), desc(consultations.id));
  const counts = await commentCounts(db, rows.map((r) => r.c.id));
  return rows.map(({ c, orgName }) => ({
    id: c.id,
    title: c.title,
    orgName,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    ...standing(c, today),
    comments: counts.get(c.id)?.total ?? 0,
  }));
}

export async function publicConsultation(db: Db, id: number, today: IsoDate = chinaDate(new Date())) {
  const c = await loadConsultation(db, id).catch(() => null);
  if (!c || !c.publishedAt) throw notFound('找不到该征求意见');
  const reported = phaseOf(c, today) === 'reported';
  const [hearings, comments, doc] = await Promise.all([
    db.select().from(consultationHearings).where(eq(consultationHearings.consultationId, id)).orderBy(asc(consultationHearings.heldOn)),
    db
      .select({
        id: consultationComments.id,
        clause: consultationComments.clause,
        body: consultationComments.body,
        createdAt: consultationComments.createdAt,
        topic: consultationComments.topic,
        disposition: consultationComments.disposition,
        reason: consultationComments.reason,
      })
      .from(consultationComments)
      .where(and(eq(consultationComments.consultationId, id), eq(consultationComments.moderation, 'published')))
      .orderBy(asc(consultationComments.id)),
    c.documentId ? db.select({ id: documents.id, title: documents.title }).from(documents).where(and(eq(documents.id, c.documentId), isNotNull(documents.publishedVersion))) : Promise.resolve([]),
  ]);
  return {
    id: c.id,
    title: c.title,
    orgName: c.org.name,
    parts: draftParts(c.draft),
    explanation: c.explanation,
    channels: c.channels,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    shortPeriodReason: c.shortPeriodReason,
    ...standing(c, today),
    hearings: hearings.map((h) => ({ heldOn: h.heldOn, place: h.place, selection: h.selection, participants: h.participants, record: h.record })),
    // Numbered 1, 2, 3 in the order received: the database id says nothing to a reader.
    comments: comments.map((m, i) => ({
      number: i + 1,
      clause: m.clause,
      body: m.body,
      receivedOn: chinaDate(m.createdAt),
      ...(reported ? { topic: m.topic, disposition: m.disposition, dispositionLabel: m.disposition ? DISPOSITION_LABELS[m.disposition] : null, reason: m.reason } : {}),
    })),
    report: reported ? { summary: c.reportSummary, publishedOn: chinaDate(c.reportPublishedAt!) } : null,
    finalDocument: doc[0] ?? null,
  };
}

/** The published consultations whose final document this is, for its page in the library (issue #7 item 5). */
export async function consultationsOfDocument(db: Db, documentId: number) {
  const rows = await db
    .select({ id: consultations.id, title: consultations.title, endsOn: consultations.endsOn, reportPublishedAt: consultations.reportPublishedAt })
    .from(consultations)
    .where(and(eq(consultations.documentId, documentId), isNotNull(consultations.publishedAt)))
    .orderBy(asc(consultations.endsOn));
  return rows.map((r) => ({ id: r.id, title: r.title, endsOn: r.endsOn, reported: r.reportPublishedAt !== null }));
}
