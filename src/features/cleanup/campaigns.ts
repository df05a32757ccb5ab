// Use cases of clean-up campaigns (规范性文件清理, issue #3 item 4): create a campaign over a scope,
// decide each file, and publish the result — a draft notice of the campaign's organization whose
// dated relations (废止, 宣布失效) change the files' validity once the notice itself is published.
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { cleanupProgress, decisionProblem, DECISION_RELATION, finalizeProblem, CLEANUP_DECISION_LABELS, type CleanupDecision } from '../../domain/cleanup.js';
import { chinaDate, isIsoDate, type IsoDate } from '../../domain/dates.js';
import { can } from '../../domain/policy.js';
import { authorize } from '../authorize.js';
import { insertDraft } from '../documents/drafts.js';
import { requireDocument } from '../documents/records.js';
import { addRelationInTx } from '../documents/relations.js';
import { documents } from '../documents/schema.js';
import { recordAudit } from '../orgs/audit.js';
import { findOrg } from '../orgs/organizations.js';
import { organizations } from '../orgs/schema.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { campaignFiles, filesInScope } from './files.js';
import { noticeBody, noticeSummary, noticeTitle } from './notice.js';
import { cleanupGrants } from './policy.js';
import { cleanupCampaigns, cleanupDecisions, type CleanupCampaign, type CleanupScope } from './schema.js';

export interface CampaignInput {
  /** The organization running the campaign; the actor's own when not given. */
  orgId?: number;
  title: string;
  scope: CleanupScope;
}

type LoadedCampaign = CleanupCampaign & { orgName: string; orgPath: string };

const target = (c: LoadedCampaign) => ({ orgId: c.orgId, orgPath: c.orgPath });

async function loadCampaign(db: Db, id: number, forUpdate = false): Promise<LoadedCampaign> {
  const query = db
    .select({ c: cleanupCampaigns, orgName: organizations.name, orgPath: organizations.path })
    .from(cleanupCampaigns)
    .innerJoin(organizations, eq(organizations.id, cleanupCampaigns.orgId))
    .where(eq(cleanupCampaigns.id, id));
  const [row] = forUpdate ? await query.for('update', { of: cleanupCampaigns }) : await query;
  if (!row) throw notFound('找不到该清理');
  return { ...row.c, orgName: row.orgName, orgPath: row.orgPath };
}

async function scopeOrgNames(db: Db, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}

async function present(db: Db, ctx: ActionContext, c: LoadedCampaign) {
  const files = await campaignFiles(db, c);
  const [notice] = c.resultDocumentId
    ? await db.select({ status: documents.status, publishedVersion: documents.publishedVersion }).from(documents).where(eq(documents.id, c.resultDocumentId))
    : [];
  const { orgPath: _path, ...rest } = c;
  return {
    ...rest,
    scopeOrgs: await scopeOrgNames(db, c.scope.orgIds),
    progress: cleanupProgress(files),
    resultDocumentStatus: notice?.status ?? null,
    resultPublished: notice ? notice.publishedVersion !== null : false,
    canManage: c.status === 'open' && !ctx.system && ctx.actor !== null && can(cleanupGrants, ctx.actor, 'cleanup.manage', target(c)),
    files,
  };
}

export async function listCampaigns(db: Db, ctx: ActionContext) {
  const scope = authorize(ctx, cleanupGrants, 'cleanup.read', null, '没有查看文件清理的权限');
  const rows = await db
    .select({ c: cleanupCampaigns, orgName: organizations.name, orgPath: organizations.path })
    .from(cleanupCampaigns)
    .innerJoin(organizations, eq(organizations.id, cleanupCampaigns.orgId))
    .where(orgScopeCondition(scope, cleanupCampaigns.orgId))
    .orderBy(desc(cleanupCampaigns.createdAt), desc(cleanupCampaigns.id));
  const items = [];
  for (const r of rows) {
    const { files: _files, ...view } = await present(db, ctx, { ...r.c, orgName: r.orgName, orgPath: r.orgPath });
    items.push(view);
  }
  return { items };
}

export async function getCampaign(db: Db, ctx: ActionContext, id: number) {
  const c = await loadCampaign(db, id);
  authorize(ctx, cleanupGrants, 'cleanup.read', target(c), '无权查看该清理');
  return present(db, ctx, c);
}

export async function createCampaign(db: Db, ctx: ActionContext, input: CampaignInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const orgId = input.orgId ?? ctx.actor?.orgId;
    const org = orgId ? await findOrg(tx, orgId) : undefined;
    if (!org) throw invalid('组织清理的机构不存在');
    authorize(ctx, cleanupGrants, 'cleanup.manage', { orgId: org.id, orgPath: org.path }, '无权组织该机构的文件清理');
    const title = input.title.trim();
    if (title.length < 2) throw invalid('请填写清理名称');
    const orgIds = [...new Set(input.scope.orgIds)];
    if (!orgIds.length) throw invalid('请选择清理范围内的机构');
    const scopeOrgs = await tx.select({ id: organizations.id, path: organizations.path }).from(organizations).where(inArray(organizations.id, orgIds));
    // A campaign reviews the files of its own organization and those below it, never a sibling's.
    if (scopeOrgs.length !== orgIds.length || scopeOrgs.some((o) => !o.path.startsWith(org.path))) {
      throw invalid('清理范围只能是组织清理的机构本身或其下级机构');
    }
    const docTypes = [...new Set(input.scope.docTypes)];
    if (!docTypes.length) throw invalid('请选择清理的文件类型');
    const writtenBefore = input.scope.writtenBefore || null;
    if (writtenBefore && !isIsoDate(writtenBefore)) throw invalid('成文日期截止日无效');
    const [campaign] = await tx
      .insert(cleanupCampaigns)
      .values({ orgId: org.id, title, scope: { orgIds, docTypes, writtenBefore }, status: 'open', createdBy: ctx.actor?.userId ?? null, createdAt: now })
      .returning();
    await recordAudit(tx, ctx, { action: 'cleanup.create', orgId: org.id, targetType: 'cleanup', targetId: campaign.id, summary: `组织文件清理“${title}”` });
    return campaign;
  });
}

export interface DecisionInput {
  decision: CleanupDecision;
  note?: string;
}

/** Decides (or re-decides, while the campaign is open) one file in the campaign's scope. */
export async function decideFile(db: Db, ctx: ActionContext, campaignId: number, documentId: number, input: DecisionInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId, true);
    authorize(ctx, cleanupGrants, 'cleanup.manage', target(c), '无权对该清理作出决定');
    if (c.status !== 'open') throw invalid('清理结果已发布，不能再修改决定');
    const note = (input.note ?? '').trim();
    const problem = decisionProblem(input.decision, note);
    if (problem) throw invalid(problem);
    const [file] = await filesInScope(tx, c, documentId);
    if (!file) throw invalid('该文件不在本次清理范围内（须为范围内机构现行有效或已修改的政策文件）');
    const values = { decision: input.decision, note, decidedBy: ctx.actor?.userId ?? null, decidedAt: now };
    await tx
      .insert(cleanupDecisions)
      .values({ campaignId, documentId, ...values })
      .onConflictDoUpdate({ target: [cleanupDecisions.campaignId, cleanupDecisions.documentId], set: values });
    const summary = `清理“${c.title}”：《${file.title}》${CLEANUP_DECISION_LABELS[input.decision]}${note ? `（${note}）` : ''}`;
    await recordAudit(tx, ctx, { action: 'cleanup.decide', orgId: c.orgId, targetType: 'cleanup', targetId: campaignId, summary });
    return { ...file, decision: input.decision, note };
  });
}

/**
 * Publishes the result ("publish the resulting lists"): in one transaction, a draft notice of the
 * campaign's organization with the four lists, a 废止 / 宣布失效 relation on it per decision effective
 * on the given day, and the campaign marked published. The notice then goes through review.
 */
export async function finalizeCampaign(db: Db, ctx: ActionContext, campaignId: number, input: { effectiveOn: IsoDate }, now = new Date()) {
  return db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId, true);
    authorize(ctx, cleanupGrants, 'cleanup.manage', target(c), '无权发布该清理的结果');
    if (c.status !== 'open') throw invalid('该清理的结果已经发布');
    const files = await filesInScope(tx, c);
    const problem = finalizeProblem(cleanupProgress(files), input.effectiveOn);
    if (problem) throw invalid(problem);
    // Decisions on files that have left the scope since (repealed by another document) are not part of the result.
    await tx.delete(cleanupDecisions).where(and(eq(cleanupDecisions.campaignId, c.id), notInArray(cleanupDecisions.documentId, files.map((f) => f.id))));

    const notice = await insertDraft(tx, ctx, c.orgId, {
      title: noticeTitle(c.orgName, c.title),
      genre: '通知',
      docType: 'general',
      writtenOn: chinaDate(now),
      topic: '综合政务\\政务公开',
      keywords: ['规范性文件', '文件清理'],
      summary: noticeSummary(c.title, files),
      body: noticeBody(c.title, files, input.effectiveOn),
    });
    const loaded = await requireDocument(tx, notice.id, { forUpdate: true });
    for (const f of files) {
      const kind = DECISION_RELATION[f.decision!];
      if (!kind) continue;
      try {
        await addRelationInTx(tx, ctx, loaded, { toDocumentId: f.id, kind, effectiveOn: input.effectiveOn });
      } catch (err) {
        if (err instanceof AppError) throw invalid(`《${f.title}》：${err.message}`);
        throw err;
      }
    }
    const [updated] = await tx
      .update(cleanupCampaigns)
      .set({ status: 'published', effectiveOn: input.effectiveOn, resultDocumentId: notice.id, publishedAt: now })
      .where(eq(cleanupCampaigns.id, c.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'cleanup.finalize',
      orgId: c.orgId,
      targetType: 'cleanup',
      targetId: c.id,
      summary: `发布清理“${c.title}”的结果，起草通知《${notice.title}》（${files.length} 件，${input.effectiveOn} 起生效）`,
    });
    return { ...updated, resultDocumentId: notice.id };
  });
}

// ---- public ---------------------------------------------------------------------------------

/** Campaigns whose result notice is public, newest first. */
export async function listPublishedCampaigns(db: Db) {
  const rows = await db
    .select({ id: cleanupCampaigns.id, title: cleanupCampaigns.title, orgName: organizations.name, effectiveOn: cleanupCampaigns.effectiveOn, resultDocumentId: cleanupCampaigns.resultDocumentId, publishedAt: documents.firstPublishedAt })
    .from(cleanupCampaigns)
    .innerJoin(organizations, eq(organizations.id, cleanupCampaigns.orgId))
    .innerJoin(documents, eq(documents.id, cleanupCampaigns.resultDocumentId))
    .where(and(eq(cleanupCampaigns.status, 'published'), sql`${documents.publishedVersion} is not null`))
    .orderBy(desc(documents.firstPublishedAt), asc(cleanupCampaigns.id));
  const items = [];
  for (const r of rows) items.push({ ...r, progress: cleanupProgress(await campaignFiles(db, { id: r.id, status: 'published' } as CleanupCampaign)) });
  return { items };
}

export async function getPublishedCampaign(db: Db, id: number) {
  const { items } = await listPublishedCampaigns(db);
  const found = items.find((c) => c.id === id);
  if (!found) throw notFound('找不到该清理结果，或结果通知尚未发布');
  return { ...found, files: await campaignFiles(db, { id, status: 'published' } as CleanupCampaign) };
}
