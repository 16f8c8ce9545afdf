import type { ReadinessCheck } from "./rules";

/**
 * Checks the ISO/IEC 42001 rules share. Plain data: each is a declarative check with its explanation; the
 * rule files list them per node.
 */

/** Keys of the starter templates of the documents area (core `documents/templates.ts`; a test keeps them equal). */
export const templateKeys = {
  aiPolicy: "ai_policy",
  riskProcedure: "ai_risk_management_procedure",
  impactProcedure: "ai_impact_assessment_procedure",
  incidentProcedure: "ai_incident_procedure",
  auditProcedure: "internal_audit_procedure",
} as const;

export const aiPolicyInForce: ReadinessCheck = {
  check: "published_document",
  label: "AI policy",
  document: { kind: "policy", templateKey: templateKeys.aiPolicy, nodes: ["5.2", "A.2.2"] },
  withinReview: true,
  explanation:
    "An AI policy is approved and published, and its next review date has not passed. It counts when it is a " +
    "policy document created from the AI policy template or linked to 5.2 or A.2.2.",
};

export const aiPolicyPublished: ReadinessCheck = {
  ...aiPolicyInForce,
  withinReview: false,
  explanation:
    "An AI policy is approved and published (a policy created from the AI policy template or linked to 5.2 " +
    "or A.2.2).",
};

export const riskProcedure: ReadinessCheck = {
  check: "published_document",
  label: "AI risk management procedure",
  document: { kind: "procedure", templateKey: templateKeys.riskProcedure, nodes: ["6.1.2", "8.2"] },
  withinReview: true,
  explanation:
    "A procedure for AI risk management is published and within its review date (created from the AI risk " +
    "management procedure template, or a procedure linked to 6.1.2 or 8.2). It says how risks are identified, " +
    "analysed, evaluated and treated, and by whom.",
};

export const impactProcedure: ReadinessCheck = {
  check: "published_document",
  label: "AI system impact assessment procedure",
  document: {
    kind: "procedure",
    templateKey: templateKeys.impactProcedure,
    nodes: ["6.1.4", "8.4", "A.5.2"],
  },
  withinReview: true,
  explanation:
    "A procedure for assessing the impacts of AI systems on people and society is published and within its " +
    "review date (from the impact assessment procedure template, or a procedure linked to 6.1.4, 8.4 or A.5.2).",
};

export const incidentProcedure: ReadinessCheck = {
  check: "published_document",
  label: "incident procedure",
  document: { kind: "procedure", templateKey: templateKeys.incidentProcedure, nodes: ["10.2", "A.8.4"] },
  withinReview: true,
  explanation:
    "A procedure for handling AI incidents and nonconformities is published and within its review date (from " +
    "the incident procedure template, or a procedure linked to 10.2 or A.8.4).",
};

export const auditProcedure: ReadinessCheck = {
  check: "published_document",
  label: "internal audit procedure",
  document: { kind: "procedure", templateKey: templateKeys.auditProcedure, nodes: ["9.2.1", "9.2.2"] },
  withinReview: true,
  explanation:
    "An internal audit procedure is published and within its review date (from the internal audit procedure " +
    "template, or a procedure linked to 9.2.1 or 9.2.2).",
};

/** A published document of any kind linked to the node, e.g. a communication plan linked to 7.4. */
export const documentLinkedTo = (node: string, what: string): ReadinessCheck => ({
  check: "published_document",
  label: `document for ${node}`,
  document: { nodes: [node] },
  withinReview: true,
  explanation: `A published document linked to ${node}, within its review date — for example ${what}.`,
});

/** At least one current evidence item linked to the rule's node (or `node`). */
export const evidenceFor = (what: string, node?: string): ReadinessCheck => ({
  check: "evidence_linked",
  ...(node ? { node } : {}),
  min: 1,
  explanation:
    `At least one current evidence item (not archived, not past its valid-until date) is linked to ` +
    `${node ?? "this requirement"}: ${what}.`,
});

export const approvedScope: ReadinessCheck = {
  check: "approved_scope",
  explanation:
    "A version of the AIMS scope statement (what is in, what is out and why) has been approved and is in force.",
};

export const soaControlReady: ReadinessCheck = {
  check: "soa_control_ready",
  explanation:
    "The control's SoA entry says it is applicable, gives a justification and an owner, is implemented, has at " +
    "least one current evidence item (linked to the control, its SoA entry or an applied control linked to it) " +
    "and is unchanged since the latest approved SoA version. A control marked not applicable with a " +
    "justification is not applicable and leaves the percentages.",
};

export const approvedSoaComplete: ReadinessCheck = {
  check: "approved_soa_complete",
  explanation:
    "An SoA version is approved and nothing changed since; in it every Annex A control has an applicability " +
    "decision with a justification, and every applicable entry has an owner and at least one current evidence item.",
};

export const soaImplemented: ReadinessCheck = {
  check: "soa_implemented",
  explanation: "Every control marked applicable in the SoA has the implementation status implemented.",
};

/** Every AI system in scope has an impact assessment whose approved version is in force. */
export const impactAssessed: ReadinessCheck = {
  check: "coverage",
  of: "ai_systems_in_scope",
  lacking: "ai_systems_without_impact_assessment",
  gap: "{n} of {of} AI systems in scope have no approved impact assessment",
  satisfied: "all {of} AI systems in scope have an approved impact assessment",
  explanation:
    "Every AI system in scope (in the register, not archived and not retired) has an impact assessment with an " +
    "approved version in force — signed off by someone other than its authors. A revision being drafted keeps " +
    "the earlier approval in force; an archived assessment does not count.",
};

/** No approved impact assessment is past its next review date. */
export const impactAssessmentsReviewed: ReadinessCheck = {
  check: "coverage",
  of: "impact_assessments_approved",
  lacking: "impact_assessments_review_overdue",
  gap: "{n} of {of} approved impact assessments are past their review date",
  satisfied: "all {of} approved impact assessments are within their review dates",
  explanation:
    "Impact assessments are kept current: no approved assessment of an AI system in scope is past its next " +
    "review date (set at approval from the review interval, renewed by approving a revision or marking it reviewed).",
};

/** Every AI system in scope whose classification requires a FRIA has an approved FRIA. */
export const friaDone: ReadinessCheck = {
  check: "coverage",
  of: "ai_systems_fria_required",
  lacking: "ai_systems_without_fria",
  gap: "{n} of {of} AI systems that require a FRIA have no approved FRIA",
  satisfied: "all {of} AI systems that require a FRIA have an approved FRIA",
  whenNone: {
    satisfied: "no AI system in scope requires a FRIA (per its newest EU AI Act classification)",
    given: "ai_systems_in_scope",
  },
  explanation:
    "Where the newest EU AI Act classification of an AI system in scope says a fundamental rights impact " +
    "assessment is required (Art. 27), an impact assessment of the FRIA variant is approved. Met when AI systems " +
    "are in scope and none requires one.",
};
