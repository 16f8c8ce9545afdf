import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtinRoles, type BuiltinRole } from "../access/roles";
import { DomainError } from "../shared/domain-error";
import { builtinActor } from "../testing/actors";
import {
  assessmentGaps,
  assessmentWarnings,
  decideImpactAssessmentAction,
  decideRecordAuthorityNotification,
  decideUpdateImpactAssessment,
  ImpactAssessmentContent,
  impactAssessmentAbilities,
  rateImpact,
  summarizeImpact,
  type ImpactAssessmentAction,
  type ImpactAssessmentState,
  type ImpactAssessmentStatus,
} from "./index";

const AUTHOR = "00000000-0000-4000-8000-00000000000a";
const EDITOR = "00000000-0000-4000-8000-00000000000b";
const APPROVER = "00000000-0000-4000-8000-00000000000c";
const text = "Written.";

const complete = () =>
  ImpactAssessmentContent.parse({
    system: { description: text, intendedUse: text },
    affected: { individuals: text },
    benefits: { description: text },
    harms: [{ dimension: "privacy", description: text, severity: 2, likelihood: 2 }],
    residual: { summary: text },
    consultation: { summary: text },
    decision: { outcome: "proceed", rationale: text },
  });

const state = (over: Partial<ImpactAssessmentState> = {}): ImpactAssessmentState => ({
  id: "ia-1",
  aiSystemId: "sys-1",
  title: "IA",
  variant: "standard",
  templateId: "impact-standard-v1",
  status: "draft",
  content: complete(),
  revision: 1,
  authorId: AUTHOR,
  editorIds: [],
  ownerId: null,
  reviewIntervalMonths: 12,
  nextReviewDate: null,
  approvedVersion: null,
  versionCount: 0,
  archivedAt: null,
  version: 1,
  ...over,
});

const ctx = (actorId = APPROVER) => ({
  actorId,
  now: new Date("2026-03-31T10:00:00Z"),
  expectedVersion: 1,
  systemVersion: 7,
});

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : "other";
  }
};

describe("impact rating rule", () => {
  it("multiplies severity by likelihood into four levels", () => {
    assert.deepEqual(rateImpact(1, 3), { score: 3, level: "low" });
    assert.deepEqual(rateImpact(2, 2), { score: 4, level: "medium" });
    assert.deepEqual(rateImpact(3, 3), { score: 9, level: "high" });
    assert.deepEqual(rateImpact(4, 4), { score: 16, level: "very_high" });
  });
  it("never rates a severe harm below high, however rare", () => {
    assert.deepEqual(rateImpact(4, 1), { score: 4, level: "high" });
  });
  it("summarizes the worst inherent and residual impact; an unrated residual side keeps the inherent one", () => {
    const c = complete();
    c.harms.push({ ...c.harms[0]!, severity: 3, likelihood: 4, residualLikelihood: 1 });
    const s = summarizeImpact(c);
    assert.deepEqual(s.overallInherent, { score: 12, level: "very_high" });
    assert.deepEqual(s.overallResidual, { score: 4, level: "medium" });
  });
});

describe("impact assessment gaps", () => {
  it("names each missing required field, the FRIA's Art. 27 fields only for the FRIA variant", () => {
    const empty = ImpactAssessmentContent.parse({});
    const std = assessmentGaps(empty, "standard", "impact-standard-v1").map((g) => g.path);
    assert.ok(std.includes("content.system.description"));
    assert.ok(std.includes("content.harms"));
    assert.ok(std.includes("content.decision.outcome"));
    assert.ok(!std.some((p) => p.startsWith("content.fria")));
    const fria = assessmentGaps(complete(), "fria", "impact-fria-v1").map((g) => g.path);
    assert.deepEqual(fria.slice(0, 2), ["content.fria.processes", "content.fria.periodAndFrequency"]);
    assert.deepEqual(assessmentGaps(complete(), "standard", "impact-standard-v1"), []);
  });
  it("asks for mitigations of a high harm, a residual no worse than inherent, and conditions", () => {
    const c = complete();
    c.harms = [{ ...c.harms[0]!, severity: 3, likelihood: 3, residualSeverity: 4 }];
    c.decision.outcome = "proceed_with_conditions";
    assert.deepEqual(
      assessmentGaps(c, "standard", "impact-standard-v1").map((g) => g.path),
      ["content.harms.0.mitigations", "content.harms.0.residualSeverity", "content.decision.conditions"],
    );
  });
  it("warns about a standard assessment where a FRIA is required and an unnotified FRIA", () => {
    assert.deepEqual(
      assessmentWarnings({
        variant: "standard",
        friaRequired: true,
        approvedVersion: null,
        notificationCount: 0,
      }),
      ["fria_required"],
    );
    assert.deepEqual(
      assessmentWarnings({ variant: "fria", friaRequired: true, approvedVersion: 2, notificationCount: 0 }),
      ["authority_not_notified"],
    );
  });
});

describe("impact assessment workflow", () => {
  const table: Record<
    ImpactAssessmentStatus,
    Partial<Record<ImpactAssessmentAction, ImpactAssessmentStatus>>
  > = {
    draft: { submit: "in_review", archive: "archived" },
    in_review: { approve: "approved", reject: "draft", archive: "archived" },
    approved: { revise: "draft", archive: "archived" },
    archived: { restore: "draft" },
  };
  const actions: ImpactAssessmentAction[] = ["submit", "approve", "reject", "revise", "archive", "restore"];
  for (const [status, row] of Object.entries(table) as [ImpactAssessmentStatus, (typeof table)["draft"]][])
    for (const action of actions)
      it(`${status} + ${action} → ${row[action] ?? "409"}`, () => {
        const a = state({ status, approvedVersion: status === "approved" ? 1 : null });
        if (!row[action])
          return assert.equal(
            codeOf(() => decideImpactAssessmentAction(a, action, ctx())),
            "invalid_state",
          );
        assert.equal(decideImpactAssessmentAction(a, action, ctx()).changes.status, row[action]);
      });

  it("freezes a version on submit and approve; approval supersedes and sets the baseline", () => {
    const sub = decideImpactAssessmentAction(state({ versionCount: 2 }), "submit", ctx(AUTHOR));
    assert.deepEqual(sub.freeze, { number: 3, kind: "submitted", note: "" });
    const appr = decideImpactAssessmentAction(
      state({ status: "in_review", versionCount: 3, approvedVersion: 2 }),
      "approve",
      ctx(),
    );
    assert.equal(appr.changes.approvedVersion, 4);
    assert.equal(appr.changes.baselineSystemVersion, 7);
    assert.equal(appr.changes.nextReviewDate, "2027-03-31");
    assert.equal(appr.event.payload.supersededVersion, 2);
  });
  it("refuses approval by the author or an editor (four-eyes) and a stale version", () => {
    const a = state({ status: "in_review", editorIds: [EDITOR] });
    assert.equal(
      codeOf(() => decideImpactAssessmentAction(a, "approve", ctx(AUTHOR))),
      "forbidden",
    );
    assert.equal(
      codeOf(() => decideImpactAssessmentAction(a, "approve", ctx(EDITOR))),
      "forbidden",
    );
    assert.equal(
      codeOf(() => decideImpactAssessmentAction(a, "approve", { ...ctx(), expectedVersion: 2 })),
      "conflict",
    );
  });
  it("restores an archived assessment as approved only when its approval is the latest version of this revision", () => {
    const archived = (over: Partial<ImpactAssessmentState>) => state({ status: "archived", ...over });
    const restore = (a: ImpactAssessmentState, approvedRevision: number | null) =>
      decideImpactAssessmentAction(a, "restore", { ...ctx(), approvedRevision });
    const approved = restore(archived({ approvedVersion: 2, versionCount: 2, revision: 1 }), 1);
    assert.deepEqual(approved.changes, { status: "approved", archivedAt: null });
    assert.equal(approved.event.type, "impact_assessment.restored");
    assert.equal(approved.freeze, undefined);
    // a revision was started after the approval: its draft comes back, the approval stays in force
    assert.equal(
      restore(archived({ approvedVersion: 2, versionCount: 2, revision: 2 }), 1).changes.status,
      "draft",
    );
    // archived while a later submission was in review: back to draft
    assert.equal(
      restore(archived({ approvedVersion: 2, versionCount: 3, revision: 2 }), 1).changes.status,
      "draft",
    );
    assert.equal(
      codeOf(() => restore(state({ status: "approved", approvedVersion: 1, versionCount: 1 }), 1)),
      "invalid_state",
    );
    assert.equal(
      codeOf(() => decideImpactAssessmentAction(archived({}), "restore", { ...ctx(), expectedVersion: 9 })),
      "conflict",
    );
    const ab = impactAssessmentAbilities(builtinActor("governance_lead", { userId: APPROVER }), archived({}));
    assert.deepEqual([ab.restore, ab.archive, ab.update], [true, false, false]);
    const cb = impactAssessmentAbilities(builtinActor("contributor", { userId: APPROVER }), archived({}));
    assert.equal(cb.restore, false);
  });
  it("refuses to submit an incomplete draft with invalid_input naming the fields", () => {
    const a = state({ content: ImpactAssessmentContent.parse({}) });
    assert.equal(
      codeOf(() => decideImpactAssessmentAction(a, "submit", ctx())),
      "invalid_input",
    );
  });
  it("adds a content editor other than the author, and refuses content changes outside a draft", () => {
    const next = { ...complete(), benefits: { description: "More." } };
    const d = decideUpdateImpactAssessment(state(), { content: next }, 1, EDITOR);
    assert.deepEqual(d?.changes.editorIds, [EDITOR]);
    assert.equal(decideUpdateImpactAssessment(state(), { content: complete() }, 1, EDITOR), null);
    assert.equal(
      codeOf(() => decideUpdateImpactAssessment(state({ status: "approved" }), { content: next }, 1, EDITOR)),
      "invalid_state",
    );
    assert.ok(decideUpdateImpactAssessment(state({ status: "approved" }), { title: "New" }, 1, EDITOR));
  });
  it("records authority notifications only for an approved FRIA, never dated in the future", () => {
    const input = { notifiedOn: "2026-03-30", authority: "MSA", reference: "", note: "" };
    assert.equal(
      codeOf(() => decideRecordAuthorityNotification(state({ approvedVersion: 1 }), input, "2026-03-31")),
      "invalid_state",
    );
    const fria = state({ variant: "fria", approvedVersion: 1 });
    assert.equal(
      codeOf(() => decideRecordAuthorityNotification(state({ variant: "fria" }), input, "2026-03-31")),
      "invalid_state",
    );
    assert.equal(
      codeOf(() =>
        decideRecordAuthorityNotification(fria, { ...input, notifiedOn: "2026-04-01" }, "2026-03-31"),
      ),
      "invalid_input",
    );
    assert.equal(
      decideRecordAuthorityNotification(fria, input, "2026-03-31").type,
      "impact_assessment.authority_notified",
    );
  });
});

describe("impact assessment abilities by role", () => {
  const expected: Record<BuiltinRole, { read: boolean; update: boolean; approve: boolean }> = {
    owner: { read: true, update: true, approve: true },
    admin: { read: true, update: true, approve: true },
    governance_lead: { read: true, update: true, approve: true },
    contributor: { read: true, update: true, approve: false },
    auditor: { read: true, update: false, approve: false },
    viewer: { read: true, update: false, approve: false },
  };
  for (const role of builtinRoles)
    it(`${role}`, () => {
      const ab = impactAssessmentAbilities(
        builtinActor(role, { userId: APPROVER }),
        state({ status: "in_review" }),
      );
      assert.deepEqual({ read: ab.read, update: ab.update, approve: ab.approve }, expected[role]);
    });
  it("hides approve from the revision's author", () => {
    const ab = impactAssessmentAbilities(
      builtinActor("owner", { userId: AUTHOR }),
      state({ status: "in_review" }),
    );
    assert.equal(ab.approve, false);
  });
});
