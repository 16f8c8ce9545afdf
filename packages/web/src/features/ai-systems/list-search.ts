import { aiSystemSortKeys, aiTypes, lifecycleStages, type AiType, type LifecycleStage } from "@openaims/core";
import type { ArchivedFilter } from "../../api";

export type AiSystemSort = (typeof aiSystemSortKeys)[number];

/** The list's filters live in the URL so a filtered view can be bookmarked and shared. */
export interface AiSystemListSearch {
  q?: string;
  lifecycleStage?: LifecycleStage;
  aiType?: AiType;
  archived?: ArchivedFilter;
  sort?: AiSystemSort;
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function parseAiSystemListSearch(s: Record<string, unknown>): AiSystemListSearch {
  return {
    q: typeof s.q === "string" && s.q.trim() ? s.q : undefined,
    lifecycleStage: oneOf(lifecycleStages, s.lifecycleStage),
    aiType: oneOf(aiTypes, s.aiType),
    archived: oneOf(["false", "true", "all"] as const, s.archived),
    sort: oneOf(aiSystemSortKeys, s.sort),
  };
}

export const sortLabels: Record<AiSystemSort, string> = {
  name: "Name (A–Z)",
  "-name": "Name (Z–A)",
  "-updatedAt": "Recently updated",
  updatedAt: "Least recently updated",
  "-createdAt": "Newest",
  createdAt: "Oldest",
  lifecycleStage: "Lifecycle stage",
  "-lifecycleStage": "Lifecycle stage (reverse)",
};
