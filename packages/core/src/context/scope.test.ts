import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DomainError } from "../shared/domain-error";
import {
  decideApproveScope,
  decideEditScopeDraft,
  decideNewScopeDraft,
  decideRejectScope,
  decideSubmitScope,
  type ScopeVersionState,
} from "./scope";
import type { ScopeStatus } from "./vocabulary";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

const version = (status: ScopeStatus, over: Partial<ScopeVersionState> = {}): ScopeVersionState => ({
  id: "v2",
  number: 2,
  version: 3,
  status,
  statement: "All AI systems developed in the EU",
  inclusions: ["Credit scoring"],
  exclusions: [{ item: "HR chatbot", justification: "Bought, not configured by us" }],
  boundaries: "",
  authorId: A,
  lastEditedBy: A,
  editorIds: [A],
  submittedBy: status === "draft" ? null : A,
  ...over,
});

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError
      ? [e.code, (e.details as { rule?: string } | undefined)?.rule]
      : ["other"];
  }
  return ["none"];
};

describe("scope versions", () => {
  it("a new draft copies the approved scope, and refuses while another version is open", () => {
    const approved = { ...version("approved"), number: 1 };
    const { fields, event } = decideNewScopeDraft("v3", 3, null, approved);
    assert.deepEqual(fields.exclusions, approved.exclusions);
    assert.notEqual(fields.exclusions[0], approved.exclusions[0]);
    assert.equal(event.type, "scope_version.created");
    assert.equal(event.payload.copiedFrom, 1);
    assert.equal(decideNewScopeDraft("v1", 1, null, null).fields.statement, "");
    assert.deepEqual(
      code(() => decideNewScopeDraft("v3", 3, { number: 2 }, approved)),
      ["invalid_state", undefined],
    );
  });

  it("edits only drafts, checks the version, and records a diff of what changed", () => {
    const d = decideEditScopeDraft(version("draft"), { statement: "All AI systems", boundaries: "" }, 3);
    assert.deepEqual(d?.changes, { statement: "All AI systems" });
    assert.deepEqual(d?.event.payload.diff, {
      statement: ["All AI systems developed in the EU", "All AI systems"],
    });
    assert.equal(decideEditScopeDraft(version("draft"), { boundaries: "" }, 3), null);
    assert.deepEqual(
      code(() => decideEditScopeDraft(version("draft"), { boundaries: "x" }, 2)),
      ["conflict", undefined],
    );
    for (const s of ["in_review", "approved", "superseded"] as const)
      assert.deepEqual(
        code(() => decideEditScopeDraft(version(s), { boundaries: "x" }, 3)),
        ["invalid_state", undefined],
      );
  });

  it("submits a draft with a statement only", () => {
    assert.equal(decideSubmitScope(version("draft"), 3).type, "scope_version.submitted");
    assert.deepEqual(
      code(() => decideSubmitScope(version("draft", { statement: " " }), 3)),
      ["invalid_input", undefined],
    );
    assert.deepEqual(
      code(() => decideSubmitScope(version("in_review"), 3)),
      ["invalid_state", undefined],
    );
  });

  it("approval needs someone who neither wrote, edited nor submitted it (four-eyes)", () => {
    assert.deepEqual(
      code(() => decideApproveScope(version("in_review"), 3, A, null)),
      ["forbidden", "four_eyes"],
    );
    const edited = version("in_review", {
      authorId: B,
      lastEditedBy: B,
      editorIds: [C, B],
      submittedBy: B,
    });
    assert.deepEqual(
      code(() => decideApproveScope(edited, 3, C, null)),
      ["forbidden", "four_eyes"],
    );
    assert.deepEqual(
      code(() => decideApproveScope(version("draft"), 3, B, null)),
      ["invalid_state", undefined],
    );
    assert.deepEqual(
      code(() => decideApproveScope(version("in_review"), 1, B, null)),
      ["conflict", undefined],
    );
  });

  it("approving supersedes the scope in force", () => {
    const events = decideApproveScope(version("in_review"), 3, B, { id: "v1", number: 1 });
    assert.deepEqual(
      events.map((e) => [e.type, e.entityId]),
      [
        ["scope_version.approved", "v2"],
        ["scope_version.superseded", "v1"],
      ],
    );
    assert.equal(decideApproveScope(version("in_review"), 3, B, null).length, 1);
  });

  it("rejects only versions in review, keeping the note", () => {
    assert.equal(decideRejectScope(version("in_review"), 3, "Name the sites").payload.note, "Name the sites");
    assert.deepEqual(
      code(() => decideRejectScope(version("draft"), 3, "")),
      ["invalid_state", undefined],
    );
  });
});
