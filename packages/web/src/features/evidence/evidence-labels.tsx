import type { EvidenceFreshness, EvidenceSource } from "@openaims/core";
import { Badge } from "../../components/badge";

export const freshnessLabels: Record<EvidenceFreshness, string> = {
  current: "Current",
  expiring_soon: "Expiring soon",
  stale: "Stale",
};

export const sourceLabels: Record<EvidenceSource, string> = {
  manual: "Added in the web app",
  cli: "Added with the aims CLI",
  api: "Added through the API",
};

export function FreshnessBadge({
  freshness,
  validUntil,
}: {
  freshness: EvidenceFreshness;
  validUntil: string | null;
}) {
  const tone = freshness === "stale" ? "red" : freshness === "expiring_soon" ? "amber" : "green";
  return (
    <Badge tone={tone}>
      {freshnessLabels[freshness]}
      {validUntil && <span className="sr-only"> (valid until {validUntil})</span>}
    </Badge>
  );
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
