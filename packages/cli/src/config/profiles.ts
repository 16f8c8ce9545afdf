import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { CliError, ExitCode } from "../exit-codes";
import type { Io } from "../io";

export const DEFAULT_PROFILE = "default";

const Profile = z.object({ url: z.string(), token: z.string(), orgId: z.string() });
export type Profile = z.infer<typeof Profile>;
const ConfigFile = z.object({ profiles: z.record(z.string(), Profile).default({}) });
type ConfigFile = z.infer<typeof ConfigFile>;

export function configPath(io: Io): string {
  const dir =
    io.env.OPENAIMS_CONFIG_DIR ||
    (io.env.XDG_CONFIG_HOME
      ? join(io.env.XDG_CONFIG_HOME, "openaims")
      : join(homedir(), ".config", "openaims"));
  return join(dir, "config.json");
}

export async function readConfig(io: Io): Promise<ConfigFile> {
  const file = configPath(io);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw new CliError(ExitCode.failure, `Cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = ConfigFile.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new CliError(ExitCode.failure, `${file} is not a valid aims configuration; fix or delete it.`);
  }
  return parsed.data;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Writes atomically with mode 0600: the file holds API tokens. */
export async function writeConfig(io: Io, config: ConfigFile): Promise<string> {
  const file = configPath(io);
  const dir = join(file, "..");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
  return file;
}

export function profileName(io: Io, option: string | undefined): string {
  return option || io.env.OPENAIMS_PROFILE || DEFAULT_PROFILE;
}

/** What a server command connects with; orgId is null when only the token is known (resolved from /me). */
export interface Connection {
  url: string;
  token: string;
  orgId: string | null;
  profile: string;
}

/** Profile values, each overridable by OPENAIMS_URL, OPENAIMS_TOKEN and OPENAIMS_ORG. */
export async function resolveConnection(io: Io, profileOption: string | undefined): Promise<Connection> {
  const name = profileName(io, profileOption);
  const stored = (await readConfig(io)).profiles[name];
  const url = io.env.OPENAIMS_URL || stored?.url;
  const token = io.env.OPENAIMS_TOKEN || stored?.token;
  if (!url || !token) {
    const hint = profileOption && !stored ? `No profile named '${name}'.` : "Not signed in.";
    throw new CliError(
      ExitCode.auth,
      `${hint} Run 'aims login --url URL --token TOKEN${name === DEFAULT_PROFILE ? "" : ` --profile ${name}`}', or set OPENAIMS_URL and OPENAIMS_TOKEN.`,
    );
  }
  // A token from the environment may belong to another org than the stored one: only trust the stored org
  // for the stored token.
  const storedOrg = stored && stored.token === token ? stored.orgId : null;
  return { url: normalizeUrl(url), token, orgId: io.env.OPENAIMS_ORG || storedOrg, profile: name };
}

export function normalizeUrl(url: string): string {
  return url.replace(/\/+$/, "");
}
