import { eq } from "drizzle-orm";
import { invitationStatus, notFound, type BuiltinRole, type InvitationPreview } from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { hashSecret } from "../shared/tokens";
import { labelOfGrant } from "./role-grant";

/** The invitation a secret points to, with its org's name and its custom role's name. */
export async function findInvitationByToken(db: Executor, token: string) {
  const [row] = await db
    .select({
      i: tables.invitations,
      orgName: tables.organizations.name,
      customName: tables.customRoles.name,
    })
    .from(tables.invitations)
    .innerJoin(tables.organizations, eq(tables.organizations.id, tables.invitations.orgId))
    .leftJoin(tables.customRoles, eq(tables.customRoles.id, tables.invitations.customRoleId))
    .where(eq(tables.invitations.tokenHash, hashSecret(token)));
  return row ?? null;
}

/**
 * Public: what the person holding the link is invited to. Anything but a pending invitation is a 404, so the
 * endpoint tells a stranger nothing about used or withdrawn links.
 */
export async function previewInvitation(ctx: AppContext, token: string): Promise<InvitationPreview> {
  const { db } = ctx.database;
  const row = await findInvitationByToken(db, token);
  if (!row || invitationStatus(row.i, ctx.now()) !== "pending") throw notFound("Invitation");
  const [user] = await db
    .select({ id: tables.users.id })
    .from(tables.users)
    .where(eq(tables.users.email, row.i.email));
  return {
    orgName: row.orgName,
    email: row.i.email,
    roleLabel: labelOfGrant(
      { role: row.i.role as BuiltinRole | null, customRoleId: row.i.customRoleId },
      row.customName,
    ),
    expiresAt: row.i.expiresAt.toISOString(),
    userExists: Boolean(user),
  };
}
