import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCli, tempDir } from "../../testing/cli-harness";

describe("aims admin settings (local)", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string>;
  before(async () => {
    dir = await tempDir("settings");
    env = { OPENAIMS_DATA_DIR: join(dir.path, "data") };
  });
  after(async () => dir?.remove());

  it("shows that only instance administrators may create organizations by default", async () => {
    const r = await runCli(["admin", "settings", "show", "--json"], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { orgCreation: "instance_admins" });
  });

  it("lets any user create organizations after `set org-creation any_user`, and back", async () => {
    const set = await runCli(["admin", "settings", "set", "org-creation", "any_user"], { env });
    assert.equal(set.code, 0, set.stderr);
    assert.deepEqual(JSON.parse((await runCli(["admin", "settings", "--json"], { env })).stdout), {
      orgCreation: "any_user",
    });
    await runCli(["admin", "settings", "set", "org-creation", "instance_admins"], { env });
    assert.deepEqual(JSON.parse((await runCli(["admin", "settings", "--json"], { env })).stdout), {
      orgCreation: "instance_admins",
    });
  });

  it("refuses unknown settings and values with exit 2, changing nothing", async () => {
    const badValue = await runCli(["admin", "settings", "set", "org-creation", "everyone"], { env });
    assert.equal(badValue.code, 2);
    assert.match(badValue.stderr, /org-creation must be one of instance_admins, any_user/);
    const badName = await runCli(["admin", "settings", "set", "colour", "blue"], { env });
    assert.equal(badName.code, 2);
    assert.deepEqual(JSON.parse((await runCli(["admin", "settings", "--json"], { env })).stdout), {
      orgCreation: "instance_admins",
    });
  });
});
