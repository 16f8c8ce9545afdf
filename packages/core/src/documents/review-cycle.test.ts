import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, addMonths, nextReviewDate, reviewStatusOf } from "./review-cycle";

describe("review cycle", () => {
  it("adds calendar months, clamping to the month's last day", () => {
    assert.equal(addMonths("2025-01-15", 12), "2026-01-15");
    assert.equal(addMonths("2025-01-31", 1), "2025-02-28");
    assert.equal(addMonths("2024-01-31", 1), "2024-02-29");
    assert.equal(addMonths("2025-11-30", 3), "2026-02-28");
    assert.equal(addMonths("2025-12-01", 1), "2026-01-01");
    assert.equal(addMonths("2025-06-10", 60), "2030-06-10");
  });

  it("counts the next review from the day of publication or review (UTC)", () => {
    assert.equal(nextReviewDate(new Date("2025-03-31T23:30:00Z"), 6), "2025-09-30");
  });

  it("adds days across month and year ends", () => {
    assert.equal(addDays("2025-12-20", 30), "2026-01-19");
  });

  it("is overdue only after the review date, due soon within 30 days, otherwise ok", () => {
    const today = "2025-06-01";
    assert.equal(reviewStatusOf("2025-05-31", today), "overdue");
    assert.equal(reviewStatusOf("2025-06-01", today), "due_soon");
    assert.equal(reviewStatusOf("2025-07-01", today), "due_soon");
    assert.equal(reviewStatusOf("2025-07-02", today), "ok");
    assert.equal(reviewStatusOf(null, today), null);
  });
});
