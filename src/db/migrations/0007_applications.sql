CREATE TABLE "application_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"letter_id" integer
);
--> statement-breakpoint
CREATE TABLE "application_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"year" smallint NOT NULL,
	"serial" integer NOT NULL,
	"issued_on" date NOT NULL,
	"title" text NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"to_applicant" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_serials" (
	"scope" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"number" text NOT NULL,
	"year" smallint NOT NULL,
	"query_code_hash" text NOT NULL,
	"channel" text NOT NULL,
	"channel_facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"description" text NOT NULL,
	"doc_title" text DEFAULT '' NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"delivery" text[] DEFAULT '{}'::text[] NOT NULL,
	"received_on" date NOT NULL,
	"received_explanation" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"assignee_id" integer,
	"due_on" date,
	"clock_state" text DEFAULT 'running' NOT NULL,
	"clock" jsonb,
	"outcome" text,
	"outcome_basis" text DEFAULT '' NOT NULL,
	"replied_on" date,
	"closed_on" date,
	"archived_at" timestamp with time zone,
	"transferred_to_id" integer,
	"transferred_from_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('registered','in_progress','replied','closed','archived')),
	CONSTRAINT "applications_kind_check" CHECK ("applications"."applicant_kind" in ('person','business','research','nonprofit','legal_services','other'))
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer,
	"kind" text NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"number_prefix" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_files" ADD CONSTRAINT "application_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_letters" ADD CONSTRAINT "application_letters_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_case_idx" ON "application_events" USING btree ("application_id","on","id");--> statement-breakpoint
CREATE INDEX "application_files_case_idx" ON "application_files" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_letters_case_idx" ON "application_letters" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_letters_number_key" ON "application_letters" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_key" ON "applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "applications_inbox_idx" ON "applications" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "applications_received_idx" ON "applications" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_key" ON "letter_templates" USING btree (coalesce("org_id", 0),"kind","outcome");