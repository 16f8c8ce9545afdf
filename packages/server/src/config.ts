import { join, resolve } from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => ["true", "1", "yes"].includes(v));
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: "must be a number" })
    .int({ message: "must be a whole number" })
    .min(min)
    .max(max);

/** Every environment variable the server reads, with its default. Documented in the README. */
export const EnvSchema = z.object({
  PORT: int(1, 65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATABASE_POOL_SIZE: int(1, 500).default(10),
  OPENAIMS_DATA_DIR: z.string().min(1).default("./.openaims/data"),
  OPENAIMS_PUBLIC_URL: z.url({ message: "must be a URL such as https://aims.example.com" }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: int(5, 24 * 60).default(60),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 30).default(12),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z.string().optional(),
  BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  IMPORT_LIMIT_BYTES: int(1024, 500 * 1024 * 1024).default(20 * 1024 * 1024),
  LOGIN_FREE_ATTEMPTS: int(1, 100).default(5),
  SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(20),
  /** how often the server generates tasks (document reviews, SoA gaps) for every org; 0 = never (default 60, 0 under NODE_ENV=test) */
  OPENAIMS_TASK_SCHEDULE_MINUTES: int(0, 7 * 24 * 60).optional(),
  /** where evidence files go: `fs` (a directory) or `db` (table evidence_blobs); default by database kind */
  OPENAIMS_EVIDENCE_STORE: z.enum(["fs", "db"], { message: "must be fs or db" }).optional(),
  OPENAIMS_EVIDENCE_DIR: z.string().min(1).optional(),
  OPENAIMS_EVIDENCE_MAX_BYTES: int(1, 2 * 1024 * 1024 * 1024).default(25 * 1024 * 1024),
  /** the largest prediction file(s) one measurement upload may send; they are streamed, never held whole */
  OPENAIMS_MEASUREMENT_MAX_BYTES: int(1, 64 * 1024 * 1024 * 1024).default(512 * 1024 * 1024),
  /** how long reading and measuring one upload may take before it is refused (413) */
  OPENAIMS_MEASUREMENT_MAX_SECONDS: int(1, 24 * 60 * 60).default(600),
});

export interface ServerConfig {
  port: number;
  host: string;
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dataDir: string };
  publicUrl: string | null;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  corsOrigins: string[];
  bodyLimit: number;
  importLimit: number;
  loginFreeAttempts: number;
  shutdownTimeoutMs: number;
  /** minutes between scheduled task generation runs; 0 = off */
  taskScheduleMinutes: number;
  /**
   * Evidence file storage: the filesystem under the data dir on the embedded database, the database itself on
   * PostgreSQL (several stateless nodes share it); `OPENAIMS_EVIDENCE_STORE` overrides.
   */
  evidence: { store: "fs" | "db"; dir: string; maxBytes: number };
  /** measurement uploads: computed in the request, bounded in size and time */
  measurement: { maxBytes: number; maxSeconds: number };
  /** directory of the built web UI, or null to serve the API only */
  webDist: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the environment; every bad value is named with what was expected. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${String(i.path[0])}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  const publicUrl = e.OPENAIMS_PUBLIC_URL ?? null;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: resolve(e.OPENAIMS_DATA_DIR) },
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl?.startsWith("https://") ?? false,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: (e.CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit: e.BODY_LIMIT_BYTES,
    importLimit: e.IMPORT_LIMIT_BYTES,
    loginFreeAttempts: e.LOGIN_FREE_ATTEMPTS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    taskScheduleMinutes: e.OPENAIMS_TASK_SCHEDULE_MINUTES ?? (env.NODE_ENV === "test" ? 0 : 60),
    evidence: {
      store: e.OPENAIMS_EVIDENCE_STORE ?? (e.DATABASE_URL ? "db" : "fs"),
      dir: resolve(e.OPENAIMS_EVIDENCE_DIR ?? join(e.OPENAIMS_DATA_DIR, "evidence")),
      maxBytes: e.OPENAIMS_EVIDENCE_MAX_BYTES,
    },
    measurement: {
      maxBytes: e.OPENAIMS_MEASUREMENT_MAX_BYTES,
      maxSeconds: e.OPENAIMS_MEASUREMENT_MAX_SECONDS,
    },
    webDist: null,
    ...overrides,
  };
}
