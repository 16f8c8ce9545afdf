import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "./actor";
import type { Permission } from "./permissions";
import { allows, abilitiesOf, authorize, type Policy } from "./policy";
import {
  aiSystemPolicy,
  apiTokenPolicy,
  auditEventPolicy,
  customRolePolicy,
  invitationPolicy,
  memberPolicy,
  orgPolicy,
} from "./policies";
import { builtinRolePermissions, type BuiltinRole } from "./roles";
import { DomainError } from "../shared/domain-error";

/**
 * Policy table tests: every role × action × state, with the expected answer written out by hand (not derived
 * from the role definitions), so a change to a role or a rule shows up here as a failing row.
 */
type RoleName = BuiltinRole | "custom";
const ALL: RoleName[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer", "custom"];
/** a "member manager" custom role: manages people, cannot see org settings */
const customPermissions: Permission[] = [
  "member.read",
  "member.update",
  "member.deactivate",
  "ai_system.read",
  "api_token.create",
];

const ORG = "00000000-0000-4000-8000-00000000000a";
const OTHER_ORG = "00000000-0000-4000-8000-00000000000b";
const SELF = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

function actorOf(role: RoleName, kind: "user" | "token" = "user"): Actor {
  const builtin = role === "custom" ? null : role;
  return {
    kind,
    userId: SELF,
    orgId: ORG,
    membershipId: "m-self",
    role: builtin,
    customRoleId: builtin ? null : "c-1",
    permissions: new Set(builtin ? builtinRolePermissions[builtin] : customPermissions),
    tokenId: kind === "token" ? "t-1" : null,
    isInstanceAdmin: false,
  };
}

interface Row<T> {
  action: string;
  state: string;
  subject: T;
  /** the roles that may, as a user (session) */
  users: RoleName[];
  /** the roles that may, through an API token carrying that role */
  tokens: RoleName[];
}

function table<T, A extends string>(policy: Policy<T, A>, rows: Row<T>[]) {
  describe(`${policy.name} policy`, () => {
    for (const row of rows) {
      for (const kind of ["user", "token"] as const) {
        const expected = kind === "user" ? row.users : row.tokens;
        it(`${row.action} (${row.state}) via ${kind}: only ${expected.join(", ") || "nobody"}`, () => {
          for (const role of ALL) {
            const got = allows(actorOf(role, kind), policy, row.action as A, row.subject);
            assert.equal(got, expected.includes(role), `${role} ${kind} ${row.action} ${row.state}`);
          }
        });
      }
    }
  });
}

const everyone = ALL;
const none: RoleName[] = [];
const ownerOnly: RoleName[] = ["owner"];
const ownerAdmin: RoleName[] = ["owner", "admin"];
const memberManagers: RoleName[] = ["owner", "admin", "custom"];

const activeViewer = { userId: OTHER, role: "viewer" as const, status: "active" as const };
const activeOwner = { userId: OTHER, role: "owner" as const, status: "active" as const };
const self = { userId: SELF, role: "viewer" as const, status: "active" as const };
const deactivatedViewer = { userId: OTHER, role: "viewer" as const, status: "deactivated" as const };
const deactivatedOwner = { userId: OTHER, role: "owner" as const, status: "deactivated" as const };
const customMember = { userId: OTHER, role: null, status: "active" as const };

table(memberPolicy, [
  { action: "read", state: "another member", subject: activeViewer, users: everyone, tokens: everyone },
  { action: "read", state: "an owner", subject: activeOwner, users: everyone, tokens: everyone },
  {
    action: "updateRole",
    state: "another non-owner",
    subject: activeViewer,
    users: memberManagers,
    tokens: none,
  },
  {
    action: "updateRole",
    state: "a custom-role member",
    subject: customMember,
    users: memberManagers,
    tokens: none,
  },
  { action: "updateRole", state: "an owner", subject: activeOwner, users: ownerOnly, tokens: none },
  { action: "updateRole", state: "oneself", subject: self, users: none, tokens: none },
  { action: "grantOwner", state: "another member", subject: activeViewer, users: ownerOnly, tokens: none },
  {
    action: "deactivate",
    state: "another non-owner",
    subject: activeViewer,
    users: memberManagers,
    tokens: none,
  },
  { action: "deactivate", state: "an owner", subject: activeOwner, users: ownerOnly, tokens: none },
  { action: "deactivate", state: "oneself", subject: self, users: none, tokens: none },
  {
    action: "reactivate",
    state: "a deactivated non-owner",
    subject: deactivatedViewer,
    users: memberManagers,
    tokens: none,
  },
  {
    action: "reactivate",
    state: "a deactivated owner",
    subject: deactivatedOwner,
    users: ownerOnly,
    tokens: none,
  },
]);

table(invitationPolicy, [
  { action: "read", state: "any", subject: { role: "viewer" }, users: everyone, tokens: everyone },
  { action: "create", state: "for a viewer", subject: { role: "viewer" }, users: ownerAdmin, tokens: none },
  { action: "create", state: "for an admin", subject: { role: "admin" }, users: ownerAdmin, tokens: none },
  { action: "create", state: "for a custom role", subject: { role: null }, users: ownerAdmin, tokens: none },
  { action: "create", state: "for an owner", subject: { role: "owner" }, users: ownerOnly, tokens: none },
  { action: "revoke", state: "any", subject: { role: "viewer" }, users: ownerAdmin, tokens: none },
]);

table(customRolePolicy, [
  {
    action: "read",
    state: "any",
    subject: {},
    users: ["owner", "admin", "governance_lead", "contributor", "auditor"],
    tokens: ["owner", "admin", "governance_lead", "contributor", "auditor"],
  },
  { action: "manage", state: "any", subject: {}, users: ownerAdmin, tokens: none },
]);

const tokenCreators: RoleName[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "custom"];
table(apiTokenPolicy, [
  { action: "create", state: "for oneself", subject: { userId: SELF }, users: tokenCreators, tokens: none },
  { action: "read", state: "own token", subject: { userId: SELF }, users: everyone, tokens: everyone },
  {
    action: "read",
    state: "another member's token",
    subject: { userId: OTHER },
    users: ownerAdmin,
    tokens: ownerAdmin,
  },
  { action: "revoke", state: "own token", subject: { userId: SELF }, users: everyone, tokens: none },
  {
    action: "revoke",
    state: "another member's token",
    subject: { userId: OTHER },
    users: ownerAdmin,
    tokens: none,
  },
]);

const auditReaders: RoleName[] = ["owner", "admin", "governance_lead", "auditor"];
table(auditEventPolicy, [
  { action: "read", state: "any", subject: {}, users: auditReaders, tokens: auditReaders },
  { action: "verify", state: "any", subject: {}, users: auditReaders, tokens: auditReaders },
]);

const orgReaders: RoleName[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"];
table(orgPolicy, [
  { action: "read", state: "own org", subject: { id: ORG }, users: orgReaders, tokens: orgReaders },
  { action: "read", state: "another org", subject: { id: OTHER_ORG }, users: none, tokens: none },
  { action: "update", state: "own org", subject: { id: ORG }, users: ownerAdmin, tokens: ownerAdmin },
  { action: "update", state: "another org", subject: { id: OTHER_ORG }, users: none, tokens: none },
]);

const writers: RoleName[] = ["owner", "admin", "governance_lead", "contributor"];
const archivers: RoleName[] = ["owner", "admin", "governance_lead"];
for (const [state, archivedAt] of [
  ["active", null],
  ["archived", "2025-01-01T00:00:00.000Z"],
] as const) {
  table(aiSystemPolicy, [
    { action: "read", state, subject: { archivedAt }, users: everyone, tokens: everyone },
    { action: "create", state, subject: { archivedAt }, users: writers, tokens: writers },
    { action: "update", state, subject: { archivedAt }, users: writers, tokens: writers },
    { action: "archive", state, subject: { archivedAt }, users: archivers, tokens: archivers },
    { action: "restore", state, subject: { archivedAt }, users: archivers, tokens: archivers },
    { action: "import", state, subject: { archivedAt }, users: writers, tokens: writers },
  ]);
}

describe("authorize and abilitiesOf", () => {
  it("throws a forbidden DomainError naming the action when the policy says no", () => {
    assert.throws(
      () => authorize(actorOf("viewer"), memberPolicy, "updateRole", activeViewer),
      (e: unknown) => e instanceof DomainError && e.code === "forbidden" && /updateRole/.test(e.message),
    );
  });

  it("reports one ability per action of the policy", () => {
    assert.deepEqual(abilitiesOf(actorOf("admin"), memberPolicy, activeOwner), {
      read: true,
      updateRole: false,
      grantOwner: false,
      deactivate: false,
      reactivate: false,
    });
  });
});
