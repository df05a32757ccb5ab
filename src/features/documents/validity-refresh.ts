// Keeps the stored validity of public documents equal to what src/domain/validity.ts derives:
// after a publication, a withdrawal or a new relation, and daily for dates that pass.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { chinaDate, type IsoDate } from '../../domain/dates.js';
import { nextValidityChange, validityOn } from '../../domain/validity.js';
import { reindexValidity } from '../search/indexer.js';
import { relationsActingOn } from './relations.js';
import { documentRelations, documentVersions } from './schema.js';

export async function refreshValidity(db: Db, documentIds: number[], today: IsoDate = chinaDate(new Date())): Promise<void> {
  if (!documentIds.length) return;
  const docs = await db
    .select({ id: documentVersions.documentId, effectiveOn: documentVersions.effectiveOn, expiresOn: documentVersions.expiresOn })
    .from(documentVersions)
    .where(and(inArray(documentVersions.documentId, documentIds), eq(documentVersions.isCurrent, true)));
  const relations = await relationsActingOn(db, docs.map((d) => d.id));
  const derived = docs.map((d) => {
    const input = { effectiveOn: d.effectiveOn, expiresOn: d.expiresOn, relations: relations.get(d.id) ?? [] };
    return { id: d.id, validity: validityOn(input, today), next: nextValidityChange(input, today) };
  });
  if (!derived.length) return;
  // One statement for all the versions (an import refreshes hundreds at a time), then the search
  // entries, one statement per validity, so the facets and ranking follow at once.
  const values = sql.join(
    derived.map((d) => sql`(${d.id}::int, ${d.validity}::text, ${d.next}::date)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${documentVersions} set validity = v.validity, validity_next_change = v.next
    from (values ${values}) as v(id, validity, next)
    where ${documentVersions.documentId} = v.id and ${documentVersions.isCurrent}`);
  for (const validity of new Set(derived.map((d) => d.validity))) {
    await reindexValidity(db, derived.filter((d) => d.validity === validity).map((d) => d.id), validity);
  }
}

/** The documents a document acts on (amends, repeals, replaces): their validity depends on it. */
export async function targetsOf(db: Db, documentId: number): Promise<number[]> {
  const rows = await db.select({ id: documentRelations.toDocumentId }).from(documentRelations).where(eq(documentRelations.fromDocumentId, documentId));
  return rows.map((r) => r.id);
}

/** The daily job: documents whose validity changes today by the passing of a date. */
export async function refreshDueValidity(db: Db, today: IsoDate = chinaDate(new Date())): Promise<number> {
  const due = await db
    .select({ id: documentVersions.documentId })
    .from(documentVersions)
    .where(and(eq(documentVersions.isCurrent, true), lte(documentVersions.validityNextChange, today)))
    .limit(1000);
  await refreshValidity(db, due.map((d) => d.id), today);
  return due.length;
}
