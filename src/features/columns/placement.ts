// Which columns a document sits in, and the special fields that follow from them. Called by the
// document drafting use cases inside their transaction: columns must belong to the document's own
// organization, and a document in a special column (规划, 财政预决算, 重大建设项目) must carry that
// kind's fields, checked by src/domain/special-fields.ts.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { validateSpecialFields } from '../../domain/special-fields.js';
import { columns, documentColumns } from './schema.js';

export async function columnIdsOf(db: Db, documentId: number): Promise<number[]> {
  const rows = await db.select({ id: documentColumns.columnId }).from(documentColumns).where(eq(documentColumns.documentId, documentId)).orderBy(asc(documentColumns.columnId));
  return rows.map((r) => r.id);
}

/** Checks the columns and the special fields together; returns the fields as they are to be stored. */
export async function checkPlacement(db: Db, orgId: number, columnIds: number[], specialFields: Record<string, string> | undefined) {
  const ids = [...new Set(columnIds)];
  const found = ids.length ? await db.select({ id: columns.id, orgId: columns.orgId, kind: columns.kind }).from(columns).where(inArray(columns.id, ids)) : [];
  if (found.length !== ids.length || found.some((c) => c.orgId !== orgId)) throw invalid('所选栏目不存在，或不属于本文件的发布机构');
  const checked = validateSpecialFields(
    found.map((c) => c.kind),
    specialFields,
  );
  if (!checked.ok) throw invalid(checked.message);
  return { columnIds: ids, specialFields: checked.fields };
}

export async function saveColumnIds(db: Db, documentId: number, columnIds: number[]): Promise<void> {
  await db.delete(documentColumns).where(eq(documentColumns.documentId, documentId));
  if (columnIds.length) await db.insert(documentColumns).values(columnIds.map((columnId) => ({ documentId, columnId })));
}
