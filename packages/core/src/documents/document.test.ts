import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Actor } from "../access/actor";
import { allows } from "../access/policy";
import { builtinRoles, type BuiltinRole } from "../access/roles";
import { builtinActor } from "../testing/actors";
import { DomainError } from "../shared/domain-error";
import { findFramework } from "../frameworks";
import { parseFrameworkNodeRef } from "../shared/links";
import { CreateDocumentInput } from "../schemas/documents";
import {
  decideDocumentAction,
  decideEditDraft,
  documentAbilities,
  type DocumentState,
  type DocumentVersionState,
} from "./document";
import { documentPolicy, type DocumentPolicyAction } from "./document-policy";
import { documentTemplates } from "./templates";

const ORG = "00000000-0000-4000-8000-00000000000a";
const AUTHOR = "00000000-0000-4000-8000-000000000001";
const LEAD = "00000000-0000-4000-8000-000000000002";

const actorOf = (role: BuiltinRole, userId = LEAD): Actor => builtinActor(role, { userId, orgId: ORG });

const doc = (over: Partial<DocumentState> = {}): DocumentState => ({
  id: "d1",
  orgId: ORG,
  title: "AI policy",
  kind: "policy",
  ownerId: AUTHOR,
  reviewIntervalMonths: 12,
  templateKey: "ai_policy",
  status: "draft",
  latestVersion: 1,
  publishedVersion: null,
  nextReviewAt: null,
  retiredAt: null,
  version: 3,
  ...over,
});
const ver = (over: Partial<DocumentVersionState> = {}): DocumentVersionState => ({
  number: 1,
  status: "draft",
  authorId: AUTHOR,
  editorIds: [],
  body: "# AI policy\n",
  changeSummary: "",
  ...over,
});
const ctx = (
  actorId = LEAD,
  over: Partial<{ comment: string; expectedVersion: number; now: Date }> = {},
) => ({
  actorId,
  now: new Date("2025-03-10T09:00:00Z"),
  expectedVersion: 3,
  ...over,
});
const isCode = (code: string, rule?: string) => (e: unknown) =>
  e instanceof DomainError && e.code === code && (!rule || (e.details as { rule?: string })?.rule === rule);

/** Role × action, written out by hand (Y = allowed by role). */
const policyTable: Record<BuiltinRole, string> = {
  //                 read create update editDraft submit newDraft approve reject publish retire markReviewed
  owner: "Y Y Y Y Y Y Y Y Y Y Y",
  admin: "Y Y Y Y Y Y Y Y Y Y Y",
  governance_lead: "Y Y Y Y Y Y Y Y Y Y Y",
  contributor: "Y Y Y Y Y Y - - - - -",
  auditor: "Y - - - - - - - - - -",
  viewer: "Y - - - - - - - - - -",
};
const policyActions: DocumentPolicyAction[] = [
  "read",
  "create",
  "update",
  "editDraft",
  "submit",
  "newDraft",
  "approve",
  "reject",
  "publish",
  "retire",
  "markReviewed",
];

describe("document policy (role × action)", () => {
  for (const role of builtinRoles) {
    const expected = policyTable[role].split(" ");
    policyActions.forEach((action, i) => {
      it(`${role} ${expected[i] === "Y" ? "may" : "may not"} ${action}`, () => {
        assert.equal(allows(actorOf(role), documentPolicy, action, {}), expected[i] === "Y");
      });
    });
  }
});

describe("document decisions", () => {
  it("submits a draft for review", () => {
    const d = decideDocumentAction(doc(), ver(), "submit", ctx(AUTHOR));
    assert.equal(d.document.status, "in_review");
    assert.deepEqual(d.versions, [{ number: 1, status: "in_review", stamp: "submitted" }]);
    assert.equal(d.event.type, "document.version_submitted");
  });

  it("refuses to submit an empty draft", () => {
    assert.throws(
      () => decideDocumentAction(doc(), ver({ body: "  \n" }), "submit", ctx()),
      isCode("invalid_state"),
    );
  });

  it("refuses the author approving their own version (four-eyes), whatever their role", () => {
    assert.throws(
      () =>
        decideDocumentAction(
          doc({ status: "in_review" }),
          ver({ status: "in_review" }),
          "approve",
          ctx(AUTHOR),
        ),
      isCode("forbidden", "four_eyes"),
    );
  });

  it("refuses an approval by someone who edited the draft", () => {
    const v = ver({ status: "in_review", editorIds: [LEAD] });
    assert.throws(
      () => decideDocumentAction(doc({ status: "in_review" }), v, "approve", ctx(LEAD)),
      isCode("forbidden", "four_eyes"),
    );
  });

  it("lets another person approve", () => {
    const d = decideDocumentAction(
      doc({ status: "in_review" }),
      ver({ status: "in_review" }),
      "approve",
      ctx(),
    );
    assert.equal(d.document.status, "approved");
    assert.equal(d.event.type, "document.version_approved");
    assert.equal(d.event.payload.authorId, AUTHOR);
  });

  it("reports a wrong state before four-eyes (a 403 never hides a 409)", () => {
    assert.throws(() => decideDocumentAction(doc(), ver(), "approve", ctx(AUTHOR)), isCode("invalid_state"));
  });

  it("refuses a stale document version with conflict", () => {
    assert.throws(
      () => decideDocumentAction(doc(), ver(), "submit", ctx(AUTHOR, { expectedVersion: 2 })),
      isCode("conflict"),
    );
  });

  it("sends a version back to draft with the comment", () => {
    const d = decideDocumentAction(
      doc({ status: "in_review" }),
      ver({ status: "in_review" }),
      "reject",
      ctx(LEAD, { comment: "Section 3 is empty" }),
    );
    assert.deepEqual(d.versions, [
      { number: 1, status: "draft", stamp: "rejected", reviewComment: "Section 3 is empty" },
    ]);
    assert.equal(d.event.payload.comment, "Section 3 is empty");
  });

  it("publishes: supersedes the version in force and schedules the next review", () => {
    const d = decideDocumentAction(
      doc({ status: "approved", latestVersion: 2, publishedVersion: 1, reviewIntervalMonths: 6 }),
      ver({ number: 2, status: "approved" }),
      "publish",
      ctx(),
    );
    assert.deepEqual(d.versions, [
      { number: 1, status: "superseded", stamp: "superseded" },
      { number: 2, status: "published", stamp: "published" },
    ]);
    assert.equal(d.document.publishedVersion, 2);
    assert.equal(d.document.nextReviewAt, "2025-09-10");
    assert.equal(d.event.payload.supersededNumber, 1);
  });

  it("retires the version in force and the open draft, and clears the review date", () => {
    const d = decideDocumentAction(
      doc({ status: "draft", latestVersion: 2, publishedVersion: 1, nextReviewAt: "2026-01-01" }),
      ver({ number: 2 }),
      "retire",
      ctx(),
    );
    assert.deepEqual(
      d.versions.map((v) => [v.number, v.status]),
      [
        [1, "retired"],
        [2, "retired"],
      ],
    );
    assert.equal(d.document.publishedVersion, null);
    assert.equal(d.document.nextReviewAt, null);
  });

  it("refuses every action on a retired document", () => {
    const retired = doc({ status: "retired", retiredAt: new Date() });
    for (const action of ["submit", "retire", "newDraft", "markReviewed"] as const)
      assert.throws(
        () => decideDocumentAction(retired, ver({ status: "retired" }), action, ctx()),
        isCode("invalid_state"),
      );
  });

  it("starts a new draft from the version in force, only when no version is open", () => {
    const d = decideDocumentAction(
      doc({ status: "published", publishedVersion: 1 }),
      ver({ status: "published", body: "text in force" }),
      "newDraft",
      ctx(),
    );
    assert.deepEqual(d.newVersion, { number: 2, body: "text in force", changeSummary: "", authorId: LEAD });
    assert.equal(d.document.latestVersion, 2);
    assert.throws(
      () => decideDocumentAction(doc({ publishedVersion: 1 }), ver({ number: 2 }), "newDraft", ctx()),
      (e: unknown) => isCode("invalid_state")(e) && /still open/.test((e as Error).message),
    );
  });

  it("marks a periodic review and moves the next review date on", () => {
    const d = decideDocumentAction(
      doc({ status: "published", publishedVersion: 1, nextReviewAt: "2025-01-01" }),
      ver({ status: "published" }),
      "markReviewed",
      ctx(),
    );
    assert.equal(d.document.nextReviewAt, "2026-03-10");
    assert.equal(d.event.payload.previousReviewAt, "2025-01-01");
    assert.throws(() => decideDocumentAction(doc(), ver(), "markReviewed", ctx()), isCode("invalid_state"));
  });

  it("edits only drafts, records editors, and ignores a no-op", () => {
    const e = decideEditDraft(doc(), ver(), { body: "new" }, 3, LEAD)!;
    assert.deepEqual(e.changes, { body: "new", editorIds: [LEAD] });
    assert.equal(e.event.type, "document.draft_edited");
    assert.equal(decideEditDraft(doc(), ver(), { body: "# AI policy\n" }, 3, LEAD), null);
    assert.deepEqual(decideEditDraft(doc(), ver(), { body: "x" }, 3, AUTHOR)!.changes.editorIds, []);
    assert.throws(
      () => decideEditDraft(doc(), ver({ status: "in_review" }), { body: "x" }, 3, LEAD),
      isCode("invalid_state"),
    );
  });
});

describe("document abilities", () => {
  it("offers approve to a governance lead who did not write the version, never to its author", () => {
    const d = doc({ status: "in_review" });
    const v = ver({ status: "in_review" });
    assert.equal(documentAbilities(actorOf("governance_lead"), d, v).approve, true);
    assert.equal(documentAbilities(actorOf("owner", AUTHOR), d, v).approve, false);
    assert.equal(documentAbilities(actorOf("contributor"), d, v).approve, false);
    assert.equal(documentAbilities(actorOf("auditor"), d, v).read, true);
  });

  it("follows the state: a draft can be edited and submitted, not published", () => {
    const a = documentAbilities(actorOf("owner"), doc(), ver());
    assert.equal(a.editDraft, true);
    assert.equal(a.submit, true);
    assert.equal(a.publish, false);
    assert.equal(a.newDraft, false);
    assert.equal(a.markReviewed, false);
  });
});

describe("document templates", () => {
  it("links only to nodes that exist in the catalogue", () => {
    for (const t of documentTemplates)
      for (const ref of t.links) {
        const { frameworkId, nodeId } = parseFrameworkNodeRef(ref);
        assert.ok(
          findFramework(frameworkId)?.nodes.some((n) => n.id === nodeId),
          `${t.key}: ${ref}`,
        );
      }
  });

  it("are valid documents, with unique keys, the AI policy among them linked to 5.2", () => {
    assert.equal(new Set(documentTemplates.map((t) => t.key)).size, documentTemplates.length);
    for (const t of documentTemplates)
      assert.ok(CreateDocumentInput.safeParse({ title: t.title, kind: t.kind, body: t.body }).success);
    const policy = documentTemplates.find((t) => t.key === "ai_policy")!;
    assert.ok(policy.links.includes("5.2"));
    assert.equal(policy.kind, "policy");
  });
});
