import {
  authorize,
  measurementPolicy,
  notFound,
  SetMeasurementRunObjectivesInput,
  type Actor,
  type LinkTarget,
  type MeasurementRunObjectives,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { and, eq } from "drizzle-orm";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { labelLinks, linksOf, replaceLinks, validateLinkTargets } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { measurementAbilities } from "./measurement-records";

/**
 * A run informs objectives (6.2: "how the results will be evaluated"): rows of `record_links` with
 * `source_type = measurement_run` and objective targets. The run itself stays immutable; only its links change.
 */
async function findRun(db: Executor, orgId: string, runId: string, lock = false) {
  const r = tables.measurementRuns;
  const query = db
    .select({ id: r.id, aiSystemId: r.aiSystemId, title: r.title })
    .from(r)
    .where(and(eq(r.orgId, orgId), eq(r.id, runId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Measurement run");
  return row;
}

async function present(db: Executor, actor: Actor, runId: string): Promise<MeasurementRunObjectives> {
  const targets = (await linksOf(db, actor.orgId, "measurement_run", runId)).filter(
    (t) => t.type === "objective",
  );
  return { items: await labelLinks(db, actor.orgId, targets), abilities: measurementAbilities(actor) };
}

export async function listMeasurementRunObjectives(
  ctx: AppContext,
  actor: Actor,
  runId: string,
): Promise<MeasurementRunObjectives> {
  const db = ctx.database.db;
  const run = await findRun(db, actor.orgId, runId);
  authorize(actor, measurementPolicy, "read", { aiSystemId: run.aiSystemId });
  return present(db, actor, runId);
}

/** Makes the run's objectives exactly `objectiveIds` (each must be an objective of the org: else 400). */
export async function setMeasurementRunObjectives(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  runId: string,
  input: SetMeasurementRunObjectivesInput,
): Promise<MeasurementRunObjectives> {
  const { objectiveIds } = parseInput(SetMeasurementRunObjectivesInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    // the row lock orders two concurrent replacements of the same run's links
    const run = await findRun(tx, actor.orgId, runId, true);
    authorize(actor, measurementPolicy, "record", { aiSystemId: run.aiSystemId });
    const targets: LinkTarget[] = objectiveIds.map((id) => ({ type: "objective", id }));
    await validateLinkTargets(tx, actor.orgId, targets, "objectiveIds"); // 400 naming objectiveIds.<i>
    const { added, removed } = await replaceLinks(
      tx,
      actor.orgId,
      { type: "measurement_run", id: runId },
      targets,
      actor.userId,
    );
    const result = await present(tx, actor, runId);
    if (added.length === 0 && removed.length === 0) return { result, events: [] };
    return {
      result,
      events: [
        {
          type: "measurement_run.objectives_linked",
          entityType: "measurement_run",
          entityId: runId,
          payload: {
            aiSystemId: run.aiSystemId,
            added: added.map((t) => t.id),
            removed: removed.map((t) => t.id),
          },
        },
      ],
    };
  });
}
