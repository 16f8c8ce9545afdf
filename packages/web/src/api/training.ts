import type {
  CreateTrainingRecordInput,
  CreateTrainingTopicInput,
  TrainingCoverageView,
  TrainingRecordPage,
  TrainingRecordView,
  TrainingTopicPage,
  TrainingTopicView,
  UpdateTrainingRecordInput,
  UpdateTrainingTopicInput,
} from "@openaims/core";
import { api, orgPath } from "./client";

export type {
  CreateTrainingRecordInput,
  CreateTrainingTopicInput,
  TrainingCoverageView,
  TrainingRecordPage,
  TrainingRecordView,
  TrainingTopicPage,
  TrainingTopicView,
  UpdateTrainingRecordInput,
  UpdateTrainingTopicInput,
};

export interface TrainingTopicListParams {
  q?: string;
  kind?: string;
  archived?: "false" | "true" | "all";
  limit?: number;
  cursor?: string;
}

export interface TrainingRecordListParams {
  userId?: string;
  topicId?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

/** Competence and AI literacy (7.2, Art. 4): the catalogue, the records and the coverage matrix. */
export const trainingApi = {
  topics: (orgId: string, params: TrainingTopicListParams, signal?: AbortSignal) =>
    api.get<TrainingTopicPage>(orgPath(orgId, "training", "topics"), { ...params }, signal),
  createTopic: (orgId: string, body: CreateTrainingTopicInput) =>
    api.post<TrainingTopicView>(orgPath(orgId, "training", "topics"), body),
  updateTopic: (orgId: string, id: string, body: UpdateTrainingTopicInput) =>
    api.patch<TrainingTopicView>(orgPath(orgId, "training", "topics", id), body),
  archiveTopic: (orgId: string, id: string, version: number) =>
    api.post<TrainingTopicView>(orgPath(orgId, "training", "topics", id, "archive"), { version }),
  restoreTopic: (orgId: string, id: string, version: number) =>
    api.post<TrainingTopicView>(orgPath(orgId, "training", "topics", id, "restore"), { version }),
  records: (orgId: string, params: TrainingRecordListParams, signal?: AbortSignal) =>
    api.get<TrainingRecordPage>(orgPath(orgId, "training", "records"), { ...params }, signal),
  createRecord: (orgId: string, body: CreateTrainingRecordInput) =>
    api.post<TrainingRecordView>(orgPath(orgId, "training", "records"), body),
  updateRecord: (orgId: string, id: string, body: UpdateTrainingRecordInput) =>
    api.patch<TrainingRecordView>(orgPath(orgId, "training", "records", id), body),
  deleteRecord: (orgId: string, id: string, version: number) =>
    api.delete(`${orgPath(orgId, "training", "records", id)}?version=${version}`),
  coverage: (orgId: string, signal?: AbortSignal) =>
    api.get<TrainingCoverageView>(orgPath(orgId, "training", "coverage"), undefined, signal),
};
