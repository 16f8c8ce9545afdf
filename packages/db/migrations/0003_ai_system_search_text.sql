DROP INDEX "ai_systems_tags_idx";--> statement-breakpoint
ALTER TABLE "ai_systems" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || chr(31) || purpose || chr(31) || description || chr(31) || business_unit)) STORED;--> statement-breakpoint
CREATE INDEX "ai_systems_org_archived_idx" ON "ai_systems" USING btree ("org_id","archived_at");