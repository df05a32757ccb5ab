// 解读覆盖率 (issue #3 item 5): for each organization in the actor's scope, its current policy files
// (现行有效 or 已修改, not interpretations), how many have a published interpretation, how many went
// public with a recorded exemption (the publish event's note, written by publishInTx), how many have
// neither — for normative documents and for all policy files — and the files without interpretation.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ActionContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { coverageFigures, EXEMPTION_MARK, exemptionReason } from '../../domain/coverage.js';
import { authorize } from '../authorize.js';
import { organizations } from '../orgs/schema.js';
import { orgScopeCondition } from '../orgs/scope-sql.js';
import { documentGrants } from './policy.js';
import { documentEvents, documentVersions } from './schema.js';

export async function interpretationCoverage(db: Db, ctx: ActionContext) {
  const scope = authorize(ctx, documentGrants, 'document.read', null, '没有查看解读覆盖率的权限');
  const v = documentVersions;
  const interpretation = sql`exists (select 1 from ${documentVersions} i where i.interpretation_of = ${v.documentId} and i.is_current)`;
  const [orgs, files] = await Promise.all([
    db
      .select({ id: organizations.id, code: organizations.code, name: organizations.name })
      .from(organizations)
      .where(orgScopeCondition(scope, organizations.id))
      .orderBy(asc(organizations.sortOrder), asc(organizations.id)),
    db
      .select({ id: v.documentId, orgId: v.orgId, title: v.title, docNumber: v.docNumber, docType: v.docType, interpreted: sql<boolean>`${interpretation}` })
      .from(v)
      .where(
        and(
          eq(v.isCurrent, true),
          sql`${v.interpretationOf} is null`,
          inArray(v.docType, ['normative', 'regulation', 'policy']),
          inArray(v.validity, ['in_force', 'amended']),
          orgScopeCondition(scope, v.orgId),
        ),
      )
      .orderBy(desc(v.publishedAt)),
  ]);
  // The latest recorded exemption of each file without an interpretation.
  const uncovered = files.filter((f) => !f.interpreted).map((f) => f.id);
  const reasons = new Map<number, string>();
  if (uncovered.length) {
    const events = await db
      .select({ documentId: documentEvents.documentId, note: documentEvents.note })
      .from(documentEvents)
      .where(and(inArray(documentEvents.documentId, uncovered), eq(documentEvents.action, 'publish'), sql`${documentEvents.note} like ${`%${EXEMPTION_MARK}%`}`))
      .orderBy(asc(documentEvents.at), asc(documentEvents.id));
    for (const e of events) reasons.set(e.documentId, exemptionReason(e.note) ?? '');
  }
  const rows = files.map((f) => ({ ...f, exempted: !f.interpreted && reasons.has(f.id), exemptionReason: reasons.get(f.id) ?? null }));
  const items = orgs.map((o) => {
    const own = rows.filter((f) => f.orgId === o.id);
    return {
      orgId: o.id,
      orgCode: o.code,
      orgName: o.name,
      normative: coverageFigures(own.filter((f) => f.docType === 'normative')),
      all: coverageFigures(own),
      withoutInterpretation: own
        .filter((f) => !f.interpreted)
        .map(({ id, title, docNumber, docType, exempted, exemptionReason: reason }) => ({ id, title, docNumber, docType, exempted, exemptionReason: reason })),
    };
  });
  return { items, total: { normative: coverageFigures(rows.filter((f) => f.docType === 'normative')), all: coverageFigures(rows) } };
}
