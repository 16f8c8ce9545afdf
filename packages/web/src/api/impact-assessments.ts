import type {
  CreateImpactAssessmentInput,
  ImpactAssessmentAction,
  ImpactAssessmentActionInput,
  ImpactAssessmentPage,
  ImpactAssessmentVersionDiffView,
  ImpactAssessmentVersionView,
  ImpactAssessmentView,
  RecordAuthorityNotificationInput,
  UpdateImpactAssessmentInput,
} from "@openaims/core";
import { api, orgPath } from "./client";

export type {
  CreateImpactAssessmentInput,
  ImpactAssessmentAction,
  ImpactAssessmentPage,
  ImpactAssessmentVersionDiffView,
  ImpactAssessmentVersionView,
  ImpactAssessmentView,
  RecordAuthorityNotificationInput,
  UpdateImpactAssessmentInput,
};

export interface ImpactAssessmentListParams {
  systemId?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

const base = "impact-assessments";

export const impactAssessmentsApi = {
  list: (orgId: string, params: ImpactAssessmentListParams, signal?: AbortSignal) =>
    api.get<ImpactAssessmentPage>(orgPath(orgId, base), { ...params }, signal),
  listForSystem: (orgId: string, systemId: string, signal?: AbortSignal) =>
    api.get<ImpactAssessmentPage>(orgPath(orgId, "ai-systems", systemId, base), undefined, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<ImpactAssessmentView>(orgPath(orgId, base, id), undefined, signal),
  version: (orgId: string, id: string, number: number, signal?: AbortSignal) =>
    api.get<ImpactAssessmentVersionView>(
      orgPath(orgId, base, id, "versions", String(number)),
      undefined,
      signal,
    ),
  diff: (orgId: string, id: string, from: number, to: number, signal?: AbortSignal) =>
    api.get<ImpactAssessmentVersionDiffView>(
      orgPath(orgId, base, id, "versions", String(from), "diff", String(to)),
      undefined,
      signal,
    ),
  create: (orgId: string, body: CreateImpactAssessmentInput) =>
    api.post<ImpactAssessmentView>(orgPath(orgId, base), body),
  update: (orgId: string, id: string, body: UpdateImpactAssessmentInput) =>
    api.patch<ImpactAssessmentView>(orgPath(orgId, base, id), body),
  act: (orgId: string, id: string, action: ImpactAssessmentAction, body: ImpactAssessmentActionInput) =>
    api.post<ImpactAssessmentView>(orgPath(orgId, base, id, action), body),
  notify: (orgId: string, id: string, body: RecordAuthorityNotificationInput) =>
    api.post<ImpactAssessmentView>(orgPath(orgId, base, id, "notifications"), body),
};
