CREATE TABLE "vendor_questionnaire_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"vendor_id" uuid NOT NULL,
	"questionnaire_version" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "vendor_questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"vendor_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"questionnaire_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" jsonb NOT NULL,
	"suggested_rating" text NOT NULL,
	"concern_count" integer NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"expires_on" date,
	"provider" text DEFAULT '' NOT NULL,
	"method" text DEFAULT 'other' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "training_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"validity_months" integer,
	"required" boolean DEFAULT true NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ai_literacy" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_drafts" ADD CONSTRAINT "vendor_questionnaire_drafts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_drafts" ADD CONSTRAINT "vendor_questionnaire_drafts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_drafts" ADD CONSTRAINT "vendor_questionnaire_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_responses" ADD CONSTRAINT "vendor_questionnaire_responses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_responses" ADD CONSTRAINT "vendor_questionnaire_responses_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_responses" ADD CONSTRAINT "vendor_questionnaire_responses_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_topic_id_training_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."training_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_topics" ADD CONSTRAINT "training_topics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_topics" ADD CONSTRAINT "training_topics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_questionnaire_drafts_vendor_key" ON "vendor_questionnaire_drafts" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_questionnaire_responses_number_key" ON "vendor_questionnaire_responses" USING btree ("org_id","vendor_id","number");--> statement-breakpoint
CREATE INDEX "vendor_questionnaire_responses_vendor_idx" ON "vendor_questionnaire_responses" USING btree ("org_id","vendor_id","completed_at");--> statement-breakpoint
CREATE INDEX "training_records_org_user_idx" ON "training_records" USING btree ("org_id","user_id","topic_id");--> statement-breakpoint
CREATE INDEX "training_records_org_topic_idx" ON "training_records" USING btree ("org_id","topic_id","completed_on");--> statement-breakpoint
CREATE INDEX "training_topics_org_name_idx" ON "training_topics" USING btree ("org_id","name","id");--> statement-breakpoint
-- A completed vendor questionnaire response is a record of what the vendor answered: never changed, never deleted.
CREATE OR REPLACE FUNCTION openaims_vendor_questionnaire_responses_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'vendor_questionnaire_responses is insert-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER vendor_questionnaire_responses_frozen BEFORE UPDATE OR DELETE ON vendor_questionnaire_responses
  FOR EACH ROW EXECUTE FUNCTION openaims_vendor_questionnaire_responses_frozen();
