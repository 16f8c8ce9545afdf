import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DomainError } from "../shared/domain-error";
import {
  annexAControls,
  decideApproveSoaVersion,
  decideCreateSoaVersion,
  decideRejectSoaVersion,
  decideUpdateSoaEntry,
  isAnnexAControlId,
  soaEntryIssues,
  undecidedSoaEntry,
  type SoaEntryState,
  type SoaVersionState,
} from "./index";

const ENTRY = "00000000-0000-4000-8000-0000000000e1";
const fresh = (over: Partial<SoaEntryState> = {}): SoaEntryState => ({
  ...undecidedSoaEntry,
  entryId: null,
  controlId: "A.2.2",
  kind: "annex_a",
  appliedControlIds: [],
  version: 0,
  ...over,
});
const issuePaths = (e: unknown) =>
  ((e as DomainError).details as { issues: { path: string }[] }).issues.map((i) => i.path);

describe("Annex A controls", () => {
  it("lists the 38 Annex A controls of ISO/IEC 42001 in 9 groups, in catalogue order", () => {
    const controls = annexAControls();
    assert.equal(controls.length, 38);
    assert.equal(new Set(controls.map((c) => c.groupId)).size, 9);
    assert.deepEqual(controls[0], {
      controlId: "A.2.2",
      title: "AI policy",
      groupId: "A.2",
      groupTitle: "Policies related to AI",
    });
    assert.equal(controls.at(-1)?.controlId, "A.10.4");
    assert.ok(isAnnexAControlId("A.6.2.4"));
    assert.ok(!isAnnexAControlId("A.2.1"), "a control objective is not a control");
    assert.ok(!isAnnexAControlId("6.1.3"));
  });
});

describe("SoA entry rules", () => {
  it("requires a justification once applicability is decided, either way", () => {
    assert.deepEqual(soaEntryIssues({ ...undecidedSoaEntry }), []);
    assert.deepEqual(
      soaEntryIssues({ ...undecidedSoaEntry, applicable: true }).map((i) => i.path),
      ["justification"],
    );
    assert.deepEqual(
      soaEntryIssues({ ...undecidedSoaEntry, applicable: false, implementationStatus: "not_applicable" }).map(
        (i) => i.path,
      ),
      ["justification"],
    );
    assert.deepEqual(
      soaEntryIssues({ ...undecidedSoaEntry, applicable: true, justification: "   " }).map((i) => i.path),
      ["justification"],
      "blank text is no justification",
    );
  });

  it("uses not_applicable exactly for controls marked not applicable", () => {
    const j = { justification: "because" };
    assert.deepEqual(
      soaEntryIssues({ ...undecidedSoaEntry, ...j, applicable: false, implementationStatus: "planned" }).map(
        (i) => i.path,
      ),
      ["implementationStatus"],
    );
    assert.deepEqual(
      soaEntryIssues({
        ...undecidedSoaEntry,
        ...j,
        applicable: true,
        implementationStatus: "not_applicable",
      }).map((i) => i.path),
      ["implementationStatus"],
    );
    assert.deepEqual(
      soaEntryIssues({ ...undecidedSoaEntry, applicable: null, implementationStatus: "not_applicable" }).map(
        (i) => i.path,
      ),
      ["implementationStatus"],
    );
    assert.deepEqual(
      soaEntryIssues({
        ...undecidedSoaEntry,
        ...j,
        applicable: false,
        implementationStatus: "not_applicable",
      }),
      [],
    );
  });

  it("rejects deciding applicability without a justification", () => {
    for (const applicable of [true, false]) {
      assert.throws(
        () => decideUpdateSoaEntry(fresh(), { applicable }, 0, ENTRY),
        (e) =>
          e instanceof DomainError && e.code === "invalid_input" && issuePaths(e).includes("justification"),
      );
    }
  });

  it("derives not_applicable when a control is excluded, and not_started when it comes back", () => {
    const out = decideUpdateSoaEntry(
      fresh(),
      { applicable: false, justification: "We build no AI." },
      0,
      ENTRY,
    );
    assert.equal(out?.fields.implementationStatus, "not_applicable");
    assert.deepEqual(out?.event.payload.diff, {
      applicable: [null, false],
      justification: ["", "We build no AI."],
      implementationStatus: ["not_started", "not_applicable"],
    });
    assert.equal(out?.event.type, "soa_entry.updated");
    assert.equal(out?.event.entityId, ENTRY);
    const excluded = fresh({ ...out!.fields, version: 1, entryId: ENTRY });
    const back = decideUpdateSoaEntry(excluded, { applicable: true, justification: "Now we do." }, 1, ENTRY);
    assert.equal(back?.fields.implementationStatus, "not_started");
  });

  it("refuses an explicit status that contradicts applicability", () => {
    assert.throws(
      () =>
        decideUpdateSoaEntry(
          fresh(),
          { applicable: false, justification: "x", implementationStatus: "implemented" },
          0,
          ENTRY,
        ),
      (e) => e instanceof DomainError && issuePaths(e).includes("implementationStatus"),
    );
    assert.throws(
      () => decideUpdateSoaEntry(fresh(), { implementationStatus: "not_applicable" }, 0, ENTRY),
      (e) => e instanceof DomainError && e.code === "invalid_input",
    );
  });

  it("answers a stale version with a conflict", () => {
    assert.throws(
      () => decideUpdateSoaEntry(fresh({ version: 3, entryId: ENTRY }), { notes: "x" }, 2, ENTRY),
      (e) => e instanceof DomainError && e.code === "conflict",
    );
    assert.throws(
      () => decideUpdateSoaEntry(fresh(), { notes: "x" }, 1, ENTRY),
      (e) => e instanceof DomainError && e.code === "conflict",
      "an untouched entry is version 0",
    );
  });

  it("returns null when nothing changes, and records applied-control link changes", () => {
    assert.equal(decideUpdateSoaEntry(fresh(), { notes: "", applicable: null }, 0, ENTRY), null);
    const out = decideUpdateSoaEntry(
      fresh({ appliedControlIds: ["a", "b"] }),
      { appliedControlIds: ["b", "c"] },
      0,
      ENTRY,
    );
    assert.deepEqual(out?.appliedControls, { added: ["c"], removed: ["a"] });
    assert.deepEqual(out?.event.payload.appliedControls, { added: ["c"], removed: ["a"] });
  });

  it("does not link applied controls to an additional control's entry", () => {
    assert.throws(
      () =>
        decideUpdateSoaEntry(
          fresh({ kind: "additional", controlId: ENTRY }),
          { appliedControlIds: [] },
          0,
          ENTRY,
        ),
      (e) => e instanceof DomainError && issuePaths(e).includes("appliedControlIds"),
    );
  });
});

describe("SoA version transitions", () => {
  const CREATOR = "u-creator";
  const v = (over: Partial<SoaVersionState> = {}): SoaVersionState => ({
    id: "v2",
    number: 2,
    status: "in_review",
    createdBy: CREATOR,
    version: 1,
    ...over,
  });

  it("numbers versions 1, 2, … and allows one in review at a time", () => {
    const counts = { entries: 38, applicable: 1, undecided: 37 };
    assert.equal(decideCreateSoaVersion("x", null, null, counts).number, 1);
    assert.equal(decideCreateSoaVersion("x", { number: 4 }, null, counts).number, 5);
    assert.throws(
      () => decideCreateSoaVersion("x", { number: 4 }, { number: 4 }, counts),
      (e) => e instanceof DomainError && e.code === "invalid_state",
    );
  });

  it("refuses approval by the version's creator (four-eyes) and lets someone else approve", () => {
    assert.throws(
      () => decideApproveSoaVersion(v(), CREATOR, 1, null, ""),
      (e) =>
        e instanceof DomainError &&
        e.code === "forbidden" &&
        (e.details as { rule: string }).rule === "four_eyes",
    );
    const events = decideApproveSoaVersion(
      v(),
      "u-other",
      1,
      v({ id: "v1", number: 1, status: "approved" }),
      "ok",
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.entityId]),
      [
        ["soa_version.approved", "v2"],
        ["soa_version.superseded", "v1"],
      ],
    );
  });

  it("decides only versions in review, with the version read", () => {
    for (const status of ["approved", "rejected", "superseded"] as const) {
      assert.throws(
        () => decideApproveSoaVersion(v({ status }), "u-other", 1, null, ""),
        (e) => e instanceof DomainError && e.code === "invalid_state",
      );
      assert.throws(
        () => decideRejectSoaVersion(v({ status }), 1, ""),
        (e) => e instanceof DomainError && e.code === "invalid_state",
      );
    }
    assert.throws(
      () => decideApproveSoaVersion(v({ version: 2 }), "u-other", 1, null, ""),
      (e) => e instanceof DomainError && e.code === "conflict",
    );
    assert.equal(decideRejectSoaVersion(v(), 1, "incomplete").type, "soa_version.rejected");
  });
});
