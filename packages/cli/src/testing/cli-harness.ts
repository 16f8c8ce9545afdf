import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { Readable } from "node:stream";
import { after, before } from "node:test";
import type { BuiltinRole } from "@openaims/core";
import type { TestBackend } from "@openaims/db/testing";
import {
  buildMember,
  buildOrg,
  createTestServer,
  mintApiToken,
  type BuiltOrg,
  type TestServer,
} from "@openaims/server/testing";
import { run } from "../main";
import type { Io } from "../io";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aims` in-process with a private env (no process.env leaks in) and captures everything. */
export async function runCli(
  argv: string[],
  opts: { env?: Record<string, string | undefined>; cwd?: string; stdin?: string } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: { ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    readStdin: async () => opts.stdin ?? "",
    stdinStream: () => Readable.from([Buffer.from(opts.stdin ?? "")]),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A test server listening on a real port, because the CLI talks HTTP. */
export interface CliTestServer {
  server: TestServer;
  url: string;
  close(): Promise<void>;
}

export async function startCliTestServer(
  backend: TestBackend,
  options: Omit<NonNullable<Parameters<typeof createTestServer>[0]>, "backend"> = {},
): Promise<CliTestServer> {
  const server = await createTestServer({ ...options, backend });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

type CliTestServerOptions = Parameters<typeof startCliTestServer>[1];

/**
 * Call inside `describe`: a CLI test server started before the suite's tests and closed after them. Options given
 * as a function are read when the server starts (e.g. a directory made by `useTempDir` just before).
 */
export function useCliTestServer(
  backend: TestBackend,
  options: CliTestServerOptions | (() => CliTestServerOptions) = {},
): CliTestServer {
  let started: CliTestServer | undefined;
  before(async () => {
    started = await startCliTestServer(backend, typeof options === "function" ? options() : options);
  });
  after(async () => started?.close());
  const current = () => {
    if (!started) throw new Error("the CLI test server starts in the suite's before hook");
    return started;
  };
  return {
    get server() {
      return current().server;
    },
    get url() {
      return current().url;
    },
    close: async () => started?.close(),
  };
}

/** An API token for a member; a given built-in role replaces the member's grant. */
export const mintToken = (
  server: TestServer,
  member: { userId: string },
  orgId: string,
  role?: BuiltinRole,
) =>
  mintApiToken(
    server,
    member,
    orgId,
    role ? { role, customRoleId: null, name: "cli test token" } : { name: "cli test token" },
  );

/** A fresh org with an owner token, and the env that points the CLI at it. */
export async function orgWithToken(
  t: CliTestServer,
  role?: BuiltinRole,
): Promise<{ org: BuiltOrg; token: string; env: Record<string, string> }> {
  const org = await buildOrg(t.server);
  const token = await mintToken(t.server, org.owner, org.orgId, role);
  return { org, token, env: { OPENAIMS_URL: t.url, OPENAIMS_TOKEN: token, OPENAIMS_ORG: org.orgId } };
}

/** The env of `env` with the token of a new member of `orgId` in the given role: a second person at the CLI. */
export async function memberEnv(
  t: CliTestServer,
  orgId: string,
  env: Record<string, string>,
  role: BuiltinRole,
): Promise<Record<string, string>> {
  const member = await buildMember(t.server, orgId, { role });
  return { ...env, OPENAIMS_TOKEN: await mintToken(t.server, member, orgId) };
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `aims-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Call inside `describe`: a temporary directory made before the suite's tests and removed after them. */
export function useTempDir(prefix: string): { readonly path: string } {
  let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
  before(async () => {
    dir = await tempDir(prefix);
  });
  after(async () => dir?.remove());
  return {
    get path() {
      if (!dir) throw new Error("the directory is made in the suite's before hook");
      return dir.path;
    },
  };
}

/** A port nothing listens on: for "cannot reach the server". */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const address = srv.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Runs `aims`, asserts it exited 0 (showing stderr otherwise) and returns its stdout parsed as JSON. */
export async function runCliJson<T = any>(
  argv: string[],
  opts: Parameters<typeof runCli>[1] = {},
): Promise<T> {
  const res = await runCli(argv, opts);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(res.stdout) as T;
}
