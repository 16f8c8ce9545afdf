import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { allows } from "../access/policy";
import type { BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import { assertTrainingDates, decideCreateTrainingRecord, decideUpdateTrainingRecord } from "./training";
import { trainingRecordPolicy, trainingTopicPolicy } from "./training-policy";

const SELF = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const roles: BuiltinRole[] = ["owner", "admin", "governance_lead", "contributor", "auditor", "viewer"];

/** Expected answers written out by hand: role → [own record, someone else's record]. */
const recordTable: Record<string, Record<BuiltinRole, [boolean, boolean]>> = {
  read: {
    owner: [true, true],
    admin: [true, true],
    governance_lead: [true, true],
    contributor: [true, false],
    auditor: [true, true],
    viewer: [true, false],
  },
  create: {
    owner: [true, true],
    admin: [true, true],
    governance_lead: [true, true],
    contributor: [true, false],
    auditor: [false, false],
    viewer: [false, false],
  },
};

describe("training policies", () => {
  for (const [action, byRole] of Object.entries(recordTable))
    for (const role of roles)
      it(`training_record ${action}: ${role} → own ${byRole[role][0]}, other's ${byRole[role][1]}`, () => {
        const a = builtinActor(role, { userId: SELF });
        const act = action as "read" | "create";
        assert.equal(allows(a, trainingRecordPolicy, act, { userId: SELF }), byRole[role][0]);
        assert.equal(allows(a, trainingRecordPolicy, act, { userId: OTHER }), byRole[role][1]);
        // update and delete follow create
        assert.equal(
          allows(a, trainingRecordPolicy, "update", { userId: OTHER }),
          recordTable.create![role][1],
        );
        assert.equal(
          allows(a, trainingRecordPolicy, "delete", { userId: SELF }),
          recordTable.create![role][0],
        );
      });

  it("lets everyone read the catalogue and only owners, admins and governance leads keep it", () => {
    const managing = roles.filter((r) =>
      allows(builtinActor(r), trainingTopicPolicy, "create", { archivedAt: null }),
    );
    assert.deepEqual(managing, ["owner", "admin", "governance_lead"]);
    assert.ok(roles.every((r) => allows(builtinActor(r), trainingTopicPolicy, "read", { archivedAt: null })));
  });
});

describe("training record decisions", () => {
  const fields = {
    completedOn: "2026-03-01",
    expiresOn: null,
    provider: "",
    method: "other" as const,
    note: "",
  };
  const topic = { id: "t", name: "AI literacy", archivedAt: null };

  it("rejects a completion in the future (one day of slack for time zones) naming the field", () => {
    assert.doesNotThrow(() => assertTrainingDates({ ...fields, completedOn: "2026-03-02" }, "2026-03-01"));
    assert.throws(
      () => assertTrainingDates({ ...fields, completedOn: "2026-03-03" }, "2026-03-01"),
      (e: { code: string; details: { issues: { path: string }[] } }) =>
        e.code === "invalid_input" && e.details.issues[0]!.path === "completedOn",
    );
  });

  it("rejects a stated expiry before the completion", () => {
    assert.throws(
      () => assertTrainingDates({ ...fields, expiresOn: "2026-02-28" }, "2026-03-01"),
      (e: { details: { issues: { path: string }[] } }) => e.details.issues[0]!.path === "expiresOn",
    );
  });

  it("refuses a completion on an archived topic with invalid_state", () => {
    assert.throws(
      () => decideCreateTrainingRecord("r", { ...topic, archivedAt: new Date() }, SELF, fields, "2026-03-01"),
      (e: { code: string }) => e.code === "invalid_state",
    );
    const ev = decideCreateTrainingRecord("r", topic, SELF, fields, "2026-03-01");
    assert.equal(ev.type, "training_record.created");
    assert.equal(ev.payload.userId, SELF);
  });

  it("checks the version and returns null when nothing changes", () => {
    const current = { ...fields, id: "r", userId: SELF, topicId: "t", version: 2 };
    assert.throws(
      () => decideUpdateTrainingRecord(current, {}, 1, "2026-03-01"),
      (e: { code: string }) => e.code === "conflict",
    );
    assert.equal(decideUpdateTrainingRecord(current, { note: "" }, 2, "2026-03-01"), null);
    assert.deepEqual(decideUpdateTrainingRecord(current, { note: "x" }, 2, "2026-03-01")?.diff, {
      note: ["", "x"],
    });
  });
});
