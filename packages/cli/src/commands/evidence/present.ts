import {
  describeIssues,
  linkTargetTypes,
  Uuid,
  type EvidenceView,
  type FieldIssue,
  type LinkTarget,
} from "@openaims/core";
import type { z } from "zod";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { keyValues, shortTime, table, type Column } from "../../output/format";

/** The header that makes the server record evidence added by the CLI with source `cli`. */
export const cliHeaders = { "x-openaims-client": "cli" };

export function checkEvidenceId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not an evidence id (a UUID).`);
  return id;
}

const knownTypes = new Set<string>(linkTargetTypes);

/** `--link A.6.2.4` is an ISO/IEC 42001 node; `--link type:id` names any other target (`ai_system:<id>`). */
export function linkArg(value: string): string {
  const at = value.indexOf(":");
  if (at > 0 && knownTypes.has(value.slice(0, at))) return value;
  return `framework_node:${value}`;
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

const freshnessLabel = (e: EvidenceView) =>
  e.freshness === "stale" ? "STALE" : e.freshness === "expiring_soon" ? "expiring soon" : "current";
const linkText = (l: LinkTarget & { label: string }) =>
  l.type === "framework_node" ? l.label : `${l.type.replaceAll("_", " ")}: ${l.label}`;

export const evidenceColumns: Column<EvidenceView>[] = [
  { header: "ID", value: (e) => e.id },
  { header: "TITLE", value: (e) => e.title, max: 40 },
  { header: "KIND", value: (e) => e.kind },
  { header: "FRESHNESS", value: freshnessLabel },
  { header: "VALID UNTIL", value: (e) => e.validUntil ?? "" },
  {
    header: "LINKS",
    value: (e) =>
      e.links.map((l) => (l.type === "framework_node" ? l.id.split(":").pop()! : l.type)).join(", "),
    max: 30,
  },
  { header: "ADDED", value: (e) => shortTime(e.createdAt) },
];

export const evidenceTable = (items: EvidenceView[]) =>
  table(
    items,
    items.some((e) => e.archivedAt)
      ? [...evidenceColumns, { header: "ARCHIVED", value: (e) => (e.archivedAt ? "yes" : "") }]
      : evidenceColumns,
  );

export function evidenceDetails(e: EvidenceView & { approvedSoaVersions?: number[] }): string {
  return keyValues([
    ["ID", e.id],
    ["Title", e.title],
    ["Kind", e.kind],
    ...(e.url ? ([["URL", e.url]] as const) : []),
    ...(e.file
      ? ([
          ["File", e.file.filename ?? ""],
          ["Size", formatBytes(e.file.size)],
          ["Media type", e.file.mediaType],
          ["SHA-256", e.file.sha256],
        ] as const)
      : []),
    ["Description", e.description],
    ["Collected", e.collectedAt],
    ["Valid until", e.validUntil ?? ""],
    ["Freshness", freshnessLabel(e)],
    ["Source", e.source],
    ["Added by", e.createdByName ?? e.createdBy ?? ""],
    ["Links", e.links.map(linkText).join("\n")],
    ...(e.approvedSoaVersions?.length
      ? ([["In approved SoA", e.approvedSoaVersions.map((n) => `version ${n}`).join(", ")]] as const)
      : []),
    ["Archived", e.archivedAt ?? "no"],
    ["Version", String(e.version)],
  ]);
}

/** Validates with the server's schema; `flags` maps field names to the flag the user typed. */
export function validateEvidence<S extends z.ZodType>(
  schema: S,
  input: unknown,
  flags: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = describeIssues(parsed.error).map((i) => {
    const [head = "", ...rest] = i.path.split(".");
    return { path: flags[head] ? [flags[head], ...rest].join(".") : i.path, message: i.message };
  });
  throw new CliError(ExitCode.usage, "The evidence is not valid; nothing was sent.", issues);
}
