import type { CreateApiTokenInput, CreateInvitationInput, CustomRoleInput } from "@openaims/core";
import { api, archiveEndpoints, orgPath } from "./client";
import type {
  AcceptInvitationResult,
  AiSystemListParams,
  AiSystemView,
  ApiTokenView,
  AuditEventListParams,
  AuditEventView,
  CreateAiSystemInput,
  CreatedApiToken,
  CreatedInvitation,
  CustomRoleView,
  InvitationPreview,
  InvitationView,
  LoginResult,
  Me,
  MembershipView,
  Page,
  RolesResponse,
  UpdateAiSystemInput,
  VerifyResult,
} from "./types";

type PageQuery = { limit?: number; cursor?: string };

export const authApi = {
  login: (email: string, password: string) =>
    api.post<LoginResult>("/api/v1/auth/login", { email, password }),
  logout: () => api.post<void>("/api/v1/auth/logout"),
  me: (signal?: AbortSignal) => api.get<Me>("/api/v1/me", undefined, signal),
};

export const invitationsApi = {
  preview: (token: string) => api.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`),
  accept: (body: { token: string; name?: string; password?: string }) =>
    api.post<AcceptInvitationResult>("/api/v1/invitations/accept", body),
  list: (orgId: string, query: PageQuery = {}) =>
    api.get<Page<InvitationView>>(orgPath(orgId, "invitations"), query),
  create: (orgId: string, body: CreateInvitationInput) =>
    api.post<CreatedInvitation>(orgPath(orgId, "invitations"), body),
  revoke: (orgId: string, id: string) => api.delete(orgPath(orgId, "invitations", id)),
};

export const aiSystemsApi = {
  list: (orgId: string, params: AiSystemListParams, signal?: AbortSignal) =>
    api.get<Page<AiSystemView>>(orgPath(orgId, "ai-systems"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<AiSystemView>(orgPath(orgId, "ai-systems", id), undefined, signal),
  create: (orgId: string, body: CreateAiSystemInput) =>
    api.post<AiSystemView>(orgPath(orgId, "ai-systems"), body),
  update: (orgId: string, id: string, body: UpdateAiSystemInput) =>
    api.patch<AiSystemView>(orgPath(orgId, "ai-systems", id), body),
  ...archiveEndpoints<AiSystemView>("ai-systems"),
  history: (orgId: string, id: string, query: PageQuery = {}, signal?: AbortSignal) =>
    api.get<Page<AuditEventView>>(orgPath(orgId, "ai-systems", id, "history"), query, signal),
};

export const membersApi = {
  list: (orgId: string, query: PageQuery & { q?: string; status?: string } = {}, signal?: AbortSignal) =>
    api.get<Page<MembershipView>>(orgPath(orgId, "members"), query, signal),
  changeRole: (orgId: string, memberId: string, role: string, version: number) =>
    api.patch<MembershipView>(orgPath(orgId, "members", memberId), { role, version }),
  deactivate: (orgId: string, memberId: string, version: number) =>
    api.post<MembershipView>(orgPath(orgId, "members", memberId, "deactivate"), { version }),
  reactivate: (orgId: string, memberId: string, version: number) =>
    api.post<MembershipView>(orgPath(orgId, "members", memberId, "reactivate"), { version }),
};

export const rolesApi = {
  list: (orgId: string, signal?: AbortSignal) =>
    api.get<RolesResponse>(orgPath(orgId, "roles"), undefined, signal),
  create: (orgId: string, body: CustomRoleInput) => api.post<CustomRoleView>(orgPath(orgId, "roles"), body),
  update: (orgId: string, roleId: string, body: CustomRoleInput & { version: number }) =>
    api.patch<CustomRoleView>(orgPath(orgId, "roles", roleId), body),
  remove: (orgId: string, roleId: string) => api.delete(orgPath(orgId, "roles", roleId)),
};

export const apiTokensApi = {
  list: (orgId: string, query: PageQuery = {}, signal?: AbortSignal) =>
    api.get<Page<ApiTokenView>>(orgPath(orgId, "api-tokens"), query, signal),
  create: (orgId: string, body: CreateApiTokenInput) =>
    api.post<CreatedApiToken>(orgPath(orgId, "api-tokens"), body),
  revoke: (orgId: string, id: string) => api.delete(orgPath(orgId, "api-tokens", id)),
};

export const auditEventsApi = {
  list: (orgId: string, params: AuditEventListParams, signal?: AbortSignal) =>
    api.get<Page<AuditEventView>>(orgPath(orgId, "audit-events"), { ...params }, signal),
  verify: (orgId: string) => api.get<VerifyResult>(orgPath(orgId, "audit-events", "verify")),
};
