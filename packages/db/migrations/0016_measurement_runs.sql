CREATE TABLE "measurement_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"ai_system_id" uuid NOT NULL,
	"rule" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "measurement_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"ai_system_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"model_ref" text,
	"dataset_ref" text,
	"sha256" text,
	"rows_used" bigint,
	"input" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"conventions" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"policy_status" text NOT NULL,
	"policy_outcome" jsonb NOT NULL,
	"evidence_id" uuid,
	"source" text NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "measurement_policies" ADD CONSTRAINT "measurement_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_policies" ADD CONSTRAINT "measurement_policies_ai_system_id_ai_systems_id_fk" FOREIGN KEY ("ai_system_id") REFERENCES "public"."ai_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_policies" ADD CONSTRAINT "measurement_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_runs" ADD CONSTRAINT "measurement_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_runs" ADD CONSTRAINT "measurement_runs_ai_system_id_ai_systems_id_fk" FOREIGN KEY ("ai_system_id") REFERENCES "public"."ai_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_runs" ADD CONSTRAINT "measurement_runs_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_runs" ADD CONSTRAINT "measurement_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurement_policies_org_system_idx" ON "measurement_policies" USING btree ("org_id","ai_system_id","created_at");--> statement-breakpoint
CREATE INDEX "measurement_runs_org_system_created_idx" ON "measurement_runs" USING btree ("org_id","ai_system_id","created_at","id");