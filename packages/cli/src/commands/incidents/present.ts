import {
  communicationRecipientLabels,
  deadlineIsUrgent,
  incidentSeverityLabels,
  incidentStatusLabels,
  Uuid,
  type IncidentCommunicationView,
  type IncidentDeadlineView,
  type IncidentDetailView,
  type IncidentView,
} from "@openaims/core";
import { usageError } from "../../exit-codes";
import { keyValues, shortTime, table, type Column } from "../../output/format";

export function checkIncidentId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not an incident id (a UUID).`);
  return id;
}

/** "3 days left", "due today", "2 days overdue", "met" — with "!" when urgent (2 days or fewer). */
export function describeDaysLeft(d: Pick<IncidentDeadlineView, "daysLeft" | "met">): string {
  if (d.met) return "met";
  const n = d.daysLeft;
  const text =
    n === 0
      ? "due today"
      : n > 0
        ? `${n} day${n === 1 ? "" : "s"} left`
        : `${-n} day${n === -1 ? "" : "s"} overdue`;
  return deadlineIsUrgent(n) ? `! ${text}` : text;
}

/** The most urgent open clock of an incident, for the list. */
export function nextDeadline(i: IncidentView): string {
  const open = i.deadlines.filter((d) => !d.met).sort((a, b) => a.daysLeft - b.daysLeft);
  const first = open[0];
  if (first) return `${first.dueAt} (${describeDaysLeft(first)})`;
  if (i.deadlines.length > 0) return "met";
  return i.assessment.outcome === "undetermined" ? "serious? unanswered" : "";
}

export const incidentColumns: Column<IncidentView>[] = [
  { header: "ID", value: (i) => i.id },
  { header: "TITLE", value: (i) => i.title, max: 40 },
  { header: "STATUS", value: (i) => i.status },
  { header: "SEVERITY", value: (i) => i.severity },
  { header: "AWARE", value: (i) => i.becameAwareOn },
  { header: "SERIOUS", value: (i) => i.assessment.outcome },
  { header: "NEXT DEADLINE", value: nextDeadline },
];

export const incidentTable = (items: IncidentView[]) => table(items, incidentColumns);

const deadlineColumns: Column<IncidentDeadlineView>[] = [
  { header: "KIND", value: (d) => d.kind },
  { header: "DUE", value: (d) => d.dueAt },
  { header: "LEFT", value: describeDaysLeft },
  { header: "BASIS", value: (d) => d.basis },
];

const communicationColumns: Column<IncidentCommunicationView>[] = [
  { header: "SENT", value: (c) => shortTime(c.sentAt) },
  {
    header: "TO",
    value: (c) =>
      communicationRecipientLabels[c.recipient] + (c.recipientDetail ? `: ${c.recipientDetail}` : ""),
    max: 40,
  },
  { header: "BY", value: (c) => c.loggedByName ?? "", max: 24 },
  { header: "SUMMARY", value: (c) => c.summary, max: 60 },
];

export function incidentDetails(i: IncidentView | IncidentDetailView): string {
  const a = i.assessment;
  const head = keyValues([
    ["ID", i.id],
    ["Title", i.title],
    ["Status", `${incidentStatusLabels[i.status]} (${i.status})`],
    ["Severity", incidentSeverityLabels[i.severity]],
    ["Occurred", i.occurredOn ?? ""],
    ["Became aware", i.becameAwareOn],
    ["Our role", i.role],
    ["Harm", i.harmTypes.join(", ")],
    [
      "Serious (Art. 3(49))",
      a.outcome +
        (a.grounds.length ? `; grounds ${a.grounds.map((g) => `(${g})`).join(" ")}` : "") +
        (a.widespreadInfringement ? "; widespread infringement" : "") +
        (a.unanswered.length ? `; unanswered: ${a.unanswered.join(", ")}` : ""),
    ],
    ["AI systems", i.aiSystems.map((s) => s.name).join("\n")],
    ["Description", i.description],
    ["Resolution", i.resolution],
    ["Version", String(i.version)],
  ]);
  const deadlines =
    i.deadlines.length === 0
      ? "\nNo regulatory deadline runs.\n"
      : `\nDeadlines:\n${table(i.deadlines, deadlineColumns)}`;
  const comms =
    "communications" in i
      ? i.communications.length === 0
        ? "\nNo communications logged.\n"
        : `\nCommunications:\n${table(i.communications, communicationColumns)}`
      : "";
  return head + deadlines + comms;
}
