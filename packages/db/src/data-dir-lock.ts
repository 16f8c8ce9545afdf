import { rmSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in another process (pid ${holderPid}). ` +
        `Only one process may open it at a time: stop that process, or talk to the running server ` +
        `(e.g. 'aims login --url http://localhost:8080 --token …'), or use PostgreSQL (DATABASE_URL) for several processes.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive lock file beside the PGlite data directory. PGlite has no multi-process protection of its own, and
 * two processes writing one data directory corrupt it. A lock left by a dead process is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, "..", `${dataDir.split(/[\\/]/).filter(Boolean).pop() ?? "data"}.lock`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(
        JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
      );
      await handle.close();
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        process.removeListener("exit", releaseSync);
        await rm(file, { force: true });
      };
      const releaseSync = () => {
        try {
          rmSync(file, { force: true });
        } catch {
          /* best effort on exit */
        }
      };
      process.once("exit", releaseSync);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(await readFile(file, "utf8"));
      } catch {
        /* a half-written lock: treat as stale below */
      }
      const pid = Number(holder.pid);
      if (pid && holder.host === hostname() && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      if (pid === process.pid) throw new DataDirLockedError(dataDir, pid);
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}.`);
}
