// Reading the decision catalogue, and what every operation on it shares: loading a catalogue or an
// item with its organizations (for a change: locked, in the actor's scope), the audit entry, the
// recorded changes, and the staff's views. Who may do what (policy.ts): the government's staff manage
// its catalogue; the undertaking organization's staff — or the government's — record an item's stages.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { currentStage, describeChange, STAGE_LABELS, stagePath, standingLabel, type StageKind } from '../../domain/decision.js';
import { chinaDate } from '../../domain/dates.js';
import { inScope, type Scope } from '../../domain/policy.js';
import { forbidden, notFound } from '../../errors.js';
import { authorize, scopeIn } from '../authorize.js';
import { consultations } from '../consultations/schema.js';
import { documents } from '../documents/schema.js';
import { recordAudit } from '../orgs/audit.js';
import { organizations, type Organization } from '../orgs/schema.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { decisionGrants } from './policy.js';
import { decisionCatalogs, decisionChanges, decisions, decisionStages, type Decision, type DecisionCatalog, type DecisionStage } from './schema.js';

export type LoadedCatalog = DecisionCatalog & { org: Organization };
export type LoadedDecision = Decision & { catalog: LoadedCatalog; undertakingOrg: Organization };

export const orgTarget = (org: Organization) => ({ orgId: org.id, orgPath: org.path });

export async function loadCatalog(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedCatalog> {
  const query = db.select({ c: decisionCatalogs, org: organizations }).from(decisionCatalogs).innerJoin(organizations, eq(organizations.id, decisionCatalogs.orgId)).where(eq(decisionCatalogs.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: decisionCatalogs }) : await query;
  if (!row) throw notFound('找不到该决策事项目录');
  return { ...row.c, org: row.org };
}

const undertaker = alias(organizations, 'undertaker');

export async function loadDecision(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<LoadedDecision> {
  const query = db
    .select({ d: decisions, c: decisionCatalogs, org: organizations, undertaker })
    .from(decisions)
    .innerJoin(decisionCatalogs, eq(decisionCatalogs.id, decisions.catalogId))
    .innerJoin(organizations, eq(organizations.id, decisionCatalogs.orgId))
    .innerJoin(undertaker, eq(undertaker.id, decisions.undertakingOrgId))
    .where(eq(decisions.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: decisions }) : await query;
  if (!row) throw notFound('找不到该决策事项');
  return { ...row.d, catalog: { ...row.c, org: row.org }, undertakingOrg: row.undertaker };
}

const manageScope = (ctx: ActionContext) => scopeIn(ctx, decisionGrants, 'decisions.manage');

/** May ctx manage this government's catalogue? */
export const canManageCatalog = (ctx: ActionContext, c: LoadedCatalog) => inScope(manageScope(ctx), orgTarget(c.org));

/** May ctx record this item's stages: its undertaking organization's staff, or the government's? */
export const canRecordStages = (ctx: ActionContext, d: LoadedDecision) => {
  const scope = manageScope(ctx);
  return inScope(scope, orgTarget(d.undertakingOrg)) || inScope(scope, orgTarget(d.catalog.org));
};

/** A catalogue loaded, locked, for a change by the government's staff. */
export async function catalogForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedCatalog> {
  const c = await loadCatalog(tx, id, { forUpdate: true });
  authorize(ctx, decisionGrants, 'decisions.manage', orgTarget(c.org), `无权${what}`);
  return c;
}

/** An item loaded, locked, for a change to the catalogue (the government's staff). */
export async function decisionForChange(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedDecision> {
  const d = await loadDecision(tx, id, { forUpdate: true });
  authorize(ctx, decisionGrants, 'decisions.manage', orgTarget(d.catalog.org), `无权${what}`);
  return d;
}

/** An item loaded, locked, for recording its stages (the undertaking organization or the government). */
export async function decisionForStages(tx: Db, ctx: ActionContext, id: number, what: string): Promise<LoadedDecision> {
  const d = await loadDecision(tx, id, { forUpdate: true });
  authorize(ctx, decisionGrants, 'decisions.manage', null, `无权${what}`);
  if (!canRecordStages(ctx, d)) throw forbidden(`无权${what}：只有承办单位或本级政府的工作人员可以办理`);
  return d;
}

export const auditCatalog = (tx: Db, ctx: ActionContext, c: { id: number; orgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `decision.${action}`, orgId: c.orgId, targetType: 'decision_catalog', targetId: c.id, summary });

export const auditDecision = (tx: Db, ctx: ActionContext, d: { id: number; undertakingOrgId: number }, action: string, summary: string) =>
  recordAudit(tx, ctx, { action: `decision.${action}`, orgId: d.undertakingOrgId, targetType: 'decision', targetId: d.id, summary });

/** The catalogue's title as people read it. */
export const catalogTitle = (c: { year: number; org: { name: string } }) => `${c.org.name}${c.year}年度重大行政决策事项目录`;

/** Stages of some items, by item. */
export async function stagesOf(db: Db, ids: number[]): Promise<Map<number, DecisionStage[]>> {
  const out = new Map<number, DecisionStage[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db.select().from(decisionStages).where(inArray(decisionStages.decisionId, ids)).orderBy(asc(decisionStages.startedOn), asc(decisionStages.id));
  for (const r of rows) out.get(r.decisionId)!.push(r);
  return out;
}

/** The recorded changes of some items, oldest first, each with its reason and what changed. */
export async function changesOf(db: Db, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: decisionChanges.id, decisionId: decisionChanges.decisionId, reason: decisionChanges.reason, changes: decisionChanges.changes, createdAt: decisionChanges.createdAt })
    .from(decisionChanges)
    .where(inArray(decisionChanges.decisionId, ids))
    .orderBy(asc(decisionChanges.createdAt), asc(decisionChanges.id));
  return rows.map((r) => ({ id: r.id, decisionId: r.decisionId, reason: r.reason, changes: r.changes, lines: describeChange(r.changes), changedOn: chinaDate(r.createdAt) }));
}

const stageKind = (s: DecisionStage) => s.kind as StageKind;

/** An item's row in the catalogue, with its stage in words. */
export function itemRow(d: Decision & { undertakingOrg: Pick<Organization, 'id' | 'name'> }, stages: DecisionStage[]) {
  const current = currentStage(stages.map((s) => ({ ...s, kind: stageKind(s) })));
  return {
    id: d.id,
    seq: d.seq,
    name: d.name,
    undertakingOrg: { id: d.undertakingOrg.id, name: d.undertakingOrg.name },
    basis: d.basis,
    plannedTime: d.plannedTime,
    removed: d.removedAt !== null,
    removalReason: d.removalReason,
    removedOn: d.removedAt ? chinaDate(d.removedAt) : null,
    currentStage: current ? current.kind : null,
    standing: standingLabel(stages.map((s) => ({ ...s, kind: stageKind(s) })), d.removedAt !== null),
  };
}

/** The items of a catalogue in 序号 order, with their undertaking organizations and stages. */
export async function catalogItems(db: Db, catalogId: number) {
  const rows = await db
    .select({ d: decisions, undertaker: { id: undertaker.id, name: undertaker.name, path: undertaker.path } })
    .from(decisions)
    .innerJoin(undertaker, eq(undertaker.id, decisions.undertakingOrgId))
    .where(eq(decisions.catalogId, catalogId))
    .orderBy(asc(decisions.seq), asc(decisions.id));
  const stages = await stagesOf(db, rows.map((r) => r.d.id));
  return rows.map((r) => ({ ...r, stages: stages.get(r.d.id)! }));
}

/** Staff may read a catalogue of a government in their scope, or one holding an item their organization undertakes. */
function readsCatalog(scope: Scope, c: LoadedCatalog, undertakers: { id: number; path: string }[]) {
  return inScope(scope, orgTarget(c.org)) || undertakers.some((u) => inScope(scope, { orgId: u.id, orgPath: u.path }));
}

export async function catalogView(db: Db, ctx: ActionContext, c: LoadedCatalog) {
  const items = await catalogItems(db, c.id);
  const scope = authorize(ctx, decisionGrants, 'decisions.read', null, '无权查看决策事项目录');
  if (!readsCatalog(scope, c, items.map((i) => i.undertaker))) throw forbidden('无权查看该决策事项目录');
  const changes = await changesOf(db, items.map((i) => i.d.id));
  const manage = manageScope(ctx);
  const names = new Map(items.map((i) => [i.d.id, `${i.d.seq}. ${i.d.name}`]));
  return {
    id: c.id,
    org: { id: c.org.id, code: c.org.code, name: c.org.name },
    year: c.year,
    title: catalogTitle(c),
    note: c.note,
    published: c.publishedAt !== null,
    publishedOn: c.publishedAt ? chinaDate(c.publishedAt) : null,
    canManage: inScope(manage, orgTarget(c.org)),
    items: items.map((i) => ({
      ...itemRow({ ...i.d, undertakingOrg: i.undertaker }, i.stages),
      canRecord: inScope(manage, { orgId: i.undertaker.id, orgPath: i.undertaker.path }) || inScope(manage, orgTarget(c.org)),
    })),
    changes: changes.map((ch) => ({ ...ch, item: names.get(ch.decisionId) ?? '' })),
  };
}

export async function getCatalog(db: Db, ctx: ActionContext, id: number) {
  return catalogView(db, ctx, await loadCatalog(db, id));
}

/** The catalogues the user may read (their governments', and those holding items they undertake), newest year first. */
export async function listCatalogs(db: Db, ctx: ActionContext, year?: number) {
  const scope = authorize(ctx, decisionGrants, 'decisions.read', null, '无权查看决策事项目录');
  const undertakes = db
    .select({ id: decisions.catalogId })
    .from(decisions)
    .where(orgScopeCondition(scope, decisions.undertakingOrgId));
  const rows = await db
    .select({
      c: decisionCatalogs,
      org: organizations,
      items: sql<number>`(select count(*) from ${decisions} where ${decisions.catalogId} = ${decisionCatalogs.id} and ${decisions.removedAt} is null)`.mapWith(Number),
    })
    .from(decisionCatalogs)
    .innerJoin(organizations, eq(organizations.id, decisionCatalogs.orgId))
    .where(and(or(orgScopeCondition(scope, decisionCatalogs.orgId), inArray(decisionCatalogs.id, undertakes)), year ? eq(decisionCatalogs.year, year) : undefined))
    .orderBy(desc(decisionCatalogs.year), asc(organizations.sortOrder), asc(organizations.id));
  const manage = manageScope(ctx);
  return {
    items: rows.map(({ c, org, items }) => ({
      id: c.id,
      org: { id: org.id, name: org.name },
      year: c.year,
      title: catalogTitle({ year: c.year, org }),
      published: c.publishedAt !== null,
      publishedOn: c.publishedAt ? chinaDate(c.publishedAt) : null,
      items,
      canManage: inScope(manage, orgTarget(org)),
    })),
  };
}

/** The consultation linked to an item, with its title. */
export async function linkedConsultation(db: Db, d: Pick<Decision, 'consultationId'>) {
  if (!d.consultationId) return null;
  const [c] = await db.select({ id: consultations.id, title: consultations.title, published: sql<boolean>`${consultations.publishedAt} is not null` }).from(consultations).where(eq(consultations.id, d.consultationId));
  return c ?? null;
}

/** The titles of some documents, by id. */
export async function documentTitles(db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map<number, { id: number; title: string; published: boolean }>();
  // Public while it has a public version, a revision of it being drafted or not.
  const rows = await db.select({ id: documents.id, title: documents.title, publishedVersion: documents.publishedVersion }).from(documents).where(inArray(documents.id, wanted));
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, published: r.publishedVersion !== null }]));
}

export async function decisionView(db: Db, ctx: ActionContext, d: LoadedDecision) {
  const stages = (await stagesOf(db, [d.id])).get(d.id)!;
  const [consultation, changes, docs] = await Promise.all([linkedConsultation(db, d), changesOf(db, [d.id]), documentTitles(db, [d.documentId, ...stages.map((s) => s.documentId)])]);
  return {
    ...itemRow(d, stages),
    catalog: { id: d.catalog.id, year: d.catalog.year, title: catalogTitle(d.catalog), published: d.catalog.publishedAt !== null, org: { id: d.catalog.org.id, name: d.catalog.org.name } },
    consultation,
    document: d.documentId ? (docs.get(d.documentId) ?? null) : null,
    stages: stagePath(stages.map((s) => ({ ...s, kind: stageKind(s) }))).map((s) => ({
      id: s.id,
      kind: s.kind,
      label: STAGE_LABELS[s.kind],
      startedOn: s.startedOn,
      endedOn: s.endedOn,
      summary: s.summary,
      isPublic: s.isPublic,
      document: s.documentId ? (docs.get(s.documentId) ?? null) : null,
    })),
    changes,
    canManage: canManageCatalog(ctx, d.catalog),
    canRecord: canRecordStages(ctx, d),
  };
}

export async function getDecision(db: Db, ctx: ActionContext, id: number) {
  const d = await loadDecision(db, id);
  const scope = authorize(ctx, decisionGrants, 'decisions.read', null, '无权查看决策事项');
  if (!inScope(scope, orgTarget(d.catalog.org)) && !inScope(scope, orgTarget(d.undertakingOrg))) throw forbidden('无权查看该决策事项');
  return decisionView(db, ctx, d);
}

/** The organizations that may undertake the catalogue's items: the government and everything below it. */
export async function undertakers(db: Db, ctx: ActionContext, catalogId: number) {
  const c = await loadCatalog(db, catalogId);
  authorize(ctx, decisionGrants, 'decisions.manage', orgTarget(c.org), '无权编制该决策事项目录');
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(sql`${organizations.path} like ${`${c.org.path}%`}`)
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
  return { items: rows };
}
