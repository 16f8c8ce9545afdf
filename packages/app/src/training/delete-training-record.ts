import { and, eq } from "drizzle-orm";
import { authorize, decideDeleteTrainingRecord, trainingRecordPolicy, type Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findTrainingRecord, toTrainingRecordState } from "./training-record-records";

/**
 * Deletes a record entered by mistake, with its evidence links (the evidence itself stays). The audit trail keeps
 * what was deleted; a stale `version` is 409.
 */
export async function deleteTrainingRecord(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<void> {
  await runCommand(ctx, actor, meta, async (tx) => {
    const current = await findTrainingRecord(tx, actor, id, true);
    authorize(actor, trainingRecordPolicy, "delete", current);
    const event = decideDeleteTrainingRecord(toTrainingRecordState(current), version);
    const { recordLinks, trainingRecords } = tables;
    await tx
      .delete(recordLinks)
      .where(
        and(
          eq(recordLinks.orgId, actor.orgId),
          eq(recordLinks.sourceType, "training_record"),
          eq(recordLinks.sourceId, id),
        ),
      );
    await tx
      .delete(trainingRecords)
      .where(and(eq(trainingRecords.orgId, actor.orgId), eq(trainingRecords.id, id)));
    return { result: undefined, events: [event] };
  });
}
