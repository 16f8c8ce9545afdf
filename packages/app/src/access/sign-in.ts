import { and, eq } from "drizzle-orm";
import { DomainError, type LoginInput, type PendingEvent, type UserView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { dummyPasswordHash, verifyPassword } from "../shared/passwords";
import { runCommand } from "../shared/run-command";
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttleKeys } from "./login-throttle";
import { openSession, sessionEventPayload, userViewOf, type NewSession } from "./sessions";

/** One message for every failure, so the answer never tells whether an account exists. */
export const SIGN_IN_FAILED = "The e-mail or password is not correct.";

export interface SignInResult {
  user: UserView;
  session: NewSession;
}

export async function signIn(ctx: AppContext, input: LoginInput, meta: RequestMeta): Promise<SignInResult> {
  const keys = throttleKeys(input.email, meta.ip);
  await assertNotThrottled(ctx, keys);
  const [user] = await ctx.database.db.select().from(tables.users).where(eq(tables.users.email, input.email));
  const usable = user && !user.disabledAt && user.passwordHash ? user : null;
  // Unknown, disabled and password-less accounts still cost one argon2 verification: equal timing.
  const ok = await verifyPassword(usable?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!usable || !ok) {
    await recordLoginFailure(ctx, keys);
    throw new DomainError("unauthenticated", SIGN_IN_FAILED);
  }
  await clearLoginFailures(ctx, keys[0]!);
  return runCommand(ctx, { kind: "anonymous-user", userId: usable.id, orgId: null }, meta, async (tx) => {
    const session = await openSession(tx, ctx, usable.id, meta);
    const orgs = await tx
      .select({ orgId: tables.memberships.orgId })
      .from(tables.memberships)
      .where(and(eq(tables.memberships.userId, usable.id), eq(tables.memberships.status, "active")));
    const events: PendingEvent[] = orgs.map(({ orgId }) => ({
      orgId,
      type: "session.signed_in",
      entityType: "session",
      entityId: session.id,
      payload: sessionEventPayload(meta),
    }));
    return { result: { user: userViewOf(usable), session }, events };
  });
}
