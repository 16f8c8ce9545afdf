import { diff, creationDiff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { conflict, invalidState } from "../shared/domain-error";
import { aiSystemFieldNames, type AiSystemFields } from "../schemas/ai-systems";

export interface AiSystemState extends AiSystemFields {
  id: string;
  orgId: string;
  archivedAt: Date | null;
  version: number;
}

/** Optimistic concurrency: a write must name the version it read. */
export function assertVersion(current: { version: number }, expected: number, what = "This record"): void {
  if (current.version !== expected) {
    throw conflict(
      `${what} was changed by someone else (now version ${current.version}, you sent ${expected}). Reload and try again.`,
      {
        currentVersion: current.version,
      },
    );
  }
}

export function decideCreateAiSystem(id: string, fields: AiSystemFields): PendingEvent {
  return {
    type: "ai_system.created",
    entityType: "ai_system",
    entityId: id,
    payload: { name: fields.name, diff: creationDiff(fields, aiSystemFieldNames) },
  };
}

/** Returns the changes to persist (null when nothing changed) and the event that records them. */
export function decideUpdateAiSystem(
  current: AiSystemState,
  changes: Partial<AiSystemFields>,
  expectedVersion: number,
): { changes: Partial<AiSystemFields>; event: PendingEvent } | null {
  assertVersion(current, expectedVersion, "This AI system");
  if (current.archivedAt) throw invalidState("An archived AI system cannot be edited; restore it first.");
  const d = diff(current, changes, aiSystemFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof AiSystemFields]]));
  return {
    changes: changed as Partial<AiSystemFields>,
    event: { type: "ai_system.updated", entityType: "ai_system", entityId: current.id, payload: { diff: d } },
  };
}

export function decideArchiveAiSystem(current: AiSystemState, expectedVersion: number): PendingEvent {
  assertVersion(current, expectedVersion, "This AI system");
  if (current.archivedAt) throw invalidState("This AI system is already archived.");
  return {
    type: "ai_system.archived",
    entityType: "ai_system",
    entityId: current.id,
    payload: { name: current.name },
  };
}

export function decideRestoreAiSystem(current: AiSystemState, expectedVersion: number): PendingEvent {
  assertVersion(current, expectedVersion, "This AI system");
  if (!current.archivedAt) throw invalidState("This AI system is not archived.");
  return {
    type: "ai_system.restored",
    entityType: "ai_system",
    entityId: current.id,
    payload: { name: current.name },
  };
}
