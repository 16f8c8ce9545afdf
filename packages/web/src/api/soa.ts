import type {
  AppliedControlPage,
  AppliedControlView,
  CreateAppliedControlInput,
  SoaDiff,
  SoaEntryView,
  SoaVersionPage,
  SoaVersionSummary,
  SoaVersionView,
  SoaView,
  UpdateAppliedControlInput,
  UpdateSoaEntryInput,
} from "@openaims/core";
import { api, buildUrl, orgPath } from "./client";

export type {
  AppliedControlPage,
  AppliedControlView,
  SoaDiff,
  SoaEntryView,
  SoaVersionPage,
  SoaVersionSummary,
  SoaVersionView,
  SoaView,
};

export interface AppliedControlListParams {
  q?: string;
  category?: string;
  additional?: "true" | "false";
  node?: string;
  archived?: "false" | "true" | "all";
  limit?: number;
  cursor?: string;
}

export const soaApi = {
  get: (orgId: string, signal?: AbortSignal) => api.get<SoaView>(orgPath(orgId, "soa"), undefined, signal),
  updateEntry: (orgId: string, controlId: string, body: UpdateSoaEntryInput) =>
    api.patch<SoaEntryView>(orgPath(orgId, "soa", "entries", controlId), body),
  versions: (orgId: string, query: { limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
    api.get<SoaVersionPage>(orgPath(orgId, "soa", "versions"), query, signal),
  version: (orgId: string, n: number, signal?: AbortSignal) =>
    api.get<SoaVersionView>(orgPath(orgId, "soa", "versions", String(n)), undefined, signal),
  createVersion: (orgId: string, note: string) =>
    api.post<SoaVersionView>(orgPath(orgId, "soa", "versions"), { note }),
  decide: (
    orgId: string,
    n: number,
    decision: "approve" | "reject",
    body: { version: number; note?: string },
  ) => api.post<SoaVersionSummary>(orgPath(orgId, "soa", "versions", String(n), decision), body),
  diff: (orgId: string, n: number, against: number, signal?: AbortSignal) =>
    api.get<SoaDiff>(orgPath(orgId, "soa", "versions", String(n), "diff"), { against }, signal),
  /** A plain link: the browser downloads the file with the session cookie. */
  exportUrl: (orgId: string, format: "csv" | "xlsx", version?: number) =>
    buildUrl(orgPath(orgId, "soa", "export"), { format, version }),
};

export const appliedControlsApi = {
  list: (orgId: string, params: AppliedControlListParams, signal?: AbortSignal) =>
    api.get<AppliedControlPage>(orgPath(orgId, "applied-controls"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<AppliedControlView>(orgPath(orgId, "applied-controls", id), undefined, signal),
  create: (orgId: string, body: CreateAppliedControlInput) =>
    api.post<AppliedControlView>(orgPath(orgId, "applied-controls"), body),
  update: (orgId: string, id: string, body: UpdateAppliedControlInput) =>
    api.patch<AppliedControlView>(orgPath(orgId, "applied-controls", id), body),
  setArchived: (orgId: string, id: string, archive: boolean, version: number) =>
    api.post<AppliedControlView>(orgPath(orgId, "applied-controls", id, archive ? "archive" : "restore"), {
      version,
    }),
};
