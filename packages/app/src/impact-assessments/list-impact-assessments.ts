import { and, eq, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  impactAssessmentPolicy,
  ImpactAssessmentListQuery,
  notFound,
  type Actor,
  type ImpactAssessmentListQueryInput,
  type ImpactAssessmentPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { createdKeyOf, listNewestFirst } from "../shared/created-keyset-list";
import { presentSummaries } from "./impact-assessment-records";

const { impactAssessments: ia, aiSystems } = tables;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const createdKey = createdKeyOf(ia.createdAt);

/** Newest first; `systemId` and `status` narrow the list. */
export async function listImpactAssessments(
  ctx: AppContext,
  actor: Actor,
  input: ImpactAssessmentListQueryInput,
): Promise<ImpactAssessmentPage> {
  authorize(actor, impactAssessmentPolicy, "read", {});
  const { systemId, status, limit, cursor } = parseInput(ImpactAssessmentListQuery, input);
  const conds: SQL[] = [eq(ia.orgId, actor.orgId)];
  if (systemId) conds.push(eq(ia.aiSystemId, systemId));
  if (status) conds.push(eq(ia.status, status));
  const db = ctx.database.db;
  const { page, nextCursor } = await listNewestFirst(
    ia,
    { limit, cursor },
    conds,
    (where, orderBy, n) =>
      db
        .select({ row: ia, key: createdKey })
        .from(ia)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    (r) => [r.key, r.row.id],
  );
  return {
    items: await presentSummaries(
      db,
      actor.orgId,
      page.map((r) => r.row),
    ),
    nextCursor,
    abilities: { create: abilitiesOf(actor, impactAssessmentPolicy, {}).create },
  };
}

/** The assessments of one AI system of the org (another org's system → 404). */
export async function listSystemImpactAssessments(
  ctx: AppContext,
  actor: Actor,
  systemId: string,
  input: Omit<ImpactAssessmentListQueryInput, "systemId"> = {},
): Promise<ImpactAssessmentPage> {
  authorize(actor, impactAssessmentPolicy, "read", {});
  const [found] = UUID.test(systemId)
    ? await ctx.database.db
        .select({ id: aiSystems.id })
        .from(aiSystems)
        .where(and(eq(aiSystems.orgId, actor.orgId), eq(aiSystems.id, systemId)))
    : [];
  if (!found) throw notFound("AI system");
  return listImpactAssessments(ctx, actor, { ...input, systemId });
}
