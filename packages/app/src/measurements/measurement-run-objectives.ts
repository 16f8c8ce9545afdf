import {
  authorize,
  measurementPolicy,
  notFound,
  objectivePolicy,
  SetMeasurementRunObjectivesInput,
  type Actor,
  type ObjectiveMeasurementRuns,
  type LinkTarget,
  type MeasurementRunObjectives,
} from "@openaims/core";
import { tables, type Executor, type Tx } from "@openaims/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { findObjective } from "../objectives/objective-records";
import { labelLinks, linksOf, replaceLinks, sourcesLinkedTo, validateLinkTargets } from "../shared/links";
import { runCommand, type CommandOutcome } from "../shared/run-command";
import { measurementAbilities, presentRunSummary } from "./measurement-records";
import { tasksOf } from "./measurement-runs-query";

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
  return runCommand(ctx, actor, meta, (tx) => setRunObjectivesIn(tx, actor, runId, objectiveIds));
}

/**
 * The work of `setMeasurementRunObjectives` inside a transaction the caller owns (recording progress from a run
 * links the run in the same transaction). `change` turns the run's current objective ids into the wanted ones.
 */
export async function setRunObjectivesIn(
  tx: Tx,
  actor: Actor,
  runId: string,
  change: string[] | ((current: string[]) => string[]),
): Promise<CommandOutcome<MeasurementRunObjectives>> {
  // the row lock orders two concurrent replacements of the same run's links
  const run = await findRun(tx, actor.orgId, runId, true);
  authorize(actor, measurementPolicy, "record", { aiSystemId: run.aiSystemId });
  const objectiveIds =
    typeof change === "function"
      ? change(
          (await linksOf(tx, actor.orgId, "measurement_run", runId))
            .filter((t) => t.type === "objective")
            .map((t) => t.id),
        )
      : change;
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
}

/**
 * The runs linked to an objective, newest first (at most 100): what the objective's page shows. Reading needs
 * both reading the management system (the objective) and `ai_system.read` (the runs).
 */
export async function listObjectiveMeasurementRuns(
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
): Promise<ObjectiveMeasurementRuns> {
  authorize(actor, objectivePolicy, "read", { archivedAt: null });
  authorize(actor, measurementPolicy, "read", { aiSystemId: "" });
  const db = ctx.database.db;
  await findObjective(db, actor.orgId, objectiveId);
  const ids = await sourcesLinkedTo(db, actor.orgId, "measurement_run", {
    type: "objective",
    id: objectiveId,
  });
  if (ids.length === 0) return { items: [] };
  const r = tables.measurementRuns;
  const rows = await db
    .select()
    .from(r)
    .where(and(eq(r.orgId, actor.orgId), inArray(r.id, ids)))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(100);
  const tasks = await tasksOf(
    db,
    actor.orgId,
    rows.map((x) => x.id),
  );
  return { items: rows.map((x) => presentRunSummary(x, tasks.get(x.id) ?? null)) };
}
