import type {
  CreateDatasetInput,
  DatasetPage,
  DatasetSummaryView,
  DatasetView,
  UpdateDatasetInput,
} from "@openaims/core";
import { api, archiveEndpoints, orgPath } from "./client";

export type { CreateDatasetInput, DatasetPage, DatasetSummaryView, DatasetView, UpdateDatasetInput };

export interface DatasetListParams {
  q?: string;
  specialCategories?: "true" | "false";
  archived?: "false" | "true" | "all";
  limit?: number;
  cursor?: string;
}

export const datasetsApi = {
  list: (orgId: string, params: DatasetListParams, signal?: AbortSignal) =>
    api.get<DatasetPage>(orgPath(orgId, "datasets"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<DatasetView>(orgPath(orgId, "datasets", id), undefined, signal),
  create: (orgId: string, body: CreateDatasetInput) =>
    api.post<DatasetView>(orgPath(orgId, "datasets"), body),
  update: (orgId: string, id: string, body: UpdateDatasetInput) =>
    api.patch<DatasetView>(orgPath(orgId, "datasets", id), body),
  ...archiveEndpoints<DatasetView>("datasets"),
};
