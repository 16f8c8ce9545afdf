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
  "ai_system.classified",
  "ai_system.obligation_updated",
  "document.created",
  "document.updated",
  "document.draft_edited",
  "document.version_submitted",
  "document.version_approved",
  "document.version_rejected",
  "document.version_published",
  "document.retired",
  "document.draft_started",
  "document.reviewed",
  "objective.created",
  "objective.updated",
  "objective.archived",
  "objective.restored",
  "objective.progress_recorded",
  "concern.reported",
  "concern.updated",
  "incident.reported",
  "incident.updated",
  "incident.status_changed",
  "incident.communication_logged",
  "impact_assessment.created",
  "impact_assessment.updated",
  "impact_assessment.submitted",
  "impact_assessment.approved",
  "impact_assessment.returned",
  "impact_assessment.revision_started",
  "impact_assessment.reviewed",
  "impact_assessment.archived",
  "impact_assessment.restored",
  "impact_assessment.authority_notified",
  "evidence.added",
  "evidence.updated",
  "evidence.linked",
  "evidence.archived",
  "evidence.restored",
  "evidence.deleted",
  "task.created",
  "task.updated",
  "task.status_changed",
  "task.generated",
  "task.closed_automatically",
  "context_issue.created",
  "context_issue.updated",
  "context_issue.archived",
  "context_issue.restored",
  "interested_party.created",
  "interested_party.updated",
  "interested_party.deleted",
  "interested_party_requirement.created",
  "interested_party_requirement.updated",
  "interested_party_requirement.deleted",
  "org_ai_role.added",
  "org_ai_role.updated",
  "org_ai_role.removed",
  "scope_version.created",
  "scope_version.updated",
  "scope_version.submitted",
  "scope_version.approved",
  "scope_version.rejected",
  "scope_version.superseded",
  "raci_activity.created",
  "raci_activity.updated",
  "raci_activity.deleted",
  "raci_activity.assignments_changed",
  "applied_control.created",
  "applied_control.updated",
  "applied_control.archived",
  "applied_control.restored",
  "soa_entry.updated",
  "soa_version.created",
  "soa_version.approved",
  "soa_version.rejected",
  "soa_version.superseded",
  "measurement_policy.created",
  "measurement_policy.updated",
  "measurement_policy.deleted",
  "measurement_run.recorded",
  "measurement_run.objectives_linked",
  "ai_model.created",
  "ai_model.updated",
  "ai_model.archived",
  "ai_model.restored",
  "dataset.created",
  "dataset.updated",
  "dataset.archived",
  "dataset.restored",
  "vendor.created",
  "vendor.updated",
  "vendor.archived",
  "vendor.restored",
  "vendor.questionnaire_saved",
  "vendor.questionnaire_completed",
  "training_topic.created",
  "training_topic.updated",
  "training_topic.archived",
  "training_topic.restored",
  "training_record.created",
  "training_record.updated",
  "training_record.deleted",
  "training_record.imported",
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

export type EntityType =
  | "organization"
  | "member"
  | "invitation"
  | "custom_role"
  | "api_token"
  | "session"
  | "ai_system"
  | "ai_system_obligation"
  | "document"
  | "objective"
  | "concern"
  | "incident"
  | "impact_assessment"
  | "evidence"
  | "task"
  | "context_issue"
  | "interested_party"
  | "interested_party_requirement"
  | "org_ai_role"
  | "scope_version"
  | "raci_activity"
  | "applied_control"
  | "soa_entry"
  | "soa_version"
  | "measurement_policy"
  | "measurement_run"
  | "ai_model"
  | "dataset"
  | "vendor"
  | "training_topic"
  | "training_record";

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
