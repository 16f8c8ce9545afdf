import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import {
  conflict,
  decideAcceptInvitation,
  DomainError,
  invalidInput,
  notFound,
  type AcceptInvitationInput,
  type BuiltinRole,
  type PendingEvent,
  type UserView,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { hashPassword } from "../shared/passwords";
import { runCommand } from "../shared/run-command";
import type { Identity } from "./authenticate";
import { findInvitationByToken } from "./preview-invitation";
import { roleKeyOf, type RoleGrant } from "./role-grant";
import { openSession, sessionEventPayload, userViewOf, type NewSession } from "./sessions";

export interface AcceptInvitationOutcome {
  orgId: string;
  user: UserView;
  /** set when a new account was created and signed in */
  session: NewSession | null;
}

/**
 * Joins the invited org. A new e-mail creates the account (name + password) and signs it in; an existing
 * account must be the signed-in caller, so a leaked link cannot attach someone else's account.
 */
export async function acceptInvitation(
  ctx: AppContext,
  identity: Identity | null,
  input: AcceptInvitationInput,
  meta: RequestMeta,
): Promise<AcceptInvitationOutcome> {
  const { db } = ctx.database;
  const found = await findInvitationByToken(db, input.token);
  if (!found) throw notFound("Invitation");
  decideAcceptInvitation(found.i, ctx.now());
  const inv = found.i;
  const [existing] = await db.select().from(tables.users).where(eq(tables.users.email, inv.email));

  let newUser: { id: string; name: string; passwordHash: string } | null = null;
  if (existing) {
    if (!identity || identity.via !== "session" || identity.userId !== existing.id) {
      throw new DomainError(
        "unauthenticated",
        `An account for ${inv.email} already exists. Sign in as ${inv.email} first, then open the invitation link again.`,
      );
    }
  } else {
    const issues = [
      ...(input.name ? [] : [{ path: "name", message: "is required to create your account" }]),
      ...(input.password ? [] : [{ path: "password", message: "is required to create your account" }]),
    ];
    if (issues.length > 0) {
      throw invalidInput("A name and a password are needed to create your account.", { issues });
    }
    newUser = { id: randomUUID(), name: input.name!, passwordHash: await hashPassword(input.password!) };
  }
  const userId = existing?.id ?? newUser!.id;
  const grant: RoleGrant = { role: inv.role as BuiltinRole | null, customRoleId: inv.customRoleId };
  const roleKey = roleKeyOf(grant);

  return runCommand(ctx, { kind: "anonymous-user", userId, orgId: inv.orgId }, meta, async (tx) => {
    const now = ctx.now();
    const claimed = await tx
      .update(tables.invitations)
      .set({ acceptedAt: now, updatedAt: now })
      .where(
        and(
          eq(tables.invitations.id, inv.id),
          isNull(tables.invitations.acceptedAt),
          isNull(tables.invitations.revokedAt),
          gt(tables.invitations.expiresAt, now),
        ),
      )
      .returning({ id: tables.invitations.id });
    if (claimed.length === 0) {
      // Someone used, revoked or outlived it between our first read and now: say which.
      const [latest] = await tx.select().from(tables.invitations).where(eq(tables.invitations.id, inv.id));
      decideAcceptInvitation(latest!, now);
      throw conflict("This invitation can no longer be used.");
    }
    const user = existing
      ? existing
      : (
          await tx
            .insert(tables.users)
            .values({
              id: userId,
              email: inv.email,
              name: newUser!.name,
              passwordHash: newUser!.passwordHash,
              createdAt: now,
              updatedAt: now,
            })
            .returning()
        )[0]!;
    const [membership] = await tx
      .select()
      .from(tables.memberships)
      .where(and(eq(tables.memberships.orgId, inv.orgId), eq(tables.memberships.userId, userId)));
    if (membership?.status === "active") throw conflict("You are already a member of this organization.");

    const events: PendingEvent[] = [
      {
        type: "invitation.accepted",
        entityType: "invitation",
        entityId: inv.id,
        payload: { email: inv.email, userId, newAccount: !existing },
      },
    ];
    if (membership) {
      const before = roleKeyOf({
        role: membership.role as BuiltinRole | null,
        customRoleId: membership.customRoleId,
      });
      await tx
        .update(tables.memberships)
        .set({
          status: "active",
          role: grant.role,
          customRoleId: grant.customRoleId,
          version: sql`${tables.memberships.version} + 1`,
          updatedAt: now,
        })
        .where(eq(tables.memberships.id, membership.id));
      events.push({
        type: "member.reactivated",
        entityType: "member",
        entityId: membership.id,
        payload: {
          userId,
          email: inv.email,
          via: "invitation",
          diff: {
            status: ["deactivated", "active"],
            ...(before !== roleKey ? { role: [before, roleKey] } : {}),
          },
        },
      });
    } else {
      const [added] = await tx
        .insert(tables.memberships)
        .values({
          orgId: inv.orgId,
          userId,
          role: grant.role,
          customRoleId: grant.customRoleId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: tables.memberships.id });
      events.push({
        type: "member.added",
        entityType: "member",
        entityId: added!.id,
        payload: { userId, email: inv.email, via: "invitation", diff: { role: [null, roleKey] } },
      });
    }
    let session: NewSession | null = null;
    if (!existing) {
      session = await openSession(tx, ctx, userId, meta);
      events.push({
        type: "session.signed_in",
        entityType: "session",
        entityId: session.id,
        payload: sessionEventPayload(meta),
      });
    }
    return { result: { orgId: inv.orgId, user: userViewOf(user), session }, events };
  });
}
