import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import type { Permission } from "@openaims/core";
import { authApi, rememberCsrfToken, type Me, type MeMembership } from "../../api";

export const meQueryKey = ["me"] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<Me> => {
    const me = await authApi.me(signal);
    rememberCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 60_000,
  retry: false,
});

export const loadMe = (queryClient: QueryClient) => queryClient.ensureQueryData(meQueryOptions);

export function useMe(): Me | undefined {
  return useQuery(meQueryOptions).data;
}

export function useMembership(orgId: string): MeMembership | undefined {
  return useMe()?.memberships.find((m) => m.orgId === orgId);
}

/** What the caller's role allows in this org; the server still decides, this only hides what would fail. */
export function useCan(orgId: string): (permission: Permission) => boolean {
  const membership = useMembership(orgId);
  return (permission) => Boolean(membership?.permissions.includes(permission));
}
