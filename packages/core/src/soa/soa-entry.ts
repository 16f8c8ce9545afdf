import type { PendingEvent } from "../audit/event-types";
import { diff } from "../audit/diff";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidInput } from "../shared/domain-error";
import type { FieldIssue } from "../shared/zod-issues";
import { diffLinks } from "../shared/links";
import type { ImplementationStatus } from "./vocabulary";

/** The editable facts of one SoA entry. */
export type SoaEntryFields = {
  applicable: boolean | null;
  justification: string;
  implementationStatus: ImplementationStatus;
  ownerId: string | null;
  notes: string;
};
export const soaEntryFieldNames = [
  "applicable",
  "justification",
  "implementationStatus",
  "ownerId",
  "notes",
] as const satisfies readonly (keyof SoaEntryFields)[];

export type SoaEntryState = SoaEntryFields & {
  /** null for an entry nobody has edited yet (no row) */
  entryId: string | null;
  controlId: string;
  kind: "annex_a" | "additional";
  /** applied controls linked to the control (Annex A entries) */
  appliedControlIds: string[];
  /** 0 when there is no row yet */
  version: number;
};

export type SoaEntryChanges = Partial<SoaEntryFields> & { appliedControlIds?: string[] };

/** The state of a control nobody has decided on. */
export const undecidedSoaEntry: SoaEntryFields = {
  applicable: null,
  justification: "",
  implementationStatus: "not_started",
  ownerId: null,
  notes: "",
};

/**
 * The SoA's two consistency rules:
 * - once applicability is decided, either way, the entry needs a justification;
 * - the status is `not_applicable` exactly when the control is marked not applicable.
 */
export function soaEntryIssues(e: SoaEntryFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.applicable !== null && e.justification.trim() === "")
    issues.push({
      path: "justification",
      message: e.applicable
        ? "is required: say why the control applies"
        : "is required: say why the control does not apply",
    });
  if (e.applicable === false && e.implementationStatus !== "not_applicable")
    issues.push({
      path: "implementationStatus",
      message: "must be not_applicable for a control marked not applicable",
    });
  if (e.applicable !== false && e.implementationStatus === "not_applicable")
    issues.push({
      path: "implementationStatus",
      message: "not_applicable is only for controls marked not applicable (applicable: false)",
    });
  return issues;
}

/**
 * Applies `changes` to an entry. When applicability changes and no status is sent, the status follows:
 * not applicable → `not_applicable`; back to applicable/undecided from `not_applicable` → `not_started`.
 * Returns null when nothing changes.
 */
export function decideUpdateSoaEntry(
  current: SoaEntryState,
  changes: SoaEntryChanges,
  expectedVersion: number,
  entryId: string,
): {
  fields: SoaEntryFields;
  appliedControls: { added: string[]; removed: string[] };
  event: PendingEvent;
} | null {
  assertVersion(current, expectedVersion, `The SoA entry ${current.controlId}`);
  if (current.kind === "additional" && changes.appliedControlIds !== undefined)
    throw invalidInput("An additional control is itself the applied control; it links no others.", {
      issues: [{ path: "appliedControlIds", message: "is only for Annex A controls" }],
    });
  const next: SoaEntryFields = {
    applicable: changes.applicable !== undefined ? changes.applicable : current.applicable,
    justification: changes.justification ?? current.justification,
    implementationStatus: changes.implementationStatus ?? current.implementationStatus,
    ownerId: changes.ownerId !== undefined ? changes.ownerId : current.ownerId,
    notes: changes.notes ?? current.notes,
  };
  if (changes.implementationStatus === undefined && next.applicable !== current.applicable) {
    if (next.applicable === false) next.implementationStatus = "not_applicable";
    else if (next.implementationStatus === "not_applicable") next.implementationStatus = "not_started";
  }
  const issues = soaEntryIssues(next);
  if (issues.length > 0)
    throw invalidInput(`${current.controlId}: ${issues[0]!.path} ${issues[0]!.message}.`, { issues });

  const fieldDiff = diff(current, next, soaEntryFieldNames);
  const links = changes.appliedControlIds
    ? diffLinks(
        current.appliedControlIds.map((id) => ({ type: "applied_control" as const, id })),
        changes.appliedControlIds.map((id) => ({ type: "applied_control" as const, id })),
      )
    : { added: [], removed: [] };
  const appliedControls = { added: links.added.map((l) => l.id), removed: links.removed.map((l) => l.id) };
  if (
    Object.keys(fieldDiff).length === 0 &&
    appliedControls.added.length + appliedControls.removed.length === 0
  )
    return null;
  const payload: Record<string, unknown> = { controlId: current.controlId, diff: fieldDiff };
  if (appliedControls.added.length + appliedControls.removed.length > 0)
    payload.appliedControls = appliedControls;
  return {
    fields: next,
    appliedControls,
    event: { type: "soa_entry.updated", entityType: "soa_entry", entityId: entryId, payload },
  };
}
