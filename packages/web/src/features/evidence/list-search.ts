import { evidenceFreshnessValues, evidenceKinds } from "@openaims/core";

/** The list's filters live in the URL, so the dashboard can link to "stale evidence". */
export interface EvidenceListSearch {
  q?: string;
  freshness?: (typeof evidenceFreshnessValues)[number];
  kind?: (typeof evidenceKinds)[number];
  frameworkNode?: string;
  aiSystemId?: string;
  archived?: "true" | "all";
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export function parseEvidenceListSearch(s: Record<string, unknown>): EvidenceListSearch {
  return {
    q: text(s.q),
    freshness: oneOf(evidenceFreshnessValues, s.freshness),
    kind: oneOf(evidenceKinds, s.kind),
    frameworkNode: text(s.frameworkNode),
    aiSystemId: text(s.aiSystemId),
    archived: oneOf(["true", "all"] as const, s.archived),
  };
}
