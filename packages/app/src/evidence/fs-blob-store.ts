import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { chunksOf, SHA256_HEX, type BlobSource, type BlobStore, type StoredBlob } from "./blob-store";

/**
 * Blobs as files: `<root>/sha256/ab/cd/<hash>`. A put writes `<root>/tmp/<uuid>`, fsyncs it and renames it into
 * place (rename is atomic on one file system), so a reader never sees a half-written blob, and a crash leaves at
 * most a stray file under `tmp/`.
 */
export class FsBlobStore implements BlobStore {
  readonly kind = "fs" as const;
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error("not a SHA-256 hex digest");
    return join(this.root, "sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: BlobSource): Promise<StoredBlob> {
    const tmpDir = join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const file = await open(tmp, "wx", 0o600);
    const hash = createHash("sha256");
    let size = 0;
    try {
      try {
        for await (const chunk of chunksOf(source)) {
          hash.update(chunk);
          size += chunk.length;
          await file.write(chunk);
        }
        await file.sync();
      } finally {
        await file.close();
      }
      const sha256 = hash.digest("hex");
      const target = this.pathOf(sha256);
      if (await exists(target)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        await syncDir(dirname(target));
      }
      return { sha256, size };
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(sha256: string): Promise<AsyncIterable<Uint8Array> | null> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) return null;
    return createReadStream(path);
  }

  has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *listStoredBefore(before: Date): AsyncIterable<string> {
    const base = join(this.root, "sha256");
    for (const a of await names(base)) {
      for (const b of await names(join(base, a))) {
        for (const name of await names(join(base, a, b))) {
          if (!SHA256_HEX.test(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) continue;
          const info = await stat(join(base, a, b, name)).catch(() => null);
          if (info?.isFile() && info.mtime < before) yield name;
        }
      }
    }
  }

  async removeTemporariesBefore(before: Date): Promise<number> {
    const tmpDir = join(this.root, "tmp");
    let removed = 0;
    for (const name of await names(tmpDir)) {
      const info = await stat(join(tmpDir, name)).catch(() => null);
      if (info?.isFile() && info.mtime < before) {
        await rm(join(tmpDir, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

/** The entries of a directory; none when it does not exist (nothing stored yet). */
async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Makes the rename itself durable; not every platform lets a directory be opened for this, hence best effort. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
