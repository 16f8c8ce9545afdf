import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IncidentView } from "@openaims/core";
import { runningClocks } from "./running-clocks";

const clock = (daysLeft: number, met = false) => ({
  kind: "report_general" as const,
  dueAt: "2027-01-15",
  basis: "Art. 73(2)",
  article: "73(2)",
  title: "Report",
  maxDays: 15,
  rulesId: "r",
  daysLeft,
  met,
});
const incident = (title: string, deadlines: ReturnType<typeof clock>[]) =>
  ({ id: title, title, severity: "high", status: "investigating", deadlines }) as unknown as IncidentView;

describe("dashboard running clocks", () => {
  it("keeps incidents with an unmet deadline, most urgent (overdue) first, met deadlines dropped", () => {
    const out = runningClocks([
      incident("No clock", []),
      incident("All met", [clock(-3, true)]),
      incident("Later", [clock(9)]),
      incident("Overdue", [clock(5), clock(-1)]),
      incident("Soon", [clock(2), clock(-4, true)]),
    ]);
    assert.deepEqual(
      out.map((c) => [c.incident.title, c.mostUrgent, c.deadlines.length]),
      [
        ["Overdue", -1, 2],
        ["Soon", 2, 1],
        ["Later", 9, 1],
      ],
    );
    assert.deepEqual(
      out[0]!.deadlines.map((d) => d.daysLeft),
      [-1, 5],
    );
  });
});
