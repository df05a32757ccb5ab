CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_relations" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_document_id" integer NOT NULL,
	"to_document_id" integer NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"org_id" integer NOT NULL,
	"index_no" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"written_on" date,
	"effective_on" date,
	"expires_on" date,
	"formed_on" date,
	"genre" text DEFAULT '' NOT NULL,
	"doc_type" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"disclosure" text DEFAULT 'proactive' NOT NULL,
	"disclosure_reason" text DEFAULT '' NOT NULL,
	"interpretation_of" integer,
	"interpretation_form" text,
	"change_note" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" integer,
	"late" boolean DEFAULT false NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"validity" text DEFAULT 'in_force' NOT NULL,
	"validity_next_change" date,
	CONSTRAINT "document_versions_document_id_version_pk" PRIMARY KEY("document_id","version")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"written_on" date,
	"effective_on" date,
	"expires_on" date,
	"formed_on" date,
	"genre" text DEFAULT '' NOT NULL,
	"doc_type" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"disclosure" text DEFAULT 'proactive' NOT NULL,
	"disclosure_reason" text DEFAULT '' NOT NULL,
	"interpretation_of" integer,
	"interpretation_form" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"index_no" text,
	"published_version" integer,
	"first_published_at" timestamp with time zone,
	"withdrawn_reason" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_doc_type_check" CHECK ("documents"."doc_type" in ('normative','regulation','policy','general')),
	CONSTRAINT "documents_disclosure_check" CHECK ("documents"."disclosure" in ('proactive','on_request','withheld'))
);
--> statement-breakpoint
CREATE TABLE "index_serials" (
	"scope" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_org_at_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "index_pattern" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relations" ADD CONSTRAINT "document_relations_from_document_id_documents_id_fk" FOREIGN KEY ("from_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relations" ADD CONSTRAINT "document_relations_to_document_id_documents_id_fk" FOREIGN KEY ("to_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_interpretation_of_documents_id_fk" FOREIGN KEY ("interpretation_of") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_interpretation_of_documents_id_fk" FOREIGN KEY ("interpretation_of") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_document_idx" ON "attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_events_document_idx" ON "document_events" USING btree ("document_id","at");--> statement-breakpoint
CREATE INDEX "document_relations_to_idx" ON "document_relations" USING btree ("to_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_relations_pair_key" ON "document_relations" USING btree ("from_document_id","to_document_id","kind");--> statement-breakpoint
CREATE INDEX "document_versions_current_idx" ON "document_versions" USING btree ("published_at" DESC NULLS FIRST) WHERE "document_versions"."is_current";--> statement-breakpoint
CREATE INDEX "document_versions_org_current_idx" ON "document_versions" USING btree ("org_id","published_at" DESC NULLS FIRST) WHERE "document_versions"."is_current";--> statement-breakpoint
CREATE INDEX "document_versions_validity_next_idx" ON "document_versions" USING btree ("validity_next_change") WHERE "document_versions"."is_current";--> statement-breakpoint
CREATE INDEX "document_versions_interpretation_of_idx" ON "document_versions" USING btree ("interpretation_of") WHERE "document_versions"."is_current";--> statement-breakpoint
CREATE INDEX "document_versions_library_idx" ON "document_versions" USING btree ("published_at" DESC NULLS FIRST) WHERE "document_versions"."is_current" and "document_versions"."interpretation_of" is null and "document_versions"."doc_type" in ('normative','regulation','policy');--> statement-breakpoint
CREATE INDEX "document_versions_library_filter_idx" ON "document_versions" USING btree ("doc_type","validity","published_at" DESC NULLS FIRST) WHERE "document_versions"."is_current" and "document_versions"."interpretation_of" is null and "document_versions"."doc_type" in ('normative','regulation','policy');--> statement-breakpoint
CREATE INDEX "documents_org_status_idx" ON "documents" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_org_index_no_key" ON "documents" USING btree ("org_id","index_no");--> statement-breakpoint
CREATE INDEX "documents_interpretation_of_idx" ON "documents" USING btree ("interpretation_of");--> statement-breakpoint
CREATE INDEX "documents_scheduled_idx" ON "documents" USING btree ("scheduled_at") WHERE "documents"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit_log" USING btree ("org_id","at" DESC NULLS FIRST);