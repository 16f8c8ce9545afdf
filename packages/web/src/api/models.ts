import type {
  AiModelPage,
  AiModelSummaryView,
  AiModelView,
  AiSystemComponentsView,
  CreateAiModelInput,
  UpdateAiModelInput,
} from "@openaims/core";
import { api, archiveEndpoints, orgPath } from "./client";

export type {
  AiModelPage,
  AiModelSummaryView,
  AiModelView,
  AiSystemComponentsView,
  CreateAiModelInput,
  UpdateAiModelInput,
};

export interface ModelListParams {
  q?: string;
  gpai?: "true" | "false";
  archived?: "false" | "true" | "all";
  limit?: number;
  cursor?: string;
}

export const modelsApi = {
  list: (orgId: string, params: ModelListParams, signal?: AbortSignal) =>
    api.get<AiModelPage>(orgPath(orgId, "models"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<AiModelView>(orgPath(orgId, "models", id), undefined, signal),
  create: (orgId: string, body: CreateAiModelInput) => api.post<AiModelView>(orgPath(orgId, "models"), body),
  update: (orgId: string, id: string, body: UpdateAiModelInput) =>
    api.patch<AiModelView>(orgPath(orgId, "models", id), body),
  ...archiveEndpoints<AiModelView>("models"),
  components: (orgId: string, systemId: string, signal?: AbortSignal) =>
    api.get<AiSystemComponentsView>(orgPath(orgId, "ai-systems", systemId, "components"), undefined, signal),
};
