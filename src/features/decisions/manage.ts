// Drawing up a government's decision catalogue (决策事项目录, 决策条例第三条): the catalogue for a year,
// its note and items (序号, 决策事项, 承办单位 under the government, 决策依据, 计划完成时间), and its
// publication. Once published every change to an item — adding one, changing one, taking one out —
// states a reason, which is public, and is recorded (decision_changes: what changed, before and after)
// as well as audited.
import { and, eq, ne } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { addedChange, changeReasonProblem, itemChanges, removedChange, type ItemFacts } from '../../domain/decision.js';
import { conflict, invalid } from '../../errors.js';
import { authorize } from '../authorize.js';
import { consultations } from '../consultations/schema.js';
import { requireOrg } from '../orgs/organizations.js';
import type { Organization } from '../orgs/schema.js';
import {
  auditCatalog,
  auditDecision,
  catalogForChange,
  catalogTitle,
  catalogView,
  decisionForChange,
  decisionForStages,
  decisionView,
  loadCatalog,
  loadDecision,
  orgTarget,
  type LoadedCatalog,
} from './decisions.js';
import { decisionGrants } from './policy.js';
import { decisionCatalogs, decisionChanges, decisions, decisionStages } from './schema.js';
import { LINK_PUBLISHED } from './stages.js';
import { requirePublishedDocument } from '../documents/records.js';

export async function createCatalog(db: Db, ctx: ActionContext, input: { orgId: number; year: number; note?: string }) {
  const org = await requireOrg(db, input.orgId);
  authorize(ctx, decisionGrants, 'decisions.manage', orgTarget(org), '无权为该机构编制决策事项目录');
  if (org.kind !== 'government') throw invalid('决策事项目录由县级以上人民政府编制，请选择人民政府');
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: decisionCatalogs.id }).from(decisionCatalogs).where(and(eq(decisionCatalogs.orgId, org.id), eq(decisionCatalogs.year, input.year)));
    if (existing) throw conflict(`${org.name}${input.year}年度的决策事项目录已经存在`);
    const [row] = await tx
      .insert(decisionCatalogs)
      .values({ orgId: org.id, year: input.year, note: (input.note ?? '').trim(), createdBy: ctx.actor?.userId ?? null })
      .returning();
    const c = { ...row!, org };
    await auditCatalog(tx, ctx, c, 'catalog_create', `新建${catalogTitle(c)}`);
    return catalogView(tx, ctx, c);
  });
}

export async function updateCatalogNote(db: Db, ctx: ActionContext, id: number, note: string) {
  return db.transaction(async (tx) => {
    const c = await catalogForChange(tx, ctx, id, '修改该决策事项目录');
    await tx.update(decisionCatalogs).set({ note: note.trim() }).where(eq(decisionCatalogs.id, id));
    await auditCatalog(tx, ctx, c, 'catalog_update', `修改${catalogTitle(c)}的说明`);
    return catalogView(tx, ctx, await loadCatalog(tx, id));
  });
}

export async function publishCatalog(db: Db, ctx: ActionContext, id: number) {
  return db.transaction(async (tx) => {
    const c = await catalogForChange(tx, ctx, id, '公布该决策事项目录');
    if (c.publishedAt) throw conflict('该决策事项目录已经公布');
    const [item] = await tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.catalogId, id)).limit(1);
    if (!item) throw invalid('目录中还没有决策事项，不能公布');
    await tx.update(decisionCatalogs).set({ publishedAt: new Date() }).where(eq(decisionCatalogs.id, id));
    await auditCatalog(tx, ctx, c, 'catalog_publish', `公布${catalogTitle(c)}`);
    return catalogView(tx, ctx, await loadCatalog(tx, id));
  });
}

export interface ItemFields {
  seq: number;
  name: string;
  undertakingOrgId: number;
  basis?: string;
  plannedTime?: string;
  /** Why, once the catalogue is published (public). */
  reason?: string;
}

/** The undertaking organization: the government itself or an organization under it. */
async function undertakingOrg(db: Db, c: LoadedCatalog, orgId: number): Promise<Organization> {
  const org = await requireOrg(db, orgId);
  if (!org.path.startsWith(c.org.path)) throw invalid(`承办单位须为${c.org.name}或其所属部门、乡镇（街道）`);
  return org;
}

async function checkSeq(tx: Db, catalogId: number, seq: number, except?: number) {
  const [taken] = await tx
    .select({ id: decisions.id, name: decisions.name })
    .from(decisions)
    .where(and(eq(decisions.catalogId, catalogId), eq(decisions.seq, seq), except ? ne(decisions.id, except) : undefined));
  if (taken) throw conflict(`序号 ${seq} 已用于“${taken.name}”`);
}

function cleaned(f: ItemFields) {
  const name = f.name.trim();
  if (!name) throw invalid('请填写决策事项名称');
  return { seq: f.seq, name, undertakingOrgId: f.undertakingOrgId, basis: (f.basis ?? '').trim(), plannedTime: (f.plannedTime ?? '').trim() };
}

function requireReason(c: LoadedCatalog, reason: string | undefined): string {
  const problem = changeReasonProblem(c.publishedAt !== null, reason);
  if (problem) throw invalid(problem);
  return (reason ?? '').trim();
}

const facts = (f: ReturnType<typeof cleaned>, org: Organization): ItemFacts => ({ seq: f.seq, name: f.name, undertakingOrg: org.name, basis: f.basis, plannedTime: f.plannedTime });

async function recordChange(tx: Db, ctx: ActionContext, decisionId: number, reason: string, changes: Record<string, [string, string]>) {
  await tx.insert(decisionChanges).values({ decisionId, reason, changes, actorId: ctx.actor?.userId ?? null });
}

export async function addItem(db: Db, ctx: ActionContext, catalogId: number, input: ItemFields) {
  return db.transaction(async (tx) => {
    const c = await catalogForChange(tx, ctx, catalogId, '调整该决策事项目录');
    const reason = requireReason(c, input.reason);
    const fields = cleaned(input);
    const org = await undertakingOrg(tx, c, fields.undertakingOrgId);
    await checkSeq(tx, catalogId, fields.seq);
    const [row] = await tx.insert(decisions).values({ catalogId, ...fields }).returning();
    const published = c.publishedAt !== null;
    if (published) await recordChange(tx, ctx, row!.id, reason, addedChange(facts(fields, org)) as Record<string, [string, string]>);
    await auditDecision(tx, ctx, row!, 'item_add', `${catalogTitle(c)}新增事项“${fields.seq}. ${fields.name}”（承办单位：${org.name}）${published ? `，理由：${reason}` : ''}`);
    return decisionView(tx, ctx, await loadDecision(tx, row!.id));
  });
}

export async function updateItem(db: Db, ctx: ActionContext, id: number, input: ItemFields) {
  return db.transaction(async (tx) => {
    const d = await decisionForChange(tx, ctx, id, '调整该决策事项目录');
    if (d.removedAt) throw conflict('该事项已调出目录，不能再修改');
    const reason = requireReason(d.catalog, input.reason);
    const fields = cleaned(input);
    const org = fields.undertakingOrgId === d.undertakingOrgId ? d.undertakingOrg : await undertakingOrg(tx, d.catalog, fields.undertakingOrgId);
    const changes = itemChanges(facts({ seq: d.seq, name: d.name, undertakingOrgId: d.undertakingOrgId, basis: d.basis, plannedTime: d.plannedTime }, d.undertakingOrg), facts(fields, org));
    if (!Object.keys(changes).length) throw invalid('没有修改任何内容');
    if (fields.seq !== d.seq) await checkSeq(tx, d.catalogId, fields.seq, id);
    await tx.update(decisions).set({ ...fields, updatedAt: new Date() }).where(eq(decisions.id, id));
    const published = d.catalog.publishedAt !== null;
    if (published) await recordChange(tx, ctx, id, reason, changes as Record<string, [string, string]>);
    await auditDecision(tx, ctx, d, 'item_update', `调整决策事项“${d.seq}. ${d.name}”：${Object.keys(changes).join('、')}${published ? `，理由：${reason}` : ''}`);
    return decisionView(tx, ctx, await loadDecision(tx, id));
  });
}

/**
 * Takes an item out. From a published catalogue it stays listed as 调出 with its public reason; from a
 * catalogue not yet published it is simply deleted (nobody has read it), unless stages were recorded.
 */
export async function removeItem(db: Db, ctx: ActionContext, id: number, input: { reason?: string }) {
  return db.transaction(async (tx) => {
    const d = await decisionForChange(tx, ctx, id, '调整该决策事项目录');
    if (d.removedAt) throw conflict('该事项已经调出目录');
    const item = `${d.seq}. ${d.name}`;
    if (!d.catalog.publishedAt) {
      const [stage] = await tx.select({ id: decisionStages.id }).from(decisionStages).where(eq(decisionStages.decisionId, id)).limit(1);
      if (stage) throw conflict('该事项已登记办理阶段，不能删除');
      await tx.delete(decisions).where(eq(decisions.id, id));
      await auditDecision(tx, ctx, d, 'item_delete', `从未公布的${catalogTitle(d.catalog)}中删除事项“${item}”`);
      return { deleted: true, removed: false };
    }
    const reason = requireReason(d.catalog, input.reason);
    await tx.update(decisions).set({ removedAt: new Date(), removalReason: reason, updatedAt: new Date() }).where(eq(decisions.id, id));
    await recordChange(tx, ctx, id, reason, removedChange({ seq: d.seq, name: d.name, undertakingOrg: d.undertakingOrg.name, basis: d.basis, plannedTime: d.plannedTime }) as Record<string, [string, string]>);
    await auditDecision(tx, ctx, d, 'item_remove', `决策事项“${item}”调出目录，理由：${reason}`);
    return { deleted: false, removed: true };
  });
}

/**
 * Links an item to the public consultation on its draft and to the decision as issued in the policy
 * library (null takes a link away). The undertaking organization or the government does it.
 */
export async function linkItem(db: Db, ctx: ActionContext, id: number, input: { consultationId: number | null; documentId: number | null }) {
  return db.transaction(async (tx) => {
    const d = await decisionForStages(tx, ctx, id, '关联该决策事项的征求意见和正式文件');
    const said: string[] = [];
    if (input.consultationId !== null && input.consultationId !== d.consultationId) {
      const [c] = await tx.select({ id: consultations.id, title: consultations.title, orgId: consultations.orgId }).from(consultations).where(eq(consultations.id, input.consultationId));
      if (!c) throw invalid('找不到该征求意见');
      const org = await requireOrg(tx, c.orgId);
      if (!org.path.startsWith(d.catalog.org.path)) throw invalid(`只能关联${d.catalog.org.name}及其所属单位的征求意见`);
      said.push(`征求意见“${c.title}”`);
    }
    if (input.documentId !== null && input.documentId !== d.documentId) said.push(`正式文件《${(await requirePublishedDocument(tx, input.documentId, LINK_PUBLISHED)).title}》`);
    await tx.update(decisions).set({ consultationId: input.consultationId, documentId: input.documentId, updatedAt: new Date() }).where(eq(decisions.id, id));
    const gone = [input.consultationId === null && d.consultationId ? '征求意见' : '', input.documentId === null && d.documentId ? '正式文件' : ''].filter(Boolean);
    await auditDecision(tx, ctx, d, 'link', `决策事项“${d.seq}. ${d.name}”${said.length ? `关联${said.join('、')}` : ''}${gone.length ? `${said.length ? '，' : ''}取消关联${gone.join('、')}` : ''}${!said.length && !gone.length ? '关联未变' : ''}`);
    return decisionView(tx, ctx, await loadDecision(tx, id));
  });
}
