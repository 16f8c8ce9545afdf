-- A frozen SoA version never changes: its snapshot, number, creator and references are fixed once inserted.
-- Only the decision columns (status, decided_by/at, decision_note, superseded_at, version, updated_at) move.
CREATE OR REPLACE FUNCTION openaims_soa_versions_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'soa_versions rows cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.org_id IS DISTINCT FROM OLD.org_id OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'a SoA version snapshot is immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER soa_versions_frozen BEFORE UPDATE OR DELETE ON soa_versions
  FOR EACH ROW EXECUTE FUNCTION openaims_soa_versions_frozen();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION openaims_soa_version_refs_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'soa_version_refs is insert-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER soa_version_refs_frozen BEFORE UPDATE OR DELETE ON soa_version_refs
  FOR EACH ROW EXECUTE FUNCTION openaims_soa_version_refs_frozen();
