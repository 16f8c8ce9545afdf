import { count, eq } from "drizzle-orm";
import { inTransaction, tables, type Database } from "@openaims/db";
import { lockBlob, type BlobStore } from "./blob-store";
import { DbBlobStore } from "./db-blob-store";
import { FsBlobStore } from "./fs-blob-store";

export type EvidenceStoreKind = "fs" | "db";

/** What the evidence use cases need from configuration: where files go and how large they may be. */
export interface EvidenceStorage {
  store: BlobStore;
  /** uploads larger than this are refused with 413 and nothing is stored */
  maxBytes: number;
}

export const DEFAULT_EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

export function createEvidenceStorage(
  database: Database,
  options: { store: EvidenceStoreKind; dir: string; maxBytes?: number },
): EvidenceStorage {
  return {
    store: options.store === "db" ? new DbBlobStore(database) : new FsBlobStore(options.dir),
    maxBytes: options.maxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES,
  };
}

/**
 * Deletes a blob when no evidence row (of any organization) names it any more. Runs after the transaction that
 * removed the last reference, under the blob's lock, so an upload of the same content that is about to insert a
 * row either finishes first (the blob stays) or finds the blob gone and is told to retry.
 */
export async function removeBlobIfUnreferenced(
  database: Database,
  store: BlobStore,
  sha256: string,
): Promise<boolean> {
  return inTransaction(database, async (tx) => {
    await lockBlob(tx, sha256);
    const [row] = await tx
      .select({ n: count() })
      .from(tables.evidence)
      .where(eq(tables.evidence.sha256, sha256));
    if ((row?.n ?? 0) > 0) return false;
    await store.delete(sha256, tx);
    return true;
  });
}
