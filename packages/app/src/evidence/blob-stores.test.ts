import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, like } from "drizzle-orm";
import { tables, type Database } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import type { BlobStore } from "./blob-store";
import { BLOB_PART_BYTES, DbBlobStore } from "./db-blob-store";
import { removeBlobIfUnreferenced } from "./evidence-storage";
import { FsBlobStore } from "./fs-blob-store";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
async function readAll(body: AsyncIterable<Uint8Array> | null): Promise<Buffer> {
  assert.ok(body, "expected content");
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}
/** A source that delivers `data` in small pieces, like a request body. */
async function* pieces(data: Uint8Array, size = 64 * 1024): AsyncIterable<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
const random = (n: number) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7919 + (i >> 8)) & 0xff;
  return b;
};

for (const backend of testBackends()) {
  describe(`evidence blob stores on ${backend}`, () => {
    let database: Database;
    let dir: string;
    let stores: { name: string; store: BlobStore; leftovers: () => Promise<number> }[];
    before(async () => {
      database = await createTestDatabase(backend);
      dir = await mkdtemp(join(tmpdir(), "aims-blobs-"));
      const fs = new FsBlobStore(dir);
      const db = new DbBlobStore(database);
      stores = [
        {
          name: "fs",
          store: fs,
          leftovers: async () => (await readdir(join(dir, "tmp")).catch(() => [])).length,
        },
        {
          name: "db",
          store: db,
          leftovers: async () =>
            (
              await database.db
                .select()
                .from(tables.evidenceBlobs)
                .where(like(tables.evidenceBlobs.key, "tmp:%"))
            ).length,
        },
      ];
    });
    after(async () => {
      await database?.close();
      await rm(dir, { recursive: true, force: true });
    });

    for (const name of ["fs", "db"]) {
      const storeOf = () => stores.find((s) => s.name === name)!;

      it(`${name}: stores under the SHA-256 and reads the same bytes back, streamed over several parts`, async () => {
        const { store, leftovers } = storeOf();
        const data = random(2 * BLOB_PART_BYTES + 12345);
        const put = await store.put(pieces(data));
        assert.equal(put.sha256, sha(data));
        assert.equal(put.size, data.length);
        assert.equal(await store.has(put.sha256), true);
        assert.ok((await readAll(await store.get(put.sha256))).equals(data));
        assert.equal(await leftovers(), 0, "no temporary data left");
      });

      it(`${name}: identical content is stored once`, async () => {
        const { store, leftovers } = storeOf();
        const data = Buffer.from(`same content ${name} ${randomUUID()}`);
        const a = await store.put(data);
        const b = await store.put(pieces(data, 3));
        assert.equal(a.sha256, b.sha256);
        if (store instanceof FsBlobStore) {
          const files = await readdir(join(dir, "sha256", a.sha256.slice(0, 2), a.sha256.slice(2, 4)));
          assert.deepEqual(files, [a.sha256]);
        } else {
          const rows = await database.db
            .select()
            .from(tables.evidenceBlobs)
            .where(eq(tables.evidenceBlobs.key, a.sha256));
          assert.equal(rows.length, 1);
        }
        assert.equal(await leftovers(), 0);
      });

      it(`${name}: a blob is not visible under its hash until it is complete`, async () => {
        const { store } = storeOf();
        const data = Buffer.from(`atomic ${name} ${randomUUID()}`.repeat(1000));
        const expected = sha(data);
        let seenMidway: boolean | null = null;
        const source = async function* () {
          yield data.subarray(0, 100);
          seenMidway = await store.has(expected);
          yield data.subarray(100);
        };
        await store.put(source());
        assert.equal(seenMidway, false);
        assert.equal(await store.has(expected), true);
      });

      it(`${name}: a source that fails leaves nothing behind and the error comes through`, async () => {
        const { store, leftovers } = storeOf();
        const data = random(BLOB_PART_BYTES + 10);
        const failing = async function* () {
          yield data;
          throw new Error("client went away");
        };
        await assert.rejects(store.put(failing()), /client went away/);
        assert.equal(await store.has(sha(data)), false);
        assert.equal(await leftovers(), 0);
      });

      it(`${name}: unknown hashes read as absent; delete removes`, async () => {
        const { store } = storeOf();
        assert.equal(await store.get("0".repeat(64)), null);
        const put = await store.put(Buffer.from(`to delete ${name}`));
        await store.delete(put.sha256);
        assert.equal(await store.has(put.sha256), false);
        await store.delete(put.sha256); // absent is fine
      });

      it(`${name}: removeBlobIfUnreferenced keeps a blob evidence still names`, async () => {
        const { store } = storeOf();
        const put = await store.put(Buffer.from(`referenced ${name} ${randomUUID()}`));
        const orgId = randomUUID();
        await database.db.insert(tables.organizations).values({ id: orgId, name: "Org" });
        await database.db.insert(tables.evidence).values({
          orgId,
          kind: "file",
          title: "x",
          sha256: put.sha256,
          sizeBytes: put.size,
          source: "api",
        });
        assert.equal(await removeBlobIfUnreferenced(database, store, put.sha256), false);
        assert.equal(await store.has(put.sha256), true);
        await database.db.delete(tables.evidence).where(eq(tables.evidence.sha256, put.sha256));
        assert.equal(await removeBlobIfUnreferenced(database, store, put.sha256), true);
        assert.equal(await store.has(put.sha256), false);
        if (store instanceof FsBlobStore) assert.equal(existsSync(store.pathOf(put.sha256)), false);
      });
    }
  });
}
