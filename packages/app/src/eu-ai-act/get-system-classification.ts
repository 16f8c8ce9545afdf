import {
  currentEuAiActRules,
  type Actor,
  type SystemClassificationDetail,
  type SystemObligationList,
} from "@openaims/core";
import type { AppContext } from "../shared/context";
import {
  authorizedSystem,
  canClassify,
  classificationsOf,
  obligationsOf,
} from "./system-classification-records";

/** The system's current classification and its history (newest first); `ai_system.read`. */
export async function getSystemClassification(
  ctx: AppContext,
  actor: Actor,
  aiSystemId: string,
): Promise<SystemClassificationDetail> {
  const db = ctx.database.db;
  const system = await authorizedSystem(db, actor, aiSystemId, "read");
  const history = await classificationsOf(db, actor.orgId, aiSystemId);
  return {
    aiSystemId,
    current: history[0] ?? null,
    history,
    currentRuleDataId: currentEuAiActRules.id,
    abilities: { classify: canClassify(actor, system) },
  };
}

/** The obligations tracked for a system, by the date they apply from; `ai_system.read`. */
export async function listSystemObligations(
  ctx: AppContext,
  actor: Actor,
  aiSystemId: string,
): Promise<SystemObligationList> {
  const db = ctx.database.db;
  const system = await authorizedSystem(db, actor, aiSystemId, "read");
  return {
    aiSystemId,
    items: await obligationsOf(db, actor, aiSystemId, canClassify(actor, system), ctx.now()),
  };
}
