import { and, asc, eq, isNull } from "drizzle-orm";
import { mayCreateOrg, type MeMembership, type MeView } from "@openaims/core";
import { tables } from "@openaims/db";
import type { AppContext } from "../shared/context";
import { actorInOrg, type Identity } from "./authenticate";
import { presentGrant, sortedPermissions } from "./view-helpers";
import { getOrgCreationMode } from "./instance-settings";
import { permissionsOfGrant, type RoleGrant } from "./role-grant";
import { userViewOf } from "./sessions";

/** Who the caller is and where they may act. A token sees only its own org, with its own (narrower) grant. */
export async function getMe(ctx: AppContext, identity: Identity): Promise<MeView> {
  const { db } = ctx.database;
  const rows = await db
    .select({
      m: tables.memberships,
      orgName: tables.organizations.name,
      customName: tables.customRoles.name,
      customPermissions: tables.customRoles.permissions,
    })
    .from(tables.memberships)
    .innerJoin(tables.organizations, eq(tables.organizations.id, tables.memberships.orgId))
    .leftJoin(
      tables.customRoles,
      and(eq(tables.customRoles.id, tables.memberships.customRoleId), isNull(tables.customRoles.deletedAt)),
    )
    .where(and(eq(tables.memberships.userId, identity.userId), eq(tables.memberships.status, "active")))
    .orderBy(asc(tables.organizations.name), asc(tables.organizations.id));

  let memberships: MeMembership[];
  if (identity.token) {
    const tokenOrg = identity.token.orgId;
    const row = rows.find((r) => r.m.orgId === tokenOrg);
    if (!row) {
      memberships = [];
    } else {
      const actor = await actorInOrg(ctx, identity, tokenOrg);
      let customName: string | null = null;
      if (identity.token.customRoleId) {
        const [cr] = await db
          .select({ name: tables.customRoles.name })
          .from(tables.customRoles)
          .where(eq(tables.customRoles.id, identity.token.customRoleId));
        customName = cr?.name ?? null;
      }
      memberships = [
        {
          id: row.m.id,
          orgId: row.m.orgId,
          orgName: row.orgName,
          ...presentGrant(identity.token, customName),
          permissions: sortedPermissions(actor.permissions),
        },
      ];
    }
  } else {
    memberships = rows.map((r) => {
      const grant: RoleGrant = { role: r.m.role as RoleGrant["role"], customRoleId: r.m.customRoleId };
      return {
        id: r.m.id,
        orgId: r.m.orgId,
        orgName: r.orgName,
        ...presentGrant(grant, r.customName),
        permissions: sortedPermissions(permissionsOfGrant(grant, r.customPermissions)),
      };
    });
  }
  const mode = await getOrgCreationMode(db);
  return {
    user: userViewOf({ ...identity, id: identity.userId }),
    memberships,
    csrfToken: identity.csrfToken,
    canCreateOrg: mayCreateOrg(identity, mode),
  };
}
