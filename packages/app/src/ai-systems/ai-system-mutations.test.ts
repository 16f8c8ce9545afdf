import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { lifecycleStages, type Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { buildOrgWithOwner, commandFilesIn, expectAuditEvent } from "../testing";
import { archiveAiSystem } from "./archive-ai-system";
import { createAiSystem } from "./create-ai-system";
import { importAiSystems } from "./import-ai-systems";
import { restoreAiSystem } from "./restore-ai-system";
import { updateAiSystem } from "./update-ai-system";

const meta = { requestId: "test" };

/** Every use case in this folder that writes; the last test keeps this table complete. */
const mutations: Record<string, (ctx: AppContext, actor: Actor, id: string) => Promise<unknown>> = {
  "create-ai-system.ts": (ctx, actor) => createAiSystem(ctx, actor, meta, { name: "Created" }),
  "update-ai-system.ts": (ctx, actor, id) =>
    updateAiSystem(ctx, actor, meta, id, { version: 1, name: "Renamed" }),
  "archive-ai-system.ts": (ctx, actor, id) => archiveAiSystem(ctx, actor, meta, id, 2),
  "restore-ai-system.ts": (ctx, actor, id) => restoreAiSystem(ctx, actor, meta, id, 3),
  "import-ai-systems.ts": (ctx, actor, id) =>
    importAiSystems(ctx, actor, meta, { csv: `id,name\n${id},Imported\n,New one\n` }),
};

for (const backend of testBackends()) {
  describe(`AI system use cases on ${backend}`, () => {
    let ctx: AppContext;
    let actor: Actor;
    let systemId: string;

    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      actor = (await buildOrgWithOwner(ctx)).owner;
    });
    after(async () => ctx?.database.close());

    it("every mutating use case appends at least one audit event, and the chain stays valid", async () => {
      for (const [file, run] of Object.entries(mutations)) {
        const result = (await expectAuditEvent(ctx, actor.orgId, file, () => run(ctx, actor, systemId))) as {
          id?: string;
        };
        if (file === "create-ai-system.ts") systemId = result.id!;
      }
    });

    it("validates input given directly to a use case with the shared schema", async () => {
      await assert.rejects(
        createAiSystem(ctx, actor, meta, { name: "" }),
        (e: { code?: string; details?: { issues: { path: string }[] } }) =>
          e.code === "invalid_input" && e.details?.issues[0]?.path === "name",
      );
    });

    it("lists every use case of this folder that runs a command in the table above", async () => {
      const writers = await commandFilesIn(new URL(".", import.meta.url));
      // archive and restore share the write in archive-ai-system.ts
      assert.deepEqual(
        writers.sort(),
        Object.keys(mutations)
          .filter((f) => f !== "restore-ai-system.ts")
          .sort(),
      );
    });

    it("keeps the database's stage order for sorting equal to the lifecycle vocabulary", () => {
      assert.deepEqual([...tables.lifecycleStageOrder], [...lifecycleStages]);
    });
  });
}
