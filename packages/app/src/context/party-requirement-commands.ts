import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  assertVersion,
  authorize,
  contextPolicy,
  CreatePartyRequirementInput,
  decideCreateRecord,
  decideUpdateRecord,
  partyRequirementFieldNames,
  UpdatePartyRequirementInput,
  type Actor,
  type Addressed,
  type InterestedPartyView,
  type LinkTarget,
  type PendingEvent,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { findParty, findRequirement, presentParty, REQUIREMENT_SOURCE, touchParty } from "./party-records";

const { interestedPartyRequirements } = tables;

async function setLink(tx: Executor, orgId: string, id: string, link: LinkTarget | null, userId: string) {
  const { added, removed } = await replaceLinks(
    tx,
    orgId,
    { type: REQUIREMENT_SOURCE, id },
    link ? [{ type: link.type, id: link.id }] : [],
    userId,
  );
  return added.length + removed.length > 0 ? { added, removed } : null;
}

/** Adds a requirement to a party; the answer is the whole party (its version moves on). */
export async function addPartyRequirement(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  partyId: string,
  input: CreatePartyRequirementInput,
): Promise<InterestedPartyView> {
  authorize(actor, contextPolicy, "write", {});
  const { link, ...fields } = parseInput(CreatePartyRequirementInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const party = await findParty(tx, actor.orgId, partyId, { lock: true });
    const id = randomUUID();
    const now = ctx.now();
    await tx.insert(interestedPartyRequirements).values({
      ...fields,
      id,
      orgId: actor.orgId,
      partyId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const links = await setLink(tx, actor.orgId, id, link, actor.userId);
    const event = decideCreateRecord("interested_party_requirement", id, fields, partyRequirementFieldNames, {
      partyId,
      party: party.name,
      ...(links ? { links } : {}),
    });
    return { result: await presentParty(tx, actor, await touchParty(tx, party, now)), events: [event] };
  });
}

export async function updatePartyRequirement(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  partyId: string,
  id: string,
  input: UpdatePartyRequirementInput,
): Promise<InterestedPartyView> {
  const { version, link, ...changes } = parseInput(UpdatePartyRequirementInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const party = await findParty(tx, actor.orgId, partyId, { lock: true });
    const current = await findRequirement(tx, actor.orgId, partyId, id, { lock: true });
    authorize(actor, contextPolicy, "write", {});
    const state = { ...current, addressed: current.addressed as Addressed | null };
    const decision = decideUpdateRecord(
      "interested_party_requirement",
      state,
      changes,
      version,
      partyRequirementFieldNames,
      "This requirement",
      { partyId },
    );
    const links = link === undefined ? null : await setLink(tx, actor.orgId, id, link, actor.userId);
    if (!decision && !links) return { result: await presentParty(tx, actor, party), events: [] };
    const now = ctx.now();
    await tx
      .update(interestedPartyRequirements)
      .set({ ...(decision?.changes ?? {}), version: current.version + 1, updatedAt: now })
      .where(and(eq(interestedPartyRequirements.orgId, actor.orgId), eq(interestedPartyRequirements.id, id)));
    const event: PendingEvent = decision
      ? { ...decision.event, payload: { ...decision.event.payload, ...(links ? { links } : {}) } }
      : {
          type: "interested_party_requirement.updated",
          entityType: "interested_party_requirement",
          entityId: id,
          payload: { partyId, links },
        };
    return { result: await presentParty(tx, actor, await touchParty(tx, party, now)), events: [event] };
  });
}

export async function deletePartyRequirement(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  partyId: string,
  id: string,
  version: number,
): Promise<InterestedPartyView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const party = await findParty(tx, actor.orgId, partyId, { lock: true });
    const current = await findRequirement(tx, actor.orgId, partyId, id, { lock: true });
    authorize(actor, contextPolicy, "write", {});
    assertVersion(current, version, "This requirement");
    await setLink(tx, actor.orgId, id, null, actor.userId);
    await tx
      .delete(interestedPartyRequirements)
      .where(and(eq(interestedPartyRequirements.orgId, actor.orgId), eq(interestedPartyRequirements.id, id)));
    const event: PendingEvent = {
      type: "interested_party_requirement.deleted",
      entityType: "interested_party_requirement",
      entityId: id,
      payload: { partyId, text: current.text, addressed: current.addressed },
    };
    return { result: await presentParty(tx, actor, await touchParty(tx, party, ctx.now())), events: [event] };
  });
}
