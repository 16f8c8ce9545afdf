-- A document version that has left draft keeps its body, summary, number and author forever; only its status
-- and the workflow stamps move. Versions are never deleted.
CREATE OR REPLACE FUNCTION openaims_document_versions_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'document_versions rows cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.number IS DISTINCT FROM OLD.number OR NEW.document_id IS DISTINCT FROM OLD.document_id
     OR NEW.org_id IS DISTINCT FROM OLD.org_id OR NEW.author_id IS DISTINCT FROM OLD.author_id
     OR (OLD.status <> 'draft' AND (NEW.body IS DISTINCT FROM OLD.body
         OR NEW.change_summary IS DISTINCT FROM OLD.change_summary
         OR NEW.editor_ids IS DISTINCT FROM OLD.editor_ids)) THEN
    RAISE EXCEPTION 'a document version is immutable once it has left draft' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_versions_frozen BEFORE UPDATE OR DELETE ON document_versions
  FOR EACH ROW EXECUTE FUNCTION openaims_document_versions_frozen();
