import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { objectivesApi, type ObjectiveListParams, type ObjectiveView } from "../../api";
import { useArchiveToggle } from "../../lib/use-archive-toggle";

export const objectiveKeys = {
  all: (orgId: string) => ["orgs", orgId, "objectives"] as const,
  list: (orgId: string, params: ObjectiveListParams) =>
    ["orgs", orgId, "objectives", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "objectives", "detail", id] as const,
};

export function useObjectiveList(orgId: string, params: ObjectiveListParams) {
  return useQuery({
    queryKey: objectiveKeys.list(orgId, params),
    queryFn: ({ signal }) => objectivesApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useObjective(orgId: string, id: string) {
  return useQuery({
    queryKey: objectiveKeys.detail(orgId, id),
    queryFn: ({ signal }) => objectivesApi.get(orgId, id, signal),
  });
}

/** After a write: lists and the detail refetch (a progress entry changes the status everywhere). */
export function useAfterObjectiveWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (objective?: ObjectiveView) => {
    if (objective) queryClient.setQueryData(objectiveKeys.detail(orgId, objective.id), objective);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return a === "orgs" && b === orgId && c === "objectives" && (!objective || kind !== "detail");
      },
    });
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "audit-events"] });
  };
}

export function useObjectiveArchiveToggle(orgId: string) {
  return useArchiveToggle(orgId, objectivesApi, useAfterObjectiveWrite(orgId));
}
