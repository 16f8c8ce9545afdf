-- ai_system_counts holds, per org, how many AI systems are live and archived (the AI-system list's unfiltered
-- total). Statement-level triggers keep it exact inside the writing transaction: per org, the change is
-- (rows after the statement) minus (rows before it), which covers INSERT (no old rows), DELETE (no new rows)
-- and UPDATE (archive, restore, or an edit that changes nothing here) alike, and costs one upsert per statement
-- however many rows a bulk insert or import writes. Concurrent writers of one org serialize on its row.
CREATE OR REPLACE FUNCTION openaims_ai_system_counts_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ai_system_counts AS c (org_id, live, archived)
    SELECT org_id, count(*) FILTER (WHERE archived_at IS NULL), count(*) FILTER (WHERE archived_at IS NOT NULL)
    FROM new_rows GROUP BY org_id
    ON CONFLICT (org_id) DO UPDATE SET live = c.live + excluded.live, archived = c.archived + excluded.archived;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ai_system_counts AS c (org_id, live, archived)
    SELECT org_id, -count(*) FILTER (WHERE archived_at IS NULL), -count(*) FILTER (WHERE archived_at IS NOT NULL)
    FROM old_rows GROUP BY org_id
    ON CONFLICT (org_id) DO UPDATE SET live = c.live + excluded.live, archived = c.archived + excluded.archived;
  ELSE
    INSERT INTO ai_system_counts AS c (org_id, live, archived)
    SELECT org_id, sum(live), sum(archived) FROM (
      SELECT org_id, (archived_at IS NULL)::int AS live, (archived_at IS NOT NULL)::int AS archived FROM new_rows
      UNION ALL
      SELECT org_id, -(archived_at IS NULL)::int, -(archived_at IS NOT NULL)::int FROM old_rows) x
    GROUP BY org_id HAVING sum(live) <> 0 OR sum(archived) <> 0
    ON CONFLICT (org_id) DO UPDATE SET live = c.live + excluded.live, archived = c.archived + excluded.archived;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ai_system_counts_insert AFTER INSERT ON ai_systems
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION openaims_ai_system_counts_sync();
--> statement-breakpoint
CREATE TRIGGER ai_system_counts_update AFTER UPDATE ON ai_systems
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION openaims_ai_system_counts_sync();
--> statement-breakpoint
CREATE TRIGGER ai_system_counts_delete AFTER DELETE ON ai_systems
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION openaims_ai_system_counts_sync();
--> statement-breakpoint
-- The systems that exist already. Migrations run before the server serves, so nothing writes meanwhile.
INSERT INTO ai_system_counts (org_id, live, archived)
SELECT org_id, count(*) FILTER (WHERE archived_at IS NULL), count(*) FILTER (WHERE archived_at IS NOT NULL)
FROM ai_systems GROUP BY org_id
ON CONFLICT (org_id) DO UPDATE SET live = excluded.live, archived = excluded.archived;
