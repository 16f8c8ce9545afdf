import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { documentsApi, type DocumentActionPath, type DocumentListParams, type DocumentView } from "../../api";

export const documentKeys = {
  all: (orgId: string) => ["orgs", orgId, "documents"] as const,
  list: (orgId: string, params: DocumentListParams) => ["orgs", orgId, "documents", "list", params] as const,
  detail: (orgId: string, id: string) => ["orgs", orgId, "documents", "detail", id] as const,
  diff: (orgId: string, id: string, from: number, to: number) =>
    ["orgs", orgId, "documents", "diff", id, from, to] as const,
  templates: (orgId: string) => ["orgs", orgId, "document-templates"] as const,
};

export function useDocumentList(orgId: string, params: DocumentListParams) {
  return useQuery({
    queryKey: documentKeys.list(orgId, params),
    queryFn: ({ signal }) => documentsApi.list(orgId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(orgId: string, id: string) {
  return useQuery({
    queryKey: documentKeys.detail(orgId, id),
    queryFn: ({ signal }) => documentsApi.get(orgId, id, signal),
  });
}

export function useDocumentDiff(orgId: string, id: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.diff(orgId, id, from, to),
    queryFn: ({ signal }) => documentsApi.diff(orgId, id, from, to, signal),
    enabled,
  });
}

export function useDocumentTemplates(orgId: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.templates(orgId),
    queryFn: ({ signal }) => documentsApi.templates(orgId, signal),
    staleTime: Infinity,
    enabled,
  });
}

/** After any write: the detail gets the fresh view; lists, diffs, the dashboard and the trail refetch. */
export function useAfterDocumentWrite(orgId: string) {
  const queryClient = useQueryClient();
  return async (doc: DocumentView) => {
    queryClient.setQueryData(documentKeys.detail(orgId, doc.id), doc);
    await queryClient.invalidateQueries({
      predicate: (q) => {
        const [a, b, c, kind] = q.queryKey;
        return (
          a === "orgs" &&
          b === orgId &&
          c !== "document-templates" &&
          !(c === "documents" && kind === "detail")
        );
      },
    });
  };
}

export function useDocumentAction(orgId: string) {
  const after = useAfterDocumentWrite(orgId);
  return useMutation({
    mutationFn: (v: { doc: DocumentView; action: DocumentActionPath; comment?: string }) =>
      documentsApi.act(orgId, v.doc.id, v.action, {
        version: v.doc.version,
        ...(v.comment ? { comment: v.comment } : {}),
      }),
    onSuccess: after,
  });
}
