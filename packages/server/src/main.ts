import { fileURLToPath } from "node:url";
import { createAppContext, needsBootstrap } from "@openaims/app";
import { DataDirLockedError, migrateDatabase, openDatabase } from "@openaims/db";
import { buildServer } from "./build-server";
import { ConfigError, loadConfig } from "./config";

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
  const app = await buildServer({ ctx, config });

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
      await app.close();
    } finally {
      await database!.close();
      app.log.info("database closed; bye");
      process.exit(0);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  const where =
    database!.kind === "pglite"
      ? `embedded database in ${database!.location}`
      : `PostgreSQL at ${database!.location}`;
  process.stdout.write(`\nOpenAIMS is running on ${url} (${where}).\n`);
  if (await needsBootstrap(ctx)) {
    const cmd =
      database!.kind === "pglite"
        ? "stop the server (Ctrl+C), then run:\n    npx aims admin bootstrap --email you@example.com --password '…' --org 'Your organization'\n  and start it again with 'npm start'"
        : "run on this machine:\n    npx aims admin bootstrap --email you@example.com --password '…' --org 'Your organization'";
    process.stdout.write(
      `\nNo owner exists yet. To create the first owner, ${cmd}.\nThen sign in at ${url}.\n\n`,
    );
  } else {
    process.stdout.write(`Sign in at ${url}; API docs at ${url}/api/docs.\n\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`OpenAIMS failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
