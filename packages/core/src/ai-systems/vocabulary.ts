export const lifecycleStages = [
  "idea",
  "design",
  "development",
  "validation",
  "deployed",
  "monitoring",
  "retired",
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const aiTypes = ["ml", "generative", "rule_based", "agentic", "other"] as const;
export type AiType = (typeof aiTypes)[number];

/**
 * The organization's roles for a system in the sense of ISO/IEC 42001 clause 4.1 (the AI stakeholder
 * roles of ISO/IEC 22989). EU AI Act operator roles are a separate axis, added with classification.
 */
export const aiRoles = [
  "provider",
  "producer",
  "customer",
  "partner",
  "subject",
  "relevant_authority",
] as const;
export type AiRole = (typeof aiRoles)[number];

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  idea: "Idea",
  design: "Design",
  development: "Development",
  validation: "Validation",
  deployed: "Deployed",
  monitoring: "Monitoring",
  retired: "Retired",
};
export const aiTypeLabels: Record<AiType, string> = {
  ml: "Machine learning",
  generative: "Generative AI",
  rule_based: "Rule-based",
  agentic: "Agentic",
  other: "Other",
};
export const aiRoleLabels: Record<AiRole, string> = {
  provider: "AI provider",
  producer: "AI producer",
  customer: "AI customer",
  partner: "AI partner",
  subject: "AI subject",
  relevant_authority: "Relevant authority",
};
