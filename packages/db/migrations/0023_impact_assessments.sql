CREATE TABLE "impact_assessment_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"notified_on" date NOT NULL,
	"authority" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"logged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_assessment_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"variant" text NOT NULL,
	"template_id" text NOT NULL,
	"content" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"author_id" uuid,
	"editor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"system_version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"ai_system_id" uuid NOT NULL,
	"title" text NOT NULL,
	"variant" text DEFAULT 'standard' NOT NULL,
	"template_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"author_id" uuid,
	"editor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_id" uuid,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"next_review_date" date,
	"approved_version" integer,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"reviewed_at" timestamp with time zone,
	"baseline_system_version" integer,
	"review_comment" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "impact_assessment_notifications" ADD CONSTRAINT "impact_assessment_notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessment_notifications" ADD CONSTRAINT "impact_assessment_notifications_assessment_id_impact_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."impact_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessment_notifications" ADD CONSTRAINT "impact_assessment_notifications_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessment_versions" ADD CONSTRAINT "impact_assessment_versions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessment_versions" ADD CONSTRAINT "impact_assessment_versions_assessment_id_impact_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."impact_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessment_versions" ADD CONSTRAINT "impact_assessment_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessment_versions" ADD CONSTRAINT "impact_assessment_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessments" ADD CONSTRAINT "impact_assessments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessments" ADD CONSTRAINT "impact_assessments_ai_system_id_ai_systems_id_fk" FOREIGN KEY ("ai_system_id") REFERENCES "public"."ai_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessments" ADD CONSTRAINT "impact_assessments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessments" ADD CONSTRAINT "impact_assessments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessments" ADD CONSTRAINT "impact_assessments_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_assessments" ADD CONSTRAINT "impact_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impact_assessment_notifications_idx" ON "impact_assessment_notifications" USING btree ("org_id","assessment_id","notified_on");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_assessment_versions_number_key" ON "impact_assessment_versions" USING btree ("org_id","assessment_id","number");--> statement-breakpoint
CREATE INDEX "impact_assessments_org_created_idx" ON "impact_assessments" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "impact_assessments_org_system_idx" ON "impact_assessments" USING btree ("org_id","ai_system_id");--> statement-breakpoint
CREATE INDEX "impact_assessments_org_status_idx" ON "impact_assessments" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "impact_assessments_org_review_idx" ON "impact_assessments" USING btree ("org_id","next_review_date");--> statement-breakpoint
-- Frozen impact assessment versions and authority notifications are never changed or removed: a new fact is a
-- new row.
CREATE OR REPLACE FUNCTION openaims_impact_assessment_rows_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable (% rejected)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER impact_assessment_versions_frozen BEFORE UPDATE OR DELETE ON impact_assessment_versions
  FOR EACH ROW EXECUTE FUNCTION openaims_impact_assessment_rows_frozen();
--> statement-breakpoint
CREATE TRIGGER impact_assessment_notifications_frozen BEFORE UPDATE OR DELETE ON impact_assessment_notifications
  FOR EACH ROW EXECUTE FUNCTION openaims_impact_assessment_rows_frozen();
