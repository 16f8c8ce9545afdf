import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import {
  abilitiesOf,
  authorize,
  impactAssessmentPolicy,
  ImpactAssessmentListQuery,
  invalidInput,
  notFound,
  type Actor,
  type ImpactAssessmentListQueryInput,
  type ImpactAssessmentPage,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { decodeCursor, encodeCursor } from "../shared/cursor";
import { presentSummaries } from "./impact-assessment-records";

const { impactAssessments: ia, aiSystems } = tables;
const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const createdKey = sql<string>`to_char(${ia.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

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
  const after = decodeCursor(cursor, 2);
  if (after) {
    const [at, id] = after;
    if (typeof at !== "string" || !ISO_US.test(at) || typeof id !== "string" || !UUID.test(id))
      throw invalidInput("The cursor is not valid for this list; start again from the first page.", {
        issues: [{ path: "cursor", message: "is not a cursor this list produced" }],
      });
    conds.push(sql`(${ia.createdAt}, ${ia.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const db = ctx.database.db;
  const rows = await db
    .select({ row: ia, key: createdKey })
    .from(ia)
    .where(and(...conds))
    .orderBy(desc(ia.createdAt), desc(ia.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await presentSummaries(
      db,
      actor.orgId,
      page.map((r) => r.row),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last.key, last.row.id]) : null,
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
