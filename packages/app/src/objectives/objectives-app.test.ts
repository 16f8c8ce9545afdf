import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { summarizeProgress, type Actor, type ProgressSummary } from "@openaims/core";
import { tables } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { reportConcern } from "../concerns/report-concern";
import { updateConcern } from "../concerns/update-concern";
import { createAppContext, type AppContext } from "../shared/context";
import { buildOrgWithOwner, expectAuditEvent } from "../testing";
import { addObjectiveProgress } from "./add-objective-progress";
import { archiveObjective, restoreObjective } from "./archive-objective";
import { createObjective } from "./create-objective";
import { progressSummaries } from "./objective-records";
import { updateObjective } from "./update-objective";

const meta = { requestId: "test" };
const objective = {
  title: "Fewer escalations",
  measure: "Escalated chatbot conversations per week",
  target: 5,
  direction: "decrease" as const,
  startDate: "2026-01-01",
  dueDate: "2026-06-30",
};

/** Every use case here and in ../concerns that writes; the last test keeps this table complete. */
const mutations: Record<
  string,
  (ctx: AppContext, actor: Actor, ids: { objective: string; concern: string }) => Promise<unknown>
> = {
  "create-objective.ts": (ctx, actor) => createObjective(ctx, actor, meta, objective),
  "update-objective.ts": (ctx, actor, ids) =>
    updateObjective(ctx, actor, meta, ids.objective, { version: 1, target: 4 }),
  "add-objective-progress.ts": (ctx, actor, ids) =>
    addObjectiveProgress(ctx, actor, meta, ids.objective, { value: 9, observedAt: "2026-02-01" }),
  "archive-objective.ts": async (ctx, actor, ids) => {
    await archiveObjective(ctx, actor, meta, ids.objective, 2);
    return restoreObjective(ctx, actor, meta, ids.objective, 3);
  },
  "report-concern.ts": (ctx, actor) =>
    reportConcern(ctx, actor, meta, { subject: "S", description: "D", anonymous: true }),
  "update-concern.ts": (ctx, actor, ids) =>
    updateConcern(ctx, actor, meta, ids.concern, { version: 1, status: "investigating" }),
};

for (const backend of testBackends()) {
  describe(`objective and concern use cases on ${backend}`, () => {
    let ctx: AppContext;
    let actor: Actor;
    let orgId: string;

    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      ctx.now = () => new Date("2026-03-01T12:00:00.000Z");
      ({ orgId, owner: actor } = await buildOrgWithOwner(ctx));
    });
    after(async () => ctx?.database.close());

    it("the grouped SQL summary agrees with core's summarizeProgress (ties, the due-day boundary, later entries)", async () => {
      const o = await createObjective(ctx, actor, meta, objective);
      const points: [number, string][] = [
        [12, "2026-02-01T00:00:00.000Z"],
        [11, "2026-02-01T00:00:00.000Z"], // same instant, recorded later: wins the tie
        [14, "2026-01-15T08:00:00.000Z"],
        [6, "2026-06-30T23:59:59.000Z"], // last moment of the due day: still by the due date
        [3, "2026-07-01T00:00:00.000Z"], // after the due date
      ];
      const rows = [];
      for (const [i, [value, at]] of points.entries()) {
        const [row] = await ctx.database.db
          .insert(tables.objectiveProgress)
          .values({
            orgId,
            objectiveId: o.id,
            value,
            observedAt: new Date(at),
            source: "api",
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
          })
          .returning();
        rows.push(row!);
      }
      const sql = (await progressSummaries(ctx.database.db, orgId, [o.id])).get(o.id)!;
      const pure: ProgressSummary = summarizeProgress(
        rows.map((r) => ({ value: r.value, observedAt: r.observedAt })),
        objective.dueDate,
      );
      assert.deepEqual(sql, pure);
      assert.equal(sql.latestByDue?.value, 6);
      assert.equal(sql.first?.value, 14);
      assert.equal(sql.latest?.value, 3);
      const none = await createObjective(ctx, actor, meta, { ...objective, title: "Untouched" });
      assert.equal((await progressSummaries(ctx.database.db, orgId, [none.id])).get(none.id), undefined);
    });

    it("every mutating use case appends at least one audit event, and the chain stays valid", async () => {
      const o = await createObjective(ctx, actor, meta, objective);
      const c = await reportConcern(ctx, actor, meta, { subject: "S", description: "D" });
      for (const [file, run] of Object.entries(mutations)) {
        await expectAuditEvent(ctx, orgId, file, () => run(ctx, actor, { objective: o.id, concern: c.id }));
      }
    });

    it("lists every mutating use case of both folders in the table above", async () => {
      const here = fileURLToPath(new URL(".", import.meta.url));
      const files = [
        ...(await readdir(here)),
        ...(await readdir(fileURLToPath(new URL("../concerns/", import.meta.url)))),
      ].filter((f) => /^(create|update|archive|add|report)-.*\.ts$/.test(f) && !f.endsWith(".test.ts"));
      assert.deepEqual(files.sort(), Object.keys(mutations).sort());
    });
  });
}
