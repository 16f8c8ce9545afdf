import { diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidState } from "../shared/domain-error";
import type { LinkTarget, LinkTargetType } from "../shared/links";

/** Evidence is a stored file or a link to where the proof lives (a ticket, a dashboard, a repository). */
export const evidenceKinds = ["file", "link"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * What evidence can demonstrate or concern: framework nodes, SoA entries, applied controls, AI systems, documents
 * and the EU AI Act obligations tracked for a system (`obligation` = an `ai_system_obligations` row id).
 */
export const evidenceLinkTargetTypes = [
  "framework_node",
  "soa_entry",
  "applied_control",
  "ai_system",
  "document",
  "obligation",
] as const satisfies readonly LinkTargetType[];

/**
 * How the item was added, set by the server from the request, never sent by the client as a field:
 * `manual` = a signed-in person (web UI), `cli` = the `aims` command (it sends `X-OpenAIMS-Client: cli`),
 * `api` = any other API-token call (pipelines, integrations).
 */
export const evidenceSources = ["manual", "cli", "api"] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

/**
 * `stale` once `validUntil` has passed; `expiring_soon` within `EXPIRING_SOON_DAYS` of it; otherwise `current`
 * (also when there is no `validUntil`). Readiness counts evidence as current when it is not archived and not
 * stale, i.e. `valid_until IS NULL OR valid_until >= current_date`.
 */
export const evidenceFreshnessValues = ["current", "expiring_soon", "stale"] as const;
export type EvidenceFreshness = (typeof evidenceFreshnessValues)[number];
export const EXPIRING_SOON_DAYS = 30;

/** `YYYY-MM-DD` of an instant, in UTC: the calendar the server uses for validity dates. */
export const evidenceDayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The day `days` after `day` (`YYYY-MM-DD`). */
export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return evidenceDayOf(d);
}

/** Freshness of an item on `today` (both `YYYY-MM-DD`); valid on its last day, stale the day after. */
export function evidenceFreshness(validUntil: string | null, today: string): EvidenceFreshness {
  if (validUntil === null) return "current";
  if (validUntil < today) return "stale";
  if (validUntil <= shiftDay(today, EXPIRING_SOON_DAYS)) return "expiring_soon";
  return "current";
}

/** The metadata fields people edit after adding an item; the file itself never changes (add a new item). */
export interface EvidenceMetadata {
  title: string;
  description: string;
  url: string | null;
  collectedAt: Date;
  validUntil: string | null;
}
export const evidenceMetadataFields = ["title", "description", "url", "collectedAt", "validUntil"] as const;

export interface EvidenceState extends EvidenceMetadata {
  id: string;
  kind: EvidenceKind;
  sha256: string | null;
  archivedAt: Date | null;
  version: number;
}

/** What an `evidence.added` event records: the metadata and, for files, the hash, never the content. */
export interface AddedEvidence {
  kind: EvidenceKind;
  title: string;
  url: string | null;
  source: EvidenceSource;
  validUntil: string | null;
  file: { sha256: string; size: number; mediaType: string; filename: string | null } | null;
  links: LinkTarget[];
}

export function decideAddEvidence(id: string, added: AddedEvidence): PendingEvent {
  return {
    type: "evidence.added",
    entityType: "evidence",
    entityId: id,
    payload: {
      kind: added.kind,
      title: added.title,
      source: added.source,
      validUntil: added.validUntil,
      ...(added.url !== null ? { url: added.url } : {}),
      ...(added.file ?? {}),
      links: added.links,
    },
  };
}

const assertLive = (current: EvidenceState, what: string) => {
  if (current.archivedAt) throw invalidState(`Archived evidence cannot be ${what}; restore it first.`);
};

/** Only the fields sent are compared; null when nothing changed. A file item has no URL. */
export function decideUpdateEvidence(
  current: EvidenceState,
  changes: Partial<EvidenceMetadata>,
  expectedVersion: number,
): { changes: Partial<EvidenceMetadata>; event: PendingEvent } | null {
  assertVersion(current, expectedVersion, "This evidence");
  assertLive(current, "edited");
  if (current.kind === "file" && changes.url != null)
    throw invalidState("A file has no URL; add a link as its own evidence item.");
  if (current.kind === "link" && changes.url === null)
    throw invalidState("A link needs its URL; archive the item instead.");
  const d = diff(current as unknown as Record<string, unknown>, changes, [...evidenceMetadataFields]);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof EvidenceMetadata]]));
  return {
    changes: changed as Partial<EvidenceMetadata>,
    event: {
      type: "evidence.updated",
      entityType: "evidence",
      entityId: current.id,
      payload: { diff: d, ...(current.sha256 ? { sha256: current.sha256 } : {}) },
    },
  };
}

export function decideLinkEvidence(
  current: EvidenceState,
  expectedVersion: number,
  change: { added: LinkTarget[]; removed: LinkTarget[] },
): PendingEvent | null {
  assertVersion(current, expectedVersion, "This evidence");
  assertLive(current, "linked");
  if (change.added.length === 0 && change.removed.length === 0) return null;
  return {
    type: "evidence.linked",
    entityType: "evidence",
    entityId: current.id,
    payload: { title: current.title, added: change.added, removed: change.removed },
  };
}

export function decideArchiveEvidence(current: EvidenceState, expectedVersion: number): PendingEvent {
  assertVersion(current, expectedVersion, "This evidence");
  if (current.archivedAt) throw invalidState("This evidence is already archived.");
  return {
    type: "evidence.archived",
    entityType: "evidence",
    entityId: current.id,
    payload: { title: current.title },
  };
}

export function decideRestoreEvidence(current: EvidenceState, expectedVersion: number): PendingEvent {
  assertVersion(current, expectedVersion, "This evidence");
  if (!current.archivedAt) throw invalidState("This evidence is not archived.");
  return {
    type: "evidence.restored",
    entityType: "evidence",
    entityId: current.id,
    payload: { title: current.title },
  };
}

/**
 * Evidence that an approved SoA version froze a reference to is part of what was approved: it may be archived,
 * never deleted. `approvedSoaVersions` are the numbers of those versions.
 */
export function decideDeleteEvidence(
  current: EvidenceState,
  approvedSoaVersions: readonly number[],
): PendingEvent {
  if (approvedSoaVersions.length > 0) {
    const list = approvedSoaVersions.join(", ");
    const label = approvedSoaVersions.length === 1 ? "version" : "versions";
    throw invalidState(
      `This evidence is referenced by approved SoA ${label} ${list}; it cannot be deleted, only archived.`,
      { soaVersions: [...approvedSoaVersions] },
    );
  }
  return {
    type: "evidence.deleted",
    entityType: "evidence",
    entityId: current.id,
    payload: {
      title: current.title,
      kind: current.kind,
      ...(current.sha256 ? { sha256: current.sha256 } : {}),
      ...(current.url ? { url: current.url } : {}),
    },
  };
}
