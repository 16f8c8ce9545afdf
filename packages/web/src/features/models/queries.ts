import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { modelsApi, type AiModelView, type ModelListParams } from "../../api";
import { useArchiveToggle } from "../../lib/use-archive-toggle";

export const modelKeys = {
  all: (orgId: string) => ["orgs", orgId, "models"] as const,
  list: (orgId: string, params: ModelListParams) => ["orgs", orgId, "models", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "models", "detail", id] as const,
  components: (orgId: string, systemId: string) => ["orgs", orgId, "models", "components", systemId] as const,
};

export function useModelList(orgId: string, params: ModelListParams) {
  return useQuery({
    queryKey: modelKeys.list(orgId, params),
    queryFn: ({ signal }) => modelsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useModel(orgId: string, id: string) {
  return useQuery({
    queryKey: modelKeys.detail(orgId, id),
    queryFn: ({ signal }) => modelsApi.get(orgId, id, signal),
  });
}

export function useSystemComponents(orgId: string, systemId: string) {
  return useQuery({
    queryKey: modelKeys.components(orgId, systemId),
    queryFn: ({ signal }) => modelsApi.components(orgId, systemId, signal),
  });
}

/** After a write: every model query (lists, details, system components) and the audit trail refetch. */
export function useAfterModelWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (model?: AiModelView) => {
    if (model) queryClient.setQueryData(modelKeys.detail(orgId, model.id), model);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return a === "orgs" && b === orgId && c === "models" && (!model || kind !== "detail");
      },
    });
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "audit-events"] });
  };
}

export function useModelArchiveToggle(orgId: string) {
  return useArchiveToggle(orgId, modelsApi, useAfterModelWrite(orgId));
}
