import { useQuery } from "@tanstack/react-query";
import { vendorsApi, type VendorListParams, type VendorView } from "../../api";
import { useArchiveToggle } from "../../lib/use-archive-toggle";
import { useAfterInventoryWrite } from "../models/inventory-record-form";

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

/** After a write: vendor queries (lists, questionnaire, history), the system components and the audit trail. */
export const useAfterVendorWrite = (orgId: string) => useAfterInventoryWrite<VendorView>(orgId, "vendors");

export function useVendorArchiveToggle(orgId: string) {
  return useArchiveToggle(orgId, vendorsApi, useAfterVendorWrite(orgId));
}
