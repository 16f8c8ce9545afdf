import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { buildMember } from "@openaims/server/testing";
import {
  closedPort,
  orgWithToken,
  runCli,
  useCliTestServer,
  useTempDir,
  runCliJson,
} from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims systems on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("systems");

    it("creates, lists, shows, updates, archives and restores a system", async () => {
      const { env } = await orgWithToken(t);
      const created = await runCli(
        [
          "systems",
          "create",
          "--name",
          "CV screening",
          "--purpose",
          "Rank applicants",
          "--stage",
          "deployed",
          "--roles",
          "customer,provider",
          "--tags",
          "hr, eu",
          "--json",
        ],
        { env },
      );
      assert.equal(created.code, 0, created.stderr);
      const system = JSON.parse(created.stdout);
      assert.equal(system.name, "CV screening");
      assert.equal(system.lifecycleStage, "deployed");
      assert.deepEqual(system.aiRoles, ["customer", "provider"]);
      assert.deepEqual(system.tags, ["hr", "eu"]);
      assert.equal(system.version, 1);

      const human = await runCli(["systems", "create", "--name", "Chatbot", "--type", "generative"], { env });
      assert.equal(human.code, 0, human.stderr);
      assert.match(human.stdout, /^Created AI system [0-9a-f-]{36}\.$/m);
      assert.match(human.stdout, /^AI type: +Generative AI$/m);

      const list = await runCli(["systems", "list"], { env });
      assert.equal(list.code, 0, list.stderr);
      const lines = list.stdout.trimEnd().split("\n");
      assert.match(lines[0]!, /^ID +NAME +STAGE +TYPE +OWNER +TAGS +UPDATED$/);
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(/ {2,}/)[1]),
        ["Chatbot", "CV screening"],
        "sorted by name",
      );
      assert.match(list.stderr, /2 of 2 AI systems/);

      const filtered = await runCli(["systems", "list", "--stage", "deployed", "--json"], { env });
      const page = JSON.parse(filtered.stdout);
      assert.deepEqual(
        page.items.map((s: { name: string }) => s.name),
        ["CV screening"],
      );
      assert.equal(page.total, 1);

      const show = await runCli(["systems", "show", system.id], { env });
      assert.equal(show.code, 0, show.stderr);
      assert.match(show.stdout, /^Name: +CV screening$/m);
      assert.match(show.stdout, /^Purpose: +Rank applicants$/m);
      assert.match(show.stdout, /^AI roles: +AI customer, AI provider$/m);
      assert.match(show.stdout, /^Version: +1$/m);
      const showJson = JSON.parse((await runCli(["systems", "show", system.id, "--json"], { env })).stdout);
      assert.equal(showJson.id, system.id);
      assert.equal(typeof showJson.abilities.update, "boolean");

      const updated = await runCli(
        ["systems", "update", system.id, "--stage", "monitoring", "--tags", "hr"],
        { env },
      );
      assert.equal(updated.code, 0, updated.stderr);
      assert.match(updated.stdout, /now version 2/);
      assert.match(updated.stdout, /^Lifecycle stage: +Monitoring$/m);

      const archived = await runCli(["systems", "archive", system.id], { env });
      assert.equal(archived.code, 0, archived.stderr);
      assert.match(archived.stdout, /^Archived AI system .* \(CV screening\); now version 3\.$/m);
      const active = JSON.parse((await runCli(["systems", "list", "--json"], { env })).stdout);
      assert.deepEqual(
        active.items.map((s: { name: string }) => s.name),
        ["Chatbot"],
      );
      const onlyArchived = JSON.parse(
        (await runCli(["systems", "list", "--archived", "--json"], { env })).stdout,
      );
      assert.deepEqual(
        onlyArchived.items.map((s: { name: string }) => s.name),
        ["CV screening"],
      );
      const everything = await runCli(["systems", "list", "--archived", "all"], { env });
      assert.match(everything.stdout, /ARCHIVED/);

      const restored = await runCli(["systems", "restore", system.id, "--json"], { env });
      assert.equal(restored.code, 0, restored.stderr);
      assert.equal(JSON.parse(restored.stdout).archivedAt, null);

      const history = await runCli(["systems", "history", system.id], { env });
      assert.equal(history.code, 0, history.stderr);
      const events = history.stdout
        .trimEnd()
        .split("\n")
        .slice(1)
        .map((l) => l.split(/ {2,}/)[2]);
      assert.deepEqual(events, [
        "ai_system.restored",
        "ai_system.archived",
        "ai_system.updated",
        "ai_system.created",
      ]);
      assert.match(history.stdout, /ai_system\.updated .*(lifecycleStage, tags|tags, lifecycleStage)$/m);
      const historyJson = JSON.parse(
        (await runCli(["systems", "history", system.id, "--json", "--limit", "2"], { env })).stdout,
      );
      assert.equal(historyJson.items.length, 2);
      assert.ok(historyJson.nextCursor);
    });

    it("creates from a YAML or JSON file, flags overriding the file", async () => {
      const { env } = await orgWithToken(t);
      const yamlFile = join(dir.path, "system.yaml");
      await writeFile(
        yamlFile,
        "name: From YAML\npurpose: Test\naiRoles: [provider]\ngeographies:\n  - DE\n  - FR\n",
      );
      const s = await runCliJson(["systems", "create", "--file", yamlFile, "--stage", "design", "--json"], {
        env,
      });
      assert.deepEqual([s.name, s.lifecycleStage, s.geographies], ["From YAML", "design", ["DE", "FR"]]);

      const jsonFile = join(dir.path, "system.json");
      await writeFile(jsonFile, JSON.stringify({ name: "From JSON", riskLevel: "high" }));
      const bad = await runCli(["systems", "create", "--file", jsonFile], { env });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /riskLevel|Unrecognized key/);
    });

    it("rejects invalid input with exit 2, naming the flags, without calling the server", async () => {
      const port = await closedPort(); // had the CLI called a server, it would exit 6
      const env = {
        OPENAIMS_URL: `http://127.0.0.1:${port}`,
        OPENAIMS_TOKEN: "oa_x",
        OPENAIMS_ORG: crypto.randomUUID(),
      };
      const r = await runCli(
        ["systems", "create", "--stage", "launched", "--roles", "provider,vendor", "--owner", "bob"],
        { env },
      );
      assert.equal(r.code, 2);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, /^error: The AI system is not valid; nothing was sent\.$/m);
      assert.match(r.stderr, /^ {2}name: is required$/m);
      assert.match(r.stderr, /^ {2}--stage: Invalid option: expected one of "idea"/m);
      assert.match(r.stderr, /^ {2}--roles\.1: Invalid option/m);
      assert.match(r.stderr, /^ {2}--owner: must be a UUID$/m);

      const noFields = await runCli(["systems", "update", crypto.randomUUID()], { env });
      assert.equal(noFields.code, 2);
      assert.match(noFields.stderr, /Nothing to update/);
      const badId = await runCli(["systems", "show", "42"], { env });
      assert.equal(badId.code, 2);
      const badFilter = await runCli(["systems", "list", "--limit", "500", "--sort", "risk"], { env });
      assert.equal(badFilter.code, 2);
      assert.match(badFilter.stderr, /--sort: /);
      assert.match(badFilter.stderr, /--limit: /);
    });

    it("exits 4 for a system that does not exist or belongs to another org", async () => {
      const mine = await orgWithToken(t);
      const theirs = await orgWithToken(t);
      const other = JSON.parse(
        (await runCli(["systems", "create", "--name", "Theirs", "--json"], { env: theirs.env })).stdout,
      );
      for (const id of [crypto.randomUUID(), other.id]) {
        const r = await runCli(["systems", "show", id], { env: mine.env });
        assert.equal(r.code, 4);
        assert.match(r.stderr, /^error: .*not found/i);
      }
    });

    it("exits 5 on a stale --version and leaves the system unchanged", async () => {
      const { env } = await orgWithToken(t);
      const s = JSON.parse(
        (await runCli(["systems", "create", "--name", "Versioned", "--json"], { env })).stdout,
      );
      assert.equal(
        (await runCli(["systems", "update", s.id, "--purpose", "first", "--version", "1"], { env })).code,
        0,
      );
      const stale = await runCli(["systems", "update", s.id, "--purpose", "second", "--version", "1"], {
        env,
      });
      assert.equal(stale.code, 5);
      assert.match(stale.stderr, /^error: /);
      const now = JSON.parse((await runCli(["systems", "show", s.id, "--json"], { env })).stdout);
      assert.equal(now.purpose, "first");
      assert.equal((await runCli(["systems", "archive", s.id, "--version", "1"], { env })).code, 5);
    });

    it("exits 3 when the token's role may not create systems", async () => {
      const { org, env } = await orgWithToken(t);
      const viewer = await buildMember(t.server, org.orgId, { role: "viewer" });
      const { mintToken } = await import("../../testing/cli-harness");
      const token = await mintToken(t.server, viewer, org.orgId);
      const r = await runCli(["systems", "create", "--name", "Nope"], {
        env: { ...env, OPENAIMS_TOKEN: token },
      });
      assert.equal(r.code, 3);
    });

    it("follows cursors with --all", async () => {
      const { env } = await orgWithToken(t);
      for (const n of [1, 2, 3, 4, 5]) {
        assert.equal((await runCli(["systems", "create", "--name", `System ${n}`], { env })).code, 0);
      }
      const one = JSON.parse((await runCli(["systems", "list", "--limit", "2", "--json"], { env })).stdout);
      assert.equal(one.items.length, 2);
      assert.ok(one.nextCursor);
      const all = JSON.parse(
        (await runCli(["systems", "list", "--limit", "2", "--all", "--json"], { env })).stdout,
      );
      assert.deepEqual(
        all.items.map((s: { name: string }) => s.name),
        ["System 1", "System 2", "System 3", "System 4", "System 5"],
      );
      assert.equal(all.nextCursor, null);
    });
  });
}
