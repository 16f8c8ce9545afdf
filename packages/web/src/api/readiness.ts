import type { ReadinessGroupView, ReadinessNodeView, ReadinessView, TaskSummary } from "@openaims/core";
import { api, isApiError, orgPath } from "./client";

export type { ReadinessGroupView, ReadinessNodeView, ReadinessView };

export const readinessApi = {
  get: (orgId: string, signal?: AbortSignal) =>
    api.get<ReadinessView>(orgPath(orgId, "readiness"), undefined, signal),
  /** Task counts for the dashboard; null where the server has no tasks endpoint (older server). */
  taskSummary: async (orgId: string, signal?: AbortSignal): Promise<TaskSummary | null> => {
    try {
      return await api.get<TaskSummary>(orgPath(orgId, "tasks", "summary"), undefined, signal);
    } catch (e) {
      if (isApiError(e) && e.status === 404) return null;
      throw e;
    }
  },
};
