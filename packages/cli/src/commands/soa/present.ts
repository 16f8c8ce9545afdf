import {
  implementationStatusLabels,
  type SoaDiff,
  type SoaSnapshotEntry,
  type SoaSummary,
  type SoaVersionSummary,
} from "@openaims/core";
import { shortTime, table } from "../../output/format";

export const applicableText = (a: boolean | null) => (a === true ? "yes" : a === false ? "no" : "undecided");

/** The SoA (working state or a version) as one table row per control. */
export function soaTable(entries: readonly SoaSnapshotEntry[]): string {
  return table(entries, [
    { header: "CONTROL", value: (e) => (e.kind === "annex_a" ? e.controlId : "own") },
    { header: "TITLE", value: (e) => e.title, max: 44 },
    { header: "APPLICABLE", value: (e) => applicableText(e.applicable) },
    { header: "STATUS", value: (e) => implementationStatusLabels[e.implementationStatus] },
    { header: "OWNER", value: (e) => e.ownerName ?? "", max: 20 },
    { header: "EVIDENCE", value: (e) => String(e.evidence.length) },
    { header: "JUSTIFICATION", value: (e) => e.justification, max: 50 },
  ]);
}

export const summaryLine = (s: SoaSummary) =>
  `${s.total} controls: ${s.applicable} applicable, ${s.notApplicable} not applicable, ${s.undecided} undecided; ` +
  `${s.implemented} implemented; ${s.gaps} applicable without a justification, owner or evidence.`;

export function versionsTable(items: readonly SoaVersionSummary[]): string {
  return table(items, [
    { header: "VERSION", value: (v) => String(v.number) },
    { header: "STATUS", value: (v) => v.status.replace("_", " ") },
    { header: "CREATED", value: (v) => shortTime(v.createdAt) },
    { header: "BY", value: (v) => v.createdByName ?? "", max: 20 },
    { header: "DECIDED", value: (v) => shortTime(v.decidedAt) },
    { header: "BY", value: (v) => v.decidedByName ?? "", max: 20 },
    { header: "NOTE", value: (v) => v.note, max: 40 },
  ]);
}

const show = (v: string | boolean | null) =>
  v === null ? "-" : typeof v === "boolean" ? (v ? "yes" : "no") : v || "-";

export function diffText(d: SoaDiff): string {
  const lines = [`Changes from version ${d.from} to version ${d.to}:`];
  for (const c of d.added) lines.push(`+ ${c.controlId} ${c.title}`);
  for (const c of d.removed) lines.push(`- ${c.controlId} ${c.title}`);
  for (const c of d.changed) {
    lines.push(`~ ${c.controlId} ${c.title}`);
    for (const f of c.fields) lines.push(`    ${f.field}: ${show(f.before)} → ${show(f.after)}`);
    for (const l of c.links) {
      for (const x of l.added) lines.push(`    ${l.kind} + ${x.label}`);
      for (const x of l.removed) lines.push(`    ${l.kind} - ${x.label}`);
    }
  }
  if (lines.length === 1) lines.push("  no changes");
  return `${lines.join("\n")}\n`;
}
