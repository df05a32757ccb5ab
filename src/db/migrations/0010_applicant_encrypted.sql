ALTER TABLE "applications" ALTER COLUMN "applicant" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "applicant_sealed" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "applicant_index" text;--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_index","received_on");