import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCli, tempDir } from "../../testing/cli-harness";

describe("aims db sweep-blobs on an embedded data dir", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string>;
  before(async () => {
    dir = await tempDir("sweep");
    env = { OPENAIMS_DATA_DIR: join(dir.path, "data") };
    const migrated = await runCli(["db", "migrate"], { env });
    assert.equal(migrated.code, 0, migrated.stderr);
  });
  after(async () => dir?.remove());

  /** writes a blob the way the filesystem store lays it out, `hoursOld` hours old */
  const blob = async (text: string, hoursOld: number) => {
    const sha = createHash("sha256").update(text).digest("hex");
    const folder = join(env.OPENAIMS_DATA_DIR!, "evidence", "sha256", sha.slice(0, 2), sha.slice(2, 4));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, sha), text);
    const when = new Date(Date.now() - hoursOld * 3_600_000);
    await utimes(join(folder, sha), when, when);
    return join(folder, sha);
  };

  it("removes files no evidence item names once they are older than the grace period", async () => {
    const old = await blob("crashed before its row was written", 48);
    const young = await blob("an upload in progress", 1);
    const r = await runCli(["db", "sweep-blobs", "--json"], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { examined: 1, removed: 1, temporariesRemoved: 0 });
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(young), true);

    const text = await runCli(["db", "sweep-blobs", "--older-than-hours", "0"], { env });
    assert.equal(text.code, 0, text.stderr);
    assert.equal(
      text.stdout,
      "Examined 1 stored file(s) older than 0 h: removed 1 that no evidence item names and 0 interrupted upload(s).\n",
    );
    assert.equal(existsSync(young), false);
  });

  it("refuses a grace period that is not a number, changing nothing", async () => {
    const kept = await blob("stays", 48);
    const r = await runCli(["db", "sweep-blobs", "--older-than-hours", "-3"], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--older-than-hours must be a number of hours/);
    assert.equal(existsSync(kept), true);
  });
});
