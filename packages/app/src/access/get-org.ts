import { eq } from "drizzle-orm";
import { authorize, notFound, orgPolicy, type Actor, type OrgView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { presentOrg } from "./org-view";

export async function getOrg(ctx: AppContext, actor: Actor): Promise<OrgView> {
  authorize(actor, orgPolicy, "read", { id: actor.orgId });
  const [org] = await ctx.database.db
    .select()
    .from(tables.organizations)
    .where(eq(tables.organizations.id, actor.orgId));
  if (!org) throw notFound("Organization");
  return presentOrg(actor, org);
}
