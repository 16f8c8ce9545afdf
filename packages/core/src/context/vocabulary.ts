import { aiRoleLabels, aiRoles, type AiRole } from "../ai-systems/vocabulary";

/** Clause 4.1 splits the issues that bear on the AIMS into those inside and those outside the organization. */
export const issueKinds = ["internal", "external"] as const;
export type IssueKind = (typeof issueKinds)[number];

export const issueTopics = [
  "legal",
  "regulatory",
  "technical",
  "societal",
  "ethical",
  "market",
  "economic",
  "organizational",
  "environmental",
  "other",
] as const;
export type IssueTopic = (typeof issueTopics)[number];

export const issueKindLabels: Record<IssueKind, string> = { internal: "Internal", external: "External" };
export const issueTopicLabels: Record<IssueTopic, string> = {
  legal: "Legal",
  regulatory: "Regulatory",
  technical: "Technical",
  societal: "Societal",
  ethical: "Ethical",
  market: "Market",
  economic: "Economic",
  organizational: "Organizational",
  environmental: "Environmental",
  other: "Other",
};

export const partyTypes = [
  "customer",
  "regulator",
  "employee",
  "affected_person",
  "supplier",
  "partner",
  "investor",
  "public",
  "other",
] as const;
export type PartyType = (typeof partyTypes)[number];
export const partyTypeLabels: Record<PartyType, string> = {
  customer: "Customer",
  regulator: "Regulator or authority",
  employee: "Employee",
  affected_person: "Affected person",
  supplier: "Supplier",
  partner: "Partner",
  investor: "Investor or owner",
  public: "Public or civil society",
  other: "Other",
};

/** Whether the AIMS addresses one requirement of an interested party (4.2 c); null = not decided yet. */
export const addressedValues = ["yes", "partly", "no"] as const;
export type Addressed = (typeof addressedValues)[number];
export const addressedLabels: Record<Addressed, string> = { yes: "Yes", partly: "Partly", no: "No" };

/**
 * The AI roles an organization can play (the stakeholder roles the 4.1 note points to). Our own short
 * descriptions; the EU AI Act's operator roles (provider, deployer …) are a separate axis per AI system.
 */
export const orgAiRoleDescriptions: Record<AiRole, string> = {
  provider:
    "Offers AI products or services to others, e.g. a platform or an application that contains AI. Under the " +
    "EU AI Act this often matches the provider.",
  producer:
    "Designs, builds, trains, tests or deploys AI systems or their models, for itself or on behalf of others.",
  customer:
    "Uses AI products or services that others provide, in its own operations. Under the EU AI Act this often " +
    "matches the deployer.",
  partner:
    "Contributes to AI systems of others without being provider or customer: supplies data, tools, " +
    "integration, evaluation or audit services.",
  subject:
    "Is itself affected by AI systems, or its data is used by them (as data subject or as the one decided about).",
  relevant_authority:
    "Sets policy for, supervises or enforces rules on AI systems, e.g. a regulator or a public body.",
};
export { aiRoles as orgAiRoleKeys, aiRoleLabels as orgAiRoleLabels };

/** The lifecycle of a scope version (4.3). Only a draft is editable; approving one supersedes the last. */
export const scopeStatuses = ["draft", "in_review", "approved", "superseded"] as const;
export type ScopeStatus = (typeof scopeStatuses)[number];
export const scopeStatusLabels: Record<ScopeStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  superseded: "Superseded",
};

export const raciLetters = ["R", "A", "C", "I"] as const;
export type RaciLetter = (typeof raciLetters)[number];
export const raciLetterLabels: Record<RaciLetter, string> = {
  R: "Responsible (does the work)",
  A: "Accountable (owns the outcome, signs off)",
  C: "Consulted (asked before)",
  I: "Informed (told after)",
};
/** A column of the RACI matrix: a member (user id) or a role (role key such as `governance_lead`, `custom:<id>`). */
export const raciPartyTypes = ["member", "role"] as const;
export type RaciPartyType = (typeof raciPartyTypes)[number];
