import type {
  ClassificationAnswers,
  OrgObligationList,
  OrgObligationQueryInput,
  OrgObligationView,
  ClassificationResult,
  SystemClassificationDetail,
  SystemClassificationView,
  SystemObligationList,
  SystemObligationView,
  UpdateObligationInput,
} from "@openaims/core";
import { api, orgPath, request } from "./client";

export type OrgObligationParams = Omit<OrgObligationQueryInput, "limit"> & { limit?: number };

export type {
  ClassificationAnswers,
  OrgObligationList,
  OrgObligationView,
  ClassificationResult,
  SystemClassificationDetail,
  SystemClassificationView,
  SystemObligationList,
  SystemObligationView,
  UpdateObligationInput,
};

export const euAiActApi = {
  /** The stateless classifier: nothing is stored. */
  classify: (answers: ClassificationAnswers) =>
    api.post<ClassificationResult>("/api/v1/eu-ai-act/classify", answers),
  /** The system's current stored classification and its history. */
  systemClassification: (orgId: string, systemId: string) =>
    api.get<SystemClassificationDetail>(orgPath(orgId, "ai-systems", systemId, "classification")),
  /** Classify on the server and store a new version (obligations are synced). */
  classifySystem: (orgId: string, systemId: string, answers: ClassificationAnswers) =>
    api.put<SystemClassificationDetail>(orgPath(orgId, "ai-systems", systemId, "classification"), answers),
  obligations: (orgId: string, systemId: string) =>
    api.get<SystemObligationList>(orgPath(orgId, "ai-systems", systemId, "obligations")),
  updateObligation: (orgId: string, systemId: string, obligationId: string, input: UpdateObligationInput) =>
    api.patch<SystemObligationView>(
      orgPath(orgId, "ai-systems", systemId, "obligations", obligationId),
      input,
    ),
  /** Tracked obligations across the organization's live systems, with counts. */
  orgObligations: (orgId: string, params: OrgObligationParams, signal?: AbortSignal) =>
    request<OrgObligationList>("GET", orgPath(orgId, "obligations"), { query: { ...params }, signal }),
};
