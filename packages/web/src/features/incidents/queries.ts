import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { incidentsApi, type IncidentListParams } from "../../api";

export const incidentKeys = {
  list: (orgId: string, params: IncidentListParams) => ["orgs", orgId, "incidents", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "incidents", "detail", id] as const,
};

export function useIncidentList(orgId: string, params: IncidentListParams) {
  return useQuery({
    queryKey: incidentKeys.list(orgId, params),
    queryFn: ({ signal }) => incidentsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(orgId: string, id: string) {
  return useQuery({
    queryKey: incidentKeys.detail(orgId, id),
    queryFn: ({ signal }) => incidentsApi.get(orgId, id, signal),
  });
}

/** After any write: refetch the detail (it carries the log) and the lists. */
export function useAfterIncidentWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(orgId, id) });
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "incidents", "list"] });
  };
}
