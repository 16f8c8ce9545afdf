import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { appliedControlsApi, soaApi, type AppliedControlListParams } from "../../api";

export const soaKeys = {
  all: (orgId: string) => ["orgs", orgId, "soa"] as const,
  working: (orgId: string) => [...soaKeys.all(orgId), "working"] as const,
  versions: (orgId: string) => [...soaKeys.all(orgId), "versions"] as const,
  version: (orgId: string, n: number) => [...soaKeys.all(orgId), "version", n] as const,
  diff: (orgId: string, n: number, against: number) => [...soaKeys.all(orgId), "diff", n, against] as const,
  controls: (orgId: string) => [...soaKeys.all(orgId), "applied-controls"] as const,
  controlList: (orgId: string, params: AppliedControlListParams) =>
    [...soaKeys.controls(orgId), "list", params] as const,
  control: (orgId: string, id: string) => [...soaKeys.controls(orgId), id] as const,
};

export const useSoa = (orgId: string) =>
  useQuery({ queryKey: soaKeys.working(orgId), queryFn: ({ signal }) => soaApi.get(orgId, signal) });

export const useSoaVersions = (orgId: string) =>
  useQuery({
    queryKey: soaKeys.versions(orgId),
    queryFn: ({ signal }) => soaApi.versions(orgId, { limit: 200 }, signal),
  });

export const useSoaVersion = (orgId: string, n: number | null) =>
  useQuery({
    queryKey: soaKeys.version(orgId, n ?? 0),
    queryFn: ({ signal }) => soaApi.version(orgId, n!, signal),
    enabled: n !== null,
  });

export const useSoaDiff = (orgId: string, n: number | null, against: number | null) =>
  useQuery({
    queryKey: soaKeys.diff(orgId, n ?? 0, against ?? 0),
    queryFn: ({ signal }) => soaApi.diff(orgId, n!, against!, signal),
    enabled: n !== null && against !== null,
  });

export const useAppliedControls = (orgId: string, params: AppliedControlListParams) =>
  useQuery({
    queryKey: soaKeys.controlList(orgId, params),
    queryFn: ({ signal }) => appliedControlsApi.list(orgId, params, signal),
  });

export const useAppliedControl = (orgId: string, id: string) =>
  useQuery({
    queryKey: soaKeys.control(orgId, id),
    queryFn: ({ signal }) => appliedControlsApi.get(orgId, id, signal),
  });

/**
 * A mutation that, when it settles, refreshes everything of the organization: the SoA and applied controls show
 * each other's links, and readiness, tasks, the dashboard and the audit trail are computed from them.
 */
export function useSoaMutation<A, R>(orgId: string, fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: ["orgs", orgId] }),
  });
}
