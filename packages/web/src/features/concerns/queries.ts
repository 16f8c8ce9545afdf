import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { concernsApi, type ConcernListParams, type ConcernView } from "../../api";

export const concernKeys = {
  list: (orgId: string, params: ConcernListParams) => ["orgs", orgId, "concerns", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "concerns", "detail", id] as const,
};

export function useConcernList(orgId: string, params: ConcernListParams) {
  return useQuery({
    queryKey: concernKeys.list(orgId, params),
    queryFn: ({ signal }) => concernsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useConcern(orgId: string, id: string) {
  return useQuery({
    queryKey: concernKeys.detail(orgId, id),
    queryFn: ({ signal }) => concernsApi.get(orgId, id, signal),
  });
}

export function useAfterConcernWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (c: ConcernView) => {
    if (c.abilities.read) queryClient.setQueryData(concernKeys.detail(orgId, c.id), c);
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "concerns", "list"] });
  };
}
