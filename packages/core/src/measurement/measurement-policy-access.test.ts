import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { allows } from "../access/policy";
import { type BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import { measurementPolicy } from "../schemas/measurement-runs";

/** Role × action, written out by hand. */
const roles: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"];
const expected: Record<"read" | "record" | "setPolicies", BuiltinRole[]> = {
  read: roles,
  record: ["owner", "admin", "governance_lead", "contributor"],
  // setting thresholds is changing the AI system (ai_system.update)
  setPolicies: ["owner", "admin", "governance_lead", "contributor"],
};

describe("measurement access policy", () => {
  for (const [action, allowed] of Object.entries(expected) as [keyof typeof expected, BuiltinRole[]][])
    for (const role of roles)
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${action}`, () => {
        const actor = builtinActor(role, { kind: "user", userId: "u", orgId: "o" });
        assert.equal(allows(actor, measurementPolicy, action, { aiSystemId: "s" }), allowed.includes(role));
      });
});
