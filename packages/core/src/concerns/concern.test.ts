import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtinRoles, type BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import type { Actor } from "../access/actor";
import { abilitiesOf, allows } from "../access/policy";
import { DomainError } from "../shared/domain-error";
import { objectivePolicy } from "../objectives/objective-policy";
import { concernPolicy, decideReportConcern, decideUpdateConcern, type ConcernState } from "./concern";

const SELF = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const actorOf = (role: BuiltinRole, kind: "user" | "token" = "user"): Actor =>
  builtinActor(role, { kind, userId: SELF, orgId: "00000000-0000-4000-8000-00000000000a" });

/** Expected answers written out by hand, role × subject × action. */
describe("concern policy table", () => {
  const cases: {
    action: "report" | "read" | "respond";
    subject: string;
    reporterId: string | null;
    yes: BuiltinRole[];
  }[] = [
    {
      action: "report",
      subject: "-",
      reporterId: null,
      yes: ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"],
    },
    { action: "read", subject: "someone else's", reporterId: OTHER, yes: ["owner", "governance_lead"] },
    { action: "read", subject: "anonymous", reporterId: null, yes: ["owner", "governance_lead"] },
    {
      action: "read",
      subject: "own",
      reporterId: SELF,
      yes: ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"],
    },
    { action: "respond", subject: "someone else's", reporterId: OTHER, yes: ["owner", "governance_lead"] },
    { action: "respond", subject: "own", reporterId: SELF, yes: ["owner", "governance_lead"] },
  ];
  for (const c of cases)
    for (const role of builtinRoles)
      for (const kind of ["user", "token"] as const)
        it(`${role} (${kind}) ${c.yes.includes(role) ? "may" : "may not"} ${c.action} a ${c.subject} concern`, () => {
          assert.equal(
            allows(actorOf(role, kind), concernPolicy, c.action, { reporterId: c.reporterId }),
            c.yes.includes(role),
          );
        });
});

describe("objective policy table", () => {
  const writers: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor"];
  for (const role of builtinRoles) {
    it(`${role}: reads objectives; ${writers.includes(role) ? "sets them and records progress" : "changes nothing"}`, () => {
      const a = abilitiesOf(actorOf(role), objectivePolicy, { archivedAt: null });
      const w = writers.includes(role);
      assert.deepEqual(a, { read: true, create: w, update: w, archive: w, restore: w, recordProgress: w });
    });
  }
});

describe("concern decisions", () => {
  const received: ConcernState = { id: "c1", status: "received", response: "", version: 1 };

  it("records a report with ids and flags only: no subject, text or category in the audit payload", () => {
    const e = decideReportConcern("c1", "org", { anonymous: true, aiSystemId: null });
    assert.deepEqual(e.payload, { anonymous: true, status: "received", aiSystemId: null });
    assert.equal(e.orgId, "org");
  });

  it("moves received → investigating → resolved, with the status change (not the response) in the event", () => {
    const inv = decideUpdateConcern(received, { status: "investigating" }, 1)!;
    assert.equal(inv.status, "investigating");
    assert.deepEqual(inv.event.payload, { status: ["received", "investigating"], responseChanged: false });
    const done = decideUpdateConcern(
      { ...received, status: "investigating", version: 2 },
      { status: "resolved", response: "Fixed the prompt filter." },
      2,
    )!;
    assert.equal(done.response, "Fixed the prompt filter.");
    assert.deepEqual(done.event.payload, { status: ["investigating", "resolved"], responseChanged: true });
    assert.ok(!JSON.stringify(done.event).includes("prompt filter"));
  });

  it("refuses to close without a response, and refuses transitions the workflow does not have", () => {
    assert.throws(
      () => decideUpdateConcern(received, { status: "dismissed" }, 1),
      (e: DomainError) => e.code === "invalid_input",
    );
    assert.throws(
      () => decideUpdateConcern(received, { status: "dismissed", response: "   " }, 1),
      (e: DomainError) => e.code === "invalid_input",
    );
    const resolved = { ...received, status: "resolved" as const, response: "ok" };
    assert.throws(
      () => decideUpdateConcern(resolved, { status: "dismissed" }, 1),
      (e: DomainError) => e.code === "invalid_state",
    );
    assert.throws(
      () => decideUpdateConcern({ ...received, status: "investigating" }, { status: "received" }, 1),
      (e: DomainError) => e.code === "invalid_state",
    );
    // reopening a closed concern is allowed
    assert.equal(decideUpdateConcern(resolved, { status: "investigating" }, 1)?.status, "investigating");
  });

  it("answers a stale version with conflict, and an unchanged request with null", () => {
    assert.throws(
      () => decideUpdateConcern(received, { status: "investigating" }, 2),
      (e: DomainError) => e.code === "conflict",
    );
    assert.equal(decideUpdateConcern(received, { status: "received", response: "" }, 1), null);
  });
});
