import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TaskStatus } from "@openaims/core";
import { tasksApi, type TaskListParams, type TaskView } from "../../api/tasks";

export const taskKeys = {
  all: (orgId: string) => ["orgs", orgId, "tasks"] as const,
  list: (orgId: string, params: TaskListParams) => ["orgs", orgId, "tasks", "list", params] as const,
  summary: (orgId: string) => ["orgs", orgId, "tasks", "summary"] as const,
};

export function useTasks(orgId: string, params: TaskListParams) {
  return useQuery({
    queryKey: taskKeys.list(orgId, params),
    queryFn: ({ signal }) => tasksApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTaskSummary(orgId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.summary(orgId),
    queryFn: ({ signal }) => tasksApi.summary(orgId, signal),
    enabled,
  });
}

/** Moves a task to another status; every task list and count is refreshed afterwards. */
export function useSetTaskStatus(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: TaskView; status: TaskStatus }) =>
      tasksApi.update(orgId, task.id, { status, version: task.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all(orgId) }),
  });
}

export function useGenerateTasks(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => tasksApi.generate(orgId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all(orgId) }),
  });
}
