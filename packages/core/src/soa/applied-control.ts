import type { PendingEvent } from "../audit/event-types";
import { creationDiff, diff } from "../audit/diff";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import { appliedControlFieldNames, type AppliedControlFields } from "../schemas/soa";

type Fields = Omit<AppliedControlFields, "links">;

export interface AppliedControlState extends Fields {
  id: string;
  archivedAt: Date | null;
  version: number;
}

export function decideCreateAppliedControl(
  id: string,
  fields: Fields,
  links: { added: LinkTarget[] },
): PendingEvent {
  const payload: Record<string, unknown> = {
    name: fields.name,
    diff: creationDiff(fields, appliedControlFieldNames),
  };
  if (links.added.length > 0) payload.links = { added: links.added, removed: [] };
  return { type: "applied_control.created", entityType: "applied_control", entityId: id, payload };
}

/** Checks the write; returns the changed fields (only those that differ) and their diff. */
export function decideUpdateAppliedControl(
  current: AppliedControlState,
  changes: Partial<Fields>,
  expectedVersion: number,
): { changes: Partial<Fields>; diff: Record<string, [unknown, unknown]> } {
  assertVersion(current, expectedVersion, "This applied control");
  if (current.archivedAt)
    throw invalidState("An archived applied control cannot be edited; restore it first.");
  const d = diff(current, changes, appliedControlFieldNames);
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof Fields]]));
  return { changes: changed as Partial<Fields>, diff: d };
}

/** The update event, or null when neither fields nor links changed (no write, no event). */
export function appliedControlUpdatedEvent(
  current: AppliedControlState,
  fieldDiff: Record<string, [unknown, unknown]>,
  links: { added: LinkTarget[]; removed: LinkTarget[] },
): PendingEvent | null {
  const linksChanged = links.added.length + links.removed.length > 0;
  if (Object.keys(fieldDiff).length === 0 && !linksChanged) return null;
  const payload: Record<string, unknown> = { diff: fieldDiff };
  if (linksChanged) payload.links = links;
  return { type: "applied_control.updated", entityType: "applied_control", entityId: current.id, payload };
}

export function decideArchiveAppliedControl(
  current: AppliedControlState,
  expectedVersion: number,
): PendingEvent {
  assertVersion(current, expectedVersion, "This applied control");
  if (current.archivedAt) throw invalidState("This applied control is already archived.");
  return {
    type: "applied_control.archived",
    entityType: "applied_control",
    entityId: current.id,
    payload: { name: current.name },
  };
}

export function decideRestoreAppliedControl(
  current: AppliedControlState,
  expectedVersion: number,
): PendingEvent {
  assertVersion(current, expectedVersion, "This applied control");
  if (!current.archivedAt) throw invalidState("This applied control is not archived.");
  return {
    type: "applied_control.restored",
    entityType: "applied_control",
    entityId: current.id,
    payload: { name: current.name },
  };
}
