/**
 * The permission catalogue. Built-in roles and custom roles are sets of these;
 * policies ask for a permission and then apply state rules of their own.
 */
export const permissions = [
  "org.read",
  "org.update",
  "org.create",
  "member.read",
  "member.invite",
  "member.update",
  "member.deactivate",
  "role.read",
  "role.manage",
  "api_token.create",
  "api_token.manage",
  "audit_event.read",
  "audit_work.write",
  "ai_system.read",
  "ai_system.create",
  "ai_system.update",
  "ai_system.archive",
  "ai_system.import",
  "aims.read",
  "context.write",
  "document.write",
  "document.approve",
  "control.write",
  "soa.approve",
  "evidence.write",
  "evidence.archive",
  "objective.write",
  "task.write",
  "concern.report",
  "concern.manage",
  "incident.write",
  "training.read",
  "training.manage",
  "training.record_own",
] as const;
export type Permission = (typeof permissions)[number];

export const permissionDescriptions: Record<Permission, string> = {
  "org.read": "See the organization's name and settings",
  "org.update": "Rename the organization and change its settings",
  "org.create": "Create further organizations (also needs the instance setting)",
  "member.read": "See the members of the organization and their roles",
  "member.invite": "Invite people to the organization",
  "member.update": "Change members' roles",
  "member.deactivate": "Deactivate and reactivate members",
  "role.read": "See custom roles",
  "role.manage": "Create, edit and delete custom roles",
  "api_token.create": "Create API tokens for oneself",
  "api_token.manage": "See and revoke every member's API tokens",
  "audit_event.read": "Read and verify the audit trail",
  "audit_work.write": "Record audit work (programmes, audits, findings)",
  "ai_system.read": "See the AI system register",
  "ai_system.create": "Register AI systems",
  "ai_system.update": "Edit AI systems",
  "ai_system.archive": "Archive and restore AI systems",
  "ai_system.import": "Import AI systems from CSV",
  "aims.read":
    "See the management system's records: scope and context, documents, SoA, objectives, evidence, tasks, readiness",
  "context.write":
    "Edit scope and context (issues, interested parties, AI roles, scope drafts) and the RACI matrix",
  "document.write": "Create documents and draft new versions",
  "document.approve":
    "Approve, publish, supersede and retire document versions and the scope (never one's own draft)",
  "control.write": "Edit applied controls and the working Statement of Applicability",
  "soa.approve": "Approve a Statement of Applicability version (never one's own)",
  "evidence.write": "Add evidence (files and links) and link it to records",
  "evidence.archive": "Archive and delete evidence",
  "objective.write": "Set AI objectives and record their progress",
  "task.write": "Create, assign and close tasks",
  "concern.report": "Report a concern (A.3.3)",
  "concern.manage": "Read and respond to reported concerns (confidential)",
  "incident.write": "Report AI incidents, handle them and log communications about them (A.8.4)",
  "training.read": "See every member's training records and the competence coverage (7.2)",
  "training.manage": "Keep the training catalogue and record, correct or delete anyone's training (7.2)",
  "training.record_own": "Record one's own training completions",
};

export const isPermission = (value: string): value is Permission =>
  (permissions as readonly string[]).includes(value);
