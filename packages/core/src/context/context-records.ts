import type { EntityType, PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import { invalidState } from "../shared/domain-error";

type Fields = Record<string, unknown>;

/** The created event of a context record, with its initial state as a diff from nothing. */
export function decideCreateRecord<T extends Fields>(
  entityType: Extract<
    EntityType,
    "context_issue" | "interested_party" | "interested_party_requirement" | "raci_activity"
  >,
  id: string,
  fields: T,
  names: readonly (keyof T & string)[],
  context: Record<string, unknown> = {},
): PendingEvent {
  return {
    type: `${entityType}.created` as PendingEvent["type"],
    entityType,
    entityId: id,
    payload: { ...context, diff: creationDiff(fields, names) },
  };
}

/**
 * A partial update of a context record: checks the version read and that it is not archived; returns the
 * changed fields and their event, or null when nothing differs (no write, no event).
 */
export function decideUpdateRecord<T extends Fields>(
  entityType: Extract<
    EntityType,
    "context_issue" | "interested_party" | "interested_party_requirement" | "raci_activity"
  >,
  current: T & { id: string; version: number; archivedAt?: Date | null },
  changes: Partial<T>,
  expectedVersion: number,
  names: readonly (keyof T & string)[],
  what: string,
  context: Record<string, unknown> = {},
): { changes: Partial<T>; event: PendingEvent } | null {
  assertVersion(current, expectedVersion, what);
  if (current.archivedAt) throw invalidState(`${what} is archived; restore it first.`);
  const d = diff(current, changes, names);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof T]])) as Partial<T>;
  return {
    changes: changed,
    event: {
      type: `${entityType}.updated` as PendingEvent["type"],
      entityType,
      entityId: current.id,
      payload: { ...context, diff: d },
    },
  };
}

export function decideArchiveIssue(
  current: { id: string; title: string; version: number; archivedAt: Date | null },
  expectedVersion: number,
  archive: boolean,
): PendingEvent {
  assertVersion(current, expectedVersion, "This issue");
  if (archive && current.archivedAt) throw invalidState("This issue is already archived.");
  if (!archive && !current.archivedAt) throw invalidState("This issue is not archived.");
  return {
    type: archive ? "context_issue.archived" : "context_issue.restored",
    entityType: "context_issue",
    entityId: current.id,
    payload: { title: current.title },
  };
}

/** An issue needs looking at when it has no review date or the date has passed (`today` as YYYY-MM-DD). */
export const issueReviewDue = (reviewDate: string | null, today: string): boolean =>
  reviewDate === null || reviewDate < today;
