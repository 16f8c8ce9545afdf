import { inventoryRecordRules, type InventoryRecordState } from "../shared/inventory-record-rules";
import { can } from "../access/actor";
import { definePolicy } from "../access/policy";
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

export type AiModelState = AiModelFields & InventoryRecordState;

const rules = inventoryRecordRules<AiModelFields, AiModelState>({
  kind: "ai_model",
  noun: "model",
  fieldNames: aiModelFieldNames,
});
export const decideCreateAiModel = rules.decideCreate;
export const decideUpdateAiModel = rules.decideUpdate;
export const aiModelUpdatedEvent = rules.updatedEvent;
export const decideArchiveAiModel = rules.decideArchive;

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
