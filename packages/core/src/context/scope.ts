import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { diff } from "../audit/diff";
import { assertFourEyes } from "../shared/four-eyes";
import { invalidInput, invalidState } from "../shared/domain-error";
import { scopeFieldNames, type ScopeFields } from "../schemas/scope";
import { scopeContributors, type ScopeSubject } from "./context-policy";

export interface ScopeVersionState extends ScopeSubject, ScopeFields {
  id: string;
  number: number;
  version: number;
}

const event = (
  type: PendingEvent["type"],
  v: { id: string; number: number },
  payload: Record<string, unknown> = {},
): PendingEvent => ({
  type,
  entityType: "scope_version",
  entityId: v.id,
  payload: { number: v.number, ...payload },
});

const emptyScope: ScopeFields = { statement: "", inclusions: [], exclusions: [], boundaries: "" };

/**
 * A new draft starts from the scope in force (or empty for the first one). There is at most one open version
 * (draft or in review) at a time, so two people never draft competing scopes.
 */
export function decideNewScopeDraft(
  id: string,
  number: number,
  open: { number: number } | null,
  approved: (ScopeFields & { number: number }) | null,
): { fields: ScopeFields; event: PendingEvent } {
  if (open)
    throw invalidState(`Scope version ${open.number} is still open; finish or reject it first.`, {
      openNumber: open.number,
    });
  const fields: ScopeFields = approved
    ? {
        statement: approved.statement,
        inclusions: [...approved.inclusions],
        exclusions: approved.exclusions.map((e) => ({ ...e })),
        boundaries: approved.boundaries,
      }
    : emptyScope;
  return {
    fields,
    event: event("scope_version.created", { id, number }, { copiedFrom: approved?.number ?? null }),
  };
}

/** Only a draft is editable; returns null when nothing changes. */
export function decideEditScopeDraft(
  current: ScopeVersionState,
  changes: Partial<ScopeFields>,
  expectedVersion: number,
): { changes: Partial<ScopeFields>; event: PendingEvent } | null {
  assertVersion(current, expectedVersion, "This scope version");
  if (current.status !== "draft")
    throw invalidState(
      `Scope version ${current.number} is ${current.status.replace("_", " ")}; only a draft can be edited.`,
    );
  const d = diff(current, changes, scopeFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof ScopeFields]]));
  return {
    changes: changed as Partial<ScopeFields>,
    event: event("scope_version.updated", current, { diff: d }),
  };
}

export function decideSubmitScope(current: ScopeVersionState, expectedVersion: number): PendingEvent {
  assertVersion(current, expectedVersion, "This scope version");
  if (current.status !== "draft") throw invalidState(`Scope version ${current.number} is not a draft.`);
  if (current.statement.trim() === "")
    throw invalidInput("A scope needs a statement before it can be submitted.", {
      issues: [{ path: "statement", message: "must not be empty to submit" }],
    });
  return event("scope_version.submitted", current);
}

/**
 * Approval: the version must be in review, and the approver must not have written, edited or submitted it.
 * The scope in force (if any) is superseded in the same step.
 */
export function decideApproveScope(
  current: ScopeVersionState,
  expectedVersion: number,
  approverId: string,
  inForce: { id: string; number: number } | null,
): PendingEvent[] {
  assertVersion(current, expectedVersion, "This scope version");
  if (current.status !== "in_review")
    throw invalidState(`Scope version ${current.number} is not in review; submit it first.`);
  for (const who of scopeContributors(current)) assertFourEyes(who, approverId, "scope version");
  const events = [event("scope_version.approved", current, { supersedes: inForce?.number ?? null })];
  if (inForce) events.push(event("scope_version.superseded", inForce, { by: current.number }));
  return events;
}

/** Sends a version in review back to draft, with the reviewer's note. */
export function decideRejectScope(
  current: ScopeVersionState,
  expectedVersion: number,
  note: string,
): PendingEvent {
  assertVersion(current, expectedVersion, "This scope version");
  if (current.status !== "in_review") throw invalidState(`Scope version ${current.number} is not in review.`);
  return event("scope_version.rejected", current, { note });
}
