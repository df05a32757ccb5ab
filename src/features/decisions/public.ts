// What the portal shows of major decisions (决策条例第三条: the catalogue is public): the published
// catalogues; one catalogue with its items (序号, 决策事项, 承办单位, 决策依据, 计划完成时间, 当前阶段),
// the items taken out and every change with its reason; one decision's path — its public stages with
// dates, summaries and documents, the public consultation and its adoption report, the final document.
// Stages kept internal (a risk assessment's details, say) are not shown, nor counted as its stage.
import { and, asc, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { STAGE_LABELS, stagePath, type StageKind } from '../../domain/decision.js';
import { chinaDate } from '../../domain/dates.js';
import { notFound } from '../../errors.js';
import { consultations } from '../consultations/schema.js';
import { organizations } from '../orgs/schema.js';
import { DECISIONS, decisionCatalogHref, decisionHref } from '../../portal/links.js';
import { catalogItems, catalogTitle, changesOf, documentTitles, loadDecision } from './decisions.js';
import { decisionCatalogs, decisions, decisionStages, type DecisionStage } from './schema.js';

const publicStages = (stages: DecisionStage[]) => stages.filter((s) => s.isPublic).map((s) => ({ ...s, kind: s.kind as StageKind }));

/** The published catalogues, newest year first, each government's together. */
export async function publicCatalogs(db: Db) {
  const rows = await db
    .select({ id: decisionCatalogs.id, year: decisionCatalogs.year, publishedAt: decisionCatalogs.publishedAt, org: { code: organizations.code, name: organizations.name } })
    .from(decisionCatalogs)
    .innerJoin(organizations, eq(organizations.id, decisionCatalogs.orgId))
    .where(isNotNull(decisionCatalogs.publishedAt))
    .orderBy(desc(decisionCatalogs.year), asc(organizations.sortOrder), asc(organizations.id));
  return rows.map((r) => ({ id: r.id, year: r.year, org: r.org, title: catalogTitle(r), publishedOn: chinaDate(r.publishedAt!) }));
}

export async function publicCatalog(db: Db, orgCode: string, year: number) {
  const [row] = await db
    .select({ c: decisionCatalogs, org: organizations })
    .from(decisionCatalogs)
    .innerJoin(organizations, eq(organizations.id, decisionCatalogs.orgId))
    .where(and(eq(organizations.code, orgCode), eq(decisionCatalogs.year, year), isNotNull(decisionCatalogs.publishedAt)));
  if (!row) throw notFound('找不到该决策事项目录');
  const items = await catalogItems(db, row.c.id);
  const changes = await changesOf(db, items.map((i) => i.d.id));
  const names = new Map(items.map((i) => [i.d.id, `${i.d.seq}. ${i.d.name}`]));
  return {
    title: catalogTitle({ year: row.c.year, org: row.org }),
    org: { code: row.org.code, name: row.org.name },
    year: row.c.year,
    note: row.c.note,
    publishedOn: chinaDate(row.c.publishedAt!),
    items: items.map(({ d, undertaker, stages }) => {
      const path = stagePath(publicStages(stages));
      const current = path[path.length - 1];
      return {
        id: d.id,
        seq: d.seq,
        name: d.name,
        undertakingOrg: undertaker.name,
        basis: d.basis,
        plannedTime: d.plannedTime,
        removed: d.removedAt !== null,
        removalReason: d.removalReason,
        currentStage: d.removedAt ? '已调出目录' : current ? `${STAGE_LABELS[current.kind]}${current.endedOn ? '（已完成）' : '（进行中）'}` : '尚未启动',
      };
    }),
    changes: changes.map((c) => ({ item: names.get(c.decisionId) ?? '', decisionId: c.decisionId, reason: c.reason, lines: c.lines, changedOn: c.changedOn })),
  };
}

export async function publicDecision(db: Db, id: number) {
  const d = await loadDecision(db, id).catch(() => null);
  if (!d || !d.catalog.publishedAt) throw notFound('找不到该决策事项');
  const stages = stagePath(publicStages(await db.select().from(decisionStages).where(eq(decisionStages.decisionId, id))));
  const docs = await documentTitles(db, [d.documentId, ...stages.map((s) => s.documentId)]);
  const shown = (docId: number | null) => {
    const doc = docId ? docs.get(docId) : undefined;
    return doc?.published ? { id: doc.id, title: doc.title } : null;
  };
  const [consultation] = d.consultationId
    ? await db
        .select({ id: consultations.id, title: consultations.title, startsOn: consultations.startsOn, endsOn: consultations.endsOn, reportSummary: consultations.reportSummary, reportPublishedAt: consultations.reportPublishedAt })
        .from(consultations)
        .where(and(eq(consultations.id, d.consultationId), isNotNull(consultations.publishedAt)))
    : [];
  const changes = await changesOf(db, [id]);
  return {
    id: d.id,
    seq: d.seq,
    name: d.name,
    catalog: { title: catalogTitle(d.catalog), orgCode: d.catalog.org.code, year: d.catalog.year },
    undertakingOrg: d.undertakingOrg.name,
    basis: d.basis,
    plannedTime: d.plannedTime,
    removed: d.removedAt !== null,
    removalReason: d.removalReason,
    stages: stages.map((s) => ({ kind: s.kind, label: STAGE_LABELS[s.kind], startedOn: s.startedOn, endedOn: s.endedOn, summary: s.summary, document: shown(s.documentId) })),
    consultation: consultation
      ? {
          id: consultation.id,
          title: consultation.title,
          startsOn: consultation.startsOn,
          endsOn: consultation.endsOn,
          report: consultation.reportPublishedAt ? { summary: consultation.reportSummary, publishedOn: chinaDate(consultation.reportPublishedAt) } : null,
        }
      : null,
    document: shown(d.documentId),
    changes: changes.map((c) => ({ reason: c.reason, lines: c.lines, changedOn: c.changedOn })),
  };
}

/**
 * The published decision a document of the library belongs to — as the decision itself or as a public
 * stage's document — for the document page's link back (null: none). The lead's document page calls it.
 */
export async function decisionForDocument(db: Db, documentId: number): Promise<{ id: number; name: string; catalogTitle: string } | null> {
  const viaStage = db
    .select({ id: decisionStages.decisionId })
    .from(decisionStages)
    .where(and(eq(decisionStages.documentId, documentId), eq(decisionStages.isPublic, true)));
  const [row] = await db
    .select({ id: decisions.id, name: decisions.name, year: decisionCatalogs.year, orgName: organizations.name })
    .from(decisions)
    .innerJoin(decisionCatalogs, eq(decisionCatalogs.id, decisions.catalogId))
    .innerJoin(organizations, eq(organizations.id, decisionCatalogs.orgId))
    .where(and(isNotNull(decisionCatalogs.publishedAt), or(eq(decisions.documentId, documentId), inArray(decisions.id, viaStage))))
    .orderBy(desc(decisionCatalogs.year), asc(decisions.id))
    .limit(1);
  return row ? { id: row.id, name: row.name, catalogTitle: catalogTitle({ year: row.year, org: { name: row.orgName } }) } : null;
}

/** Paths of the published catalogues and their items, for sitemap.xml. */
export async function decisionSitemapPaths(db: Db) {
  const catalogs = await publicCatalogs(db);
  const items = catalogs.length ? await db.select({ id: decisions.id }).from(decisions).where(inArray(decisions.catalogId, catalogs.map((c) => c.id))) : [];
  return [DECISIONS, ...catalogs.map((c) => decisionCatalogHref(c.org.code, c.year)), ...items.map((i) => decisionHref(i.id))];
}
