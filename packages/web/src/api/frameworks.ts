import type {
  FrameworkDetailView,
  FrameworkListView,
  FrameworkNodeView,
  FrameworkSummaryView,
} from "@openaims/core";
import { api } from "./client";

export type { FrameworkDetailView, FrameworkListView, FrameworkNodeView, FrameworkSummaryView };

/** Framework catalogues are reference data shared by every organization, hence no org path. */
export const frameworksApi = {
  list: (signal?: AbortSignal) => api.get<FrameworkListView>("/api/v1/frameworks", undefined, signal),
  get: (frameworkId: string, signal?: AbortSignal) =>
    api.get<FrameworkDetailView>(`/api/v1/frameworks/${encodeURIComponent(frameworkId)}`, undefined, signal),
};
