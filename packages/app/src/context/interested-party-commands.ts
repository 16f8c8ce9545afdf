import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  assertVersion,
  authorize,
  contextPolicy,
  CreateInterestedPartyInput,
  decideCreateRecord,
  decideUpdateRecord,
  interestedPartyFieldNames,
  UpdateInterestedPartyInput,
  type Actor,
  type InterestedPartyView,
  type PartyType,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { findParty, presentParty, REQUIREMENT_SOURCE } from "./party-records";

const { interestedParties, interestedPartyRequirements, recordLinks } = tables;

export async function createInterestedParty(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateInterestedPartyInput,
): Promise<InterestedPartyView> {
  authorize(actor, contextPolicy, "write", {});
  const fields = parseInput(CreateInterestedPartyInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const id = randomUUID();
    const now = ctx.now();
    const [row] = await tx
      .insert(interestedParties)
      .values({ ...fields, id, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    const event = decideCreateRecord("interested_party", id, fields, interestedPartyFieldNames);
    return { result: await presentParty(tx, actor, row!), events: [event] };
  });
}

export async function updateInterestedParty(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateInterestedPartyInput,
): Promise<InterestedPartyView> {
  const { version, ...changes } = parseInput(UpdateInterestedPartyInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await findParty(tx, actor.orgId, id, { lock: true });
    authorize(actor, contextPolicy, "write", {});
    const state = { ...current, type: current.type as PartyType };
    const decision = decideUpdateRecord(
      "interested_party",
      state,
      changes,
      version,
      interestedPartyFieldNames,
      "This interested party",
    );
    if (!decision) return { result: await presentParty(tx, actor, current), events: [] };
    const [row] = await tx
      .update(interestedParties)
      .set({ ...decision.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(interestedParties.orgId, actor.orgId), eq(interestedParties.id, id)))
      .returning();
    return { result: await presentParty(tx, actor, row!), events: [decision.event] };
  });
}

/** Deletes a party with its requirements and their links; the audit trail keeps what was there. */
export async function deleteInterestedParty(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
): Promise<void> {
  await runCommand(ctx, actor, meta, async (tx) => {
    const current = await findParty(tx, actor.orgId, id, { lock: true });
    authorize(actor, contextPolicy, "write", {});
    assertVersion(current, version, "This interested party");
    const reqs = await tx
      .delete(interestedPartyRequirements)
      .where(
        and(eq(interestedPartyRequirements.orgId, actor.orgId), eq(interestedPartyRequirements.partyId, id)),
      )
      .returning({ id: interestedPartyRequirements.id, text: interestedPartyRequirements.text });
    for (const r of reqs)
      await tx
        .delete(recordLinks)
        .where(
          and(
            eq(recordLinks.orgId, actor.orgId),
            eq(recordLinks.sourceType, REQUIREMENT_SOURCE),
            eq(recordLinks.sourceId, r.id),
          ),
        );
    await tx
      .delete(interestedParties)
      .where(and(eq(interestedParties.orgId, actor.orgId), eq(interestedParties.id, id)));
    return {
      result: undefined,
      events: [
        {
          type: "interested_party.deleted",
          entityType: "interested_party",
          entityId: id,
          payload: { name: current.name, type: current.type, requirements: reqs.map((r) => r.text) },
        },
      ],
    };
  });
}
