import { and, eq, isNull } from "drizzle-orm";
import type { PendingEvent } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import type { Identity } from "./authenticate";
import { sessionEventPayload } from "./sessions";

/** Revokes the caller's session; API tokens have no session to end, so for them this does nothing. */
export async function signOut(ctx: AppContext, identity: Identity, meta: RequestMeta): Promise<void> {
  const sessionId = identity.sessionId;
  if (identity.via !== "session" || !sessionId) return;
  await runCommand(
    ctx,
    { kind: "anonymous-user", userId: identity.userId, orgId: null },
    meta,
    async (tx) => {
      const revoked = await tx
        .update(tables.sessions)
        .set({ revokedAt: ctx.now() })
        .where(and(eq(tables.sessions.id, sessionId), isNull(tables.sessions.revokedAt)))
        .returning({ id: tables.sessions.id });
      if (revoked.length === 0) return { result: undefined, events: [] };
      const orgs = await tx
        .select({ orgId: tables.memberships.orgId })
        .from(tables.memberships)
        .where(and(eq(tables.memberships.userId, identity.userId), eq(tables.memberships.status, "active")));
      const events: PendingEvent[] = orgs.map(({ orgId }) => ({
        orgId,
        type: "session.signed_out",
        entityType: "session",
        entityId: sessionId,
        payload: sessionEventPayload(meta),
      }));
      return { result: undefined, events };
    },
  );
}
