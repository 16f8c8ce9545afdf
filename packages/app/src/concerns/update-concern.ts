import { and, eq } from "drizzle-orm";
import {
  authorize,
  concernPolicy,
  decideUpdateConcern,
  UpdateConcernInput,
  type Actor,
  type ConcernStatus,
  type ConcernView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findReadableConcern, presentConcern } from "./concern-records";

/** A manager moves a concern along and answers the reporter; the audit event records the status change only. */
export async function updateConcern(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateConcernInput,
): Promise<ConcernView> {
  const { version, status, response } = parseInput(UpdateConcernInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    // lock first, then read: a reporter who may read it gets 403, everyone else who may not gets 404
    await tx
      .select({ id: tables.concerns.id })
      .from(tables.concerns)
      .where(and(eq(tables.concerns.orgId, actor.orgId), eq(tables.concerns.id, id)))
      .for("update");
    const current = await findReadableConcern(tx, actor, id);
    authorize(actor, concernPolicy, "respond", current.row);
    const decision = decideUpdateConcern(
      {
        id,
        status: current.row.status as ConcernStatus,
        response: current.row.response,
        version: current.row.version,
      },
      { status, response },
      version,
    );
    if (!decision) return { result: presentConcern(actor, current), events: [] };
    const now = ctx.now();
    const responseChanged = decision.response !== current.row.response;
    const [row] = await tx
      .update(tables.concerns)
      .set({
        status: decision.status,
        response: decision.response,
        ...(responseChanged ? { respondedAt: now, respondedBy: actor.userId } : {}),
        version: current.row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(tables.concerns.orgId, actor.orgId), eq(tables.concerns.id, id)))
      .returning();
    return { result: presentConcern(actor, { ...current, row: row! }), events: [decision.event] };
  });
}
