import { useQuery } from "@tanstack/react-query";
import { frameworksApi } from "../../api";

// Catalogues change only with a release, so they stay fresh for the whole visit.
const CATALOGUE_STALE_MS = Infinity;

export const frameworkKeys = {
  list: () => ["frameworks"] as const,
  detail: (frameworkId: string) => ["frameworks", frameworkId] as const,
};

export function useFrameworks() {
  return useQuery({
    queryKey: frameworkKeys.list(),
    queryFn: ({ signal }) => frameworksApi.list(signal),
    staleTime: CATALOGUE_STALE_MS,
  });
}

export function useFramework(frameworkId: string | undefined) {
  return useQuery({
    queryKey: frameworkKeys.detail(frameworkId ?? ""),
    queryFn: ({ signal }) => frameworksApi.get(frameworkId!, signal),
    staleTime: CATALOGUE_STALE_MS,
    enabled: !!frameworkId,
  });
}
