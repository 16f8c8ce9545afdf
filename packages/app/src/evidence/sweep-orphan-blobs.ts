import { inArray } from "drizzle-orm";
import { tables, type Database } from "@openaims/db";
import type { BlobStore } from "./blob-store";
import { removeBlobIfUnreferenced } from "./evidence-storage";

/** Blobs and temporaries younger than this are left alone: an upload may be about to reference them. */
export const DEFAULT_BLOB_SWEEP_GRACE_HOURS = 24;

export interface BlobSweepResult {
  /** stored blobs old enough to be looked at */
  examined: number;
  /** blobs no evidence item named, now deleted */
  removed: number;
  /** leftovers of interrupted uploads, now deleted */
  temporariesRemoved: number;
}

const BATCH = 500;

/**
 * Deletes what no evidence item leads to: blobs left by a crash between storing a file and inserting its row,
 * and the temporaries of interrupted uploads. Only things older than the grace period are touched, and each
 * blob goes through `removeBlobIfUnreferenced` (under the blob's lock), so an upload of the same content that
 * is inserting its row right now either keeps the blob or is told to retry — never left pointing at nothing.
 * Blobs are shared by all organizations, so this runs instance-wide and writes no organization's audit trail.
 */
export async function sweepOrphanBlobs(
  database: Database,
  store: BlobStore,
  options: { now?: Date; graceHours?: number } = {},
): Promise<BlobSweepResult> {
  const graceHours = options.graceHours ?? DEFAULT_BLOB_SWEEP_GRACE_HOURS;
  if (!(graceHours >= 0)) throw new RangeError("graceHours must be ≥ 0");
  const before = new Date((options.now ?? new Date()).getTime() - graceHours * 3_600_000);
  const result: BlobSweepResult = { examined: 0, removed: 0, temporariesRemoved: 0 };
  result.temporariesRemoved = await store.removeTemporariesBefore(before);

  const check = async (batch: string[]) => {
    const referenced = new Set(
      (
        await database.db
          .selectDistinct({ sha256: tables.evidence.sha256 })
          .from(tables.evidence)
          .where(inArray(tables.evidence.sha256, batch))
      ).map((r) => r.sha256),
    );
    for (const sha256 of batch) {
      if (referenced.has(sha256)) continue;
      if (await removeBlobIfUnreferenced(database, store, sha256)) result.removed += 1;
    }
  };
  // collected first, deleted after: the store's listing is not disturbed by deletions under it
  const candidates: string[] = [];
  for await (const sha256 of store.listStoredBefore(before)) candidates.push(sha256);
  result.examined = candidates.length;
  for (let i = 0; i < candidates.length; i += BATCH) await check(candidates.slice(i, i + BATCH));
  return result;
}
