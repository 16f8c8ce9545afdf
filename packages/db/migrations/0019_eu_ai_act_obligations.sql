CREATE TABLE "ai_system_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"ai_system_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"rule_data_id" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_system_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"ai_system_id" uuid NOT NULL,
	"obligation_id" text NOT NULL,
	"role" text NOT NULL,
	"article" text NOT NULL,
	"title" text NOT NULL,
	"applies_from" date NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"applicable" boolean DEFAULT true NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_system_classifications" ADD CONSTRAINT "ai_system_classifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_classifications" ADD CONSTRAINT "ai_system_classifications_ai_system_id_ai_systems_id_fk" FOREIGN KEY ("ai_system_id") REFERENCES "public"."ai_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_classifications" ADD CONSTRAINT "ai_system_classifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_obligations" ADD CONSTRAINT "ai_system_obligations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_obligations" ADD CONSTRAINT "ai_system_obligations_ai_system_id_ai_systems_id_fk" FOREIGN KEY ("ai_system_id") REFERENCES "public"."ai_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_obligations" ADD CONSTRAINT "ai_system_obligations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_system_classifications_system_number_uq" ON "ai_system_classifications" USING btree ("org_id","ai_system_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_system_obligations_key_uq" ON "ai_system_obligations" USING btree ("org_id","ai_system_id","obligation_id","role");