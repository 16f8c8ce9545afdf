import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { like, sql } from "drizzle-orm";
import { tables } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { buildOrgWithOwner } from "../testing/org-factories";
import type { BlobStore } from "./blob-store";
import { DbBlobStore } from "./db-blob-store";
import { FsBlobStore } from "./fs-blob-store";
import { sweepOrphanBlobs } from "./sweep-orphan-blobs";
import { uploadEvidenceFile } from "./upload-evidence-file";

const NOW = new Date("2026-11-28T12:00:00Z");
const LONG_AGO = new Date("2026-11-20T12:00:00Z");
const meta = { ip: "127.0.0.1", userAgent: "test", requestId: "sweep" };

for (const backend of testBackends()) {
  describe(`orphan blob sweep on ${backend}`, () => {
    let ctx: AppContext;
    let dir: string;
    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      dir = await mkdtemp(join(tmpdir(), "aims-sweep-"));
    });
    after(async () => {
      await ctx?.database.close();
      await rm(dir, { recursive: true, force: true });
    });

    const kinds: {
      name: string;
      make: () => BlobStore;
      age: (store: BlobStore, sha: string) => Promise<void>;
    }[] = [
      {
        name: "fs",
        make: () => new FsBlobStore(join(dir, "fs")),
        age: (store, sha) => utimes((store as FsBlobStore).pathOf(sha), LONG_AGO, LONG_AGO),
      },
      {
        name: "db",
        make: () => new DbBlobStore(ctx.database),
        age: async (_store, sha) => {
          await ctx.database.db.execute(
            sql`update evidence_blobs set created_at = ${LONG_AGO.toISOString()} where key = ${sha}`,
          );
        },
      },
    ];

    for (const kind of kinds) {
      it(`${kind.name}: removes old unreferenced blobs and stale temporaries, keeps referenced and young ones`, async () => {
        const store = kind.make();
        const { owner } = await buildOrgWithOwner(ctx);
        const storage = { store, maxBytes: 1024 * 1024 };
        const kept = await uploadEvidenceFile(ctx, owner, meta, storage, {
          metadata: { title: "Kept", filename: "kept.txt" },
          content: Buffer.from(`referenced by an evidence item (${kind.name})`),
          source: "manual",
        });
        const orphan = await store.put(Buffer.from(`nobody names me (${kind.name})`));
        const young = await store.put(Buffer.from(`nobody names me yet (${kind.name})`));
        await kind.age(store, kept.file!.sha256);
        await kind.age(store, orphan.sha256);
        // an interrupted upload's leftovers: one old, one that may still be streaming
        if (kind.name === "fs") {
          await mkdir(join(dir, "fs", "tmp"), { recursive: true });
          await writeFile(join(dir, "fs", "tmp", "old-upload"), "partial");
          await utimes(join(dir, "fs", "tmp", "old-upload"), LONG_AGO, LONG_AGO);
          await writeFile(join(dir, "fs", "tmp", "live-upload"), "partial");
        } else {
          await ctx.database.db.insert(tables.evidenceBlobs).values([
            { key: "tmp:old-upload", part: 0, data: Buffer.from("partial"), createdAt: LONG_AGO },
            { key: "tmp:old-upload", part: 1, data: Buffer.from("more"), createdAt: LONG_AGO },
            { key: "tmp:live-upload", part: 0, data: Buffer.from("partial") },
          ]);
        }

        const result = await sweepOrphanBlobs(ctx.database, store, { now: NOW, graceHours: 24 });

        assert.equal(result.removed, 1);
        assert.equal(result.temporariesRemoved, 1);
        assert.ok(result.examined >= 2, `examined ${result.examined}`);
        assert.equal(await store.has(orphan.sha256), false, "the old orphan is gone");
        assert.equal(await store.has(kept.file!.sha256), true, "the referenced blob stays");
        assert.equal(await store.has(young.sha256), true, "a young blob stays (an upload may reference it)");
        if (kind.name === "db") {
          const tmp = await ctx.database.db
            .select({ key: tables.evidenceBlobs.key })
            .from(tables.evidenceBlobs)
            .where(like(tables.evidenceBlobs.key, "tmp:%"));
          assert.deepEqual([...new Set(tmp.map((r) => r.key))], ["tmp:live-upload"]);
        }
        // idempotent: a second sweep finds nothing more to do
        const again = await sweepOrphanBlobs(ctx.database, store, { now: NOW, graceHours: 24 });
        assert.equal(again.removed, 0);
        assert.equal(again.temporariesRemoved, 0);
      });
    }

    it("refuses a negative grace period", async () => {
      await assert.rejects(
        sweepOrphanBlobs(ctx.database, new FsBlobStore(join(dir, "x")), { graceHours: -1 }),
        RangeError,
      );
    });
  });
}
