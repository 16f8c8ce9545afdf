import type { VendorPage, VendorSummaryView, VendorView } from "@openaims/core";
import { api, orgPath } from "./client";

export type { VendorPage, VendorSummaryView, VendorView };

export const vendorsApi = {
  list: (
    orgId: string,
    params: { archived?: "false" | "true" | "all"; limit?: number; cursor?: string },
    signal?: AbortSignal,
  ) => api.get<VendorPage>(orgPath(orgId, "vendors"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<VendorView>(orgPath(orgId, "vendors", id), undefined, signal),
};
