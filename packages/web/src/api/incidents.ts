import type {
  IncidentDetailView,
  IncidentPage,
  IncidentView,
  LogIncidentCommunicationInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from "@openaims/core";
import { api, orgPath } from "./client";

export type {
  IncidentDetailView,
  IncidentPage,
  IncidentView,
  LogIncidentCommunicationInput,
  ReportIncidentInput,
  UpdateIncidentInput,
};

export interface IncidentListParams {
  status?: string;
  open?: "true" | "false";
  limit?: number;
  cursor?: string;
}

export const incidentsApi = {
  list: (orgId: string, params: IncidentListParams, signal?: AbortSignal) =>
    api.get<IncidentPage>(orgPath(orgId, "incidents"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<IncidentDetailView>(orgPath(orgId, "incidents", id), undefined, signal),
  report: (orgId: string, body: ReportIncidentInput) =>
    api.post<IncidentView>(orgPath(orgId, "incidents"), body),
  update: (orgId: string, id: string, body: UpdateIncidentInput) =>
    api.patch<IncidentView>(orgPath(orgId, "incidents", id), body),
  logCommunication: (orgId: string, id: string, body: LogIncidentCommunicationInput) =>
    api.post<IncidentDetailView>(orgPath(orgId, "incidents", id, "communications"), body),
};
