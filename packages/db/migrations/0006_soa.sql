CREATE TABLE "applied_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'not_started' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"additional" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "soa_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"framework_id" text NOT NULL,
	"control_id" text NOT NULL,
	"additional_control_id" uuid,
	"applicable" boolean,
	"justification" text DEFAULT '' NOT NULL,
	"implementation_status" text DEFAULT 'not_started' NOT NULL,
	"owner_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "soa_version_refs" (
	"org_id" uuid NOT NULL,
	"soa_version_id" uuid NOT NULL,
	"ref_type" text NOT NULL,
	"ref_id" text NOT NULL,
	CONSTRAINT "soa_version_refs_soa_version_id_ref_type_ref_id_pk" PRIMARY KEY("soa_version_id","ref_type","ref_id")
);
--> statement-breakpoint
CREATE TABLE "soa_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "applied_controls" ADD CONSTRAINT "applied_controls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_controls" ADD CONSTRAINT "applied_controls_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applied_controls" ADD CONSTRAINT "applied_controls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_additional_control_id_applied_controls_id_fk" FOREIGN KEY ("additional_control_id") REFERENCES "public"."applied_controls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_version_refs" ADD CONSTRAINT "soa_version_refs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_version_refs" ADD CONSTRAINT "soa_version_refs_soa_version_id_soa_versions_id_fk" FOREIGN KEY ("soa_version_id") REFERENCES "public"."soa_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applied_controls_org_name_idx" ON "applied_controls" USING btree ("org_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "applied_controls_org_additional_idx" ON "applied_controls" USING btree ("org_id","additional");--> statement-breakpoint
CREATE UNIQUE INDEX "soa_entries_control_key" ON "soa_entries" USING btree ("org_id","framework_id","control_id");--> statement-breakpoint
CREATE INDEX "soa_version_refs_ref_idx" ON "soa_version_refs" USING btree ("org_id","ref_type","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "soa_versions_org_number_key" ON "soa_versions" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "soa_versions_org_status_idx" ON "soa_versions" USING btree ("org_id","status");