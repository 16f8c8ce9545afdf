import type {
  CreateVendorInput,
  SaveVendorQuestionnaireInput,
  UpdateVendorInput,
  VendorPage,
  VendorQuestionnaireDraftView,
  VendorQuestionnaireHistoryView,
  VendorQuestionnaireResponseView,
  VendorQuestionnaireTemplateView,
  VendorRiskRating,
  VendorSummaryView,
  VendorView,
} from "@openaims/core";
import { api, archiveEndpoints, orgPath } from "./client";

export type {
  CreateVendorInput,
  UpdateVendorInput,
  VendorPage,
  VendorQuestionnaireDraftView,
  VendorQuestionnaireHistoryView,
  VendorQuestionnaireResponseView,
  VendorQuestionnaireTemplateView,
  VendorSummaryView,
  VendorView,
};

export interface VendorListParams {
  q?: string;
  riskRating?: VendorRiskRating;
  /** only the suppliers of this model */
  model?: string;
  archived?: "false" | "true" | "all";
  limit?: number;
  cursor?: string;
}

export const vendorsApi = {
  list: (orgId: string, params: VendorListParams, signal?: AbortSignal) =>
    api.get<VendorPage>(orgPath(orgId, "vendors"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<VendorView>(orgPath(orgId, "vendors", id), undefined, signal),
  create: (orgId: string, body: CreateVendorInput) => api.post<VendorView>(orgPath(orgId, "vendors"), body),
  update: (orgId: string, id: string, body: UpdateVendorInput) =>
    api.patch<VendorView>(orgPath(orgId, "vendors", id), body),
  ...archiveEndpoints<VendorView>("vendors"),
  questionnaireTemplate: (orgId: string, signal?: AbortSignal) =>
    api.get<VendorQuestionnaireTemplateView>(orgPath(orgId, "vendor-questionnaire"), undefined, signal),
  questionnaire: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<VendorQuestionnaireDraftView>(orgPath(orgId, "vendors", id, "questionnaire"), undefined, signal),
  saveQuestionnaire: (orgId: string, id: string, body: SaveVendorQuestionnaireInput) =>
    api.put<VendorQuestionnaireDraftView>(orgPath(orgId, "vendors", id, "questionnaire"), body),
  completeQuestionnaire: (orgId: string, id: string, version: number) =>
    api.post<VendorQuestionnaireResponseView>(orgPath(orgId, "vendors", id, "questionnaire", "complete"), {
      version,
    }),
  questionnaireHistory: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<VendorQuestionnaireHistoryView>(
      orgPath(orgId, "vendors", id, "questionnaire", "history"),
      undefined,
      signal,
    ),
};
