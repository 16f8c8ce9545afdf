import { randomUUID } from "node:crypto";
import type { Actor, BuiltinRole } from "@openaims/core";
import { inTransaction, startAuditChain, tables } from "@openaims/db";
import { actorInOrg } from "../access/authenticate";
import type { AppContext } from "../shared/context";

/** Test factories for use-case tests: they write straight to the tables, so a test starts from a known state. */

/** An organization with its audit chain started; returns its id. */
export async function buildTestOrg(
  ctx: AppContext,
  opts: { id?: string; name?: string } = {},
): Promise<string> {
  const orgId = opts.id ?? randomUUID();
  await inTransaction(ctx.database, async (tx) => {
    await tx.insert(tables.organizations).values({ id: orgId, name: opts.name ?? "Org" });
    await startAuditChain(tx, orgId);
  });
  return orgId;
}

/** A new user who is a member of `orgId` with `role`, as the use cases see a signed-in person. */
export async function buildActor(
  ctx: AppContext,
  orgId: string,
  role: BuiltinRole,
  opts: { name?: string; email?: string } = {},
): Promise<Actor> {
  const [user] = await ctx.database.db
    .insert(tables.users)
    .values({ email: opts.email ?? `${randomUUID()}@example.test`, name: opts.name ?? role })
    .returning();
  await ctx.database.db.insert(tables.memberships).values({ orgId, userId: user!.id, role });
  return actorInOrg(
    ctx,
    {
      userId: user!.id,
      email: user!.email,
      name: user!.name,
      isInstanceAdmin: false,
      via: "session",
      sessionId: null,
      csrfToken: null,
      token: null,
    },
    orgId,
  );
}

/** An organization and its owner, as an actor. */
export async function buildOrgWithOwner(ctx: AppContext): Promise<{ orgId: string; owner: Actor }> {
  const orgId = await buildTestOrg(ctx);
  const owner = await buildActor(ctx, orgId, "owner", { name: "Owner", email: `${orgId}@example.test` });
  return { orgId, owner };
}

/** An organization with members of the given roles, each as an actor (in the order given). */
export async function orgWithMembers(ctx: AppContext, roles: BuiltinRole[]) {
  const orgId = randomUUID();
  await buildTestOrg(ctx, { id: orgId, name: `Org ${orgId.slice(0, 6)}` });
  const actors: Actor[] = [];
  for (const role of roles)
    actors.push(await buildActor(ctx, orgId, role, { name: `${role} ${actors.length}` }));
  return { orgId, actors };
}
