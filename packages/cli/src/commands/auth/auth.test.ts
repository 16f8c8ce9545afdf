import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { buildOrg } from "@openaims/server/testing";
import { mintToken, runCli, useCliTestServer, useTempDir } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims login, whoami, logout on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("auth");

    it("checks the token, stores { url, token, orgId } in a 0600 config file and signs in with it", async () => {
      const org = await buildOrg(t.server, { name: "Acme AI" });
      const token = await mintToken(t.server, org.owner, org.orgId);
      const env = { OPENAIMS_CONFIG_DIR: join(dir.path, "login") };
      const r = await runCli(["login", "--url", `${t.url}/`, "--token", token], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        new RegExp(`Signed in to ${t.url} as ${org.owner.email} in Acme AI \\(Owner\\)`),
      );

      const file = join(env.OPENAIMS_CONFIG_DIR, "config.json");
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      const config = JSON.parse(await readFile(file, "utf8"));
      assert.deepEqual(config.profiles.default, { url: t.url, token, orgId: org.orgId });

      const who = await runCli(["whoami"], { env });
      assert.equal(who.code, 0, who.stderr);
      assert.match(who.stdout, /^Profile: +default$/m);
      assert.match(who.stdout, new RegExp(`^Organization: +Acme AI \\(${org.orgId}\\)$`, "m"));
      assert.match(who.stdout, /^Role: +Owner$/m);

      const json = await runCli(["whoami", "--json"], { env });
      assert.equal(json.code, 0);
      const me = JSON.parse(json.stdout);
      assert.equal(me.user.email, org.owner.email);
      assert.equal(me.memberships[0].orgId, org.orgId);
    });

    it("keeps named profiles apart and forgets one on logout", async () => {
      const env = { OPENAIMS_CONFIG_DIR: join(dir.path, "profiles") };
      const a = await buildOrg(t.server, { name: "Org A" });
      const b = await buildOrg(t.server, { name: "Org B" });
      const login = async (org: typeof a, profile?: string) =>
        runCli(
          [
            "login",
            "--url",
            t.url,
            "--token",
            await mintToken(t.server, org.owner, org.orgId),
            ...(profile ? ["--profile", profile] : []),
          ],
          { env },
        );
      assert.equal((await login(a)).code, 0);
      assert.equal((await login(b, "second")).code, 0);
      assert.match((await runCli(["whoami"], { env })).stdout, /Org A/);
      assert.match((await runCli(["--profile", "second", "whoami"], { env })).stdout, /Org B/);
      assert.match(
        (await runCli(["whoami"], { env: { ...env, OPENAIMS_PROFILE: "second" } })).stdout,
        /Org B/,
      );

      const out = await runCli(["logout", "--profile", "second"], { env });
      assert.equal(out.code, 0);
      assert.match(out.stdout, /Removed profile 'second'/);
      const gone = await runCli(["whoami", "--profile", "second"], { env });
      assert.equal(gone.code, 3);
      assert.match(gone.stderr, /No profile named 'second'/);
      assert.equal((await runCli(["whoami"], { env })).code, 0, "the default profile is untouched");
    });

    it("rejects a bad token with exit 3 and saves nothing", async () => {
      const env = { OPENAIMS_CONFIG_DIR: join(dir.path, "bad") };
      const r = await runCli(["login", "--url", t.url, "--token", "oa_not-a-real-token"], { env });
      assert.equal(r.code, 3);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, /^error: The API token is not valid, expired or revoked\./);
      await assert.rejects(stat(join(env.OPENAIMS_CONFIG_DIR, "config.json")), { code: "ENOENT" });
    });

    it("exits 2 for a login without a URL, naming what is missing", async () => {
      const r = await runCli(["login", "--token", "oa_x"], {
        env: { OPENAIMS_CONFIG_DIR: join(dir.path, "x") },
      });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--url is required/);
    });

    it("lets OPENAIMS_URL and OPENAIMS_TOKEN stand in for a profile, finding the org from the token", async () => {
      const org = await buildOrg(t.server, { name: "Env Org" });
      const token = await mintToken(t.server, org.owner, org.orgId);
      const env = { OPENAIMS_CONFIG_DIR: join(dir.path, "none"), OPENAIMS_URL: t.url, OPENAIMS_TOKEN: token };
      const r = await runCli(["whoami"], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Env Org/);
    });
  });
}
