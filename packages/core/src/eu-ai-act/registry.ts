import { euAiAct2024_1689Amended2026_1744 } from "./eu-ai-act-2024-1689-amended-2026-1744";
import type { EuAiActRules } from "./rules";

/** Every EU AI Act rule-data version shipped, oldest first; a stored classification names the one it used. */
export const euAiActRuleVersions: readonly EuAiActRules[] = [euAiAct2024_1689Amended2026_1744];

/** The rule data new classifications use. */
export const currentEuAiActRules: EuAiActRules = euAiAct2024_1689Amended2026_1744;

export const findEuAiActRules = (id: string): EuAiActRules | undefined =>
  euAiActRuleVersions.find((r) => r.id === id);
