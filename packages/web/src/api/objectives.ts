import type {
  AddObjectiveProgressInput,
  CreateObjectiveInput,
  ObjectivePage,
  ObjectiveProgressPage,
  ObjectiveProgressRecorded,
  ObjectiveProgressView,
  ObjectiveSummaryView,
  ObjectiveView,
  UpdateObjectiveInput,
} from "@openaims/core";
import { api, archiveEndpoints, orgPath } from "./client";

export type {
  AddObjectiveProgressInput,
  CreateObjectiveInput,
  ObjectivePage,
  ObjectiveProgressPage,
  ObjectiveProgressRecorded,
  ObjectiveProgressView,
  ObjectiveSummaryView,
  ObjectiveView,
  UpdateObjectiveInput,
};

export interface ObjectiveListParams {
  status?: string;
  ownerId?: string;
  q?: string;
  archived?: "false" | "true" | "all";
  limit?: number;
  cursor?: string;
}

export const objectivesApi = {
  list: (orgId: string, params: ObjectiveListParams, signal?: AbortSignal) =>
    api.get<ObjectivePage>(orgPath(orgId, "objectives"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<ObjectiveView>(orgPath(orgId, "objectives", id), undefined, signal),
  create: (orgId: string, body: CreateObjectiveInput) =>
    api.post<ObjectiveView>(orgPath(orgId, "objectives"), body),
  update: (orgId: string, id: string, body: UpdateObjectiveInput) =>
    api.patch<ObjectiveView>(orgPath(orgId, "objectives", id), body),
  ...archiveEndpoints<ObjectiveView>("objectives"),
  addProgress: (orgId: string, id: string, body: AddObjectiveProgressInput) =>
    api.post<ObjectiveProgressRecorded>(orgPath(orgId, "objectives", id, "progress"), body),
};
