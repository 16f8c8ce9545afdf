import { after, before } from "node:test";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createAppContext, type AppContext, type AppSettings } from "@openaims/app";
import type { Database } from "@openaims/db";
import { createTestDatabase, type TestBackend } from "@openaims/db/testing";
import { buildServer } from "../build-server";
import { loadConfig, type ServerConfig } from "../config";
import type { BootstrapChannel } from "../deps";

export interface TestServer {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  config: ServerConfig;
  close(): Promise<void>;
}

/** The whole HTTP app on a fresh migrated database, for `app.inject()` tests. */
export async function createTestServer(
  options: {
    backend?: TestBackend;
    config?: Partial<ServerConfig>;
    settings?: Partial<AppSettings>;
    bootstrap?: BootstrapChannel;
    /** extra routes (e.g. a test's oracle), registered before the server is ready */
    extend?: (app: FastifyInstance, ctx: AppContext) => void;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(options.backend ?? "pglite");
  const config = loadConfig({}, { logLevel: "silent", ...options.config });
  const ctx = createAppContext(database, {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    loginFreeAttempts: config.loginFreeAttempts,
    ...options.settings,
  });
  const app = await buildServer({ ctx, config, bootstrap: options.bootstrap }, false);
  options.extend?.(app, ctx);
  await app.ready();
  return {
    app,
    ctx,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Call inside `describe`: a test server created before the suite's tests and closed after them. The object
 * returned stands for it (its fields are read from the running server).
 */
export function useTestServer(
  backend: TestBackend,
  options: Omit<NonNullable<Parameters<typeof createTestServer>[0]>, "backend"> = {},
): TestServer {
  let started: TestServer | undefined;
  before(async () => {
    started = await createTestServer({ ...options, backend });
  });
  after(async () => started?.close());
  const current = () => {
    if (!started) throw new Error("the test server starts in the suite's before hook");
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get ctx() {
      return current().ctx;
    },
    get database() {
      return current().database;
    },
    get config() {
      return current().config;
    },
    close: async () => started?.close(),
  };
}

/** A caller that sends one bearer token, or a session cookie + CSRF header, on every request. */
export class TestClient {
  constructor(
    private readonly app: FastifyInstance,
    private readonly auth: { token?: string; cookie?: string; csrf?: string } = {},
  ) {}

  request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (this.auth.csrf) headers["x-csrf-token"] = this.auth.csrf;
    return this.app.inject({ ...opts, headers });
  }
  get(url: string) {
    return this.request({ method: "GET", url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: "POST", url, payload: payload as InjectOptions["payload"] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: "PATCH", url, payload: payload as InjectOptions["payload"] });
  }
  delete(url: string) {
    return this.request({ method: "DELETE", url });
  }
}
