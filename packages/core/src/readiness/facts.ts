import type { DocumentKind } from "../documents/workflow";
import type { ImplementationStatus } from "../soa/vocabulary";
import type { RecordCountKey } from "./rules";

/**
 * Everything readiness needs to know about one organization, loaded by a fixed number of aggregate queries
 * (app `loadReadinessFacts`). Dates are `YYYY-MM-DD`; the evaluator compares them with `today`, so the same
 * facts give the same answer on the same day.
 */
export interface ReadinessFacts {
  /** Documents with their current published version (if any) and the framework nodes they are linked to. */
  documents: DocumentFact[];
  /** The latest approved AIMS scope version; `undefined` when the scope area is not available. */
  scope?: { approved: { version: number; approvedOn: string } | null };
  soa?: SoaFacts;
  counts: Partial<Record<RecordCountKey, number>>;
  /** Current evidence per framework node id (bare, e.g. "A.6.2.4") or per own-control SoA entry key. */
  evidence?: Record<string, EvidenceFact>;
  /** every evidence item of the organization that is not archived (for the stale-evidence signal) */
  evidenceAll?: EvidenceFact;
}

export interface DocumentFact {
  id: string;
  title: string;
  kind: DocumentKind | string;
  templateKey: string | null;
  /** bare ids of the framework nodes the document is linked to */
  nodes: string[];
  published: { version: number; publishedOn: string | null } | null;
  nextReviewOn: string | null;
}

export interface SoaFacts {
  /** the latest approved SoA version */
  approved: { number: number; approvedOn: string } | null;
  entries: SoaEntryFact[];
}

export interface SoaEntryFact {
  /** the Annex A control id ("A.2.2"), or null for one of the organization's own controls */
  controlId: string | null;
  /** what the entry is called in messages: "A.2.2" or the own control's name */
  label: string;
  /** the key of this entry's evidence in `ReadinessFacts.evidence` */
  evidenceKey: string;
  /** null while not yet decided */
  applicable: boolean | null;
  justification: string;
  implementationStatus: ImplementationStatus | string;
  hasOwner: boolean;
  /** edited after the latest approved version was approved */
  changedSinceApproval: boolean;
}

/**
 * Evidence linked to one subject, not archived: items without an end date, and items per valid-until day. The
 * loader may fold the days relative to the day it loads for (current items under their earliest day, expired
 * ones under their latest), which gives the same answer for that day.
 */
export interface EvidenceFact {
  undated: number;
  validUntil: Record<string, number>;
}

export const emptyReadinessFacts = (): ReadinessFacts => ({ documents: [], counts: {} });
