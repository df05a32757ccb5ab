CREATE TABLE "application_appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"filed_on" date NOT NULL,
	"authority" text DEFAULT '' NOT NULL,
	"case_number" text DEFAULT '' NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"decided_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_appeals_kind_check" CHECK ("application_appeals"."kind" in ('reconsideration','litigation_direct','litigation_after_reconsideration')),
	CONSTRAINT "application_appeals_result_check" CHECK ("application_appeals"."result" in ('upheld','corrected','other','pending')),
	CONSTRAINT "application_appeals_decided_check" CHECK (("application_appeals"."result" = 'pending') = ("application_appeals"."decided_on" is null))
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"application_id" integer,
	"letter_id" integer,
	"user_id" integer,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text DEFAULT '' NOT NULL,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('pending','sent','failed','skipped'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "application_appeals" ADD CONSTRAINT "application_appeals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_letter_id_application_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."application_letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_appeals_case_idx" ON "application_appeals" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_appeals_filed_idx" ON "application_appeals" USING btree ("filed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_key" ON "mail_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("send_after") WHERE "mail_outbox"."status" = 'pending';