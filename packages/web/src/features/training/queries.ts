import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  isApiError,
  trainingApi,
  type TrainingRecordListParams,
  type TrainingTopicListParams,
} from "../../api";

export const trainingKeys = {
  all: (orgId: string) => ["orgs", orgId, "training"] as const,
  topics: (orgId: string, params: TrainingTopicListParams) =>
    ["orgs", orgId, "training", "topics", params] as const,
  records: (orgId: string, params: TrainingRecordListParams) =>
    ["orgs", orgId, "training", "records", params] as const,
  coverage: (orgId: string) => ["orgs", orgId, "training", "coverage"] as const,
};

export function useTrainingTopics(orgId: string, params: TrainingTopicListParams) {
  return useQuery({
    queryKey: trainingKeys.topics(orgId, params),
    queryFn: ({ signal }) => trainingApi.topics(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingRecords(orgId: string, params: TrainingRecordListParams) {
  return useQuery({
    queryKey: trainingKeys.records(orgId, params),
    queryFn: ({ signal }) => trainingApi.records(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingCoverage(orgId: string) {
  return useQuery({
    queryKey: trainingKeys.coverage(orgId),
    queryFn: ({ signal }) => trainingApi.coverage(orgId, signal),
  });
}

/** A training write: on success every training query (topics, records, coverage), tasks and the audit trail refetch. */
export function useTrainingMutation<I, O>(
  orgId: string,
  run: (input: I) => Promise<O>,
  onDone?: (out: O) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (out) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all(orgId) });
      await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "audit-events"] });
      onDone?.(out);
    },
  });
}

/** The server's messages for one field (and its entries), for a form control's `errors`. */
export function fieldErrors(error: unknown, ...paths: string[]): string[] | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.issues
    .filter((i) => paths.some((p) => i.path === p || i.path.startsWith(`${p}.`)))
    .map((i) => i.message);
  return found.length ? found : undefined;
}
