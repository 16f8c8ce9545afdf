import { documentKinds, documentStatusFilters, reviewStatuses } from "@openaims/core";

/** The list's filters live in the URL, so the dashboard can link to "overdue reviews". */
export interface DocumentListSearch {
  q?: string;
  kind?: (typeof documentKinds)[number];
  status?: (typeof documentStatusFilters)[number];
  review?: (typeof reviewStatuses)[number];
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function parseDocumentListSearch(s: Record<string, unknown>): DocumentListSearch {
  return {
    q: typeof s.q === "string" && s.q.trim() ? s.q : undefined,
    kind: oneOf(documentKinds, s.kind),
    status: oneOf(documentStatusFilters, s.status),
    review: oneOf(reviewStatuses, s.review),
  };
}
