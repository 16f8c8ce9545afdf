import type {
  AuditEventView,
  CreateDocumentFromTemplateInput,
  CreateDocumentInput,
  DocumentDiffView,
  DocumentPage,
  DocumentSummaryView,
  DocumentTemplateList,
  DocumentTemplateView,
  DocumentVersionView,
  DocumentView,
  EditDraftInput,
  UpdateDocumentInput,
} from "@openaims/core";
import { api, orgPath } from "./client";
import type { Page } from "./types";

export type {
  CreateDocumentInput,
  DocumentDiffView,
  DocumentPage,
  DocumentSummaryView,
  DocumentTemplateView,
  DocumentVersionView,
  DocumentView,
};

export interface DocumentListParams {
  q?: string;
  kind?: string;
  status?: string;
  review?: string;
  limit?: number;
  cursor?: string;
}

/** The workflow steps, by their URL segment. */
export type DocumentActionPath =
  "submit" | "approve" | "reject" | "publish" | "retire" | "new-draft" | "mark-reviewed";

export const documentsApi = {
  list: (orgId: string, params: DocumentListParams, signal?: AbortSignal) =>
    api.get<DocumentPage>(orgPath(orgId, "documents"), { ...params }, signal),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    api.get<DocumentView>(orgPath(orgId, "documents", id), undefined, signal),
  create: (orgId: string, body: CreateDocumentInput) =>
    api.post<DocumentView>(orgPath(orgId, "documents"), body),
  fromTemplate: (orgId: string, body: CreateDocumentFromTemplateInput) =>
    api.post<DocumentView>(orgPath(orgId, "documents", "from-template"), body),
  templates: (orgId: string, signal?: AbortSignal) =>
    api.get<DocumentTemplateList>(orgPath(orgId, "document-templates"), undefined, signal),
  update: (orgId: string, id: string, body: UpdateDocumentInput) =>
    api.patch<DocumentView>(orgPath(orgId, "documents", id), body),
  editDraft: (orgId: string, id: string, number: number, body: EditDraftInput) =>
    api.patch<DocumentView>(orgPath(orgId, "documents", id, "versions", String(number)), body),
  version: (orgId: string, id: string, number: number, signal?: AbortSignal) =>
    api.get<DocumentVersionView>(
      orgPath(orgId, "documents", id, "versions", String(number)),
      undefined,
      signal,
    ),
  act: (orgId: string, id: string, action: DocumentActionPath, body: { version: number; comment?: string }) =>
    api.post<DocumentView>(orgPath(orgId, "documents", id, action), body),
  diff: (orgId: string, id: string, from: number, to: number, signal?: AbortSignal) =>
    api.get<DocumentDiffView>(orgPath(orgId, "documents", id, "diff"), { from, to }, signal),
  history: (
    orgId: string,
    id: string,
    query: { limit?: number; cursor?: string } = {},
    signal?: AbortSignal,
  ) => api.get<Page<AuditEventView>>(orgPath(orgId, "documents", id, "history"), query, signal),
};
