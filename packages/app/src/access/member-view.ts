import { and, eq, ne, sql } from "drizzle-orm";
import {
  abilitiesOf,
  memberPolicy,
  notFound,
  type Actor,
  type BuiltinRole,
  type MembershipView,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { iso, presentGrant, staleVersion } from "./view-helpers";

/** The columns a membership is shown with: its user, org name and custom role name. */
export const memberColumns = {
  m: tables.memberships,
  email: tables.users.email,
  name: tables.users.name,
  orgName: tables.organizations.name,
  customName: tables.customRoles.name,
};
export type MemberRow = {
  m: typeof tables.memberships.$inferSelect;
  email: string;
  name: string;
  orgName: string;
  customName: string | null;
};

export function memberQuery(db: Executor) {
  return db
    .select(memberColumns)
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .innerJoin(tables.organizations, eq(tables.organizations.id, tables.memberships.orgId))
    .leftJoin(tables.customRoles, eq(tables.customRoles.id, tables.memberships.customRoleId))
    .$dynamic();
}

/** A membership of the actor's org, or 404 (another org's member is indistinguishable from none). */
export async function loadMember(db: Executor, orgId: string, memberId: string): Promise<MemberRow> {
  const [row] = await memberQuery(db).where(
    and(eq(tables.memberships.orgId, orgId), eq(tables.memberships.id, memberId)),
  );
  if (!row) throw notFound("Member");
  return row;
}

export const memberSubject = (m: MemberRow["m"]) => ({
  userId: m.userId,
  role: m.role as BuiltinRole | null,
  status: m.status,
});

export function presentMember(actor: Actor, row: MemberRow): MembershipView {
  const { m } = row;
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: row.orgName,
    userId: m.userId,
    email: row.email,
    name: row.name,
    ...presentGrant({ role: m.role as BuiltinRole | null, customRoleId: m.customRoleId }, row.customName),
    status: m.status,
    version: m.version,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
    abilities: abilitiesOf(actor, memberPolicy, memberSubject(m)),
  };
}

/**
 * Active owners other than `exceptMemberId`, with their rows locked until commit: two owners demoting each other
 * at the same moment queue here, and the second one sees that only one owner is left.
 */
export async function lockOtherActiveOwners(
  tx: Executor,
  orgId: string,
  exceptMemberId: string,
): Promise<number> {
  const rows = await tx
    .select({ id: tables.memberships.id })
    .from(tables.memberships)
    .where(
      and(
        eq(tables.memberships.orgId, orgId),
        eq(tables.memberships.role, "owner"),
        eq(tables.memberships.status, "active"),
        ne(tables.memberships.id, exceptMemberId),
      ),
    )
    .for("update");
  return rows.length;
}

/**
 * Writes `changes` to a membership only if it is still at `expectedVersion` (and bumps it); a concurrent write
 * that got there first makes this a 409, never a silent overwrite.
 */
export async function updateMembershipAt(
  db: Executor,
  memberId: string,
  expectedVersion: number,
  changes: Partial<typeof tables.memberships.$inferInsert>,
  now: Date,
): Promise<void> {
  const [updated] = await db
    .update(tables.memberships)
    .set({ ...changes, version: sql`${tables.memberships.version} + 1`, updatedAt: now })
    .where(and(eq(tables.memberships.id, memberId), eq(tables.memberships.version, expectedVersion)))
    .returning({ id: tables.memberships.id });
  if (!updated) throw staleVersion("member");
}
