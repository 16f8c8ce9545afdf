import { aiModelPolicy, authorize, type Actor, type VendorView } from "@openaims/core";
import type { AppContext } from "../shared/context";
import { loadVendorView } from "./vendor-records";

export async function getVendor(ctx: AppContext, actor: Actor, id: string): Promise<VendorView> {
  authorize(actor, aiModelPolicy, "read", { archivedAt: null });
  return loadVendorView(ctx.database.db, actor, id, ctx.now());
}
