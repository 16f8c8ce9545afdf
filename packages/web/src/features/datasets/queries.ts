import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetsApi, type DatasetListParams, type DatasetView } from "../../api";
import { useArchiveToggle } from "../../lib/use-archive-toggle";
import { useAfterInventoryWrite } from "../models/inventory-record-form";

export const datasetKeys = {
  list: (orgId: string, params: DatasetListParams) => ["orgs", orgId, "datasets", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "datasets", "detail", id] as const,
};

export function useDatasetList(orgId: string, params: DatasetListParams) {
  return useQuery({
    queryKey: datasetKeys.list(orgId, params),
    queryFn: ({ signal }) => datasetsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDataset(orgId: string, id: string) {
  return useQuery({
    queryKey: datasetKeys.detail(orgId, id),
    queryFn: ({ signal }) => datasetsApi.get(orgId, id, signal),
  });
}

/** After a write: dataset lists, system components (which show datasets) and the audit trail refetch. */
export const useAfterDatasetWrite = (orgId: string) => useAfterInventoryWrite<DatasetView>(orgId, "datasets");

export function useDatasetArchiveToggle(orgId: string) {
  return useArchiveToggle(orgId, datasetsApi, useAfterDatasetWrite(orgId));
}
