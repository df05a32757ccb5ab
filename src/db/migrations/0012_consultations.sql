CREATE TABLE "consultation_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"clause" smallint,
	"body" text NOT NULL,
	"sender_sealed" text,
	"source_index" text NOT NULL,
	"moderation" text DEFAULT 'pending' NOT NULL,
	"moderation_note" text DEFAULT '' NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"disposition" text,
	"reason" text DEFAULT '' NOT NULL,
	"handled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_comments_moderation_check" CHECK ("consultation_comments"."moderation" in ('pending','published','rejected')),
	CONSTRAINT "consultation_comments_disposition_check" CHECK ("consultation_comments"."disposition" is null or "consultation_comments"."disposition" in ('adopted','partly_adopted','not_adopted'))
);
--> statement-breakpoint
CREATE TABLE "consultation_hearings" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"selection" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"record" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"draft" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"channels" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"short_period_reason" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"report_summary" text DEFAULT '' NOT NULL,
	"report_published_at" timestamp with time zone,
	"document_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_period_check" CHECK ("consultations"."ends_on" >= "consultations"."starts_on"),
	CONSTRAINT "consultations_report_check" CHECK ("consultations"."report_published_at" is null or "consultations"."published_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_hearings" ADD CONSTRAINT "consultation_hearings_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_comments_consultation_idx" ON "consultation_comments" USING btree ("consultation_id","id");--> statement-breakpoint
CREATE INDEX "consultation_comments_source_idx" ON "consultation_comments" USING btree ("source_index","created_at");--> statement-breakpoint
CREATE INDEX "consultation_hearings_consultation_idx" ON "consultation_hearings" USING btree ("consultation_id","held_on");--> statement-breakpoint
CREATE INDEX "consultations_org_idx" ON "consultations" USING btree ("org_id","ends_on");--> statement-breakpoint
CREATE INDEX "consultations_published_idx" ON "consultations" USING btree ("ends_on") WHERE "consultations"."published_at" is not null;