import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { impactAssessmentsApi, type ImpactAssessmentListParams } from "../../api/impact-assessments";

export const impactAssessmentKeys = {
  all: (orgId: string) => ["orgs", orgId, "impact-assessments"] as const,
  list: (orgId: string, params: ImpactAssessmentListParams) =>
    ["orgs", orgId, "impact-assessments", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "impact-assessments", "detail", id] as const,
  version: (orgId: string, id: string, n: number) =>
    ["orgs", orgId, "impact-assessments", "detail", id, "version", n] as const,
  diff: (orgId: string, id: string, from: number, to: number) =>
    ["orgs", orgId, "impact-assessments", "detail", id, "diff", from, to] as const,
};

export function useImpactAssessmentList(orgId: string, params: ImpactAssessmentListParams) {
  return useQuery({
    queryKey: impactAssessmentKeys.list(orgId, params),
    queryFn: ({ signal }) => impactAssessmentsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useImpactAssessment(orgId: string, id: string) {
  return useQuery({
    queryKey: impactAssessmentKeys.detail(orgId, id),
    queryFn: ({ signal }) => impactAssessmentsApi.get(orgId, id, signal),
  });
}

export function useImpactAssessmentVersion(orgId: string, id: string, n: number | null) {
  return useQuery({
    queryKey: impactAssessmentKeys.version(orgId, id, n ?? 0),
    queryFn: ({ signal }) => impactAssessmentsApi.version(orgId, id, n!, signal),
    enabled: n !== null,
  });
}

/** What changed between two frozen versions; off while either is not chosen. */
export function useImpactAssessmentDiff(orgId: string, id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: impactAssessmentKeys.diff(orgId, id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => impactAssessmentsApi.diff(orgId, id, from!, to!, signal),
    enabled: from !== null && to !== null,
  });
}

/** After any write: refetch everything about assessments (lists, details) and the tasks the generator may change. */
export function useAfterAssessmentWrite(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: impactAssessmentKeys.all(orgId) });
}
