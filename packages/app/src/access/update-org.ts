import { and, eq, sql } from "drizzle-orm";
import {
  authorize,
  diff,
  notFound,
  orgPolicy,
  type Actor,
  type OrgView,
  type UpdateOrgInput,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { presentOrg } from "./org-view";
import { staleVersion } from "./view-helpers";

export async function updateOrg(
  ctx: AppContext,
  actor: Actor,
  input: UpdateOrgInput,
  meta: RequestMeta,
): Promise<OrgView> {
  return runCommand(ctx, actor, meta, async (tx) => {
    authorize(actor, orgPolicy, "update", { id: actor.orgId });
    const [before] = await tx
      .select()
      .from(tables.organizations)
      .where(eq(tables.organizations.id, actor.orgId));
    if (!before) throw notFound("Organization");
    if (before.version !== input.version) throw staleVersion("organization");
    const changes = diff(before, { name: input.name }, ["name"]);
    if (Object.keys(changes).length === 0) return { result: presentOrg(actor, before), events: [] };
    const [after] = await tx
      .update(tables.organizations)
      .set({ name: input.name, version: sql`${tables.organizations.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(tables.organizations.id, actor.orgId), eq(tables.organizations.version, input.version)))
      .returning();
    if (!after) throw staleVersion("organization");
    return {
      result: presentOrg(actor, after),
      events: [
        {
          type: "org.updated",
          entityType: "organization",
          entityId: actor.orgId,
          payload: { diff: changes },
        },
      ],
    };
  });
}
