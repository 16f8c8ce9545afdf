import { randomUUID } from "node:crypto";
import {
  appliedControlPolicy,
  authorize,
  CreateAppliedControlInput,
  decideCreateAppliedControl,
  type Actor,
  type AppliedControlView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { activeOwnerName, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { replaceLinks } from "../shared/links";
import { loadAppliedControlView } from "./applied-control-records";

export async function createAppliedControl(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateAppliedControlInput,
): Promise<AppliedControlView> {
  authorize(actor, appliedControlPolicy, "create", { archivedAt: null });
  const { links, ...fields } = parseInput(CreateAppliedControlInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    if (fields.ownerId) await activeOwnerName(tx, actor.orgId, fields.ownerId);
    const id = randomUUID();
    const now = ctx.now();
    await tx
      .insert(tables.appliedControls)
      .values({ ...fields, id, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, updatedAt: now });
    const changed = await replaceLinks(tx, actor.orgId, { type: "applied_control", id }, links, actor.userId);
    const event = decideCreateAppliedControl(id, fields, changed);
    return { result: await loadAppliedControlView(tx, actor, id), events: [event] };
  });
}
