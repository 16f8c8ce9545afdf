import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "../access/actor";
import { allows } from "../access/policy";
import { type BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import { appliedControlPolicy, soaPolicy, soaVersionPolicy } from "./soa-policy";

/** Role × action → expected, written out by hand so a change to a role or a rule fails a row here. */
const ROLES: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"];
const SELF = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

const actorOf = (role: BuiltinRole, kind: "user" | "token" = "user"): Actor =>
  builtinActor(role, { kind, userId: SELF });

const everyone = ROLES;
const editors: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
const approvers: BuiltinRole[] = ["owner", "admin", "governance_lead"];

const rows: { name: string; check: (a: Actor) => boolean; allowed: BuiltinRole[] }[] = [
  { name: "SoA read", check: (a) => allows(a, soaPolicy, "read", {}), allowed: everyone },
  { name: "SoA export", check: (a) => allows(a, soaPolicy, "export", {}), allowed: everyone },
  { name: "SoA update entry", check: (a) => allows(a, soaPolicy, "update", {}), allowed: editors },
  { name: "SoA create version", check: (a) => allows(a, soaPolicy, "createVersion", {}), allowed: editors },
  { name: "SoA approve (role)", check: (a) => allows(a, soaPolicy, "approve", {}), allowed: approvers },
  { name: "SoA reject", check: (a) => allows(a, soaPolicy, "reject", {}), allowed: approvers },
  {
    name: "version approve, created by someone else",
    check: (a) => allows(a, soaVersionPolicy, "approve", { createdBy: OTHER }),
    allowed: approvers,
  },
  {
    name: "version approve, created by oneself (four-eyes)",
    check: (a) => allows(a, soaVersionPolicy, "approve", { createdBy: SELF }),
    allowed: [],
  },
  {
    name: "version reject, created by oneself (withdraw)",
    check: (a) => allows(a, soaVersionPolicy, "reject", { createdBy: SELF }),
    allowed: approvers,
  },
  {
    name: "version read",
    check: (a) => allows(a, soaVersionPolicy, "read", { createdBy: OTHER }),
    allowed: everyone,
  },
  {
    name: "applied control read",
    check: (a) => allows(a, appliedControlPolicy, "read", { archivedAt: null }),
    allowed: everyone,
  },
  ...(["create", "update", "archive", "restore"] as const).map((action) => ({
    name: `applied control ${action}`,
    check: (a: Actor) => allows(a, appliedControlPolicy, action, { archivedAt: null }),
    allowed: editors,
  })),
];

describe("SoA and applied control policies", () => {
  for (const row of rows)
    for (const kind of ["user", "token"] as const)
      it(`${row.name} via ${kind}: only ${row.allowed.join(", ") || "nobody"}`, () => {
        for (const role of ROLES)
          assert.equal(row.check(actorOf(role, kind)), row.allowed.includes(role), `${role}`);
      });
});
