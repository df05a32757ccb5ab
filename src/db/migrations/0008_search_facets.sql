-- Facet values, publication year and sample bucket as lexemes of every search vector
-- (src/domain/search-facets.ts); new entries get them from the indexer. The GIN index is rebuilt
-- once instead of being updated row by row.
DROP INDEX IF EXISTS "search_entries_tsv_idx";
--> statement-breakpoint
UPDATE "search_entries" SET "tsv" = "tsv" || array_to_tsvector(array_remove(array[
  '§k:' || "kind",
  '§o:' || "org_id",
  '§p:' || extract(year from "published_at" at time zone 'Asia/Shanghai')::int,
  '§b:' || (coalesce("document_id", "knowledge_id") % 64),
  case when "year" is not null then '§y:' || "year" end,
  case when "doc_type" is not null then '§d:' || "doc_type" end,
  case when "validity" is not null then '§v:' || "validity" end,
  case when "topic" <> '' then '§t:' || split_part("topic", '.', 1) end,
  case when "topic" like '%.%' then '§t:' || "topic" end
], null));
--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");
