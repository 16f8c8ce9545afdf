DROP INDEX "ai_systems_org_name_idx";--> statement-breakpoint
DROP INDEX "ai_systems_org_stage_idx";--> statement-breakpoint
CREATE INDEX "ai_systems_org_name_idx" ON "ai_systems" USING btree ("org_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "ai_systems_org_stage_idx" ON "ai_systems" USING btree ("org_id",array_position(array['idea','design','development','validation','deployed','monitoring','retired']::text[], "lifecycle_stage"),"id");