import type {
  FairnessResult,
  MeasurementPolicyList,
  MeasurementRunPage,
  MeasurementRunSummary,
  MeasurementRunView,
} from "@openaims/core";
import { api, orgPath } from "./client";

export type {
  FairnessResult,
  MeasurementPolicyList,
  MeasurementRunPage,
  MeasurementRunSummary,
  MeasurementRunView,
};

export const measurementsApi = {
  runs: (
    orgId: string,
    systemId: string,
    params: { limit?: number; cursor?: string },
    signal?: AbortSignal,
  ) =>
    api.get<MeasurementRunPage>(
      orgPath(orgId, "ai-systems", systemId, "measurement-runs"),
      { ...params },
      signal,
    ),
  run: (orgId: string, runId: string, signal?: AbortSignal) =>
    api.get<MeasurementRunView>(orgPath(orgId, "measurement-runs", runId), undefined, signal),
  policies: (orgId: string, systemId: string, signal?: AbortSignal) =>
    api.get<MeasurementPolicyList>(
      orgPath(orgId, "ai-systems", systemId, "measurement-policies"),
      undefined,
      signal,
    ),
};
