import { randomUUID } from "node:crypto";
import {
  aiModelPolicy,
  authorize,
  CreateVendorInput,
  decideCreateVendor,
  type Actor,
  type VendorView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import { parseInput } from "../ai-systems/ai-system-records";
import type { AppContext, RequestMeta } from "../shared/context";
import { replaceLinks } from "../shared/links";
import { runCommand } from "../shared/run-command";
import { loadVendorView } from "./vendor-records";

export async function createVendor(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateVendorInput,
): Promise<VendorView> {
  authorize(actor, aiModelPolicy, "create", { archivedAt: null });
  const { links, ...fields } = parseInput(CreateVendorInput, input);
  const now = ctx.now();
  return runCommand(ctx, actor, meta, async (tx) => {
    const id = randomUUID();
    const event = decideCreateVendor(id, fields);
    await tx.insert(tables.vendors).values({
      ...fields,
      id,
      orgId: actor.orgId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { added } = await replaceLinks(tx, actor.orgId, { type: "vendor", id }, links, actor.userId);
    if (added.length > 0) event.payload.links = { added, removed: [] };
    return { result: await loadVendorView(tx, actor, id, ctx.now()), events: [event] };
  });
}
