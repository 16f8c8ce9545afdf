import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { daysLeftText, deadlineTone, mostUrgentOpen } from "./deadline-display";

describe("incident deadline display", () => {
  it("turns red at 2 days left or fewer and when overdue, green when met", () => {
    const table: [number, boolean, string, string][] = [
      [15, false, "15 days left", "amber"],
      [3, false, "3 days left", "amber"],
      [2, false, "2 days left", "red"],
      [1, false, "1 day left", "red"],
      [0, false, "Due today", "red"],
      [-1, false, "1 day overdue", "red"],
      [-6, false, "6 days overdue", "red"],
      [-6, true, "Met", "green"],
    ];
    for (const [daysLeft, met, text, tone] of table) {
      assert.equal(daysLeftText({ daysLeft, met }), text);
      assert.equal(deadlineTone({ daysLeft, met }), tone, `${daysLeft} ${met}`);
    }
  });
  it("picks the most urgent open clock", () => {
    const d = (kind: string, daysLeft: number, met = false) =>
      ({ kind, daysLeft, met }) as unknown as Parameters<typeof mostUrgentOpen>[0]["deadlines"][number];
    assert.equal(mostUrgentOpen({ deadlines: [d("a", 5), d("b", -1, true), d("c", 2)] })?.kind, "c");
    assert.equal(mostUrgentOpen({ deadlines: [d("a", 5, true)] }), undefined);
  });
});
