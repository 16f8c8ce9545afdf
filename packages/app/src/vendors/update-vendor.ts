import { and, eq } from "drizzle-orm";
import {
  aiModelPolicy,
  authorize,
  vendorUpdatedEvent,
  decideUpdateVendor,
  UpdateVendorInput,
  type Actor,
  type VendorView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadVendorView, lockVendor, toVendorState } from "./vendor-records";

/** A partial update; `links`, when sent, replaces the set. Nothing changed means no write and no event. */
export async function updateVendor(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: UpdateVendorInput,
): Promise<VendorView> {
  const { version, links, ...changes } = parseInput(UpdateVendorInput, input);
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockVendor(tx, actor.orgId, id);
    authorize(actor, aiModelPolicy, "update", current);
    const decision = decideUpdateVendor(toVendorState(current), changes, version);
    const linkChanges = links
      ? await replaceLinks(tx, actor.orgId, { type: "vendor", id }, links, actor.userId)
      : null;
    const linksChanged = !!linkChanges && linkChanges.added.length + linkChanges.removed.length > 0;
    if (!decision && !linksChanged)
      return { result: await loadVendorView(tx, actor, id, ctx.now()), events: [] };
    await tx
      .update(tables.vendors)
      .set({ ...decision?.changes, version: current.version + 1, updatedAt: ctx.now() })
      .where(and(eq(tables.vendors.orgId, actor.orgId), eq(tables.vendors.id, id)));
    return {
      result: await loadVendorView(tx, actor, id, ctx.now()),
      events: [vendorUpdatedEvent(id, decision?.diff ?? {}, linkChanges)],
    };
  });
}
