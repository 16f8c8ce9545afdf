CREATE TABLE "incident_communications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"recipient_detail" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"logged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"occurred_on" date,
	"became_aware_on" date NOT NULL,
	"severity" text DEFAULT 'medium' NOT NULL,
	"harm_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"role" text DEFAULT 'provider' NOT NULL,
	"serious_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"resolution" text DEFAULT '' NOT NULL,
	"reported_by" uuid
);
--> statement-breakpoint
ALTER TABLE "incident_communications" ADD CONSTRAINT "incident_communications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_communications" ADD CONSTRAINT "incident_communications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_communications" ADD CONSTRAINT "incident_communications_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_communications_incident_idx" ON "incident_communications" USING btree ("org_id","incident_id","sent_at");--> statement-breakpoint
CREATE INDEX "incidents_org_created_idx" ON "incidents" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "incidents_org_status_idx" ON "incidents" USING btree ("org_id","status");