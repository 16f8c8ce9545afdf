import type { AiRole, AiType, LifecycleStage } from "@openaims/core";
import type { AiSystemView } from "../../api";

/** What the form edits: text as typed, list fields as comma-separated text. */
export interface AiSystemFormValues {
  name: string;
  purpose: string;
  description: string;
  ownerId: string;
  businessUnit: string;
  lifecycleStage: LifecycleStage;
  aiType: AiType;
  aiRoles: AiRole[];
  deploymentContext: string;
  geographies: string;
  affectedStakeholders: string;
  humanOversight: string;
  tags: string;
}

export const emptyAiSystemForm: AiSystemFormValues = {
  name: "",
  purpose: "",
  description: "",
  ownerId: "",
  businessUnit: "",
  lifecycleStage: "idea",
  aiType: "ml",
  aiRoles: [],
  deploymentContext: "",
  geographies: "",
  affectedStakeholders: "",
  humanOversight: "",
  tags: "",
};

const joinList = (xs: readonly string[]) => xs.join(", ");

export const splitList = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function formValuesFromView(v: AiSystemView): AiSystemFormValues {
  return {
    name: v.name,
    purpose: v.purpose,
    description: v.description,
    ownerId: v.ownerId ?? "",
    businessUnit: v.businessUnit,
    lifecycleStage: v.lifecycleStage,
    aiType: v.aiType,
    aiRoles: v.aiRoles,
    deploymentContext: v.deploymentContext,
    geographies: joinList(v.geographies),
    affectedStakeholders: joinList(v.affectedStakeholders),
    humanOversight: v.humanOversight,
    tags: joinList(v.tags),
  };
}

/** The candidate body, before the shared zod schema validates and normalizes it. */
export function candidateFromForm(f: AiSystemFormValues) {
  return {
    name: f.name,
    purpose: f.purpose,
    description: f.description,
    ownerId: f.ownerId || null,
    businessUnit: f.businessUnit,
    lifecycleStage: f.lifecycleStage,
    aiType: f.aiType,
    aiRoles: f.aiRoles,
    deploymentContext: f.deploymentContext,
    geographies: splitList(f.geographies),
    affectedStakeholders: splitList(f.affectedStakeholders),
    humanOversight: f.humanOversight,
    tags: splitList(f.tags),
  };
}
