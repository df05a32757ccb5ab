// Use cases that move a document through review to publication, and withdraw it.
import { and, eq, lte, max, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import { systemContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { DOCUMENT_TRANSITIONS, NEEDS_REASON, transitionProblem, type DocumentTransition } from '../../domain/document-workflow.js';
import { EXEMPTION_MARK } from '../../domain/coverage.js';
import { LATE_NOTE, publishedLate } from '../../domain/publish-on-time.js';
import { DEFAULT_INDEX_PATTERN, formatIndexNumber, serialScope } from '../../domain/index-number.js';
import { authorize } from '../authorize.js';
import { loadCalendar } from '../calendar/service.js';
import { recordAudit } from '../orgs/audit.js';
import { indexDocument } from '../search/indexer.js';
import { governmentOf } from '../orgs/organizations.js';
import { snapshotAttachments } from './attachments.js';
import { blockedError, blocking, findingsFor, type DocumentFinding } from './findings.js';
import { documentGrants } from './policy.js';
import { recordEvent, requireDocument, scopeTarget, type LoadedDocument } from './records.js';
import { refreshValidity, targetsOf } from './validity-refresh.js';
import { documents, documentVersions, indexSerials } from './schema.js';

/** Publication must follow within 20 working days of the information being formed (条例第二十六条). */

export function metadataOf(doc: LoadedDocument) {
  return {
    ...doc,
    writtenOn: doc.writtenOn ?? null,
    effectiveOn: doc.effectiveOn ?? null,
    expiresOn: doc.expiresOn ?? null,
    formedOn: doc.formedOn ?? null,
    interpretationOf: doc.interpretationOf ?? null,
    interpretationForm: doc.interpretationForm ?? null,
  };
}

function refuseIfBlocked(findings: DocumentFinding[], what: string) {
  const blocked = blocking(findings);
  if (blocked.length) {
    throw blockedError(what, blocked);
  }
}

export interface TransitionInput {
  note?: string;
  /** For schedule: when to publish. */
  scheduledAt?: Date;
  /** For publish: what changed, shown with the new version. */
  changeNote?: string;
  /** For publishing a normative document without its interpretation: the recorded reason. */
  interpretationExemption?: string;
}

/** submit, approve, secrecy_approve, return, schedule, publish, withdraw. */
export async function transition(db: Db, ctx: ActionContext, id: number, name: DocumentTransition, input: TransitionInput = {}, now = new Date()) {
  return db.transaction(async (tx) => {
    const doc = await requireDocument(tx, id, { forUpdate: true });
    const t = DOCUMENT_TRANSITIONS[name];
    authorize(ctx, documentGrants, `document.${name}`, scopeTarget(doc), `无权对该文件执行“${t.label}”`);
    const problem = transitionProblem(doc.status, name);
    if (problem) throw invalid(problem);
    const note = (input.note ?? '').trim();
    if (NEEDS_REASON.has(name) && note.length < 2) throw invalid(`${t.label}须写明理由`);

    const findings = await findingsFor(tx, metadataOf(doc), chinaDate(now));
    if (name === 'submit' || name === 'schedule') refuseIfBlocked(findings, t.label);
    if (name === 'publish') return publishInTx(tx, ctx, doc, input, now);

    const set: Partial<typeof documents.$inferInsert> = { status: t.to, updatedAt: now };
    if (name === 'schedule') {
      if (!input.scheduledAt || input.scheduledAt.getTime() <= now.getTime()) throw invalid('定时发布时间须晚于当前时间');
      set.scheduledAt = input.scheduledAt;
    }
    if (name === 'return') set.scheduledAt = null;
    if (name === 'withdraw') {
      set.publishedVersion = null;
      set.withdrawnReason = note;
      await tx.update(documentVersions).set({ isCurrent: false }).where(eq(documentVersions.documentId, id));
      // What this document repealed or amended no longer counts while it is withdrawn.
      await refreshValidity(tx, await targetsOf(tx, id), chinaDate(now));
      // Nothing withdrawn stays findable.
      await indexDocument(tx, id);
    }
    await tx.update(documents).set(set).where(eq(documents.id, id));
    await recordEvent(tx, ctx, id, name, note, findings);
    await recordAudit(tx, ctx, { action: `document.${name}`, orgId: doc.orgId, targetType: 'document', targetId: id, summary: `${t.label}《${doc.title}》${note ? `：${note}` : ''}` });
    return { id, status: t.to, findings };
  });
}

async function nextIndexNo(tx: Db, doc: LoadedDocument, on: IsoDate): Promise<string> {
  const pattern = doc.indexPattern || DEFAULT_INDEX_PATTERN;
  const v = { orgCode: doc.orgCode, date: on };
  const [{ last }] = await tx
    .insert(indexSerials)
    .values({ scope: serialScope(pattern, v), last: 1 })
    .onConflictDoUpdate({ target: indexSerials.scope, set: { last: sql`${indexSerials.last} + 1` } })
    .returning({ last: indexSerials.last });
  return formatIndexNumber(pattern, { ...v, serial: last });
}

async function publishInTx(tx: Db, ctx: ActionContext, doc: LoadedDocument, input: TransitionInput, now: Date) {
  const today = chinaDate(now);
  const findings = await findingsFor(tx, metadataOf(doc), today);
  refuseIfBlocked(findings, '发布');

  // An interpretation goes public only with or after its policy (三同步).
  if (doc.interpretationOf) {
    const policy = await requireDocument(tx, doc.interpretationOf);
    if (policy.publishedVersion === null && policy.status !== 'approved' && policy.status !== 'scheduled') {
      throw invalid('被解读的政策文件尚未发布，解读材料须与政策文件同步或在其后发布');
    }
  }
  let exemptionNote = '';
  const companions: LoadedDocument[] = [];
  if (doc.docType === 'normative' && !doc.interpretationOf) {
    const interpretations = await tx.select({ id: documents.id, status: documents.status, publishedVersion: documents.publishedVersion }).from(documents).where(eq(documents.interpretationOf, doc.id));
    const ready = interpretations.filter((i) => i.status === 'approved' || i.status === 'scheduled');
    const published = interpretations.some((i) => i.publishedVersion !== null);
    for (const r of ready) companions.push(await requireDocument(tx, r.id, { forUpdate: true }));
    if (!ready.length && !published) {
      // Whether an exemption is possible at all is a setting of the government (机构管理).
      const government = await governmentOf(tx, doc.orgPath);
      if (government && !government.interpretationExemptionAllowed) {
        throw invalid('本级政府要求行政规范性文件与政策解读同步发布，不允许豁免：请先完成解读材料的审核');
      }
      const reason = (input.interpretationExemption ?? '').trim();
      if (reason.length < 4) {
        throw invalid('行政规范性文件须与政策解读同步发布（三同步）：请先完成解读材料的审核，或写明不同步发布解读的理由');
      }
      exemptionNote = `${EXEMPTION_MARK}${reason}`;
    }
  }

  const calendar = await loadCalendar(tx);
  const formed = doc.formedOn ?? doc.writtenOn;
  const late = publishedLate(calendar, formed, today);
  const indexNo = doc.indexNo ?? (await nextIndexNo(tx, doc, today));
  const [{ latest }] = await tx.select({ latest: max(documentVersions.version) }).from(documentVersions).where(eq(documentVersions.documentId, doc.id));
  const version = (latest ?? 0) + 1;

  await tx.update(documentVersions).set({ isCurrent: false }).where(eq(documentVersions.documentId, doc.id));
  await tx.insert(documentVersions).values({
    documentId: doc.id,
    version,
    orgId: doc.orgId,
    indexNo,
    title: doc.title,
    docNumber: doc.docNumber,
    writtenOn: doc.writtenOn,
    effectiveOn: doc.effectiveOn,
    expiresOn: doc.expiresOn,
    formedOn: doc.formedOn,
    genre: doc.genre,
    docType: doc.docType,
    topic: doc.topic,
    keywords: doc.keywords,
    coIssuers: doc.coIssuers,
    summary: doc.summary,
    body: doc.body,
    disclosure: doc.disclosure,
    disclosureReason: doc.disclosureReason,
    interpretationOf: doc.interpretationOf,
    interpretationForm: doc.interpretationForm,
    specialFields: doc.specialFields,
    changeNote: version > 1 ? (input.changeNote ?? '').trim() : '',
    attachments: await snapshotAttachments(tx, doc.id),
    publishedAt: now,
    publishedBy: ctx.actor?.userId ?? null,
    late,
    isCurrent: true,
  });
  await tx
    .update(documents)
    .set({ status: 'published', indexNo, publishedVersion: version, firstPublishedAt: doc.firstPublishedAt ?? now, scheduledAt: null, withdrawnReason: '', updatedAt: now })
    .where(eq(documents.id, doc.id));
  await refreshValidity(tx, [doc.id, ...(await targetsOf(tx, doc.id))], today);
  await indexDocument(tx, doc.id);
  const note = [version > 1 ? `第 ${version} 版：${input.changeNote ?? ''}` : '', late ? LATE_NOTE : '', exemptionNote].filter(Boolean).join('；');
  await recordEvent(tx, ctx, doc.id, 'publish', note, findings);
  await recordAudit(tx, ctx, { action: 'document.publish', orgId: doc.orgId, targetType: 'document', targetId: doc.id, summary: `发布《${doc.title}》（索引号 ${indexNo}，第 ${version} 版）${note ? `：${note}` : ''}` });
  // 三同步: interpretations approved for publication go public with their policy.
  for (const c of companions) await publishInTx(tx, ctx, c, {}, now);
  return { id: doc.id, status: 'published' as const, indexNo, version, late, findings };
}

/** The scheduled-publication job: publishes what is due. Safe with several app processes. */
export async function publishDue(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.status, 'scheduled'), lte(documents.scheduledAt, now)))
    .limit(50);
  let published = 0;
  for (const { id } of due) {
    try {
      await transition(db, systemContext, id, 'publish', {}, now);
      published++;
    } catch {
      // Another process published it, or a check now blocks it: it stays scheduled for staff to see.
    }
  }
  return published;
}
