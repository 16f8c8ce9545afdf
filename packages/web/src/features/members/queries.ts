import { useQuery } from "@tanstack/react-query";
import { MAX_PAGE_SIZE } from "@openaims/core";
import { invitationsApi, membersApi, rolesApi } from "../../api";

export const memberKeys = {
  all: (orgId: string) => ["orgs", orgId, "members"] as const,
  page: (orgId: string, params: Record<string, unknown>) =>
    ["orgs", orgId, "members", "page", params] as const,
  directory: (orgId: string) => ["orgs", orgId, "members", "directory"] as const,
  invitations: (orgId: string) => ["orgs", orgId, "invitations"] as const,
  roles: (orgId: string) => ["orgs", orgId, "roles"] as const,
};

/**
 * The first page of members at the maximum page size, for pickers and name lookups
 * (owner select, actor filter). Large orgs would need a search-as-you-type picker.
 */
export function useMemberDirectory(orgId: string, enabled = true) {
  return useQuery({
    queryKey: memberKeys.directory(orgId),
    queryFn: ({ signal }) => membersApi.list(orgId, { limit: MAX_PAGE_SIZE }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useRoles(orgId: string, enabled = true) {
  return useQuery({
    queryKey: memberKeys.roles(orgId),
    queryFn: ({ signal }) => rolesApi.list(orgId, signal),
    enabled,
  });
}

export function useInvitations(orgId: string, enabled = true) {
  return useQuery({
    queryKey: memberKeys.invitations(orgId),
    queryFn: () => invitationsApi.list(orgId, { limit: MAX_PAGE_SIZE }),
    enabled,
  });
}
