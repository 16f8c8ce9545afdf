import type {
  CreateTaskInput,
  GenerateTasksResult,
  TaskListQueryInput,
  TaskPage,
  TaskSummary,
  TaskView,
  UpdateTaskInput,
} from "@openaims/core";
import { api, orgPath, type QueryValue } from "./client";

export type { CreateTaskInput, GenerateTasksResult, TaskPage, TaskSummary, TaskView, UpdateTaskInput };
export type TaskListParams = { [K in keyof TaskListQueryInput]?: TaskListQueryInput[K] & QueryValue };

export const tasksApi = {
  list: (orgId: string, params: TaskListParams, signal?: AbortSignal) =>
    api.get<TaskPage>(orgPath(orgId, "tasks"), { ...params }, signal),
  summary: (orgId: string, signal?: AbortSignal) =>
    api.get<TaskSummary>(orgPath(orgId, "tasks", "summary"), undefined, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<TaskView>(orgPath(orgId, "tasks", id), undefined, signal),
  create: (orgId: string, body: CreateTaskInput) => api.post<TaskView>(orgPath(orgId, "tasks"), body),
  update: (orgId: string, id: string, body: UpdateTaskInput) =>
    api.patch<TaskView>(orgPath(orgId, "tasks", id), body),
  generate: (orgId: string) => api.post<GenerateTasksResult>(orgPath(orgId, "tasks", "generate")),
};
