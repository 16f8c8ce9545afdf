import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contextApi, isApiError, raciApi, scopeApi } from "../../api";

export const scopeContextKeys = {
  all: (orgId: string) => ["orgs", orgId, "scope-context"] as const,
  issues: (orgId: string, archived: string) => [...scopeContextKeys.all(orgId), "issues", archived] as const,
  parties: (orgId: string) => [...scopeContextKeys.all(orgId), "parties"] as const,
  roles: (orgId: string) => [...scopeContextKeys.all(orgId), "ai-roles"] as const,
  scope: (orgId: string) => [...scopeContextKeys.all(orgId), "scope"] as const,
  versions: (orgId: string) => [...scopeContextKeys.all(orgId), "scope-versions"] as const,
  diff: (orgId: string, n: number) => [...scopeContextKeys.all(orgId), "scope-diff", n] as const,
  raci: (orgId: string) => ["orgs", orgId, "raci"] as const,
};

/** Issues or parties shown on one page; "Next" fetches the following page with the server's cursor. */
const PAGE = 100;

export const useIssues = (orgId: string, archived: "false" | "true", cursor: string | undefined) =>
  useQuery({
    queryKey: [...scopeContextKeys.issues(orgId, archived), cursor ?? ""],
    queryFn: ({ signal }) => contextApi.issues(orgId, { archived, limit: PAGE, cursor }, signal),
  });
export const useParties = (orgId: string, cursor: string | undefined) =>
  useQuery({
    queryKey: [...scopeContextKeys.parties(orgId), cursor ?? ""],
    queryFn: ({ signal }) => contextApi.parties(orgId, { limit: PAGE, cursor }, signal),
  });
export const useAiRoles = (orgId: string) =>
  useQuery({
    queryKey: scopeContextKeys.roles(orgId),
    queryFn: ({ signal }) => contextApi.aiRoles(orgId, signal),
  });
export const useScope = (orgId: string) =>
  useQuery({ queryKey: scopeContextKeys.scope(orgId), queryFn: ({ signal }) => scopeApi.get(orgId, signal) });
export const useScopeVersions = (orgId: string) =>
  useQuery({
    queryKey: scopeContextKeys.versions(orgId),
    queryFn: ({ signal }) => scopeApi.versions(orgId, { limit: 50 }, signal),
  });
export const useScopeDiff = (orgId: string, n: number | null) =>
  useQuery({
    queryKey: scopeContextKeys.diff(orgId, n ?? 0),
    queryFn: ({ signal }) => scopeApi.diff(orgId, n!, signal),
    enabled: n !== null,
  });
export const useRaci = (orgId: string) =>
  useQuery({ queryKey: scopeContextKeys.raci(orgId), queryFn: ({ signal }) => raciApi.get(orgId, signal) });

/** A mutation that refreshes this area's queries when it settles. */
export function useContextMutation<A, R>(orgId: string, fn: (args: A) => Promise<R>, raci = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      qc.invalidateQueries({ queryKey: raci ? scopeContextKeys.raci(orgId) : scopeContextKeys.all(orgId) }),
  });
}

/** The server's messages for one field (`path` exactly, or below it). */
export function fieldErrors(error: unknown, path: string): string[] | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.issues
    .filter((i) => i.path === path || i.path.startsWith(`${path}.`))
    .map((i) => i.message);
  return found.length ? found : undefined;
}
