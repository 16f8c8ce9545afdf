import { auditEventTypes, type AuditEventType } from "@openaims/core";

const entityLabels: Record<string, string> = {
  organization: "Organization",
  org: "Organization",
  member: "Member",
  invitation: "Invitation",
  custom_role: "Custom role",
  api_token: "API token",
  session: "Session",
  ai_system: "AI system",
  task: "Task",
  evidence: "Evidence",
};

/** The entity types the filter offers, from the event vocabulary in core. */
export const entityTypeOptions = [
  "organization",
  "member",
  "invitation",
  "custom_role",
  "api_token",
  "session",
  "ai_system",
  "task",
  "evidence",
] as const;

export const entityLabel = (t: string) => entityLabels[t] ?? t;

const verbLabels: Record<string, string> = {
  created: "Created",
  updated: "Updated",
  archived: "Archived",
  restored: "Restored",
  imported: "Imported",
  deleted: "Deleted",
  linked: "Links changed",
  revoked: "Revoked",
  accepted: "Accepted",
  added: "Added",
  role_changed: "Role changed",
  deactivated: "Deactivated",
  reactivated: "Reactivated",
  signed_in: "Signed in",
  signed_out: "Signed out",
  status_changed: "Status changed",
  generated: "Generated",
  closed_automatically: "Closed automatically",
};

/** "ai_system.updated" → "Updated" (the entity is clear from context). */
export function eventTitle(type: string): string {
  const verb = type.split(".").slice(1).join(".");
  return verbLabels[verb] ?? type;
}

/** "ai_system.updated" → "AI system updated" (for mixed lists such as the audit trail). */
export function eventLabel(type: string): string {
  const [entity = "", ...rest] = type.split(".");
  const verb = rest.join(".");
  const v = verbLabels[verb]?.toLowerCase() ?? verb.replace(/_/g, " ");
  return `${entityLabel(entity)} ${v}`.trim();
}

export const knownEventTypes: readonly AuditEventType[] = auditEventTypes;
