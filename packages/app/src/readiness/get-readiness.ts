import {
  authorize,
  evaluateReadiness,
  iso42001ReadinessRules,
  readinessPolicy,
  type Actor,
  type ReadinessQuery,
  type ReadinessView,
} from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadReadinessFacts } from "./load-readiness-facts";

/** The calendar day (UTC) readiness is computed for: review dates and evidence validity compare with it. */
export const readinessDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * ISO/IEC 42001 readiness of the actor's organization, computed from live records on every call (a handful of
 * aggregate queries, then the pure evaluation in core). `group` narrows the node list to one clause or Annex A
 * group; the percentages always cover the whole framework.
 */
export async function getReadiness(
  ctx: AppContext,
  actor: Actor,
  query: ReadinessQuery = {},
): Promise<ReadinessView> {
  authorize(actor, readinessPolicy, "read", {});
  const rules = iso42001ReadinessRules;
  const today = readinessDay(ctx.now());
  const facts = await loadReadinessFacts(ctx.database.db, actor.orgId, rules.frameworkId, today);
  const view = evaluateReadiness(rules, facts, today);
  return query.group ? { ...view, nodes: view.nodes.filter((n) => n.groupId === query.group) } : view;
}
