import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { closedPort, runCli } from "./testing/cli-harness";

describe("aims basics", () => {
  it("prints help with the exit codes and exits 0", async () => {
    const r = await runCli(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: aims/);
    assert.match(r.stdout, /Exit codes:[\s\S]*7 {2}rate limited/);
  });

  it("exits 0 for 'aims help <command>'", async () => {
    const r = await runCli(["help", "systems"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: aims systems/);
  });

  it("exits 2 on an unknown command or option", async () => {
    const unknown = await runCli(["nope"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'nope'/);
    const badOption = await runCli(["systems", "list", "--frobnicate"]);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /unknown option '--frobnicate'/);
  });

  it("exits 2 and shows the group's help when a group is called without a command", async () => {
    const r = await runCli(["systems"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: aims systems/);
  });

  it("exits 3 with a sign-in hint when no profile or token is configured", async () => {
    const r = await runCli(["systems", "list"], { env: { OPENAIMS_CONFIG_DIR: "/nonexistent/aims" } });
    assert.equal(r.code, 3);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^error: Not signed in\. Run 'aims login/);
  });

  it("exits 6 when the server cannot be reached", async () => {
    const port = await closedPort();
    const r = await runCli(["systems", "list"], {
      env: {
        OPENAIMS_URL: `http://127.0.0.1:${port}`,
        OPENAIMS_TOKEN: "oa_x",
        OPENAIMS_ORG: crypto.randomUUID(),
      },
    });
    assert.equal(r.code, 6);
    assert.match(r.stderr, /^error: Cannot reach the server at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  });
});
