import { z } from "zod";

/**
 * Links between management-system records: "this evidence demonstrates A.6.2.4 and concerns system X", "this
 * policy addresses 5.2". One generic table holds them all, so readiness and the crosswalks of later issues can
 * ask one question — "what is linked to this?" — whatever the record kinds.
 */
export const linkTargetTypes = [
  "framework_node",
  "ai_system",
  "document",
  "applied_control",
  "soa_entry",
  "evidence",
  "objective",
  "ai_model",
  "dataset",
  "obligation",
  "impact_assessment",
] as const;
export type LinkTargetType = (typeof linkTargetTypes)[number];

export const linkSourceTypes = [
  "document",
  "evidence",
  "objective",
  "applied_control",
  "task",
  "interested_party_requirement",
  "incident",
  "ai_model",
  "dataset",
  "vendor",
  "measurement_run",
  "training_topic",
  "training_record",
  "impact_assessment",
] as const;
export type LinkSourceType = (typeof linkSourceTypes)[number];

/** The default framework for a bare node id such as "A.6.2.4" (CLI `--link A.6.2.4`). */
export const defaultFrameworkId = "iso-iec-42001-2023";

/** A framework node is referenced as `frameworkId:nodeId`, e.g. `iso-iec-42001-2023:A.2.2`. */
export const frameworkNodeRef = (frameworkId: string, nodeId: string): string => `${frameworkId}:${nodeId}`;

/** Splits a node reference; a bare id means the default framework. */
export function parseFrameworkNodeRef(ref: string): { frameworkId: string; nodeId: string } {
  const at = ref.lastIndexOf(":");
  return at < 0
    ? { frameworkId: defaultFrameworkId, nodeId: ref }
    : { frameworkId: ref.slice(0, at), nodeId: ref.slice(at + 1) };
}

export const LinkTarget = z.strictObject({
  type: z.enum(linkTargetTypes),
  /** a record's id; for framework nodes `frameworkId:nodeId` or a bare ISO/IEC 42001 id */
  id: z.string().min(1).max(200),
});
export type LinkTarget = z.infer<typeof LinkTarget>;

export const LinkView = LinkTarget.extend({
  /** a human label: the node's "A.2.2 AI policy", the system's or document's name */
  label: z.string(),
});
export type LinkView = z.infer<typeof LinkView>;

export const linkKey = (t: LinkTarget): string => `${t.type}|${t.id}`;

/** What changes when a record's links are replaced by `next`. */
export function diffLinks(
  current: readonly LinkTarget[],
  next: readonly LinkTarget[],
): { added: LinkTarget[]; removed: LinkTarget[] } {
  const now = new Set(current.map(linkKey));
  const wanted = new Set(next.map(linkKey));
  const seen = new Set<string>();
  const added = next.filter((t) => {
    const k = linkKey(t);
    if (now.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { added, removed: current.filter((t) => !wanted.has(linkKey(t))) };
}
