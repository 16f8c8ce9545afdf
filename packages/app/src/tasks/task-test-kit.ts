import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Actor, BuiltinRole } from "@openaims/core";
import { inTransaction, startAuditChain, tables } from "@openaims/db";
import { actorInOrg } from "../access/authenticate";
import type { AppContext } from "../shared/context";

/** An org with members of the given roles, each with an actor: for the use-case tests of this folder. */
export async function orgWithMembers(ctx: AppContext, roles: BuiltinRole[]) {
  const orgId = randomUUID();
  await inTransaction(ctx.database, async (tx) => {
    await tx.insert(tables.organizations).values({ id: orgId, name: `Org ${orgId.slice(0, 6)}` });
    await startAuditChain(tx, orgId);
  });
  const actors: Actor[] = [];
  for (const role of roles) {
    const [user] = await ctx.database.db
      .insert(tables.users)
      .values({ email: `${randomUUID()}@example.test`, name: `${role} ${actors.length}` })
      .returning();
    await ctx.database.db.insert(tables.memberships).values({ orgId, userId: user!.id, role });
    actors.push(
      await actorInOrg(
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
      ),
    );
  }
  return { orgId, actors };
}

export async function tasksOf(ctx: AppContext, orgId: string) {
  return ctx.database.db
    .select()
    .from(tables.tasks)
    .where(eq(tables.tasks.orgId, orgId))
    .orderBy(asc(tables.tasks.createdAt), asc(tables.tasks.originKey));
}

export async function eventsOf(ctx: AppContext, orgId: string) {
  const rows = await ctx.database.db
    .select()
    .from(tables.auditEvents)
    .where(eq(tables.auditEvents.orgId, orgId))
    .orderBy(asc(tables.auditEvents.seq));
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/** A published document (straight into the table) whose next review is on `nextReviewAt`. */
export async function publishedDocument(
  ctx: AppContext,
  orgId: string,
  fields: Partial<typeof tables.documents.$inferInsert> = {},
) {
  const [doc] = await ctx.database.db
    .insert(tables.documents)
    .values({
      orgId,
      title: "AI policy",
      kind: "policy",
      status: "published",
      publishedVersion: 1,
      publishedAt: new Date("2025-01-01T00:00:00Z"),
      ...fields,
    })
    .returning();
  return doc!;
}
