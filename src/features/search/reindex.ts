// `gongkai search reindex`: every search entry built again from what is public now. Needed when the
// way text is indexed changes (a word added to the government dictionary, a fix of the Traditional →
// Simplified conversion): an entry keeps the lexemes it was written with until it is rebuilt.
// Documents go in batches, each in a transaction of its own, so searches meanwhile find the old
// entries of the rest; entries of what is no longer public are removed; the index is compacted last.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { knowledgeEntries } from '../knowledge/schema.js';
import { indexKnowledgeEntry, indexMissing } from './indexer.js';
import { indexChanged } from './recent-counts.js';

export interface Reindexed {
  documents: number;
  answers: number;
  /** Entries of documents or answers that are no longer public. */
  removed: number;
}

export async function reindexAll(db: Db, opts: { onProgress?: (documents: number) => void } = {}): Promise<Reindexed> {
  const documents = await indexMissing(db, { all: true, onProgress: opts.onProgress });
  const published = await db.select({ id: knowledgeEntries.id }).from(knowledgeEntries).where(eq(knowledgeEntries.status, 'published'));
  for (const { id } of published) await indexKnowledgeEntry(db, id);
  const removed = await queryRows<{ id: number }>(
    db,
    sql`delete from search_entries e
        where (e.document_id is not null and not exists (select 1 from document_versions v where v.document_id = e.document_id and v.is_current))
           or (e.knowledge_id is not null and not exists (select 1 from knowledge_entries k where k.id = e.knowledge_id and k.status = 'published'))
        returning e.id`,
  );
  indexChanged();
  // Every entry was written anew: the GIN index holds each twice (the old one dead) and searches
  // slow down by a half until it is built again — concurrently, so that they go on meanwhile.
  await db.execute(sql`vacuum (analyze) search_entries`);
  await db.execute(sql`reindex index concurrently search_entries_tsv_idx`);
  return { documents, answers: published.length, removed: removed.length };
}
