import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, gt, like, lt, not } from "drizzle-orm";
import { inTransaction, tables, type Database, type Executor } from "@openaims/db";
import { chunksOf, lockBlob, type BlobSource, type BlobStore, type StoredBlob } from "./blob-store";

const { evidenceBlobs } = tables;
/** Parts of this size keep each row (and each round trip) small while a file streams in or out. */
export const BLOB_PART_BYTES = 1024 * 1024;

/**
 * Blobs in the database (table `evidence_blobs`), for deployments with several stateless app nodes. Parts are
 * written under a temporary key while the upload streams and renamed to the hash in one short transaction.
 */
export class DbBlobStore implements BlobStore {
  readonly kind = "db" as const;
  constructor(private readonly database: Database) {}

  async put(source: BlobSource): Promise<StoredBlob> {
    const { db } = this.database;
    const tmp = `tmp:${randomUUID()}`;
    const hash = createHash("sha256");
    let size = 0;
    let part = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      await db.insert(evidenceBlobs).values({ key: tmp, part, data: Buffer.concat(pending, pendingBytes) });
      part += 1;
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const chunk of chunksOf(source)) {
        hash.update(chunk);
        size += chunk.length;
        let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        while (rest.length > 0) {
          const take = Math.min(rest.length, BLOB_PART_BYTES - pendingBytes);
          pending.push(rest.subarray(0, take));
          pendingBytes += take;
          rest = rest.subarray(take);
          if (pendingBytes === BLOB_PART_BYTES) await flush();
        }
      }
      if (pendingBytes > 0 || part === 0) await flush();
      const sha256 = hash.digest("hex");
      await inTransaction(this.database, async (tx) => {
        await lockBlob(tx, sha256);
        if (await this.has(sha256, tx)) await tx.delete(evidenceBlobs).where(eq(evidenceBlobs.key, tmp));
        else await tx.update(evidenceBlobs).set({ key: sha256 }).where(eq(evidenceBlobs.key, tmp));
      });
      return { sha256, size };
    } catch (e) {
      await db
        .delete(evidenceBlobs)
        .where(eq(evidenceBlobs.key, tmp))
        .catch(() => {});
      throw e;
    }
  }

  async get(sha256: string): Promise<AsyncIterable<Uint8Array> | null> {
    if (!(await this.has(sha256))) return null;
    const { db } = this.database;
    // one part per query, fetched as the reader asks for more: a large file never sits in memory whole
    return (async function* () {
      for (let part = 0; ; part++) {
        const [row] = await db
          .select({ data: evidenceBlobs.data })
          .from(evidenceBlobs)
          .where(and(eq(evidenceBlobs.key, sha256), eq(evidenceBlobs.part, part)));
        if (!row) return;
        if (row.data.length > 0) yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      }
    })();
  }

  async has(sha256: string, tx?: Executor): Promise<boolean> {
    const [row] = await (tx ?? this.database.db)
      .select({ part: evidenceBlobs.part })
      .from(evidenceBlobs)
      .where(and(eq(evidenceBlobs.key, sha256), eq(evidenceBlobs.part, 0)));
    return !!row;
  }

  async delete(sha256: string, tx?: Executor): Promise<void> {
    await (tx ?? this.database.db).delete(evidenceBlobs).where(eq(evidenceBlobs.key, sha256));
  }

  async *listStoredBefore(before: Date): AsyncIterable<string> {
    const { db } = this.database;
    // keyset pages over the primary key, so a large store is never read in one result
    for (let after = ""; ;) {
      const rows = await db
        .select({ key: evidenceBlobs.key })
        .from(evidenceBlobs)
        .where(
          and(
            eq(evidenceBlobs.part, 0),
            gt(evidenceBlobs.key, after),
            not(like(evidenceBlobs.key, "tmp:%")),
            lt(evidenceBlobs.createdAt, before),
          ),
        )
        .orderBy(asc(evidenceBlobs.key))
        .limit(500);
      for (const row of rows) yield row.key;
      if (rows.length < 500) return;
      after = rows[rows.length - 1]!.key;
    }
  }

  async removeTemporariesBefore(before: Date): Promise<number> {
    // an upload still streaming keeps adding parts; its first part's age is the upload's age
    const stale = this.database.db
      .select({ key: evidenceBlobs.key })
      .from(evidenceBlobs)
      .where(
        and(like(evidenceBlobs.key, "tmp:%"), eq(evidenceBlobs.part, 0), lt(evidenceBlobs.createdAt, before)),
      );
    const keys = (await stale).map((r) => r.key);
    for (const key of keys) await this.database.db.delete(evidenceBlobs).where(eq(evidenceBlobs.key, key));
    return keys.length;
  }
}
