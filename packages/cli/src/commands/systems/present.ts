import {
  aiRoleLabels,
  aiTypeLabels,
  lifecycleStageLabels,
  Uuid,
  type AiSystemView,
  type AuditEventView,
} from "@openaims/core";
import { usageError } from "../../exit-codes";
import { keyValues, list, shortTime, table, type Column } from "../../output/format";

export function checkId(id: string): string {
  if (!Uuid.safeParse(id).success) throw usageError(`'${id}' is not an AI system id (a UUID).`);
  return id;
}

const owner = (s: AiSystemView) => s.ownerName ?? s.ownerId ?? "";

export const systemColumns: Column<AiSystemView>[] = [
  { header: "ID", value: (s) => s.id },
  { header: "NAME", value: (s) => s.name, max: 40 },
  { header: "STAGE", value: (s) => s.lifecycleStage },
  { header: "TYPE", value: (s) => s.aiType },
  { header: "OWNER", value: owner, max: 24 },
  { header: "TAGS", value: (s) => list(s.tags), max: 30 },
  { header: "UPDATED", value: (s) => shortTime(s.updatedAt) },
  { header: "ARCHIVED", value: (s) => (s.archivedAt ? "yes" : "") },
];

export function systemTable(items: AiSystemView[]): string {
  const anyArchived = items.some((s) => s.archivedAt);
  return table(items, anyArchived ? systemColumns : systemColumns.slice(0, -1));
}

export function systemDetails(s: AiSystemView): string {
  return keyValues([
    ["ID", s.id],
    ["Name", s.name],
    ["Purpose", s.purpose],
    ["Description", s.description],
    ["Owner", s.ownerId ? `${s.ownerName ?? "?"} (${s.ownerId})` : ""],
    ["Business unit", s.businessUnit],
    ["Lifecycle stage", lifecycleStageLabels[s.lifecycleStage] ?? s.lifecycleStage],
    ["AI type", aiTypeLabels[s.aiType] ?? s.aiType],
    ["AI roles", list(s.aiRoles.map((r) => aiRoleLabels[r] ?? r))],
    ["Deployment context", s.deploymentContext],
    ["Geographies", list(s.geographies)],
    ["Affected stakeholders", list(s.affectedStakeholders)],
    ["Human oversight", s.humanOversight],
    ["Tags", list(s.tags)],
    ["Archived", s.archivedAt ?? "no"],
    ["Created", s.createdAt],
    ["Updated", s.updatedAt],
    ["Version", String(s.version)],
  ]);
}

/** The changed fields of an event, from its `{ field: [before, after] }` diff when it has one. */
function changedFields(payload: unknown): string {
  const diff = (payload as { diff?: unknown } | null)?.diff;
  return diff && typeof diff === "object" && !Array.isArray(diff) ? Object.keys(diff).join(", ") : "";
}

export const eventColumns: Column<AuditEventView>[] = [
  { header: "SEQ", value: (e) => String(e.seq) },
  { header: "WHEN", value: (e) => shortTime(e.occurredAt) },
  { header: "EVENT", value: (e) => e.type },
  { header: "ACTOR", value: (e) => e.actorName ?? e.actorType, max: 24 },
  { header: "CHANGES", value: (e) => changedFields(e.payload), max: 60 },
];

export const auditEventColumns: Column<AuditEventView>[] = [
  eventColumns[0]!,
  eventColumns[1]!,
  eventColumns[2]!,
  { header: "ENTITY", value: (e) => `${e.entityType} ${e.entityId}` },
  eventColumns[3]!,
];
