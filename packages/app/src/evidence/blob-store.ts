import { sql } from "drizzle-orm";
import type { Executor } from "@openaims/db";

/** Where a stored blob ended up: its SHA-256 (lower-case hex) and length in bytes. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

export type BlobSource = AsyncIterable<Uint8Array> | Uint8Array;

/**
 * Content-addressed storage for evidence files. Implementations: `FsBlobStore` (a directory, the default on the
 * embedded database) and `DbBlobStore` (table `evidence_blobs`, the default on PostgreSQL, so stateless app nodes
 * share it). An S3-compatible store fits the same shape: `put` streams a multipart upload to a temporary key and
 * copies it to `sha256/<hash>` unless that exists (then deletes the temporary object), `get` is a ranged GET,
 * `has` a HEAD, `delete` a DELETE; it ignores the `tx` arguments, which only the database store uses.
 *
 * Blobs are shared by every organization: only `evidence` rows (org-scoped) lead to one. A blob is deleted only
 * through `removeBlobIfUnreferenced`, which checks under `lockBlob` that no evidence row still names it.
 */
export interface BlobStore {
  readonly kind: "fs" | "db";
  /**
   * Streams `source` in, hashing on the way, and stores it under its hash; identical content is stored once.
   * When `source` throws (too large, refused type, client gone), nothing is left behind and the error propagates.
   */
  put(source: BlobSource): Promise<StoredBlob>;
  /** The content, or null when no blob has this hash. */
  get(sha256: string): Promise<AsyncIterable<Uint8Array> | null>;
  has(sha256: string, tx?: Executor): Promise<boolean>;
  /** Removes the blob (absent is fine). Call only from `removeBlobIfUnreferenced`. */
  delete(sha256: string, tx?: Executor): Promise<void>;
  /** The hashes of the stored blobs written before `before` (for the orphan sweep), in no particular order. */
  listStoredBefore(before: Date): AsyncIterable<string>;
  /**
   * Removes what interrupted uploads left behind (a temporary file or temporary parts) that is older than
   * `before`; younger temporaries may belong to an upload still streaming. Returns how many were removed.
   */
  removeTemporariesBefore(before: Date): Promise<number>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Serializes, per blob, "insert an evidence row naming it" against "delete it because nothing names it", across
 * processes: both take this transaction-scoped advisory lock first.
 */
export async function lockBlob(tx: Executor, sha256: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`openaims-evidence-blob:${sha256}`}, 0))`,
  );
}

/**
 * Iterates a source that may be a single buffer. A Node stream (an HTTP request body) is not destroyed when the
 * reader stops early (limit reached, refused type): destroying a request kills its socket, and with it the 413
 * or 400 the client should get.
 */
export async function* chunksOf(source: BlobSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  const stream = source as AsyncIterable<Uint8Array> & {
    iterator?: (o: { destroyOnReturn: boolean }) => AsyncIterable<Uint8Array>;
  };
  yield* typeof stream.iterator === "function" ? stream.iterator({ destroyOnReturn: false }) : source;
}
