/**
 * Response shapes. Where core has a zod schema the type comes from it; the rest follow
 * docs/api-contract.md field for field (the server team keeps them in step).
 */
import type {
  AiSystemView,
  AuditEventView,
  CreateAiSystemInput,
  MembershipView,
  UpdateAiSystemInput,
  VerifyResult,
} from "@openaims/core";

export type {
  AiSystemView,
  AuditEventView,
  CreateAiSystemInput,
  MembershipView,
  UpdateAiSystemInput,
  VerifyResult,
};

export type Abilities = Record<string, boolean>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface MeUser {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
}

export interface MeMembership {
  id: string;
  orgId: string;
  orgName: string;
  role: string;
  roleLabel: string;
  permissions: string[];
}

export interface Me {
  user: MeUser;
  memberships: MeMembership[];
  csrfToken: string;
  canCreateOrg: boolean;
}

export interface LoginResult {
  user: MeUser;
  csrfToken: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  roleLabel: string;
  status: string;
  expiresAt: string;
  createdAt?: string;
  invitedByName?: string | null;
}

export interface CreatedInvitation {
  invitation: InvitationView;
  token: string;
  acceptPath: string;
}

export interface InvitationPreview {
  orgName: string;
  email: string;
  roleLabel: string;
  expiresAt: string;
  userExists: boolean;
}

export interface AcceptInvitationResult {
  orgId: string;
  user: MeUser;
}

export interface BuiltinRoleView {
  key: string;
  label: string;
  permissions: string[];
}

export interface CustomRoleView {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: string[];
  version: number;
  memberCount: number;
}

export interface PermissionInfo {
  key: string;
  description: string;
}

export interface RolesResponse {
  builtin: BuiltinRoleView[];
  custom: CustomRoleView[];
  permissions: PermissionInfo[];
}

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  role: string;
  roleLabel: string;
  userId: string;
  userName: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreatedApiToken {
  token: string;
  apiToken: ApiTokenView;
}

export type ArchivedFilter = "false" | "true" | "all";

export interface AiSystemListParams {
  q?: string;
  lifecycleStage?: string;
  aiType?: string;
  ownerId?: string;
  tag?: string;
  archived?: ArchivedFilter;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export interface AuditEventListParams {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  type?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}
