import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { modelsApi, type AiModelView, type ModelListParams } from "../../api";
import { useArchiveToggle } from "../../lib/use-archive-toggle";
import { useAfterInventoryWrite } from "./inventory-record-form";

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

/** After a write: every model query (lists, system components) but the fresh detail, and the audit trail. */
export const useAfterModelWrite = (orgId: string) => useAfterInventoryWrite<AiModelView>(orgId, "models");

export function useModelArchiveToggle(orgId: string) {
  return useArchiveToggle(orgId, modelsApi, useAfterModelWrite(orgId));
}
