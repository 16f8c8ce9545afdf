import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./config";

describe("configuration from the environment", () => {
  it("uses the embedded database and port 8080 by default", () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.database.kind, "pglite");
    assert.equal(c.cookieSecure, false);
    assert.deepEqual(c.corsOrigins, []);
  });

  it("switches to PostgreSQL when DATABASE_URL is set", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/aims", DATABASE_POOL_SIZE: "25" });
    assert.deepEqual(c.database, { kind: "postgres", url: "postgres://u:p@db:5432/aims", poolSize: 25 });
  });

  it("turns on secure cookies for an https public URL", () => {
    assert.equal(loadConfig({ OPENAIMS_PUBLIC_URL: "https://aims.example.com" }).cookieSecure, true);
  });

  it("names every bad variable and what it expected", () => {
    assert.throws(
      () =>
        loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", COOKIE_SECURE: "maybe" }),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.equal(e.problems.length, 4);
        assert.match(e.message, /PORT="eighty": must be a number/);
        assert.match(e.message, /DATABASE_URL="mysql:\/\/x": must be a postgres/);
        assert.match(e.message, /LOG_LEVEL="loud"/);
        assert.match(e.message, /COOKIE_SECURE="maybe": must be true or false/);
        return true;
      },
    );
  });
});
