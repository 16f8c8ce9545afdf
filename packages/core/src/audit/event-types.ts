/** The audit-event vocabulary: `entity.verb`. Adding a type here is the only way to emit it. */
export const auditEventTypes = [
  "org.created",
  "org.updated",
  "member.added",
  "member.role_changed",
  "member.deactivated",
  "member.reactivated",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "custom_role.created",
  "custom_role.updated",
  "custom_role.deleted",
  "api_token.created",
  "api_token.revoked",
  "session.signed_in",
  "session.signed_out",
  "ai_system.created",
  "ai_system.updated",
  "ai_system.archived",
  "ai_system.restored",
  "ai_system.imported",
  "task.created",
  "task.updated",
  "task.status_changed",
  "task.generated",
  "task.closed_automatically",
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

export type EntityType =
  "organization" | "member" | "invitation" | "custom_role" | "api_token" | "session" | "ai_system"
  | "task";

/** What a use case returns; `runCommand` stamps actor, org, request id, time, sequence and hash. */
export interface PendingEvent {
  type: AuditEventType;
  entityType: EntityType;
  entityId: string;
  /** a diff `{ field: [before, after] }` and/or context; never secrets (see `redact`) */
  payload: Record<string, unknown>;
  /** events for another org than the actor's (e.g. org.created) name it here */
  orgId?: string;
}

export interface AuditEventRecord {
  orgId: string;
  seq: number;
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  actorType: string;
  actorId: string | null;
  actorTokenId: string | null;
  requestId: string | null;
  occurredAt: string;
  /** the payload as canonical JSON text: stored and hashed byte for byte */
  payload: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);
