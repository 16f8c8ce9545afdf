import {
  authorize,
  invalidInput,
  measurementPolicy,
  metricValues,
  notFound,
  RecordProgressFromRunInput,
  type Actor,
  type MeasurementRunResult,
  type ProgressFromRunRecorded,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { and, eq } from "drizzle-orm";
import { parseInput } from "../ai-systems/ai-system-records";
import { recordObjectiveProgressIn } from "../objectives/add-objective-progress";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { setRunObjectivesIn } from "./measurement-run-objectives";

const bad = (path: string, message: string) =>
  invalidInput(`${path}: ${message}`, { issues: [{ path, message }] });

/**
 * Records one value of a run as progress of an objective whose measure is that metric (e.g. "disparate impact of
 * race ≥ 0.8 by June"), observed when the run was recorded, and links the run to the objective. One transaction:
 * the progress entry (the objectives' own work: `objective.write`, an archived objective is 409), then the link
 * (the run's own link work), and both audit events — a refusal or failure of either leaves neither.
 */
export async function recordProgressFromRun(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  runId: string,
  input: RecordProgressFromRunInput,
): Promise<ProgressFromRunRecorded> {
  const { objectiveId, where, note, ...selector } = parseInput(RecordProgressFromRunInput, input);
  const r = tables.measurementRuns;
  const [run] = await ctx.database.db
    .select({ aiSystemId: r.aiSystemId, title: r.title, createdAt: r.createdAt, result: r.result })
    .from(r)
    .where(and(eq(r.orgId, actor.orgId), eq(r.id, runId)));
  if (!run) throw notFound("Measurement run");
  authorize(actor, measurementPolicy, "record", { aiSystemId: run.aiSystemId });

  const all = metricValues(run.result as MeasurementRunResult, selector);
  const values = where === undefined ? all : all.filter((v) => v.where === where);
  if (values.length === 0)
    throw where === undefined || all.length === 0
      ? bad("metric", `the run has no value of ${selector.metric} for this selection`)
      : bad("where", `must be one of: ${all.map((v) => v.where).join("; ")}`);
  if (values.length > 1)
    throw bad(
      "where",
      `the selection has ${values.length} values; name one of: ${values.map((v) => v.where).join("; ")}`,
    );
  const [picked] = values as [(typeof values)[number]];
  if (picked.value === null)
    throw bad(
      "metric",
      `${selector.metric} at ${picked.where} could not be computed (${picked.reason ?? "no value"})`,
    );

  return runCommand(ctx, actor, meta, async (tx) => {
    const progress = await recordObjectiveProgressIn(tx, ctx, actor, objectiveId, {
      value: picked.value as number,
      observedAt: run.createdAt.toISOString(),
      note: note || `${selector.metric} at ${picked.where} from measurement run "${run.title}"`,
      source: "measurement",
    });
    const link = await setRunObjectivesIn(tx, actor, runId, (current) => [
      ...new Set([...current, objectiveId]),
    ]);
    return {
      result: { recorded: progress.result, objectives: link.result },
      events: [...progress.events, ...link.events],
    };
  });
}
