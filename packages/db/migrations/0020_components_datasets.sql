CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"provenance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collection_method" text DEFAULT '' NOT NULL,
	"acquisition_terms" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"personal_data" boolean DEFAULT false NOT NULL,
	"special_categories" boolean DEFAULT false NOT NULL,
	"preparation_steps" text DEFAULT '' NOT NULL,
	"quality_checks" text DEFAULT '' NOT NULL,
	"quality_results" text DEFAULT '' NOT NULL,
	"representativeness" text DEFAULT '' NOT NULL,
	"known_gaps" text DEFAULT '' NOT NULL,
	"retention" text DEFAULT '' NOT NULL,
	"datasheet" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "datasets_org_name_idx" ON "datasets" USING btree ("org_id","name","id");