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
import { runCommand } from "../shared/run-command";
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
  const { value, observedAt, note, source } = parseInput(AddObjectiveProgressInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
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
  });
}
