import { can } from "../access/actor";
import { definePolicy } from "../access/policy";
import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { invalidState } from "../shared/domain-error";
import type { LinkTarget } from "../shared/links";
import { aiModelFieldNames, type AiModelFields, type ComponentAttention } from "../schemas/ai-models";

/**
 * Components belong to the AI inventory: whoever sees the AI system register sees them (`ai_system.read`), and
 * whoever may edit AI systems may record their components (`ai_system.update`). Writing to an archived model is
 * 409, not 403, so the archived state is not folded in.
 */
export const aiModelPolicy = definePolicy<{ archivedAt: Date | string | null }>()("ai_model", {
  read: (a) => can(a, "ai_system.read"),
  create: (a) => can(a, "ai_system.update"),
  update: (a) => can(a, "ai_system.update"),
  archive: (a) => can(a, "ai_system.update"),
  restore: (a) => can(a, "ai_system.update"),
});

export interface AiModelState extends AiModelFields {
  id: string;
  orgId: string;
  archivedAt: Date | null;
  version: number;
}

export function decideCreateAiModel(id: string, fields: AiModelFields): PendingEvent {
  return {
    type: "ai_model.created",
    entityType: "ai_model",
    entityId: id,
    payload: { name: fields.name, diff: creationDiff(fields, aiModelFieldNames) },
  };
}

/** The fields that change (null when none do); links are compared by the caller, which owns their storage. */
export function decideUpdateAiModel(
  current: AiModelState,
  changes: Partial<AiModelFields>,
  expectedVersion: number,
): { changes: Partial<AiModelFields>; diff: Record<string, [unknown, unknown]> } | null {
  assertVersion(current, expectedVersion, "This model");
  if (current.archivedAt) throw invalidState("An archived model cannot be edited; restore it first.");
  const d = diff(current, changes, aiModelFieldNames);
  if (Object.keys(d).length === 0) return null;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof AiModelFields]]));
  return { changes: changed as Partial<AiModelFields>, diff: d };
}

export function aiModelUpdatedEvent(
  id: string,
  fieldDiff: Record<string, [unknown, unknown]>,
  links: { added: LinkTarget[]; removed: LinkTarget[] } | null,
): PendingEvent {
  const payload: Record<string, unknown> = { diff: fieldDiff };
  if (links && (links.added.length > 0 || links.removed.length > 0)) payload.links = links;
  return { type: "ai_model.updated", entityType: "ai_model", entityId: id, payload };
}

export function decideArchiveAiModel(
  current: AiModelState,
  expectedVersion: number,
  archive: boolean,
): PendingEvent {
  assertVersion(current, expectedVersion, "This model");
  if (archive && current.archivedAt) throw invalidState("This model is already archived.");
  if (!archive && !current.archivedAt) throw invalidState("This model is not archived.");
  return {
    type: archive ? "ai_model.archived" : "ai_model.restored",
    entityType: "ai_model",
    entityId: current.id,
    payload: { name: current.name },
  };
}

/**
 * Flags a system inherits from its components, computed on read: a live GPAI model raises attention on every
 * system it is part of, and so does a live dataset with special categories of personal data (linked to the system
 * or to one of its models). Archived components pass nothing on.
 */
export function inheritedAttention(
  models: { id: string; name: string; gpai: boolean; archivedAt: Date | string | null }[],
  datasets: { id: string; name: string; specialCategories: boolean; archivedAt: Date | string | null }[] = [],
): ComponentAttention[] {
  const fromModels = models
    .filter((m) => m.gpai && !m.archivedAt)
    .map((m): ComponentAttention => ({
      reason: "gpai_model",
      componentType: "ai_model",
      componentId: m.id,
      label: m.name,
    }));
  const seen = new Set<string>();
  const fromDatasets = datasets
    .filter((d) => d.specialCategories && !d.archivedAt && !seen.has(d.id) && seen.add(d.id))
    .map((d): ComponentAttention => ({
      reason: "special_category_data",
      componentType: "dataset",
      componentId: d.id,
      label: d.name,
    }));
  return [...fromModels, ...fromDatasets];
}
