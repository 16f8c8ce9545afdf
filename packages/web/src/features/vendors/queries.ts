import { useQuery, useQueryClient } from "@tanstack/react-query";
import { vendorsApi, type VendorListParams, type VendorView } from "../../api";
import { useArchiveToggle } from "../../lib/use-archive-toggle";

export const vendorKeys = {
  list: (orgId: string, params: VendorListParams) => ["orgs", orgId, "vendors", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "vendors", "detail", id] as const,
  questionnaire: (orgId: string, id: string) => ["orgs", orgId, "vendors", "questionnaire", id] as const,
  history: (orgId: string, id: string) => ["orgs", orgId, "vendors", "questionnaire-history", id] as const,
  template: (orgId: string) => ["orgs", orgId, "vendors", "questionnaire-template"] as const,
};

export function useVendor(orgId: string, id: string) {
  return useQuery({
    queryKey: vendorKeys.detail(orgId, id),
    queryFn: ({ signal }) => vendorsApi.get(orgId, id, signal),
  });
}

/** The vendors linked to a model (its suppliers). */
export function useModelVendors(orgId: string, modelId: string) {
  const params: VendorListParams = { model: modelId, archived: "all", limit: 50 };
  return useQuery({
    queryKey: vendorKeys.list(orgId, params),
    queryFn: ({ signal }) => vendorsApi.list(orgId, params, signal),
  });
}

/**
 * After a write: vendor queries (lists, questionnaire, history), the system components (vendors raise attention
 * there) and the audit trail refetch.
 */
export function useAfterVendorWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (v?: VendorView) => {
    if (v) queryClient.setQueryData(vendorKeys.detail(orgId, v.id), v);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return (
          a === "orgs" &&
          b === orgId &&
          ((c === "vendors" && (!v || kind !== "detail")) || (c === "models" && kind === "components"))
        );
      },
    });
    await queryClient.invalidateQueries({ queryKey: ["orgs", orgId, "audit-events"] });
  };
}

export function useVendorArchiveToggle(orgId: string) {
  return useArchiveToggle(orgId, vendorsApi, useAfterVendorWrite(orgId));
}
