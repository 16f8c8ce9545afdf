import { count, eq, sql } from "drizzle-orm";
import { invalidState, type BootstrapInput } from "@openaims/core";
import { startAuditChain, tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { hashPassword } from "../shared/passwords";
import { runCommand } from "../shared/run-command";

export interface BootstrapResult {
  userId: string;
  orgId: string;
  email: string;
}

/**
 * Creates the first owner and organization on an empty instance. Only reachable locally (the CLI), never over
 * HTTP, so nobody on the network can claim a fresh server. Refuses once any owner exists.
 */
export async function bootstrapInstance(ctx: AppContext, input: BootstrapInput): Promise<BootstrapResult> {
  const passwordHash = await hashPassword(input.password);
  return runCommand(ctx, { kind: "system", label: "bootstrap" }, { requestId: "bootstrap" }, async (tx) => {
    // Two bootstraps racing on one PostgreSQL: the second waits here, then sees the first one's owner.
    await tx.execute(sql`select pg_advisory_xact_lock(4207002)`);
    const [owners] = await tx
      .select({ n: count() })
      .from(tables.memberships)
      .where(eq(tables.memberships.role, "owner"));
    if ((owners?.n ?? 0) > 0) {
      throw invalidState(
        "This instance already has an owner. Sign in as that owner and invite further people instead.",
      );
    }
    const [existing] = await tx
      .select({ id: tables.users.id })
      .from(tables.users)
      .where(eq(tables.users.email, input.email));
    const name = input.name ?? input.email.split("@")[0]!;
    const userId = existing
      ? existing.id
      : (
          await tx
            .insert(tables.users)
            .values({ email: input.email, name, passwordHash, isInstanceAdmin: true })
            .returning()
        )[0]!.id;
    if (existing) {
      await tx
        .update(tables.users)
        .set({ passwordHash, isInstanceAdmin: true, updatedAt: ctx.now() })
        .where(eq(tables.users.id, userId));
    }
    const [org] = await tx.insert(tables.organizations).values({ name: input.org }).returning();
    await startAuditChain(tx, org!.id);
    const [membership] = await tx
      .insert(tables.memberships)
      .values({ orgId: org!.id, userId, role: "owner" })
      .returning();
    return {
      result: { userId, orgId: org!.id, email: input.email },
      events: [
        {
          orgId: org!.id,
          type: "org.created",
          entityType: "organization",
          entityId: org!.id,
          payload: { name: input.org, via: "bootstrap" },
        },
        {
          orgId: org!.id,
          type: "member.added",
          entityType: "member",
          entityId: membership!.id,
          payload: { userId, email: input.email, role: "owner", instanceAdmin: true },
        },
      ],
    };
  });
}

/** True when no owner exists yet: the server prints the bootstrap hint. */
export async function needsBootstrap(ctx: AppContext): Promise<boolean> {
  const [owners] = await ctx.database.db
    .select({ n: count() })
    .from(tables.memberships)
    .where(eq(tables.memberships.role, "owner"));
  return (owners?.n ?? 0) === 0;
}
