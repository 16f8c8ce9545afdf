import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ClassificationObligation, ClassificationResult } from "../schemas/eu-ai-act";
import {
  diffClassificationAxes,
  effectiveDueDate,
  isEmptySyncPlan,
  planObligationSync,
  type TrackedObligation,
} from "./obligation-sync";

const gen = (id: string, role: "provider" | "deployer" = "deployer", appliesFrom = "2027-12-02") =>
  ({
    id,
    role,
    article: `Art. ${id}`,
    title: `t ${id}`,
    appliesFrom,
    basis: "b",
  }) as ClassificationObligation;
const tracked = (o: ClassificationObligation, rowId: string, more: Partial<TrackedObligation> = {}) =>
  ({
    rowId,
    obligationId: o.id,
    role: o.role,
    article: o.article,
    title: o.title,
    appliesFrom: o.appliesFrom,
    basis: o.basis,
    status: "open",
    applicable: true,
    ...more,
  }) as TrackedObligation;

describe("planObligationSync", () => {
  it("creates every generated obligation for a first classification", () => {
    const plan = planObligationSync([], [gen("art4"), gen("art26")]);
    assert.deepEqual(
      plan.create.map((o) => o.id),
      ["art4", "art26"],
    );
    assert.deepEqual([plan.retire, plan.reopen, plan.refresh], [[], [], []]);
  });

  it("keys by obligation id and role: the same id for another role is a new row", () => {
    const plan = planObligationSync([tracked(gen("art4", "provider"), "r1")], [gen("art4", "deployer")]);
    assert.deepEqual(
      plan.create.map((o) => `${o.id}/${o.role}`),
      ["art4/deployer"],
    );
    assert.deepEqual(plan.retire, [{ rowId: "r1", key: "art4/provider", previousStatus: "open" }]);
  });

  it("leaves unchanged obligations alone, whatever their status", () => {
    const plan = planObligationSync([tracked(gen("art26"), "r1", { status: "met" })], [gen("art26")]);
    assert.ok(isEmptySyncPlan(plan));
  });

  it("retires obligations no longer generated and keeps their previous status in the plan", () => {
    const plan = planObligationSync(
      [tracked(gen("art26"), "r1", { status: "in_progress" }), tracked(gen("art4"), "r2")],
      [gen("art4")],
    );
    assert.deepEqual(plan.retire, [{ rowId: "r1", key: "art26/deployer", previousStatus: "in_progress" }]);
    assert.equal(plan.create.length, 0);
  });

  it("does not retire a row twice", () => {
    const plan = planObligationSync(
      [tracked(gen("art26"), "r1", { status: "not_applicable", applicable: false })],
      [],
    );
    assert.ok(isEmptySyncPlan(plan));
  });

  it("reopens a retired obligation that is generated again", () => {
    const plan = planObligationSync(
      [tracked(gen("art26"), "r1", { status: "not_applicable", applicable: false })],
      [gen("art26")],
    );
    assert.deepEqual(
      plan.reopen.map((r) => r.rowId),
      ["r1"],
    );
    assert.equal(plan.create.length, 0);
  });

  it("refreshes article, title or date when the rule data changed them", () => {
    const plan = planObligationSync([tracked(gen("art26"), "r1")], [gen("art26", "deployer", "2028-08-02")]);
    assert.equal(plan.refresh.length, 1);
    assert.equal(plan.refresh[0]!.obligation.appliesFrom, "2028-08-02");
  });

  it("ignores a duplicate generated obligation", () => {
    const plan = planObligationSync([], [gen("art4"), gen("art4")]);
    assert.equal(plan.create.length, 1);
  });
});

describe("diffClassificationAxes", () => {
  const result = (over: Partial<ClassificationResult>): ClassificationResult => ({
    prohibited: false,
    prohibitedPoints: [],
    highRisk: false,
    highRiskRoute: null,
    annexIIIPoint: null,
    exemptUnderArt6_3: false,
    transparency: [],
    gpai: "none",
    friaRequired: false,
    registrationRequired: false,
    obligations: [],
    rationale: [],
    ...over,
  });

  it("names only the axes that changed, as [before, after]", () => {
    const diff = diffClassificationAxes(
      result({ transparency: ["50(1)"], rationale: ["x"] }),
      result({ highRisk: true, highRiskRoute: "annex_iii", transparency: ["50(1)"], rationale: ["y"] }),
    );
    assert.deepEqual(diff, { highRisk: [false, true], highRiskRoute: [null, "annex_iii"] });
  });

  it("diffs a first classification from null", () => {
    const diff = diffClassificationAxes(null, result({}));
    assert.deepEqual(diff.highRisk, [null, false]);
    assert.equal(Object.keys(diff).length, 10);
  });
});

describe("effectiveDueDate", () => {
  it("is appliesFrom unless an earlier date was set", () => {
    assert.equal(effectiveDueDate("2027-12-02", null), "2027-12-02");
    assert.equal(effectiveDueDate("2027-12-02", "2027-06-01"), "2027-06-01");
    assert.equal(effectiveDueDate("2027-12-02", "2028-01-01"), "2027-12-02");
  });
});
