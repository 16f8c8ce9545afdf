import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { chmod, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * The local first-owner channel for the embedded database: PGlite admits one process, so while the server runs
 * the CLI cannot open the data directory itself. The server writes this file (readable by the local user only)
 * and the CLI posts its token to `POST /api/v1/admin/bootstrap`.
 */
export interface BootstrapFile {
  url: string;
  token: string;
}

export const bootstrapFilePath = (dataDir: string): string => join(dirname(dataDir), "bootstrap.json");

export const newBootstrapToken = (): string => randomBytes(32).toString("base64url");

/** The URL the CLI on this machine uses to reach a server bound to `host`. */
export function localUrl(host: string, port: number): string {
  const any = ["0.0.0.0", "::", "localhost", "127.0.0.1", ""];
  if (any.includes(host)) return `http://127.0.0.1:${port}`;
  return host.includes(":") ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

export async function writeBootstrapFile(path: string, content: BootstrapFile): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600); // the umask cannot widen it, but an existing file keeps its old mode otherwise
  await rename(tmp, path);
}

export async function removeBootstrapFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** For `process.on("exit")`, where only synchronous work runs. */
export function removeBootstrapFileSync(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* nothing left to clean up */
  }
}
