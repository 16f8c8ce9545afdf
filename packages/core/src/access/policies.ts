import { can, type Actor } from "./actor";
import { definePolicy } from "./policy";
import type { BuiltinRole } from "./roles";

const isOwner = (actor: Actor) => actor.role === "owner";

export interface OrgSubject {
  id: string;
}
export const orgPolicy = definePolicy<OrgSubject>()("organization", {
  read: (a, o) => a.orgId === o.id && can(a, "org.read"),
  update: (a, o) => a.orgId === o.id && can(a, "org.update"),
});

export interface MemberSubject {
  userId: string;
  role: BuiltinRole | null;
  status: "active" | "deactivated";
}
/** Admins manage members, but only owners touch owners; nobody changes or deactivates themselves. */
export const memberPolicy = definePolicy<MemberSubject>()("member", {
  read: (a) => can(a, "member.read"),
  updateRole: (a, m) =>
    a.kind === "user" &&
    can(a, "member.update") &&
    m.userId !== a.userId &&
    (m.role !== "owner" || isOwner(a)),
  grantOwner: (a) => a.kind === "user" && isOwner(a),
  deactivate: (a, m) =>
    a.kind === "user" &&
    can(a, "member.deactivate") &&
    m.userId !== a.userId &&
    (m.role !== "owner" || isOwner(a)),
  reactivate: (a, m) =>
    a.kind === "user" && can(a, "member.deactivate") && (m.role !== "owner" || isOwner(a)),
});

export const invitationPolicy = definePolicy<{ role: BuiltinRole | null }>()("invitation", {
  read: (a) => can(a, "member.read"),
  create: (a, i) => a.kind === "user" && can(a, "member.invite") && (i.role !== "owner" || isOwner(a)),
  revoke: (a) => a.kind === "user" && can(a, "member.invite"),
});

export const customRolePolicy = definePolicy<Record<string, never>>()("custom role", {
  read: (a) => can(a, "role.read"),
  manage: (a) => a.kind === "user" && can(a, "role.manage"),
});

export interface ApiTokenSubject {
  userId: string;
}
/** Tokens cannot mint tokens: a leaked token must not be able to widen its own reach. */
export const apiTokenPolicy = definePolicy<ApiTokenSubject>()("API token", {
  create: (a) => a.kind === "user" && can(a, "api_token.create"),
  read: (a, t) => t.userId === a.userId || can(a, "api_token.manage"),
  revoke: (a, t) => a.kind === "user" && (t.userId === a.userId || can(a, "api_token.manage")),
});

export const auditEventPolicy = definePolicy<Record<string, never>>()("audit trail", {
  read: (a) => can(a, "audit_event.read"),
  verify: (a) => can(a, "audit_event.read"),
});

export interface AiSystemSubject {
  archivedAt: Date | string | null;
}
export const aiSystemPolicy = definePolicy<AiSystemSubject>()("AI system", {
  read: (a) => can(a, "ai_system.read"),
  create: (a) => can(a, "ai_system.create"),
  update: (a) => can(a, "ai_system.update"),
  archive: (a) => can(a, "ai_system.archive"),
  restore: (a) => can(a, "ai_system.archive"),
  import: (a) => can(a, "ai_system.import") && can(a, "ai_system.create") && can(a, "ai_system.update"),
});
