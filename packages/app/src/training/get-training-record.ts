import { utcDay, type Actor, type TrainingRecordView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadTrainingRecordView } from "./training-record-records";

/** One record; someone else's without `training.read` is a 404 (the policy check is in the loader). */
export function getTrainingRecord(ctx: AppContext, actor: Actor, id: string): Promise<TrainingRecordView> {
  return loadTrainingRecordView(ctx.database.db, actor, id, utcDay(ctx.now()));
}
