import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import { datasetFieldNames, type DatasetFields } from "../schemas/datasets";

/** Datasets share the AI model policy (`aiModelPolicy`): read with `ai_system.read`, write with `ai_system.update`. */
export interface DatasetState extends DatasetFields {
  id: string;
  orgId: string;
  archivedAt: Date | null;
  version: number;
}

export function decideCreateDataset(id: string, fields: DatasetFields): PendingEvent {
  return {
    type: "dataset.created",
    entityType: "dataset",
    entityId: id,
    payload: { name: fields.name, diff: creationDiff(fields, datasetFieldNames) },
  };
}

export function decideUpdateDataset(
  current: DatasetState,
  changes: Partial<DatasetFields>,
  expectedVersion: number,
): { changes: Partial<DatasetFields>; diff: Record<string, [unknown, unknown]> } | null {
  assertVersion(current, expectedVersion, "This dataset");
  if (current.archivedAt) throw invalidState("An archived dataset cannot be edited; restore it first.");
  const d = diff(current, changes, datasetFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof DatasetFields]]));
  return { changes: changed as Partial<DatasetFields>, diff: d };
}

export function datasetUpdatedEvent(
  id: string,
  fieldDiff: Record<string, [unknown, unknown]>,
  links: { added: LinkTarget[]; removed: LinkTarget[] } | null,
): PendingEvent {
  const payload: Record<string, unknown> = { diff: fieldDiff };
  if (links && (links.added.length > 0 || links.removed.length > 0)) payload.links = links;
  return { type: "dataset.updated", entityType: "dataset", entityId: id, payload };
}

export function decideArchiveDataset(
  current: DatasetState,
  expectedVersion: number,
  archive: boolean,
): PendingEvent {
  assertVersion(current, expectedVersion, "This dataset");
  if (archive && current.archivedAt) throw invalidState("This dataset is already archived.");
  if (!archive && !current.archivedAt) throw invalidState("This dataset is not archived.");
  return {
    type: archive ? "dataset.archived" : "dataset.restored",
    entityType: "dataset",
    entityId: current.id,
    payload: { name: current.name },
  };
}
