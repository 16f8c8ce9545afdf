import type {
  CreateEvidenceLinkInput,
  EvidenceDetailView,
  EvidenceListQueryInput,
  EvidencePage,
  EvidenceView,
  LinkTarget,
  UpdateEvidenceInput,
} from "@openaims/core";
import { archiveEndpoints, buildUrl, orgPath, request } from "./client";

export type { EvidenceDetailView, EvidencePage, EvidenceView };
export type EvidenceListParams = Omit<EvidenceListQueryInput, "limit"> & { limit?: number };

export interface UploadEvidenceMetadata {
  title?: string;
  description?: string;
  validUntil?: string;
  collectedAt?: string;
  links: LinkTarget[];
}

export const evidenceApi = {
  list: (orgId: string, params: EvidenceListParams, signal?: AbortSignal) =>
    request<EvidencePage>("GET", orgPath(orgId, "evidence"), { query: { ...params }, signal }),
  get: (orgId: string, id: string, signal?: AbortSignal) =>
    request<EvidenceDetailView>("GET", orgPath(orgId, "evidence", id), { signal }),
  createLink: (orgId: string, body: CreateEvidenceLinkInput) =>
    request<EvidenceDetailView>("POST", orgPath(orgId, "evidence"), { body }),
  /** The file goes as the raw body; metadata and repeated `link=type:id` go in the query string. */
  upload: (orgId: string, file: File, meta: UploadEvidenceMetadata) => {
    const params = new URLSearchParams({ filename: file.name });
    for (const [k, v] of Object.entries(meta)) if (typeof v === "string" && v) params.set(k, v);
    for (const l of meta.links) params.append("link", `${l.type}:${l.id}`);
    return request<EvidenceDetailView>("POST", `${orgPath(orgId, "evidence", "upload")}?${params}`, {
      body: file,
    });
  },
  update: (orgId: string, id: string, body: UpdateEvidenceInput) =>
    request<EvidenceDetailView>("PATCH", orgPath(orgId, "evidence", id), { body }),
  setLinks: (orgId: string, id: string, links: LinkTarget[], version: number) =>
    request<EvidenceDetailView>("PUT", orgPath(orgId, "evidence", id, "links"), { body: { links, version } }),
  ...archiveEndpoints<EvidenceDetailView>("evidence"),
  remove: (orgId: string, id: string) => request<void>("DELETE", orgPath(orgId, "evidence", id)),
  /** A plain link: the browser downloads it with the session cookie (the server always sends an attachment). */
  contentUrl: (orgId: string, id: string) => buildUrl(orgPath(orgId, "evidence", id, "content")),
};
