import type {
  ContextIssuePage,
  ContextIssueView,
  CreateContextIssueInput,
  CreateInterestedPartyInput,
  CreatePartyRequirementInput,
  CreateRaciActivityInput,
  InterestedPartyPage,
  InterestedPartyView,
  OrgAiRolesView,
  PutRaciCellsInput,
  RaciMatrixView,
  ScopeActionInput,
  ScopeDiffView,
  ScopeVersionPage,
  ScopeVersionView,
  ScopeView,
  SeedRaciResult,
  UpdateContextIssueInput,
  UpdateInterestedPartyInput,
  UpdatePartyRequirementInput,
  UpdateRaciActivityInput,
  UpdateScopeDraftInput,
} from "@openaims/core";
import { api, buildUrl, orgPath, request } from "./client";

export type {
  ContextIssueView,
  InterestedPartyView,
  OrgAiRolesView,
  RaciMatrixView,
  ScopeDiffView,
  ScopeVersionView,
  ScopeView,
};

const put = <T>(path: string, body: unknown) => request<T>("PUT", path, { body });

/** Internal and external issues, interested parties, the organization's AI roles (clauses 4.1, 4.2). */
export const contextApi = {
  issues: (
    orgId: string,
    query: { archived?: string; cursor?: string; limit?: number } = {},
    signal?: AbortSignal,
  ) => api.get<ContextIssuePage>(orgPath(orgId, "context", "issues"), query, signal),
  createIssue: (orgId: string, body: CreateContextIssueInput) =>
    api.post<ContextIssueView>(orgPath(orgId, "context", "issues"), body),
  updateIssue: (orgId: string, id: string, body: UpdateContextIssueInput) =>
    api.patch<ContextIssueView>(orgPath(orgId, "context", "issues", id), body),
  archiveIssue: (orgId: string, id: string, version: number, archive: boolean) =>
    api.post<ContextIssueView>(orgPath(orgId, "context", "issues", id, archive ? "archive" : "restore"), {
      version,
    }),
  parties: (orgId: string, query: { cursor?: string; limit?: number } = {}, signal?: AbortSignal) =>
    api.get<InterestedPartyPage>(orgPath(orgId, "context", "interested-parties"), query, signal),
  createParty: (orgId: string, body: CreateInterestedPartyInput) =>
    api.post<InterestedPartyView>(orgPath(orgId, "context", "interested-parties"), body),
  updateParty: (orgId: string, id: string, body: UpdateInterestedPartyInput) =>
    api.patch<InterestedPartyView>(orgPath(orgId, "context", "interested-parties", id), body),
  deleteParty: (orgId: string, id: string, version: number) =>
    api.delete(buildUrl(orgPath(orgId, "context", "interested-parties", id), { version })),
  addRequirement: (orgId: string, partyId: string, body: CreatePartyRequirementInput) =>
    api.post<InterestedPartyView>(
      orgPath(orgId, "context", "interested-parties", partyId, "requirements"),
      body,
    ),
  updateRequirement: (orgId: string, partyId: string, id: string, body: UpdatePartyRequirementInput) =>
    api.patch<InterestedPartyView>(
      orgPath(orgId, "context", "interested-parties", partyId, "requirements", id),
      body,
    ),
  deleteRequirement: (orgId: string, partyId: string, id: string, version: number) =>
    request<InterestedPartyView>(
      "DELETE",
      buildUrl(orgPath(orgId, "context", "interested-parties", partyId, "requirements", id), { version }),
    ),
  aiRoles: (orgId: string, signal?: AbortSignal) =>
    api.get<OrgAiRolesView>(orgPath(orgId, "context", "ai-roles"), undefined, signal),
  setAiRole: (orgId: string, role: string, body: { note: string; version?: number }) =>
    put<OrgAiRolesView>(orgPath(orgId, "context", "ai-roles", role), body),
  removeAiRole: (orgId: string, role: string, version: number) =>
    request<OrgAiRolesView>("DELETE", buildUrl(orgPath(orgId, "context", "ai-roles", role), { version })),
};

/** The AIMS scope (4.3) and its versions. */
export const scopeApi = {
  get: (orgId: string, signal?: AbortSignal) =>
    api.get<ScopeView>(orgPath(orgId, "scope"), undefined, signal),
  versions: (orgId: string, query: { cursor?: string; limit?: number } = {}, signal?: AbortSignal) =>
    api.get<ScopeVersionPage>(orgPath(orgId, "scope", "versions"), query, signal),
  newDraft: (orgId: string) => api.post<ScopeVersionView>(orgPath(orgId, "scope", "versions")),
  update: (orgId: string, n: number, body: UpdateScopeDraftInput) =>
    api.patch<ScopeVersionView>(orgPath(orgId, "scope", "versions", String(n)), body),
  act: (orgId: string, n: number, action: "submit" | "approve" | "reject", body: ScopeActionInput) =>
    api.post<ScopeVersionView>(orgPath(orgId, "scope", "versions", String(n), action), body),
  diff: (orgId: string, n: number, signal?: AbortSignal) =>
    api.get<ScopeDiffView>(orgPath(orgId, "scope", "versions", String(n), "diff"), undefined, signal),
};

/** The RACI matrix (5.3). */
export const raciApi = {
  get: (orgId: string, signal?: AbortSignal) =>
    api.get<RaciMatrixView>(orgPath(orgId, "raci"), undefined, signal),
  putCells: (orgId: string, body: PutRaciCellsInput) => put<RaciMatrixView>(orgPath(orgId, "raci"), body),
  addActivity: (orgId: string, body: CreateRaciActivityInput) =>
    api.post<RaciMatrixView>(orgPath(orgId, "raci", "activities"), body),
  updateActivity: (orgId: string, id: string, body: UpdateRaciActivityInput) =>
    api.patch<RaciMatrixView>(orgPath(orgId, "raci", "activities", id), body),
  deleteActivity: (orgId: string, id: string, version: number) =>
    request<RaciMatrixView>("DELETE", buildUrl(orgPath(orgId, "raci", "activities", id), { version })),
  seed: (orgId: string) => api.post<SeedRaciResult>(orgPath(orgId, "raci", "activities", "seed")),
  exportUrl: (orgId: string, format: "csv" | "xlsx") =>
    buildUrl(orgPath(orgId, "raci", "export"), { format }),
};
