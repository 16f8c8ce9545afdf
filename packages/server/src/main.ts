import { fileURLToPath } from "node:url";
import {
  createAppContext,
  createEvidenceStorage,
  dummyPasswordHash,
  generateTasksForAllOrgs,
  needsBootstrap,
  sweepOrphanBlobs,
} from "@openaims/app";
import { DataDirLockedError, migrateDatabase, openDatabase } from "@openaims/db";
import { buildServer } from "./build-server";
import {
  bootstrapFilePath,
  localUrl,
  newBootstrapToken,
  removeBootstrapFile,
  removeBootstrapFileSync,
  writeBootstrapFile,
} from "./bootstrap-file";
import { ConfigError, loadConfig } from "./config";
import { startTaskScheduler } from "./task-scheduler";
import type { BootstrapChannel } from "./deps";

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

/** `npm start`: validate config, open and migrate the database, serve API + web UI, shut down cleanly. */
async function main() {
  let config;
  try {
    config = loadConfig(process.env, { webDist: fileURLToPath(new URL("../../web/dist", import.meta.url)) });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  let database;
  try {
    database =
      config.database.kind === "postgres"
        ? await openDatabase({
            kind: "postgres",
            url: config.database.url,
            poolSize: config.database.poolSize,
          })
        : await openDatabase({ kind: "pglite", dataDir: config.database.dataDir });
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    fail(`Could not open the database: ${(e as Error).message}`);
  }
  await migrateDatabase(database!);
  const ctx = createAppContext(database!, {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    loginFreeAttempts: config.loginFreeAttempts,
  });
  // Computed now, so the first sign-in with an unknown e-mail is not slower than one with a wrong password.
  await dummyPasswordHash();
  // PostgreSQL admits the CLI alongside the server, so only the embedded database needs the HTTP channel.
  const pendingBootstrap = await needsBootstrap(ctx);
  const bootstrapFile =
    pendingBootstrap && config.database.kind === "pglite" ? bootstrapFilePath(config.database.dataDir) : null;
  const bootstrap: BootstrapChannel | undefined = bootstrapFile
    ? {
        token: newBootstrapToken(),
        onBootstrapped: async () => {
          await removeBootstrapFile(bootstrapFile);
          process.stdout.write(`The first owner was created. Sign in at ${url}.\n`);
        },
      }
    : undefined;
  if (bootstrapFile) process.on("exit", () => removeBootstrapFileSync(bootstrapFile));
  const app = await buildServer({ ctx, config, bootstrap });
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  const evidenceStore = createEvidenceStorage(database!, config.evidence).store;
  const taskScheduler = startTaskScheduler({
    intervalMinutes: config.taskScheduleMinutes,
    run: async () => {
      const r = await generateTasksForAllOrgs(ctx, (orgId, error) =>
        app.log.error({ orgId, err: error }, "task generation failed for an organization"),
      );
      app.log.info(r, "generated tasks");
      // files left by crashed uploads (instance-wide; safe on several nodes at once)
      const swept = await sweepOrphanBlobs(database!, evidenceStore).catch((error: unknown) => {
        app.log.error({ err: error }, "sweeping unreferenced evidence files failed");
        return null;
      });
      if (swept && (swept.removed > 0 || swept.temporariesRemoved > 0))
        app.log.info(swept, "removed unreferenced evidence files");
    },
    onError: (error) => app.log.error({ err: error }, "task generation failed"),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      app.log.error("shutdown timed out; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await taskScheduler?.stop();
      await app.close();
    } finally {
      if (bootstrapFile) await removeBootstrapFile(bootstrapFile);
      await database!.close();
      app.log.info("database closed; bye");
      process.exit(0);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const where =
    database!.kind === "pglite"
      ? `embedded database in ${database!.location}`
      : `PostgreSQL at ${database!.location}`;
  process.stdout.write(`\nOpenAIMS is running on ${url} (${where}).\n`);
  if (pendingBootstrap) {
    if (bootstrapFile && bootstrap?.token) {
      await writeBootstrapFile(bootstrapFile, {
        url: localUrl(config.host, config.port),
        token: bootstrap.token,
      });
    }
    const how =
      bootstrapFile !== null
        ? "in another terminal on this machine (the server keeps running)"
        : "on this machine (with the same DATABASE_URL)";
    process.stdout.write(
      `\nNo owner exists yet. To create the first owner, run ${how}:\n` +
        `    npx aims admin bootstrap --email you@example.com --password '…' --org 'Your organization'\n` +
        `Then sign in at ${url}.\n\n`,
    );
  } else {
    process.stdout.write(`Sign in at ${url}; API docs at ${url}/api/docs.\n\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`OpenAIMS failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
