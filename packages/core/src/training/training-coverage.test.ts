import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  computeTrainingCoverage,
  topicAppliesTo,
  type CoverageMemberInput,
  type CoverageTopicInput,
} from "./training-coverage";

const ann: CoverageMemberInput = { userId: "u-ann", name: "Ann", email: "ann@x", role: "governance_lead" };
const bob: CoverageMemberInput = { userId: "u-bob", name: "Bob", email: "bob@x", role: "contributor" };
const cid: CoverageMemberInput = { userId: "u-cid", name: "Cid", email: "cid@x", role: "viewer" };

const literacy: CoverageTopicInput = {
  id: "t-lit",
  name: "AI literacy basics",
  kind: "ai_literacy",
  validityMonths: 12,
  required: true,
  roles: [],
  aiLiteracy: true,
  systemOwnerIds: [],
};
const devs: CoverageTopicInput = {
  id: "t-dev",
  name: "Secure ML engineering",
  kind: "role_specific",
  validityMonths: null,
  required: true,
  roles: ["contributor"],
  aiLiteracy: false,
  systemOwnerIds: ["u-cid"],
};
const optional: CoverageTopicInput = { ...literacy, id: "t-opt", name: "Prompting", required: false };

describe("training coverage", () => {
  it("applies a topic without roles or systems to everyone, else to its roles and the systems' owners", () => {
    assert.deepEqual(
      [ann, bob, cid].map((m) => topicAppliesTo(literacy, m)),
      [true, true, true],
    );
    assert.deepEqual(
      [ann, bob, cid].map((m) => topicAppliesTo(devs, m)),
      [false, true, true],
    );
    assert.equal(topicAppliesTo(optional, ann), false);
  });

  it("derives each cell from the completion that counts longest, and each member's AI literacy", () => {
    const { members, summary } = computeTrainingCoverage(
      [ann, bob, cid],
      [literacy, devs, optional],
      [
        { userId: "u-ann", topicId: "t-lit", completedOn: "2025-01-10", expiresOn: null }, // expired 2026-01-10
        { userId: "u-ann", topicId: "t-lit", completedOn: "2025-06-01", expiresOn: null }, // → 2026-06-01
        { userId: "u-bob", topicId: "t-lit", completedOn: "2025-03-20", expiresOn: null }, // → 2026-03-20: soon
        { userId: "u-bob", topicId: "t-dev", completedOn: "2020-01-01", expiresOn: null }, // never expires
        { userId: "u-cid", topicId: "t-opt", completedOn: "2024-01-01", expiresOn: null }, // expired, optional
        { userId: "u-cid", topicId: "t-gone", completedOn: "2026-01-01", expiresOn: null }, // archived topic
      ],
      "2026-03-01",
    );
    const [a, b, c] = members;
    assert.deepEqual(
      a!.cells.map((x) => [x.topicId, x.applies, x.status, x.expiresOn]),
      [
        ["t-lit", true, "current", "2026-06-01"],
        ["t-dev", false, "missing", null],
        ["t-opt", false, "missing", null],
      ],
    );
    assert.deepEqual([a!.aiLiteracy, a!.covered], ["current", true]);
    assert.deepEqual([b!.aiLiteracy, b!.covered], ["expiring_soon", true]);
    assert.deepEqual(
      c!.cells.map((x) => x.status),
      ["missing", "missing", "expired"],
    );
    assert.deepEqual([c!.aiLiteracy, c!.covered], ["expired", false]);
    assert.deepEqual(summary, {
      members: 3,
      aiLiteracyValid: 2,
      aiLiteracyPercent: 66.7,
      aiLiteracyExpiringSoon: 1,
      covered: 2,
      required: { current: 2, expiring_soon: 1, expired: 0, missing: 2 },
    });
  });

  it("lets a stated expiry shorten or lengthen a completion", () => {
    const { members } = computeTrainingCoverage(
      [ann],
      [literacy],
      [{ userId: "u-ann", topicId: "t-lit", completedOn: "2026-01-01", expiresOn: "2026-02-01" }],
      "2026-03-01",
    );
    assert.equal(members[0]!.cells[0]!.status, "expired");
  });

  it("reports 0% and nobody literate when the catalogue has no AI-literacy topic", () => {
    const { members, summary } = computeTrainingCoverage([ann, bob], [devs], [], "2026-03-01");
    assert.deepEqual(
      members.map((m) => [m.aiLiteracy, m.covered]),
      [
        ["missing", true],
        ["missing", false],
      ],
    );
    assert.equal(summary.aiLiteracyPercent, 0);
    assert.equal(computeTrainingCoverage([], [literacy], [], "2026-03-01").summary.aiLiteracyPercent, 0);
  });
});
