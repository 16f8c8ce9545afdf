import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "./actor";
import { decideAcceptInvitation, decideRevokeInvitation, invitationStatus } from "./invitation-rules";
import { lockSecondsAfter, retryAfterSeconds } from "./login-throttle";
import {
  assertGrantWithinCeiling,
  decideDeactivation,
  decideReactivation,
  decideRoleChange,
} from "./membership-rules";
import { mayCreateOrg } from "./org-creation";
import type { Permission } from "./permissions";
import { builtinRolePermissions } from "./roles";
import { DomainError } from "../shared/domain-error";

const code = (c: string) => (e: unknown) => e instanceof DomainError && e.code === c;

describe("login back-off", () => {
  it("does not lock before the free attempts are used up", () => {
    assert.equal(lockSecondsAfter(0, 5, 900), 0);
    assert.equal(lockSecondsAfter(4, 5, 900), 0);
  });
  it("doubles the lock with every further failure", () => {
    assert.deepEqual(
      [5, 6, 7, 8].map((f) => lockSecondsAfter(f, 5, 900)),
      [1, 2, 4, 8],
    );
  });
  it("caps the lock at the maximum, even for absurd counts", () => {
    assert.equal(lockSecondsAfter(20, 5, 900), 900);
    assert.equal(lockSecondsAfter(10_000, 5, 900), 900);
  });
  it("rounds the time left up to whole seconds", () => {
    const now = new Date("2025-01-01T00:00:00.000Z");
    assert.equal(retryAfterSeconds(new Date("2025-01-01T00:00:01.200Z"), now), 2);
    assert.equal(retryAfterSeconds(new Date("2025-01-01T00:00:00.001Z"), now), 1);
    assert.equal(retryAfterSeconds(now, now), 0);
    assert.equal(retryAfterSeconds(null, now), 0);
  });
});

describe("organization creation", () => {
  it("lets only instance admins create orgs by default", () => {
    assert.equal(mayCreateOrg({ via: "session", isInstanceAdmin: true }, "instance_admins"), true);
    assert.equal(mayCreateOrg({ via: "session", isInstanceAdmin: false }, "instance_admins"), false);
  });
  it("lets any signed-in person create orgs when the instance allows it", () => {
    assert.equal(mayCreateOrg({ via: "session", isInstanceAdmin: false }, "any_user"), true);
  });
  it("never lets an API token create orgs", () => {
    assert.equal(mayCreateOrg({ via: "token", isInstanceAdmin: true }, "any_user"), false);
  });
});

function actor(role: Actor["role"], permissions: readonly Permission[]): Actor {
  return {
    kind: "user",
    userId: "u",
    orgId: "o",
    membershipId: "m",
    role,
    customRoleId: role ? null : "c",
    permissions: new Set(permissions),
    tokenId: null,
    isInstanceAdmin: false,
  };
}

describe("grant ceiling", () => {
  const manager = actor(null, ["member.read", "member.update", "ai_system.read"]);
  it("lets a non-owner grant a subset of their own permissions", () => {
    assertGrantWithinCeiling(manager, new Set(["member.read", "ai_system.read"]));
  });
  it("refuses a non-owner granting a permission they lack, naming it", () => {
    assert.throws(
      () => assertGrantWithinCeiling(manager, new Set(builtinRolePermissions.contributor)),
      (e: unknown) =>
        code("forbidden")(e) &&
        ((e as DomainError).details as { missing: string[] }).missing.includes("ai_system.create"),
    );
  });
  it("lets an admin appoint a governance lead although admins do not read concerns", () => {
    const admin = actor("admin", builtinRolePermissions.admin);
    assert.equal(admin.permissions.has("concern.manage"), false);
    assertGrantWithinCeiling(admin, new Set(builtinRolePermissions.governance_lead));
  });
  it("lets a governance lead grant only what they hold", () => {
    const lead = actor("governance_lead", builtinRolePermissions.governance_lead);
    assert.throws(() => assertGrantWithinCeiling(lead, new Set(["member.invite"])), code("forbidden"));
  });
  it("lets an owner grant anything", () => {
    assertGrantWithinCeiling(actor("owner", []), new Set(builtinRolePermissions.admin));
  });
});

describe("last owner protection", () => {
  const owner = { role: "owner" as const, status: "active" as const };
  it("refuses demoting the last active owner", () => {
    assert.throws(() => decideRoleChange(owner, "admin", 0), code("invalid_state"));
    assert.throws(() => decideRoleChange(owner, null, 0), code("invalid_state"));
  });
  it("allows demoting an owner when another active owner remains", () => {
    decideRoleChange(owner, "admin", 1);
  });
  it("allows keeping the last owner an owner, and changing non-owners freely", () => {
    decideRoleChange(owner, "owner", 0);
    decideRoleChange({ role: "viewer", status: "active" }, "admin", 0);
  });
  it("refuses deactivating the last active owner", () => {
    assert.throws(() => decideDeactivation(owner, 0), code("invalid_state"));
    decideDeactivation(owner, 1);
  });
  it("refuses deactivating twice and reactivating an active member", () => {
    assert.throws(
      () => decideDeactivation({ role: "viewer", status: "deactivated" }, 1),
      code("invalid_state"),
    );
    assert.throws(() => decideReactivation({ role: "viewer", status: "active" }), code("invalid_state"));
    decideReactivation({ role: "viewer", status: "deactivated" });
  });
});

describe("invitation states", () => {
  const now = new Date("2025-06-01T12:00:00Z");
  const pending = { expiresAt: new Date("2025-06-02T00:00:00Z"), acceptedAt: null, revokedAt: null };
  it("derives the status from the timestamps, acceptance first", () => {
    assert.equal(invitationStatus(pending, now), "pending");
    assert.equal(invitationStatus({ ...pending, expiresAt: now }, now), "expired");
    assert.equal(invitationStatus({ ...pending, revokedAt: now }, now), "revoked");
    assert.equal(invitationStatus({ ...pending, acceptedAt: now, expiresAt: new Date(0) }, now), "accepted");
  });
  it("accepts only pending invitations, with a message per state", () => {
    decideAcceptInvitation(pending, now);
    assert.throws(() => decideAcceptInvitation({ ...pending, expiresAt: now }, now), /expired/);
    assert.throws(() => decideAcceptInvitation({ ...pending, acceptedAt: now }, now), /already been used/);
    assert.throws(() => decideAcceptInvitation({ ...pending, revokedAt: now }, now), /withdrawn/);
  });
  it("revokes pending and expired invitations but not accepted or revoked ones", () => {
    decideRevokeInvitation(pending, now);
    decideRevokeInvitation({ ...pending, expiresAt: now }, now);
    assert.throws(() => decideRevokeInvitation({ ...pending, acceptedAt: now }, now), code("invalid_state"));
    assert.throws(() => decideRevokeInvitation({ ...pending, revokedAt: now }, now), code("invalid_state"));
  });
});
