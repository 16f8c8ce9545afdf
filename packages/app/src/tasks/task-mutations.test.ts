import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "@openaims/core";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { commandFilesIn, expectAuditEvent } from "../testing";
import { createTask } from "./create-task";
import { generateTasks } from "./generate-tasks";
import { updateTask } from "./update-task";
import { orgWithMembers } from "./task-test-kit";

const meta = { requestId: "test" };

/** Every use case in this folder that writes; the last test keeps this table complete. */
const mutations: Record<string, (ctx: AppContext, actor: Actor, id: string) => Promise<unknown>> = {
  "create-task.ts": (ctx, actor) => createTask(ctx, actor, meta, { title: "Created" }),
  "update-task.ts": (ctx, actor, id) =>
    updateTask(ctx, actor, meta, id, { version: 1, status: "in_progress" }),
  "generate-tasks.ts": (ctx, actor) => generateTasks(ctx, actor.orgId, actor, meta),
};

for (const backend of testBackends()) {
  describe(`task use cases on ${backend}`, () => {
    let ctx: AppContext;
    let actor: Actor;
    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      actor = (await orgWithMembers(ctx, ["contributor"])).actors[0]!;
    });
    after(async () => ctx?.database.close());

    it("every mutating use case appends at least one audit event, and the chain stays valid", async () => {
      let taskId = "";
      for (const [file, run] of Object.entries(mutations)) {
        const result = (await expectAuditEvent(ctx, actor.orgId, file, () => run(ctx, actor, taskId))) as {
          id?: string;
        };
        if (file === "create-task.ts") taskId = result.id!;
      }
    });

    it("validates input given directly to a use case with the shared schema", async () => {
      await assert.rejects(
        createTask(ctx, actor, meta, { title: " " }),
        (e: { code?: string; details?: { issues: { path: string }[] } }) =>
          e.code === "invalid_input" && e.details?.issues[0]?.path === "title",
      );
    });

    it("lists every use case of this folder that runs a command in the table above", async () => {
      const writers = await commandFilesIn(new URL(".", import.meta.url));
      assert.deepEqual(writers.sort(), Object.keys(mutations).sort());
    });
  });
}
