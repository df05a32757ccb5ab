CREATE TABLE "decision_catalogs" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_stages" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"kind" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"summary" text DEFAULT '' NOT NULL,
	"document_id" integer,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_stages_period_check" CHECK ("decision_stages"."ended_on" is null or "decision_stages"."ended_on" >= "decision_stages"."started_on"),
	CONSTRAINT "decision_stages_kind_check" CHECK ("decision_stages"."kind" in ('participation','expert_review','risk_assessment','legality_review','collective_discussion','decision','publication','evaluation'))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"catalog_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"name" text NOT NULL,
	"undertaking_org_id" integer NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"planned_time" text DEFAULT '' NOT NULL,
	"consultation_id" integer,
	"document_id" integer,
	"removed_at" timestamp with time zone,
	"removal_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_removal_check" CHECK ("decisions"."removed_at" is null or "decisions"."removal_reason" <> '')
);
--> statement-breakpoint
CREATE TABLE "meeting_representatives" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"name" text NOT NULL,
	"capacity" text DEFAULT '' NOT NULL,
	"name_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"selection" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "representative_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"representative_id" integer NOT NULL,
	"opinion" text NOT NULL,
	"handling" text DEFAULT '' NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_catalogs" ADD CONSTRAINT "decision_catalogs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_catalogs" ADD CONSTRAINT "decision_catalogs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_changes" ADD CONSTRAINT "decision_changes_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_changes" ADD CONSTRAINT "decision_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_stages" ADD CONSTRAINT "decision_stages_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_stages" ADD CONSTRAINT "decision_stages_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_stages" ADD CONSTRAINT "decision_stages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_catalog_id_decision_catalogs_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."decision_catalogs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_undertaking_org_id_organizations_id_fk" FOREIGN KEY ("undertaking_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_representatives" ADD CONSTRAINT "meeting_representatives_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_representative_id_meeting_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."meeting_representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_opinions" ADD CONSTRAINT "representative_opinions_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_catalogs_org_year_idx" ON "decision_catalogs" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "decision_changes_decision_idx" ON "decision_changes" USING btree ("decision_id","created_at");--> statement-breakpoint
CREATE INDEX "decision_stages_decision_idx" ON "decision_stages" USING btree ("decision_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_catalog_seq_idx" ON "decisions" USING btree ("catalog_id","seq");--> statement-breakpoint
CREATE INDEX "decisions_undertaking_idx" ON "decisions" USING btree ("undertaking_org_id");--> statement-breakpoint
CREATE INDEX "meeting_representatives_meeting_idx" ON "meeting_representatives" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_org_idx" ON "meetings" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "representative_opinions_meeting_idx" ON "representative_opinions" USING btree ("meeting_id","id");