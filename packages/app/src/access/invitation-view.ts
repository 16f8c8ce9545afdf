import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  abilitiesOf,
  invitationPolicy,
  invitationStatus,
  notFound,
  type Actor,
  type BuiltinRole,
  type InvitationView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { iso, isoOrNull, presentGrant } from "./view-helpers";

const inviter = alias(tables.users, "inviter");

export type InvitationRow = {
  i: typeof tables.invitations.$inferSelect;
  invitedByName: string | null;
  customName: string | null;
};

export function invitationQuery(db: Executor) {
  return db
    .select({ i: tables.invitations, invitedByName: inviter.name, customName: tables.customRoles.name })
    .from(tables.invitations)
    .leftJoin(inviter, eq(inviter.id, tables.invitations.invitedBy))
    .leftJoin(tables.customRoles, eq(tables.customRoles.id, tables.invitations.customRoleId))
    .$dynamic();
}

export async function loadInvitation(db: Executor, orgId: string, id: string): Promise<InvitationRow> {
  const [row] = await invitationQuery(db).where(
    and(eq(tables.invitations.orgId, orgId), eq(tables.invitations.id, id)),
  );
  if (!row) throw notFound("Invitation");
  return row;
}

export function presentInvitation(actor: Actor, row: InvitationRow, now: Date): InvitationView {
  const { i } = row;
  const role = i.role as BuiltinRole | null;
  return {
    id: i.id,
    email: i.email,
    ...presentGrant({ role, customRoleId: i.customRoleId }, row.customName),
    status: invitationStatus(i, now),
    expiresAt: iso(i.expiresAt),
    createdAt: iso(i.createdAt),
    invitedBy: i.invitedBy,
    invitedByName: row.invitedByName,
    acceptedAt: isoOrNull(i.acceptedAt),
    revokedAt: isoOrNull(i.revokedAt),
    abilities: abilitiesOf(actor, invitationPolicy, { role }),
  };
}
