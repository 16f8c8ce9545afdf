import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { SoaSnapshotEntry } from "../schemas/soa";
import { diffSoaSnapshots } from "./soa-diff";
import { summarizeSoa, soaEntryGaps } from "./soa-summary";

const entry = (controlId: string, over: Partial<SoaSnapshotEntry> = {}): SoaSnapshotEntry => ({
  controlId,
  kind: "annex_a",
  title: `Title ${controlId}`,
  groupId: "A.2",
  groupTitle: "Policies related to AI",
  applicable: null,
  justification: "",
  implementationStatus: "not_started",
  ownerId: null,
  ownerName: null,
  notes: "",
  appliedControls: [],
  evidence: [],
  documents: [],
  ...over,
});

describe("SoA version diff", () => {
  it("reports applicability, justification, status, owner and link changes per control", () => {
    const from = [
      entry("A.2.2"),
      entry("A.2.3", { appliedControls: [{ id: "c1", label: "Policy review" }] }),
      entry("A.2.4"),
    ];
    const to = [
      entry("A.2.2", {
        applicable: true,
        justification: "We run AI systems.",
        implementationStatus: "implemented",
        ownerId: "u1",
        ownerName: "Ada",
        evidence: [{ id: "e1", label: "Signed policy", validUntil: null }],
      }),
      entry("A.2.3", { appliedControls: [{ id: "c2", label: "Annual review" }] }),
      entry("A.2.4"),
    ];
    const d = diffSoaSnapshots({ number: 1, entries: from }, { number: 2, entries: to });
    assert.equal(d.from, 1);
    assert.equal(d.to, 2);
    assert.deepEqual(d.added, []);
    assert.deepEqual(d.removed, []);
    assert.deepEqual(
      d.changed.map((c) => c.controlId),
      ["A.2.2", "A.2.3"],
      "an unchanged control is not listed",
    );
    assert.deepEqual(d.changed[0]!.fields, [
      { field: "applicable", before: null, after: true },
      { field: "justification", before: "", after: "We run AI systems." },
      { field: "implementationStatus", before: "not_started", after: "implemented" },
      { field: "owner", before: null, after: "Ada" },
    ]);
    assert.deepEqual(d.changed[0]!.links, [
      { kind: "evidence", added: [{ id: "e1", label: "Signed policy", validUntil: null }], removed: [] },
    ]);
    assert.deepEqual(d.changed[1]!.links, [
      {
        kind: "appliedControls",
        added: [{ id: "c2", label: "Annual review" }],
        removed: [{ id: "c1", label: "Policy review" }],
      },
    ]);
  });

  it("reports controls added and removed (additional controls come and go)", () => {
    const extra = entry("0b6a…", { kind: "additional", title: "Model cards", groupId: "additional" });
    const d = diffSoaSnapshots(
      { number: 3, entries: [entry("A.2.2"), extra] },
      { number: 4, entries: [entry("A.2.2"), entry("x2", { title: "Red teaming" })] },
    );
    assert.deepEqual(d.added, [{ controlId: "x2", title: "Red teaming" }]);
    assert.deepEqual(d.removed, [{ controlId: "0b6a…", title: "Model cards" }]);
    assert.deepEqual(d.changed, []);
  });

  it("compares owners by id, so a renamed owner is no change", () => {
    const d = diffSoaSnapshots(
      { number: 1, entries: [entry("A.2.2", { ownerId: "u1", ownerName: "Ada" })] },
      { number: 2, entries: [entry("A.2.2", { ownerId: "u1", ownerName: "Ada Lovelace" })] },
    );
    assert.deepEqual(d.changed, []);
  });
});

describe("SoA summary", () => {
  it("counts decisions and flags applicable controls missing a justification, owner or evidence", () => {
    const complete = entry("A.2.2", {
      applicable: true,
      justification: "j",
      ownerId: "u1",
      evidence: [{ id: "e", label: "e", validUntil: "2026-01-31" }],
      implementationStatus: "implemented",
    });
    const noEvidence = entry("A.2.3", { applicable: true, justification: "j", ownerId: "u1" });
    const excluded = entry("A.2.4", {
      applicable: false,
      justification: "j",
      implementationStatus: "not_applicable",
    });
    assert.deepEqual(soaEntryGaps(complete), []);
    assert.deepEqual(soaEntryGaps(complete, "2026-01-31"), [], "valid through its last day");
    assert.deepEqual(soaEntryGaps(complete, "2026-02-01"), ["evidence"], "stale evidence is no evidence");
    assert.deepEqual(soaEntryGaps(noEvidence), ["evidence"]);
    assert.deepEqual(soaEntryGaps(entry("A.3.2", { applicable: true })), [
      "justification",
      "owner",
      "evidence",
    ]);
    assert.deepEqual(soaEntryGaps(excluded), [], "an excluded control needs no evidence");
    assert.deepEqual(summarizeSoa([complete, noEvidence, excluded, entry("A.3.2")]), {
      total: 4,
      applicable: 2,
      notApplicable: 1,
      undecided: 1,
      implemented: 1,
      gaps: 1,
    });
  });
});
