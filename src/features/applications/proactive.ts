// 依申请公开转主动公开 (promoteToProactive, issue #5 item 8; 条例第四十四条): information disclosed on
// request that several applicants asked for, or that concerns the public, may be published
// proactively. Two things here:
// - the hint: how many other applications of the same government in the past twelve months asked for
//   nearly the same information — the screening's own similarity (src/domain/application-screening.ts),
//   other applicants anonymous, their cases listed only where the reader may read them;
// - the step: from a case replied 予以公开 or 部分公开, a document draft in the case's organization, titled
//   with the information asked for, which then goes through the documents' review and publication
//   like any draft; the case's timeline records it with the draft's id.
import { and, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict, invalid } from '../../errors.js';
import { OUTCOMES } from '../../domain/application-outcomes.js';
import { screenApplication } from '../../domain/application-screening.js';
import { addDays, formatChineseDate } from '../../domain/dates.js';
import { inScope } from '../../domain/policy.js';
import { insertDraft } from '../documents/drafts.js';
import { governmentOf } from '../orgs/organizations.js';
import { organizations } from '../orgs/schema.js';
import { sameApplicant } from './applicant-store.js';
import { changeCase, factText } from './change-case.js';
import { loadClockEnv } from './clock.js';
import { authorizeCase, caseScope } from './policy.js';
import { addEvent, caseEvents, caseTarget, requireCase } from './records.js';
import { applications } from './schema.js';
import { loadScreeningSettings } from './settings.js';

export const PROACTIVE_RULE = '《中华人民共和国政府信息公开条例》第四十四条第一款';

/** Applications compared at most: the most recent of the government's past year. */
const CANDIDATE_LIMIT = 2000;

/** Only information given out can be published: 予以公开 and 部分公开 (its disclosed part). */
const PROMOTABLE = new Set(['disclosed', 'partly_disclosed']);

const requestText = (r: { description: string; docTitle: string; docNumber: string }) => [r.docTitle, r.docNumber, r.description].filter(Boolean).join(' ');

export async function sameRequests(db: Db, ctx: ActionContext, id: number) {
  const kase = await requireCase(db, id);
  await authorizeCase(db, ctx, 'applications.read', caseTarget(kase), '无权查看该申请');
  const [env, settings, government] = await Promise.all([loadClockEnv(db), loadScreeningSettings(db), governmentOf(db, kase.orgPath)]);
  const since = addDays(env.today, -365);
  const candidates = await db
    .select({
      id: applications.id,
      number: applications.number,
      orgId: applications.orgId,
      orgPath: organizations.path,
      orgName: organizations.name,
      receivedOn: applications.receivedOn,
      outcome: applications.outcome,
      description: applications.description,
      docTitle: applications.docTitle,
      docNumber: applications.docNumber,
      applicantIndex: applications.applicantIndex,
      same: sql<boolean>`(${sameApplicant(kase.applicant)})`,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    // A transferred application lives on in the case it was transferred to: counted once.
    .where(and(ne(applications.id, id), isNull(applications.transferredToId), gte(applications.receivedOn, since), sql`${organizations.path} like ${`${government?.path ?? kase.orgPath}%`}`))
    .orderBy(desc(applications.receivedOn), desc(applications.id))
    .limit(CANDIDATE_LIMIT);
  const byId = new Map(candidates.map((r) => [r.id, r]));
  const { similar } = screenApplication(
    {
      applicantKey: 'self',
      receivedOn: kase.receivedOn,
      text: requestText(kase),
      // Applicants are told apart by the keyed hash of their ID; an imported case (no identity) is its own.
      earlier: candidates.map((r) => ({ id: r.id, applicantKey: r.same ? 'self' : (r.applicantIndex ?? `case:${r.id}`), receivedOn: r.receivedOn, text: requestText(r), outcome: r.outcome })),
    },
    { ...settings, maxSimilar: CANDIDATE_LIMIT },
  );
  const others = similar.filter((s) => !s.sameApplicant).map((s) => ({ ...s, row: byId.get(Number(s.id))! }));
  const applicants = new Set(others.map((s) => s.row.applicantIndex ?? `case:${s.row.id}`)).size;
  const scope = await caseScope(db, ctx, 'applications.read');
  const byOrg = new Map<number, { orgId: number; orgName: string; count: number }>();
  for (const s of others) {
    const entry = byOrg.get(s.row.orgId) ?? { orgId: s.row.orgId, orgName: s.row.orgName, count: 0 };
    entry.count += 1;
    byOrg.set(s.row.orgId, entry);
  }
  const drafts = (await caseEvents(db, id)).filter((e) => e.kind === 'made_proactive').map((e) => ({ on: e.on, documentId: e.data.documentId as number, title: e.data.title as string }));
  return {
    since,
    applications: others.length,
    applicants,
    sameOrg: others.filter((s) => s.row.orgId === kase.orgId).length,
    byOrg: [...byOrg.values()].sort((a, b) => b.count - a.count),
    // Another organization's cases stay out of sight of those who may not read them: only counted.
    cases: others
      .filter((s) => inScope(scope, { orgId: s.row.orgId, orgPath: s.row.orgPath }))
      .map((s) => ({ id: s.row.id, number: s.row.number, orgName: s.row.orgName, receivedOn: s.row.receivedOn, score: s.score, outcome: s.row.outcome ? OUTCOMES[s.row.outcome].shortLabel : null })),
    compared: candidates.length,
    limited: candidates.length === CANDIDATE_LIMIT,
    message:
      others.length === 0
        ? `自${formatChineseDate(since)}以来，本级政府未收到其他申请人内容相近的申请。`
        : `自${formatChineseDate(since)}以来，本级政府共有 ${applicants} 位其他申请人提出 ${others.length} 件内容相近的申请（其中本机关 ${others.filter((s) => s.row.orgId === kase.orgId).length} 件）。多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围。`,
    rule: PROACTIVE_RULE,
    drafts,
  };
}

/** From a case replied 予以公开 or 部分公开: a document draft of the case's organization, on the timeline. */
export async function makeProactive(db: Db, ctx: ActionContext, id: number, input: { title?: string; note?: string }) {
  return changeCase(
    db,
    ctx,
    id,
    { action: 'applications.handle', audit: 'make_proactive', what: '将该申请的信息转为主动公开', statuses: ['replied', 'closed', 'archived'], startsHandling: false },
    async ({ tx, kase, events, env }) => {
      if (!kase.outcome || !PROMOTABLE.has(kase.outcome)) throw conflict('只有答复予以公开或部分公开的申请，才能将所申请的信息转为主动公开');
      const earlier = events.find((e) => e.kind === 'made_proactive');
      if (earlier) throw conflict(`该申请的信息已于${formatChineseDate(earlier.on)}转为主动公开（文件草稿编号 ${String(earlier.data.documentId)}）`);
      // The name of the information asked for; never the free description, which may name the applicant.
      const title = factText(input.title, '文件标题', 200, false) || kase.docTitle;
      if (!title) throw invalid('申请未写明所需信息的名称，请填写转为主动公开的文件标题');
      const note = factText(input.note, '说明', 1000, false);
      const part = kase.outcome === 'partly_disclosed' ? '（部分公开的申请：仅限已公开的部分）' : '';
      const draft = await insertDraft(tx, ctx, kase.orgId, {
        title,
        docNumber: kase.docNumber,
        docType: 'general',
        disclosure: 'proactive',
        summary: `依申请公开转主动公开（申请编号 ${kase.number}，${PROACTIVE_RULE}）${part}`,
      });
      await addEvent(tx, ctx, id, {
        kind: 'made_proactive',
        on: env.today,
        note: `依申请公开转主动公开：已起草文件《${title}》（草稿编号 ${draft.id}），经审核后发布${part}。${note}`,
        data: { documentId: draft.id, title },
      });
      return { summary: `转为主动公开，起草文件（编号 ${draft.id}）`, result: { documentId: draft.id, title } };
    },
  );
}
