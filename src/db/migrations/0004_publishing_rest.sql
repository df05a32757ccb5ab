CREATE TABLE "link_checks" (
	"url" text PRIMARY KEY NOT NULL,
	"ok" boolean NOT NULL,
	"status" integer,
	"error" text DEFAULT '' NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "columns" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'general' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"update_every" integer,
	"update_unit" text,
	"catalog_item_code" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "columns_kind_check" CHECK ("columns"."kind" in ('general','plan','budget','project')),
	CONSTRAINT "columns_update_rule_check" CHECK (("columns"."update_every" is null) = ("columns"."update_unit" is null) and ("columns"."update_every" is null or "columns"."update_every" > 0))
);
--> statement-breakpoint
CREATE TABLE "document_columns" (
	"document_id" integer NOT NULL,
	"column_id" integer NOT NULL,
	CONSTRAINT "document_columns_document_id_column_id_pk" PRIMARY KEY("document_id","column_id")
);
--> statement-breakpoint
CREATE TABLE "gazette_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"section" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gazette_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"issue_no" integer NOT NULL,
	"total_no" integer,
	"title" text DEFAULT '' NOT NULL,
	"published_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gazette_issues_status_check" CHECK ("gazette_issues"."status" in ('draft','published'))
);
--> statement-breakpoint
CREATE TABLE "cleanup_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"scope" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"effective_on" date,
	"result_document_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "cleanup_campaigns_status_check" CHECK ("cleanup_campaigns"."status" in ('open','published'))
);
--> statement-breakpoint
CREATE TABLE "cleanup_decisions" (
	"campaign_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cleanup_decisions_campaign_id_document_id_pk" PRIMARY KEY("campaign_id","document_id"),
	CONSTRAINT "cleanup_decisions_decision_check" CHECK ("cleanup_decisions"."decision" in ('keep','amend','repeal','expire'))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "interpretation_exemption_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "special_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "special_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "columns" ADD CONSTRAINT "columns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "columns" ADD CONSTRAINT "columns_parent_id_columns_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."columns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_columns" ADD CONSTRAINT "document_columns_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_columns" ADD CONSTRAINT "document_columns_column_id_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."columns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_entries" ADD CONSTRAINT "gazette_entries_issue_id_gazette_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."gazette_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_entries" ADD CONSTRAINT "gazette_entries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_issues" ADD CONSTRAINT "gazette_issues_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleanup_campaigns" ADD CONSTRAINT "cleanup_campaigns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleanup_campaigns" ADD CONSTRAINT "cleanup_campaigns_result_document_id_documents_id_fk" FOREIGN KEY ("result_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleanup_decisions" ADD CONSTRAINT "cleanup_decisions_campaign_id_cleanup_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."cleanup_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cleanup_decisions" ADD CONSTRAINT "cleanup_decisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "columns_org_code_key" ON "columns" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "columns_parent_idx" ON "columns" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "columns_path_idx" ON "columns" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "document_columns_column_idx" ON "document_columns" USING btree ("column_id","document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_entries_issue_document_key" ON "gazette_entries" USING btree ("issue_id","document_id");--> statement-breakpoint
CREATE INDEX "gazette_entries_document_idx" ON "gazette_entries" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_issues_org_year_no_key" ON "gazette_issues" USING btree ("org_id","year","issue_no");--> statement-breakpoint
CREATE INDEX "cleanup_campaigns_org_idx" ON "cleanup_campaigns" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_org_source_key" ON "documents" USING btree ("org_id","source_key");