import { and, eq, gt, isNull } from "drizzle-orm";
import {
  assertGrantWithinCeiling,
  authorize,
  conflict,
  invitationPolicy,
  type Actor,
  type CreateInvitationInput,
  type CreatedInvitation,
} from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext, RequestMeta } from "../shared/context";
import { runCommand } from "../shared/run-command";
import { hashSecret, newSecret } from "../shared/tokens";
import { loadInvitation, presentInvitation } from "./invitation-view";
import { grantFromInput, roleKeyOf } from "./role-grant";

export const acceptPathOf = (token: string) => `/invitations/accept?token=${encodeURIComponent(token)}`;

/** An invitation with a one-time secret; the secret is returned once and only its hash is kept. */
export async function createInvitation(
  ctx: AppContext,
  actor: Actor,
  input: CreateInvitationInput,
  meta: RequestMeta,
): Promise<CreatedInvitation> {
  return runCommand(ctx, actor, meta, async (tx) => {
    const grant = await grantFromInput(tx, actor.orgId, input.role);
    authorize(actor, invitationPolicy, "create", { role: grant.role });
    assertGrantWithinCeiling(actor, grant.permissions);
    const now = ctx.now();
    const [member] = await tx
      .select({ status: tables.memberships.status })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(and(eq(tables.memberships.orgId, actor.orgId), eq(tables.users.email, input.email)));
    if (member?.status === "active")
      throw conflict(`${input.email} is already a member of this organization.`);
    const [pending] = await tx
      .select({ id: tables.invitations.id })
      .from(tables.invitations)
      .where(
        and(
          eq(tables.invitations.orgId, actor.orgId),
          eq(tables.invitations.email, input.email),
          isNull(tables.invitations.acceptedAt),
          isNull(tables.invitations.revokedAt),
          gt(tables.invitations.expiresAt, now),
        ),
      );
    if (pending) {
      throw conflict(`${input.email} already has a pending invitation; revoke it first to send a new one.`);
    }
    const token = newSecret("oai_");
    const [row] = await tx
      .insert(tables.invitations)
      .values({
        orgId: actor.orgId,
        email: input.email,
        role: grant.role,
        customRoleId: grant.customRoleId,
        tokenHash: hashSecret(token),
        invitedBy: actor.userId,
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tables.invitations.id });
    const invitation = presentInvitation(actor, await loadInvitation(tx, actor.orgId, row!.id), now);
    return {
      result: { invitation, token, acceptPath: acceptPathOf(token) },
      events: [
        {
          type: "invitation.created",
          entityType: "invitation",
          entityId: row!.id,
          payload: {
            email: input.email,
            role: roleKeyOf(grant),
            expiresAt: invitation.expiresAt,
            reactivates: member?.status === "deactivated",
          },
        },
      ],
    };
  });
}
