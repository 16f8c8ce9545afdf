import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, hostname } from "node:os";
import { join } from "node:path";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";

const freshDir = () => join(mkdtempSync(join(tmpdir(), "openaims-lock-")), "data");

describe("embedded data directory lock", () => {
  it("refuses a second opener with a message that explains what to do", async () => {
    const dir = freshDir();
    const lock = await acquireDataDirLock(dir);
    try {
      await assert.rejects(acquireDataDirLock(dir), (e: unknown) => {
        assert.ok(e instanceof DataDirLockedError);
        assert.match(e.message, /already open in another process/);
        assert.match(e.message, /DATABASE_URL/);
        return true;
      });
    } finally {
      await lock.release();
    }
    const again = await acquireDataDirLock(dir);
    await again.release();
  });

  it("refuses while another live process holds the lock", async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      writeFileSync(
        `${dir}.lock`,
        JSON.stringify({ pid: child.pid, host: hostname(), since: new Date().toISOString() }),
      );
      await assert.rejects(acquireDataDirLock(dir), DataDirLockedError);
    } finally {
      child.kill();
    }
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    await new Promise((r) => child.once("exit", r));
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: child.pid, host: hostname(), since: new Date().toISOString() }),
    );
    const lock = await acquireDataDirLock(dir);
    await lock.release();
    assert.equal(existsSync(`${dir}.lock`), false);
  });
});
