import { and, eq } from "drizzle-orm";
import {
  authorize,
  decideApproveSoaVersion,
  decideRejectSoaVersion,
  DecideSoaVersionInput,
  soaPolicy,
  type Actor,
  type SoaVersionSummary,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import {
  findSoaVersionSummary,
  lockApprovedSoaVersion,
  lockSoaVersion,
  presentSoaVersionSummary,
  toSoaVersionState,
} from "./soa-version-records";

const v = tables.soaVersions;

/**
 * Approves or rejects a version in review. Approval: someone with `soa.approve` who did not create it
 * (four-eyes, 403 `four_eyes`); the previously approved version becomes superseded in the same transaction.
 */
export async function decideSoaVersion(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  number: number,
  decision: "approve" | "reject",
  input: DecideSoaVersionInput,
): Promise<SoaVersionSummary> {
  const { version, note } = parseInput(DecideSoaVersionInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const row = await lockSoaVersion(tx, actor.orgId, number);
    authorize(actor, soaPolicy, decision, {});
    const now = ctx.now();
    const decided = {
      status: "",
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: note,
      updatedAt: now,
    };
    let events;
    if (decision === "approve") {
      const previous = await lockApprovedSoaVersion(tx, actor.orgId);
      events = decideApproveSoaVersion(
        toSoaVersionState(row),
        actor.userId,
        version,
        previous ? toSoaVersionState(previous) : null,
        note,
      );
      if (previous)
        await tx
          .update(v)
          .set({ status: "superseded", supersededAt: now, updatedAt: now, version: previous.version + 1 })
          .where(and(eq(v.orgId, actor.orgId), eq(v.id, previous.id)));
      decided.status = "approved";
    } else {
      events = [decideRejectSoaVersion(toSoaVersionState(row), version, note)];
      decided.status = "rejected";
    }
    await tx
      .update(v)
      .set({ ...decided, version: row.version + 1 })
      .where(and(eq(v.orgId, actor.orgId), eq(v.id, row.id)));
    return {
      result: presentSoaVersionSummary(actor, await findSoaVersionSummary(tx, actor.orgId, number)),
      events,
    };
  });
}
