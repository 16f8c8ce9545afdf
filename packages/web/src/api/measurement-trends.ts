import type {
  CreateMeasurementPolicyInput,
  MeasurementPolicyView,
  MeasurementRunObjectives,
  MeasurementTrend,
  MeasurementTrendQuery,
  ObjectiveMeasurementRuns,
  ProgressFromRunRecorded,
  RecordProgressFromRunInput,
  UpdateMeasurementPolicyInput,
} from "@openaims/core";
import { api, orgPath, type QueryValue } from "./client";

export type {
  MeasurementPolicyView,
  MeasurementRunObjectives,
  MeasurementTrend,
  ProgressFromRunRecorded,
  RecordProgressFromRunInput,
};

/** Trends across runs, policy edits and the objectives a run informs (docs/measurement.md). */
export const measurementTrendsApi = {
  trend: (orgId: string, systemId: string, params: MeasurementTrendQuery, signal?: AbortSignal) =>
    api.get<MeasurementTrend>(
      orgPath(orgId, "ai-systems", systemId, "measurement-runs", "trend"),
      { ...params } as Record<string, QueryValue>,
      signal,
    ),
  createPolicy: (orgId: string, systemId: string, body: CreateMeasurementPolicyInput) =>
    api.post<MeasurementPolicyView>(orgPath(orgId, "ai-systems", systemId, "measurement-policies"), body),
  updatePolicy: (orgId: string, policyId: string, body: UpdateMeasurementPolicyInput) =>
    api.patch<MeasurementPolicyView>(orgPath(orgId, "measurement-policies", policyId), body),
  deletePolicy: (orgId: string, policyId: string, version: number) =>
    api.delete(`${orgPath(orgId, "measurement-policies", policyId)}?version=${version}`),
  runObjectives: (orgId: string, runId: string, signal?: AbortSignal) =>
    api.get<MeasurementRunObjectives>(
      orgPath(orgId, "measurement-runs", runId, "objectives"),
      undefined,
      signal,
    ),
  setRunObjectives: (orgId: string, runId: string, objectiveIds: string[]) =>
    api.put<MeasurementRunObjectives>(orgPath(orgId, "measurement-runs", runId, "objectives"), {
      objectiveIds,
    }),
  objectiveRuns: (orgId: string, objectiveId: string, signal?: AbortSignal) =>
    api.get<ObjectiveMeasurementRuns>(
      orgPath(orgId, "objectives", objectiveId, "measurement-runs"),
      undefined,
      signal,
    ),
  progressFromRun: (orgId: string, runId: string, body: RecordProgressFromRunInput) =>
    api.post<ProgressFromRunRecorded>(orgPath(orgId, "measurement-runs", runId, "objective-progress"), body),
};
