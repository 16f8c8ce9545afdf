import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  evaluateObjective,
  summarizeProgress,
  type ObjectiveTarget,
  type ProgressPoint,
} from "./objective-status";

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00.000Z` : iso);
const p = (value: number, date: string): ProgressPoint => ({ value, observedAt: at(date) });

/** 0 → 100 over 2026 (start 01-01, due 12-31); "now" in the middle of the year unless a test says otherwise. */
const raise: ObjectiveTarget = {
  direction: "increase",
  target: 100,
  baseline: 0,
  startDate: "2026-01-01",
  dueDate: "2026-12-31",
};
/** 20 → 5 incidents a quarter: lower is better */
const lower: ObjectiveTarget = { ...raise, direction: "decrease", target: 5, baseline: 20 };
const mid = at("2026-07-02T12:00:00.000Z"); // half way: expected 50 for `raise`, 12.5 for `lower`

const status = (o: ObjectiveTarget, points: ProgressPoint[], now = mid) =>
  evaluateObjective(o, summarizeProgress(points, o.dueDate), now).status;

describe("objective status", () => {
  it("is not_started without entries before the due date, and missed without entries after it", () => {
    assert.equal(status(raise, []), "not_started");
    assert.equal(status(raise, [], at("2027-01-01T00:00:00.000Z")), "missed");
  });

  it("is achieved as soon as the latest value meets the target (at least / at most)", () => {
    assert.equal(status(raise, [p(100, "2026-03-01")]), "achieved");
    assert.equal(status(raise, [p(120, "2026-03-01")]), "achieved");
    assert.equal(status(lower, [p(5, "2026-03-01")]), "achieved");
    assert.equal(status(lower, [p(3, "2026-03-01")]), "achieved");
    assert.equal(status(lower, [p(6, "2026-03-01")]), "on_track");
  });

  it("follows the latest entry, not the best one: falling back below the target loses `achieved`", () => {
    assert.equal(status(raise, [p(100, "2026-03-01"), p(20, "2026-06-01")]), "off_track");
  });

  it("orders entries by observation time, not by the order they were recorded in", () => {
    assert.equal(status(raise, [p(20, "2026-06-01"), p(100, "2026-03-01")]), "off_track");
    assert.equal(status(raise, [p(100, "2026-06-01"), p(20, "2026-03-01")]), "achieved");
  });

  it("compares the latest value with the straight path from baseline to target, at today's date", () => {
    // half way through the year the path expects 50; the band is 10% (on track) and 25% (at risk) of 100
    assert.equal(status(raise, [p(50, "2026-07-01")]), "on_track");
    assert.equal(status(raise, [p(60, "2026-07-01")]), "on_track");
    assert.equal(status(raise, [p(41, "2026-07-01")]), "on_track");
    assert.equal(status(raise, [p(39, "2026-07-01")]), "at_risk");
    assert.equal(status(raise, [p(26, "2026-07-01")]), "at_risk");
    assert.equal(status(raise, [p(24, "2026-07-01")]), "off_track");
  });

  it("applies the same band to a decrease objective, mirrored", () => {
    // path 20 → 5: half way expects 12.5; the band is 1.5 (on track) and 3.75 (at risk)
    assert.equal(status(lower, [p(12.5, "2026-07-01")]), "on_track");
    assert.equal(status(lower, [p(13.9, "2026-07-01")]), "on_track");
    assert.equal(status(lower, [p(14.2, "2026-07-01")]), "at_risk");
    assert.equal(status(lower, [p(16.4, "2026-07-01")]), "off_track");
  });

  it("lets a value that is not re-measured drift behind the path as time passes", () => {
    const points = [p(30, "2026-03-01")];
    assert.equal(status(raise, points, at("2026-04-01")), "on_track");
    assert.equal(status(raise, points, at("2026-06-01")), "at_risk");
    assert.equal(status(raise, points, at("2026-10-01")), "off_track");
  });

  it("starts the path at the first entry when there is no baseline", () => {
    const noBaseline = { ...raise, baseline: null };
    // first entry 40 on 07-02 (now): the path starts there, so the value is on its path
    assert.equal(status(noBaseline, [p(40, "2026-07-02T12:00:00.000Z")]), "on_track");
    // first 40 in January, still 40 in July: the path from 40 to 100 expects ~70 → lag 30/60 = 50%
    assert.equal(status(noBaseline, [p(40, "2026-01-01"), p(40, "2026-07-01")]), "off_track");
  });

  it("treats a start that already meets the target as a flat path (keep it there)", () => {
    const keep: ObjectiveTarget = { ...raise, target: 95, baseline: 97 };
    assert.equal(status(keep, [p(96, "2026-07-01")]), "achieved");
    // 94 is 1 below 95: 1/95 ≈ 1% of the target's size → still on track; 80 is 16% below → at risk
    assert.equal(status(keep, [p(94, "2026-07-01")]), "on_track");
    assert.equal(status(keep, [p(80, "2026-07-01")]), "at_risk");
    assert.equal(status(keep, [p(50, "2026-07-01")]), "off_track");
  });

  it("handles a target of zero with a flat path without dividing by zero", () => {
    const zero: ObjectiveTarget = { ...lower, target: 0, baseline: 0 };
    assert.equal(status(zero, [p(0, "2026-07-01")]), "achieved");
    assert.equal(status(zero, [p(0.05, "2026-07-01")]), "on_track");
    assert.equal(status(zero, [p(2, "2026-07-01")]), "off_track");
  });

  it("judges after the due date by the last entry on or before the due date, and ignores later ones", () => {
    const after = at("2027-02-01");
    assert.equal(status(raise, [p(100, "2026-12-31T23:59:59.000Z")], after), "achieved");
    assert.equal(status(raise, [p(90, "2026-12-31")], after), "missed");
    assert.equal(status(raise, [p(90, "2026-12-20"), p(100, "2027-01-02")], after), "missed");
    assert.equal(status(raise, [p(100, "2026-12-20"), p(10, "2027-01-02")], after), "achieved");
    assert.equal(status(raise, [p(100, "2027-01-02")], after), "missed");
  });

  it("counts the whole due day (UTC) as before the deadline", () => {
    const points = [p(10, "2026-12-31")];
    assert.equal(status(raise, points, at("2026-12-31T23:59:59.999Z")), "off_track");
    assert.equal(status(raise, points, at("2027-01-01T00:00:00.000Z")), "missed");
  });

  it("spreads a one-day objective over that day (start at midnight, due at its end)", () => {
    const oneDay = { ...raise, startDate: "2026-07-02", dueDate: "2026-07-02" };
    // at noon the path expects 50
    assert.equal(status(oneDay, [p(45, "2026-07-02")]), "on_track");
    assert.equal(status(oneDay, [p(30, "2026-07-02")]), "at_risk");
    assert.equal(status(oneDay, [p(45, "2026-07-02")], at("2026-07-02T23:00:00.000Z")), "off_track");
  });

  it("reports the expected value, percentage covered and the latest point", () => {
    const e = evaluateObjective(
      raise,
      summarizeProgress([p(20, "2026-03-01"), p(45, "2026-07-01")], raise.dueDate),
      mid,
    );
    assert.equal(e.latestValue, 45);
    assert.equal(e.progressCount, 2);
    assert.equal(e.percent, 45);
    assert.ok(e.expectedValue !== null && Math.abs(e.expectedValue - 50) < 0.5, String(e.expectedValue));
    assert.equal(e.latestObservedAt?.toISOString(), "2026-07-01T12:00:00.000Z");
    const down = evaluateObjective(lower, summarizeProgress([p(14, "2026-07-01")], lower.dueDate), mid);
    assert.equal(down.percent, 40); // 20 → 14 of 20 → 5
    const worse = evaluateObjective(lower, summarizeProgress([p(25, "2026-07-01")], lower.dueDate), mid);
    assert.equal(worse.percent, 0);
    const none = evaluateObjective(raise, summarizeProgress([], raise.dueDate), mid);
    assert.deepEqual([none.percent, none.expectedValue, none.latestValue], [null, null, null]);
  });

  it("summarizes first, latest and latest-by-due in one pass, later-recorded wins a tie", () => {
    const a = p(1, "2026-05-01");
    const b = p(2, "2026-05-01");
    const late = p(3, "2027-03-01");
    const s = summarizeProgress([late, a, b], "2026-12-31");
    assert.equal(s.count, 3);
    assert.equal(s.first, a);
    assert.equal(s.latest, late);
    assert.equal(s.latestByDue, b);
  });
});
