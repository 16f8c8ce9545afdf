import { and, eq } from "drizzle-orm";
import { aiModelPolicy, authorize, decideArchiveVendor, type Actor, type VendorView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { loadVendorView, lockVendor, toVendorState } from "./vendor-records";

export const archiveVendor = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, true);

export const restoreVendor = (
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
) => setArchived(ctx, actor, meta, id, version, false);

/** Archiving retires a vendor from the default list and stops it passing flags on; its links stay. */
async function setArchived(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  version: number,
  archive: boolean,
): Promise<VendorView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const current = await lockVendor(tx, actor.orgId, id);
    authorize(actor, aiModelPolicy, archive ? "archive" : "restore", current);
    const event = decideArchiveVendor(toVendorState(current), version, archive);
    const now = ctx.now();
    await tx
      .update(tables.vendors)
      .set({ archivedAt: archive ? now : null, version: current.version + 1, updatedAt: now })
      .where(and(eq(tables.vendors.orgId, actor.orgId), eq(tables.vendors.id, id)));
    return { result: await loadVendorView(tx, actor, id, ctx.now()), events: [event] };
  });
}
