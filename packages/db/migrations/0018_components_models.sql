CREATE TABLE "ai_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"model_version" text DEFAULT '' NOT NULL,
	"model_type" text DEFAULT '' NOT NULL,
	"provider_kind" text DEFAULT 'in_house' NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"base_model" text DEFAULT '' NOT NULL,
	"gpai" boolean DEFAULT false NOT NULL,
	"training_compute_flop" double precision,
	"licence" text DEFAULT '' NOT NULL,
	"intended_use" text DEFAULT '' NOT NULL,
	"limitations" text DEFAULT '' NOT NULL,
	"evaluation_summary" text DEFAULT '' NOT NULL,
	"model_card" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "ai_models" ADD CONSTRAINT "ai_models_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_models" ADD CONSTRAINT "ai_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_models_org_name_idx" ON "ai_models" USING btree ("org_id","name","id");