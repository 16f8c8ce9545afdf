import { useQuery } from "@tanstack/react-query";
import { readinessApi } from "../../api";

export const readinessKeys = {
  all: (orgId: string) => ["orgs", orgId, "readiness"] as const,
  taskSummary: (orgId: string) => ["orgs", orgId, "tasks", "summary", "dashboard"] as const,
};

/** Readiness is computed from live records on every request; a minute's staleness is fine for a dashboard. */
export function useReadiness(orgId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.all(orgId),
    queryFn: ({ signal }) => readinessApi.get(orgId, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useTaskSummary(orgId: string, enabled = true) {
  return useQuery({
    queryKey: readinessKeys.taskSummary(orgId),
    queryFn: ({ signal }) => readinessApi.taskSummary(orgId, signal),
    staleTime: 60_000,
    enabled,
  });
}
