import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { countObligations, obligationIsOverdue, obligationTimeline } from "./obligation-timeline";

const o = (appliesFrom: string, status: "open" | "in_progress" | "met" | "not_applicable", over = {}) => ({
  appliesFrom,
  dueDate: appliesFrom,
  status,
  applicable: true,
  ...over,
});

describe("obligation timeline", () => {
  it("counts an obligation overdue only when still pending after its due date", () => {
    assert.equal(obligationIsOverdue(o("2026-08-02", "open"), "2026-08-03"), true);
    assert.equal(obligationIsOverdue(o("2026-08-02", "in_progress"), "2026-08-03"), true);
    assert.equal(obligationIsOverdue(o("2026-08-02", "open"), "2026-08-02"), false, "due today");
    assert.equal(obligationIsOverdue(o("2026-08-02", "met"), "2027-01-01"), false);
    assert.equal(obligationIsOverdue(o("2026-08-02", "not_applicable"), "2027-01-01"), false);
    assert.equal(
      obligationIsOverdue(o("2026-08-02", "not_applicable", { applicable: false }), "2027-01-01"),
      false,
    );
  });

  it("uses the earlier due date when one is set", () => {
    assert.equal(obligationIsOverdue(o("2027-12-02", "open", { dueDate: "2027-06-30" }), "2027-07-01"), true);
  });

  it("groups by the date obligations apply from, earliest first, with counts per group", () => {
    const items = [o("2027-12-02", "open"), o("2025-02-02", "open"), o("2025-02-02", "met")];
    const groups = obligationTimeline(items, "2026-01-01");
    assert.deepEqual(
      groups.map((g) => [g.appliesFrom, g.inForce, g.total, g.pending, g.overdue, g.met]),
      [
        ["2025-02-02", true, 2, 1, 1, 1],
        ["2027-12-02", false, 1, 1, 0, 0],
      ],
    );
    assert.deepEqual(countObligations(items, "2026-01-01"), { total: 3, pending: 2, overdue: 1, met: 1 });
  });
});
