import { DomainError, invalidState } from "../shared/domain-error";
import type { Actor } from "./actor";
import type { Permission } from "./permissions";
import { confidentialPermissions, type BuiltinRole } from "./roles";

/**
 * Nobody hands out more than they hold: a non-owner may grant (to a member, an invitation, a token or a
 * custom role) only permissions they have themselves. Owners are the top of the org and exempt.
 */
export function assertGrantWithinCeiling(actor: Actor, granted: ReadonlySet<Permission>): void {
  if (actor.role === "owner") return;
  // An admin lacks the confidential permissions only so as not to read concerns, not so as to be unable to appoint.
  const held = (p: Permission) =>
    actor.permissions.has(p) || (actor.role === "admin" && confidentialPermissions.includes(p));
  if (![...granted].every(held)) {
    const missing = [...granted].filter((p) => !held(p));
    throw new DomainError("forbidden", "You cannot grant permissions that you do not hold yourself.", {
      missing,
    });
  }
}

export interface MemberState {
  role: BuiltinRole | null;
  status: "active" | "deactivated";
}

/** The org must keep at least one active owner; `otherActiveOwners` excludes the member being changed. */
export function decideRoleChange(
  member: MemberState,
  newRole: BuiltinRole | null,
  otherActiveOwners: number,
): void {
  if (
    member.role === "owner" &&
    member.status === "active" &&
    newRole !== "owner" &&
    otherActiveOwners === 0
  ) {
    throw invalidState("This is the last active owner; make someone else an owner first.");
  }
}

export function decideDeactivation(member: MemberState, otherActiveOwners: number): void {
  if (member.status !== "active") throw invalidState("This member is already deactivated.");
  if (member.role === "owner" && otherActiveOwners === 0) {
    throw invalidState("This is the last active owner; make someone else an owner first.");
  }
}

export function decideReactivation(member: MemberState): void {
  if (member.status !== "deactivated") throw invalidState("This member is already active.");
}
