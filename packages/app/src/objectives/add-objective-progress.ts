import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  AddObjectiveProgressInput,
  authorize,
  decideRecordProgress,
  objectivePolicy,
  type Actor,
  type ObjectiveProgressRecorded,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand, type CommandOutcome } from "../shared/run-command";
import type { Tx } from "@openaims/db";
import {
  findObjective,
  lockObjective,
  parseObservedAt,
  presentObjectiveSummary,
  presentProgress,
  progressSummaries,
} from "./objective-records";

/** Records one measured value (by hand, or pushed by a pipeline) and answers with the objective's new status. */
export async function addObjectiveProgress(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  objectiveId: string,
  input: AddObjectiveProgressInput,
): Promise<ObjectiveProgressRecorded> {
  return runCommand(ctx, actor, meta, (tx) => recordObjectiveProgressIn(tx, ctx, actor, objectiveId, input));
}

/**
 * The command's work inside a transaction the caller owns: another command that records progress as part of its
 * own change (a measurement run's value) runs this in its transaction, so the entry, its link and their events
 * are written together or not at all. Bad input is a 400 before anything is written.
 */
export async function recordObjectiveProgressIn(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
  input: AddObjectiveProgressInput,
): Promise<CommandOutcome<ObjectiveProgressRecorded>> {
  const { value, observedAt, note, source } = parseInput(AddObjectiveProgressInput, input);
  // the lock orders this entry after a concurrent archive of the same objective
  const current = await lockObjective(tx, actor.orgId, objectiveId);
  authorize(actor, objectivePolicy, "recordProgress", current);
  const now = ctx.now();
  const id = randomUUID();
  const at = observedAt ? parseObservedAt(observedAt) : now;
  const event = decideRecordProgress(current, { id, value, observedAt: at, source }, now);
  const [row] = await tx
    .insert(tables.objectiveProgress)
    .values({
      id,
      orgId: actor.orgId,
      objectiveId,
      value,
      observedAt: at,
      note,
      source,
      recordedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [me] = await tx
    .select({ name: tables.users.name })
    .from(tables.users)
    .where(eq(tables.users.id, actor.userId));
  const { row: objective, ownerName } = await findObjective(tx, actor.orgId, objectiveId);
  const summaries = await progressSummaries(tx, actor.orgId, [objectiveId]);
  return {
    result: {
      progress: presentProgress(row!, me?.name ?? null),
      objective: presentObjectiveSummary(actor, objective, ownerName, summaries.get(objectiveId), now),
    },
    events: [event],
  };
}
