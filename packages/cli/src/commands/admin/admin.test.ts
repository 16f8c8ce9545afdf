import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { acquireDataDirLock, openDatabase, tables } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import {
  closedPort,
  runCli,
  startCliTestServer,
  tempDir,
  type CliTestServer,
} from "../../testing/cli-harness";

const owner = (email: string) => [
  "--email",
  email,
  "--password",
  "correct horse battery",
  "--org",
  "Example Ltd",
];

describe("aims db migrate and admin bootstrap on an embedded data dir", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string>;
  before(async () => {
    dir = await tempDir("admin");
    env = { OPENAIMS_DATA_DIR: join(dir.path, "data") };
  });
  after(async () => dir?.remove());

  it("migrates a fresh data directory, and again without harm", async () => {
    const first = await runCli(["db", "migrate"], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, `Migrated the embedded database in ${env.OPENAIMS_DATA_DIR}.\n`);
    const again = await runCli(["db", "migrate"], { env });
    assert.equal(again.code, 0, again.stderr);
  });

  it("rejects bootstrap input that the schema refuses, naming the flag, without touching the database", async () => {
    const r = await runCli(
      ["admin", "bootstrap", "--email", "not-an-email", "--password", "short", "--org", "X"],
      {
        env,
      },
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^error: Invalid bootstrap input; nothing was changed\./);
    assert.match(r.stderr, /--email: must be an e-mail address/);
    assert.match(r.stderr, /--password: must be at least 12 characters/);
  });

  it("creates the first owner, tells how to sign in, and refuses a second time with exit 5", async () => {
    const r = await runCli(["admin", "bootstrap", ...owner("Ciso@Example.com"), "--name", "Cis O"], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Created the first owner ciso@example\.com .* organization 'Example Ltd'/);
    assert.match(r.stdout, /aims login --url http:\/\/localhost:8080 --token/);

    const database = await openDatabase({ kind: "pglite", dataDir: env.OPENAIMS_DATA_DIR! });
    try {
      const users = await database.db.select().from(tables.users);
      assert.deepEqual(
        users.map((u) => [u.email, u.name, u.isInstanceAdmin]),
        [["ciso@example.com", "Cis O", true]],
      );
    } finally {
      await database.close();
    }

    const second = await runCli(["admin", "bootstrap", ...owner("other@example.com")], { env });
    assert.equal(second.code, 5);
    assert.match(second.stderr, /^error: This instance already has an owner\./);
  });

  it("reads the password from stdin when it is '-'", async () => {
    const other = { OPENAIMS_DATA_DIR: join(dir.path, "stdin-data") };
    const r = await runCli(
      ["admin", "bootstrap", "--email", "a@example.com", "--password", "-", "--org", "O"],
      {
        env: other,
        stdin: "a long enough password\n",
      },
    );
    assert.equal(r.code, 0, r.stderr);
  });
});

describe("aims admin bootstrap while a server holds the embedded data dir", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let dataDir: string;
  let release: () => Promise<void>;
  let t: CliTestServer;
  const channel = { token: "secret-channel-token" as string | null };
  const writeChannel = (token: string) =>
    writeFile(join(dir.path, "bootstrap.json"), JSON.stringify({ url: t.url, token }));
  before(async () => {
    dir = await tempDir("locked");
    dataDir = join(dir.path, "data");
    // the lock file is what a running server holds; taking it in this process has the same effect on the CLI
    release = (await acquireDataDirLock(dataDir)).release;
    t = await startCliTestServer("pglite", { bootstrap: channel });
  });
  after(async () => {
    await release?.();
    await t?.close();
    await dir?.remove();
  });

  it("explains the lock (exit 6) when the server left no bootstrap channel", async () => {
    const r = await runCli(["admin", "bootstrap", ...owner("ciso@example.com")], {
      env: { OPENAIMS_DATA_DIR: dataDir },
    });
    assert.equal(r.code, 6);
    assert.match(r.stderr, /^error: The embedded database in .* is already open in another process/);
  });

  it("exits 3 when the server does not accept the token in bootstrap.json", async () => {
    await writeChannel("stale-token");
    const r = await runCli(["admin", "bootstrap", ...owner("ciso@example.com")], {
      env: { OPENAIMS_DATA_DIR: dataDir },
    });
    assert.equal(r.code, 3);
    assert.match(
      r.stderr,
      /^error: The server at http:\/\/127\.0\.0\.1:\d+ did not accept the bootstrap token/,
    );
  });

  it("bootstraps through the running server's local channel with the token from bootstrap.json", async () => {
    await writeChannel("secret-channel-token");
    const r = await runCli(["admin", "bootstrap", ...owner("CISO@example.com")], {
      env: { OPENAIMS_DATA_DIR: dataDir },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Created the first owner ciso@example\.com .* in the running server at http:/);
    assert.match(r.stdout, new RegExp(`sign in at ${t.url.replace(/\./g, "\\.")} as ciso@example\\.com`));
    const users = await t.server.database.db.select().from(tables.users);
    assert.deepEqual(
      users.map((u) => u.email),
      ["ciso@example.com"],
    );
    assert.equal(channel.token, null, "the server closed the channel");
    const again = await runCli(["admin", "bootstrap", ...owner("ciso@example.com")], {
      env: { OPENAIMS_DATA_DIR: dataDir },
    });
    assert.equal(again.code, 3, "a used channel is gone");
  });
});

for (const backend of testBackends().filter((b) => b === "postgres")) {
  describe(`aims admin bootstrap on ${backend} (DATABASE_URL)`, () => {
    it("bootstraps a PostgreSQL database once, then refuses", async () => {
      const database = await createTestDatabase("postgres");
      try {
        const url = (database.pool as unknown as { options: { connectionString: string } }).options
          .connectionString;
        const env = { DATABASE_URL: url };
        assert.equal((await runCli(["db", "migrate"], { env })).code, 0);
        const first = await runCli(["admin", "bootstrap", ...owner("pg@example.com")], { env });
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /in PostgreSQL at postgres/);
        const second = await runCli(["admin", "bootstrap", ...owner("pg2@example.com")], { env });
        assert.equal(second.code, 5);
      } finally {
        await database.close();
      }
    });
  });
}

describe("aims db migrate without a database", () => {
  it("exits 6 when PostgreSQL cannot be reached", async () => {
    const port = await closedPort();
    const r = await runCli(["db", "migrate"], {
      env: { DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/x` },
    });
    assert.equal(r.code, 6);
    assert.match(
      r.stderr,
      /^error: Cannot open PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:\d+\/x: .*ECONNREFUSED/,
    );
  });
});
