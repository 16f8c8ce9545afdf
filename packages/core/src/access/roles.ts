import { permissions, type Permission } from "./permissions";

export const builtinRoles = [
  "owner",
  "admin",
  "governance_lead",
  "contributor",
  "auditor",
  "viewer",
] as const;
export type BuiltinRole = (typeof builtinRoles)[number];
export const isBuiltinRole = (value: string): value is BuiltinRole =>
  (builtinRoles as readonly string[]).includes(value);

const readAll: Permission[] = ["org.read", "member.read", "role.read", "ai_system.read", "aims.read"];
const aiSystemWrite: Permission[] = ["ai_system.create", "ai_system.update", "ai_system.import"];
/** Drafting work in the management system: anything short of approving. */
const aimsDraft: Permission[] = [
  "context.write",
  "document.write",
  "control.write",
  "evidence.write",
  "objective.write",
  "task.write",
];
/**
 * Reported concerns are confidential to owners and governance leads (A.3.3), so admins do not hold these. Admins
 * still appoint governance leads: the grant ceiling lets an admin grant these permissions (see membership rules).
 */
export const confidentialPermissions: readonly Permission[] = ["concern.manage"];

/** What each built-in role may do. Owners and admins differ in who may manage owners (see member policy). */
export const builtinRolePermissions: Record<BuiltinRole, readonly Permission[]> = {
  owner: permissions,
  admin: permissions.filter((p) => !confidentialPermissions.includes(p)),
  governance_lead: [
    ...readAll,
    ...aiSystemWrite,
    "ai_system.archive",
    "api_token.create",
    "audit_event.read",
    ...aimsDraft,
    "document.approve",
    "soa.approve",
    "evidence.archive",
    "concern.report",
    "concern.manage",
    "incident.write",
    "training.read",
    "training.manage",
    "training.record_own",
  ],
  contributor: [
    ...readAll,
    ...aiSystemWrite,
    "api_token.create",
    ...aimsDraft,
    "concern.report",
    "incident.write",
    "training.record_own",
  ],
  auditor: [
    ...readAll,
    "audit_event.read",
    "audit_work.write",
    "api_token.create",
    "concern.report",
    "training.read",
  ],
  viewer: ["org.read", "member.read", "ai_system.read", "aims.read", "concern.report"],
};

export const builtinRoleLabels: Record<BuiltinRole, string> = {
  owner: "Owner",
  admin: "Administrator",
  governance_lead: "Governance lead",
  contributor: "Contributor",
  auditor: "Auditor",
  viewer: "Viewer",
};

/** A role as granted: a built-in one, or a custom role (a named permission set of the organization). */
export type RoleRef =
  { kind: "builtin"; role: BuiltinRole } | { kind: "custom"; roleId: string; name: string };

export function permissionsOf(role: RoleRef, customPermissions?: readonly Permission[]): Set<Permission> {
  if (role.kind === "builtin") return new Set(builtinRolePermissions[role.role]);
  return new Set(customPermissions ?? []);
}

/** True when every permission of `candidate` is also held by `holder`: "no higher than". */
export function isNoHigherThan(candidate: ReadonlySet<Permission>, holder: ReadonlySet<Permission>): boolean {
  for (const p of candidate) if (!holder.has(p)) return false;
  return true;
}
