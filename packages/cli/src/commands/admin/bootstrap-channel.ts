import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { BootstrapInput } from "@openaims/core";
import { z } from "zod";
import { ApiError, CliError, ExitCode } from "../../exit-codes";
import { ApiClient } from "../../http/api-client";

export interface BootstrapOutcome {
  userId: string;
  orgId: string;
  email: string;
}

const ChannelFile = z.object({ url: z.string().regex(/^https?:\/\//), token: z.string().min(1) });

/** Where a running server that has no owner yet leaves its one-time local bootstrap channel. */
export const bootstrapChannelPath = (dataDir: string) => join(dirname(dataDir), "bootstrap.json");

/**
 * The embedded data directory is locked by a running server: ask that server to bootstrap instead, proving
 * we are on the same machine (and can read its files) with the token it wrote. Null when there is no channel.
 */
export async function bootstrapThroughServer(
  dataDir: string,
  input: BootstrapInput,
): Promise<{ outcome: BootstrapOutcome; url: string } | null> {
  const file = bootstrapChannelPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(ExitCode.failure, `Cannot read ${file}: ${(e as Error).message}`);
  }
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    /* reported below */
  }
  const channel = ChannelFile.safeParse(raw);
  if (!channel.success)
    throw new CliError(ExitCode.failure, `${file} is not a valid bootstrap channel file.`);
  const url = channel.data.url.replace(/\/+$/, "");
  try {
    const outcome = await new ApiClient(url, null).json<BootstrapOutcome>("POST", "/api/v1/admin/bootstrap", {
      json: input,
      headers: { "x-bootstrap-token": channel.data.token },
    });
    return { outcome, url };
  } catch (e) {
    // the server hides the endpoint (404) unless the token matches and the call comes from this machine
    if (e instanceof ApiError && (e.status === 404 || e.status === 401 || e.status === 403)) {
      throw new CliError(
        ExitCode.auth,
        `The server at ${url} did not accept the bootstrap token from ${file}. The file may be stale, or ` +
          `the server has an owner already: restart the server, or stop it and run this command again.`,
      );
    }
    throw e;
  }
}
