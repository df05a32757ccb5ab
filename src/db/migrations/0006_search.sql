CREATE TABLE "search_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"document_id" integer,
	"knowledge_id" integer,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"doc_type" text,
	"topic" text DEFAULT '' NOT NULL,
	"year" smallint,
	"validity" text,
	"published_at" timestamp with time zone NOT NULL,
	"static_score" real DEFAULT 0 NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_entries_kind_check" CHECK ("search_entries"."kind" in ('policy','interpretation','information','answer')),
	CONSTRAINT "search_entries_target_check" CHECK (("search_entries"."document_id" is null) <> ("search_entries"."knowledge_id" is null))
);
--> statement-breakpoint
CREATE TABLE "knowledge_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"question" text NOT NULL,
	"variants" text DEFAULT '' NOT NULL,
	"answer" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_entries_status_check" CHECK ("knowledge_entries"."status" in ('draft','published','archived'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_sources" (
	"knowledge_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "knowledge_sources_knowledge_id_document_id_pk" PRIMARY KEY("knowledge_id","document_id")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "text_content" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD CONSTRAINT "knowledge_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_sources" ADD CONSTRAINT "knowledge_sources_knowledge_id_knowledge_entries_id_fk" FOREIGN KEY ("knowledge_id") REFERENCES "public"."knowledge_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_sources" ADD CONSTRAINT "knowledge_sources_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "search_entries_document_key" ON "search_entries" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_entries_knowledge_key" ON "search_entries" USING btree ("knowledge_id");--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_entries_published_idx" ON "search_entries" USING btree ("published_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "knowledge_entries_org_idx" ON "knowledge_entries" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "knowledge_sources_document_idx" ON "knowledge_sources" USING btree ("document_id");