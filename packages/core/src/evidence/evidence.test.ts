import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DomainError } from "../shared/domain-error";
import {
  decideAddEvidence,
  decideArchiveEvidence,
  decideDeleteEvidence,
  decideLinkEvidence,
  decideRestoreEvidence,
  decideUpdateEvidence,
  evidenceFreshness,
  shiftDay,
  type EvidenceState,
} from "./evidence";

const file: EvidenceState = {
  id: "e1",
  kind: "file",
  title: "Model card",
  description: "",
  url: null,
  collectedAt: new Date("2026-01-10T00:00:00Z"),
  validUntil: "2026-12-31",
  sha256: "a".repeat(64),
  archivedAt: null,
  version: 3,
};
const link: EvidenceState = {
  ...file,
  id: "e2",
  kind: "link",
  url: "https://ci.example/run/1",
  sha256: null,
};

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return "none";
};

describe("evidence freshness", () => {
  it("is current without a valid-until date", () =>
    assert.equal(evidenceFreshness(null, "2026-05-01"), "current"));
  it("is still valid on its last day and stale the day after", () => {
    assert.equal(evidenceFreshness("2026-05-01", "2026-05-01"), "expiring_soon");
    assert.equal(evidenceFreshness("2026-05-01", "2026-05-02"), "stale");
  });
  it("expires soon within 30 days and is current beyond", () => {
    assert.equal(evidenceFreshness("2026-05-31", "2026-05-01"), "expiring_soon");
    assert.equal(evidenceFreshness("2026-06-01", "2026-05-01"), "current");
  });
  it("shifts days across month and leap-year ends", () => {
    assert.equal(shiftDay("2028-02-28", 1), "2028-02-29");
    assert.equal(shiftDay("2026-12-31", 1), "2027-01-01");
  });
});

describe("evidence decisions", () => {
  it("records the hash but never content when a file is added", () => {
    const e = decideAddEvidence("e1", {
      kind: "file",
      title: "Scan",
      url: null,
      source: "cli",
      validUntil: null,
      file: { sha256: "b".repeat(64), size: 12, mediaType: "application/pdf", filename: "scan.pdf" },
      links: [{ type: "framework_node", id: "iso-iec-42001-2023:A.6.2.4" }],
    });
    assert.equal(e.type, "evidence.added");
    assert.equal(e.payload.sha256, "b".repeat(64));
    assert.equal(e.payload.size, 12);
    assert.equal(e.payload.source, "cli");
    assert.deepEqual(Object.keys(e.payload).sort(), [
      "filename",
      "kind",
      "links",
      "mediaType",
      "sha256",
      "size",
      "source",
      "title",
      "validUntil",
    ]);
  });

  it("updates only what changed, with a diff, and nothing when nothing changed", () => {
    const d = decideUpdateEvidence(file, { title: "Model card v2", validUntil: "2026-12-31" }, 3);
    assert.deepEqual(d?.changes, { title: "Model card v2" });
    assert.deepEqual(d?.event.payload.diff, { title: ["Model card", "Model card v2"] });
    assert.equal(decideUpdateEvidence(file, { title: "Model card" }, 3), null);
  });

  it("refuses a stale version (conflict) and edits of archived evidence (invalid state)", () => {
    assert.equal(
      code(() => decideUpdateEvidence(file, { title: "x" }, 2)),
      "conflict",
    );
    const archived = { ...file, archivedAt: new Date() };
    assert.equal(
      code(() => decideUpdateEvidence(archived, { title: "x" }, 3)),
      "invalid_state",
    );
    assert.equal(
      code(() => decideLinkEvidence(archived, 3, { added: [], removed: [] })),
      "invalid_state",
    );
  });

  it("keeps URLs to links: a file gets none, a link cannot lose it", () => {
    assert.equal(
      code(() => decideUpdateEvidence(file, { url: "https://x.example" }, 3)),
      "invalid_state",
    );
    assert.equal(
      code(() => decideUpdateEvidence(link, { url: null }, 3)),
      "invalid_state",
    );
    assert.ok(decideUpdateEvidence(link, { url: "https://ci.example/run/2" }, 3));
  });

  it("emits a link event only when links changed", () => {
    assert.equal(decideLinkEvidence(file, 3, { added: [], removed: [] }), null);
    const e = decideLinkEvidence(file, 3, { added: [{ type: "ai_system", id: "s1" }], removed: [] });
    assert.equal(e?.type, "evidence.linked");
  });

  it("archives live evidence and restores archived evidence only", () => {
    assert.equal(decideArchiveEvidence(file, 3).type, "evidence.archived");
    assert.equal(
      code(() => decideRestoreEvidence(file, 3)),
      "invalid_state",
    );
    const archived = { ...file, archivedAt: new Date() };
    assert.equal(
      code(() => decideArchiveEvidence(archived, 3)),
      "invalid_state",
    );
    assert.equal(decideRestoreEvidence(archived, 3).type, "evidence.restored");
  });

  it("refuses to delete evidence an approved SoA version references, naming the versions", () => {
    try {
      decideDeleteEvidence(file, [1, 3]);
      assert.fail("expected a refusal");
    } catch (e) {
      assert.equal((e as DomainError).code, "invalid_state");
      assert.match((e as DomainError).message, /approved SoA versions 1, 3/);
      assert.deepEqual((e as DomainError).details, { soaVersions: [1, 3] });
    }
    const ok = decideDeleteEvidence(file, []);
    assert.equal(ok.type, "evidence.deleted");
    assert.equal(ok.payload.sha256, file.sha256);
  });
});
