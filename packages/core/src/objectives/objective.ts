import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidInput, invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import { objectiveFieldNames, type ObjectiveFields } from "../schemas/objectives";

export interface ObjectiveState extends ObjectiveFields {
  id: string;
  orgId: string;
  archivedAt: Date | null;
  version: number;
}

/** The start of the expected path cannot lie after the due date. */
export function assertObjectiveDates(fields: Pick<ObjectiveFields, "startDate" | "dueDate">): void {
  if (fields.startDate > fields.dueDate)
    throw invalidInput("dueDate: must not be before the start date.", {
      issues: [{ path: "dueDate", message: `must not be before the start date ${fields.startDate}` }],
    });
}

export function decideCreateObjective(id: string, fields: ObjectiveFields): PendingEvent {
  assertObjectiveDates(fields);
  return {
    type: "objective.created",
    entityType: "objective",
    entityId: id,
    payload: { title: fields.title, diff: creationDiff(fields, objectiveFieldNames) },
  };
}

export interface ObjectiveLinkChanges {
  added: LinkTarget[];
  removed: LinkTarget[];
}

/** The fields that change (null when none do); links are compared by the caller, which owns their storage. */
export function decideUpdateObjective(
  current: ObjectiveState,
  changes: Partial<ObjectiveFields>,
  expectedVersion: number,
): { changes: Partial<ObjectiveFields>; diff: Record<string, [unknown, unknown]> } | null {
  assertVersion(current, expectedVersion, "This objective");
  if (current.archivedAt) throw invalidState("An archived objective cannot be edited; restore it first.");
  const d = diff(current, changes, objectiveFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof ObjectiveFields]]));
  assertObjectiveDates({ ...current, ...changed });
  return { changes: changed as Partial<ObjectiveFields>, diff: d };
}

export function objectiveUpdatedEvent(
  id: string,
  fieldDiff: Record<string, [unknown, unknown]>,
  links: ObjectiveLinkChanges | null,
): PendingEvent {
  const payload: Record<string, unknown> = { diff: fieldDiff };
  if (links && (links.added.length > 0 || links.removed.length > 0)) payload.links = links;
  return { type: "objective.updated", entityType: "objective", entityId: id, payload };
}

export function decideArchiveObjective(current: ObjectiveState, expectedVersion: number, archive: boolean) {
  assertVersion(current, expectedVersion, "This objective");
  if (archive && current.archivedAt) throw invalidState("This objective is already archived.");
  if (!archive && !current.archivedAt) throw invalidState("This objective is not archived.");
  const event: PendingEvent = {
    type: archive ? "objective.archived" : "objective.restored",
    entityType: "objective",
    entityId: current.id,
    payload: { title: current.title },
  };
  return event;
}

/** Progress is recorded against live objectives only; an entry cannot be dated ahead of tomorrow. */
export function decideRecordProgress(
  current: Pick<ObjectiveState, "id" | "archivedAt">,
  entry: { id: string; value: number; observedAt: Date; source: string },
  now: Date,
): PendingEvent {
  if (current.archivedAt) throw invalidState("An archived objective takes no progress; restore it first.");
  if (entry.observedAt.getTime() > now.getTime() + 24 * 3600 * 1000)
    throw invalidInput("observedAt: must not be in the future.", {
      issues: [{ path: "observedAt", message: "must not be in the future" }],
    });
  return {
    type: "objective.progress_recorded",
    entityType: "objective",
    entityId: current.id,
    payload: {
      progressId: entry.id,
      value: entry.value,
      observedAt: entry.observedAt.toISOString(),
      source: entry.source,
    },
  };
}
