import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { aiSystemsApi, type AiSystemListParams, type AiSystemView } from "../../api";
import { useArchiveToggle as useArchiveToggleOf } from "../../lib/use-archive-toggle";

export const aiSystemKeys = {
  all: (orgId: string) => ["orgs", orgId, "ai-systems"] as const,
  list: (orgId: string, params: AiSystemListParams) => ["orgs", orgId, "ai-systems", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "ai-systems", "detail", id] as const,
  history: (orgId: string, id: string) => ["orgs", orgId, "ai-systems", "history", id] as const,
};

export function useAiSystemList(orgId: string, params: AiSystemListParams) {
  return useQuery({
    queryKey: aiSystemKeys.list(orgId, params),
    queryFn: ({ signal }) => aiSystemsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAiSystem(orgId: string, id: string) {
  return useQuery({
    queryKey: aiSystemKeys.detail(orgId, id),
    queryFn: ({ signal }) => aiSystemsApi.get(orgId, id, signal),
  });
}

export function useAiSystemHistory(orgId: string, id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: aiSystemKeys.history(orgId, id),
    queryFn: ({ pageParam, signal }) =>
      aiSystemsApi.history(orgId, id, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** After any write: the detail gets the fresh view, lists and history refetch. */
export function useAfterAiSystemWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (system: AiSystemView) => {
    queryClient.setQueryData(aiSystemKeys.detail(orgId, system.id), system);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return a === "orgs" && b === orgId && c === "ai-systems" && kind !== "detail";
      },
    });
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "audit-events"] });
  };
}

export function useArchiveToggle(orgId: string) {
  return useArchiveToggleOf(orgId, aiSystemsApi, useAfterAiSystemWrite(orgId));
}
