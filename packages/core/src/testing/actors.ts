import type { Actor } from "../access/actor";
import { builtinRolePermissions, type BuiltinRole } from "../access/roles";

/** For policy table tests: an actor holding exactly a built-in role's permissions (not exported from core). */
export function builtinActor(
  role: BuiltinRole,
  opts: { kind?: "user" | "token"; userId?: string; orgId?: string; membershipId?: string } = {},
): Actor {
  const kind = opts.kind ?? "user";
  return {
    kind,
    userId: opts.userId ?? "00000000-0000-4000-8000-000000000001",
    orgId: opts.orgId ?? "org",
    membershipId: opts.membershipId ?? "m",
    role,
    customRoleId: null,
    permissions: new Set(builtinRolePermissions[role]),
    tokenId: kind === "token" ? "t" : null,
    isInstanceAdmin: false,
  };
}
