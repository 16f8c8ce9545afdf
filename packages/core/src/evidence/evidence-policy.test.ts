import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "../access/actor";
import { allows } from "../access/policy";
import { type BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import { evidencePolicy } from "./evidence-policy";

/** Role × state × action, the expected answers written out by hand (not derived from the role table). */
const roles: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"];
const actorOf = (role: BuiltinRole, kind: "user" | "token"): Actor =>
  builtinActor(role, { kind, userId: "u", orgId: "o" });

const everyone = roles;
const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
const archivers: BuiltinRole[] = ["owner", "admin", "governance_lead"];
const expected: Record<string, BuiltinRole[]> = {
  read: everyone,
  create: writers,
  update: writers,
  link: writers,
  archive: archivers,
  restore: archivers,
  delete: archivers,
};

describe("evidence policy", () => {
  for (const [state, archivedAt] of [
    ["live", null],
    ["archived", new Date("2026-01-01T00:00:00Z")],
  ] as const) {
    for (const [action, allowed] of Object.entries(expected)) {
      for (const kind of ["user", "token"] as const) {
        it(`${action} on ${state} evidence via ${kind}: ${allowed.join(", ")}`, () => {
          for (const role of roles) {
            const got = allows(
              actorOf(role, kind),
              evidencePolicy,
              action as keyof typeof expected & "read",
              {
                archivedAt,
              },
            );
            assert.equal(got, allowed.includes(role), `${role} ${kind} ${action} ${state}`);
          }
        });
      }
    }
  }

  it("the auditor reads everything and changes nothing", () => {
    const auditor = actorOf("auditor", "user");
    for (const action of Object.keys(expected))
      assert.equal(
        allows(auditor, evidencePolicy, action as "read", { archivedAt: null }),
        action === "read",
        action,
      );
  });
});
