import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { evidenceApi, type EvidenceDetailView, type EvidenceListParams } from "../../api";

export const evidenceKeys = {
  list: (orgId: string, params: EvidenceListParams) => ["orgs", orgId, "evidence", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "evidence", "detail", id] as const,
};

export function useEvidenceList(orgId: string, params: EvidenceListParams) {
  return useQuery({
    queryKey: evidenceKeys.list(orgId, params),
    queryFn: ({ signal }) => evidenceApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(orgId: string, id: string) {
  return useQuery({
    queryKey: evidenceKeys.detail(orgId, id),
    queryFn: ({ signal }) => evidenceApi.get(orgId, id, signal),
  });
}

/** After a write: the detail gets the fresh view; lists, readiness, the dashboard and the trail refetch. */
export function useAfterEvidenceWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (item?: EvidenceDetailView) => {
    if (item) queryClient.setQueryData(evidenceKeys.detail(orgId, item.id), item);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return a === "orgs" && b === orgId && !(c === "evidence" && kind === "detail");
      },
    });
  };
}
