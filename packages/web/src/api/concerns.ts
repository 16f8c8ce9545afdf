import type { ConcernPage, ConcernView, ReportConcernInput, UpdateConcernInput } from "@openaims/core";
import { api, orgPath } from "./client";

export type { ConcernPage, ConcernView, ReportConcernInput, UpdateConcernInput };

export interface ConcernListParams {
  status?: string;
  mine?: "true" | "false";
  limit?: number;
  cursor?: string;
}

export const concernsApi = {
  list: (orgId: string, params: ConcernListParams, signal?: AbortSignal) =>
    api.get<ConcernPage>(orgPath(orgId, "concerns"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<ConcernView>(orgPath(orgId, "concerns", id), undefined, signal),
  report: (orgId: string, body: ReportConcernInput) =>
    api.post<ConcernView>(orgPath(orgId, "concerns"), body),
  update: (orgId: string, id: string, body: UpdateConcernInput) =>
    api.patch<ConcernView>(orgPath(orgId, "concerns", id), body),
};
