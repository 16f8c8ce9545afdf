import {
  aiRoleLabels,
  aiTypeLabels,
  lifecycleStageLabels,
  type AiRole,
  type AiSystemFields,
  type AiType,
  type LifecycleStage,
} from "@openaims/core";

/** The UI label of each AI system field; used by the form, the overview and the history. */
export const aiSystemFieldLabels: Record<keyof AiSystemFields, string> = {
  name: "Name",
  purpose: "Purpose",
  description: "Description",
  ownerId: "Owner",
  businessUnit: "Business unit",
  lifecycleStage: "Lifecycle stage",
  aiType: "AI type",
  aiRoles: "AI roles",
  deploymentContext: "Deployment context",
  geographies: "Geographies",
  affectedStakeholders: "Affected stakeholders",
  humanOversight: "Human oversight",
  tags: "Tags",
};

export const lifecycleLabel = (v: string) => lifecycleStageLabels[v as LifecycleStage] ?? v;
export const aiTypeLabel = (v: string) => aiTypeLabels[v as AiType] ?? v;
export const aiRoleLabel = (v: string) => aiRoleLabels[v as AiRole] ?? v;

/** Turns stored codes in a diff into their labels; owners are resolved by the caller's lookup. */
export function aiSystemValueLabeler(ownerName?: (id: string) => string | undefined) {
  return (field: string) => {
    switch (field) {
      case "lifecycleStage":
        return lifecycleLabel;
      case "aiType":
        return aiTypeLabel;
      case "aiRoles":
        return aiRoleLabel;
      case "ownerId":
        return (id: string) => ownerName?.(id) ?? id;
      default:
        return undefined;
    }
  };
}

export const fieldLabelOf = (field: string) => aiSystemFieldLabels[field as keyof AiSystemFields] ?? field;
