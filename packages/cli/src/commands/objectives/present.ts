import {
  objectiveStatusLabels,
  Uuid,
  type ObjectiveProgressView,
  type ObjectiveSummaryView,
  type ObjectiveView,
} from "@openaims/core";
import { usageError } from "../../exit-codes";
import { keyValues, shortTime, table, type Column } from "../../output/format";

export function checkObjectiveId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not an objective id (a UUID).`);
  return id;
}

const num = (n: number | null, unit = "") =>
  n === null ? "" : `${Number(n.toFixed(4))}${unit ? ` ${unit}` : ""}`;
const goal = (o: ObjectiveSummaryView) =>
  `${o.direction === "increase" ? "≥" : "≤"} ${num(o.target, o.unit)}`;

export const objectiveColumns: Column<ObjectiveSummaryView>[] = [
  { header: "ID", value: (o) => o.id },
  { header: "TITLE", value: (o) => o.title, max: 40 },
  { header: "STATUS", value: (o) => o.status },
  { header: "LATEST", value: (o) => num(o.latestValue, o.unit) },
  { header: "TARGET", value: goal },
  { header: "DUE", value: (o) => o.dueDate },
  { header: "OWNER", value: (o) => o.ownerName ?? "", max: 24 },
];

export const objectiveTable = (items: ObjectiveSummaryView[]) => table(items, objectiveColumns);

export const progressColumns: Column<ObjectiveProgressView>[] = [
  { header: "OBSERVED", value: (p) => shortTime(p.observedAt) },
  { header: "VALUE", value: (p) => num(p.value) },
  { header: "SOURCE", value: (p) => p.source },
  { header: "BY", value: (p) => p.recordedByName ?? "", max: 24 },
  { header: "NOTE", value: (p) => p.note, max: 50 },
];

export function objectiveDetails(o: ObjectiveView): string {
  const head = keyValues([
    ["ID", o.id],
    ["Title", o.title],
    ["Status", `${objectiveStatusLabels[o.status]} (${o.status})`],
    ["Measure", o.measure],
    ["Target", goal(o)],
    ["Baseline", o.baseline === null ? "" : `${num(o.baseline, o.unit)} on ${o.startDate}`],
    ["Start", o.startDate],
    ["Due", o.dueDate],
    [
      "Latest",
      o.latestValue === null ? "" : `${num(o.latestValue, o.unit)} at ${shortTime(o.latestObservedAt)}`,
    ],
    ["Expected now", num(o.expectedValue, o.unit)],
    ["Covered", o.percent === null ? "" : `${o.percent}%`],
    ["Owner", o.ownerId ? `${o.ownerName ?? "?"} (${o.ownerId})` : ""],
    ["Links", o.links.map((l) => l.label).join("\n")],
    ["Description", o.description],
    ["Archived", o.archivedAt ?? "no"],
    ["Version", String(o.version)],
  ]);
  const recent = o.progress.slice(-10).reverse();
  const tail =
    recent.length === 0
      ? "\nNo progress recorded yet.\n"
      : `\nLatest progress (${recent.length} of ${o.progressCount}):\n${table(recent, progressColumns)}`;
  return head + tail;
}
