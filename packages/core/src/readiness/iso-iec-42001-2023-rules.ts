import type { ReadinessRule, ReadinessRuleSet } from "./rules";
import {
  aiPolicyInForce,
  aiPolicyPublished,
  approvedScope,
  approvedSoaComplete,
  auditProcedure,
  documentLinkedTo,
  evidenceFor,
  friaDone,
  impactAssessed,
  impactAssessmentsReviewed,
  impactProcedure,
  incidentProcedure,
  riskProcedure,
  soaControlReady,
  soaImplemented,
} from "./iso-iec-42001-2023-checks";

/**
 * Readiness rules for ISO/IEC 42001:2023: one rule per clause requirement (32) and per Annex A control (38).
 * Where OpenAIMS does not hold the records yet (risks, audits, management reviews,
 * nonconformities), a rule asks for what exists now — a published procedure and linked evidence — and `later`
 * says honestly what a later release will check in addition.
 */
const clauses: ReadinessRule[] = [
  {
    nodeId: "4.1",
    checks: [
      {
        check: "records",
        count: "context_issues_internal",
        min: 1,
        label: "internal issues",
        explanation: "At least one internal issue (culture, capabilities, governance …) is recorded.",
      },
      {
        check: "records",
        count: "context_issues_external",
        min: 1,
        label: "external issues",
        explanation: "At least one external issue (law, market, technology, society …) is recorded.",
      },
      {
        check: "no_records",
        count: "context_issues_review_overdue",
        of: "context_issues",
        label: "context issues past their review date",
        explanation: "No recorded issue is past its review date.",
      },
    ],
  },
  {
    nodeId: "4.2",
    checks: [
      {
        check: "records",
        count: "interested_parties",
        min: 1,
        label: "interested parties",
        explanation: "At least one interested party is recorded.",
      },
      {
        check: "records",
        count: "interested_party_requirements",
        min: 1,
        label: "requirements of interested parties",
        explanation: "At least one relevant requirement of an interested party is recorded.",
      },
      {
        check: "no_records",
        count: "interested_party_requirements_undecided",
        of: "interested_party_requirements",
        label: "interested-party requirements without a decision on whether the AIMS addresses them",
        explanation:
          "Every recorded requirement says whether (yes, partly, no) and how the AIMS addresses it.",
      },
    ],
  },
  {
    nodeId: "4.3",
    checks: [
      approvedScope,
      {
        check: "records",
        count: "org_ai_roles",
        min: 1,
        label: "AI roles of the organization",
        explanation:
          "The organization has recorded which AI roles it plays (provider, producer, customer, partner …).",
      },
    ],
  },
  {
    nodeId: "4.4",
    checks: [
      approvedScope,
      aiPolicyPublished,
      {
        check: "published_document",
        label: "procedure",
        document: { kind: "procedure" },
        withinReview: true,
        explanation:
          "At least one procedure of the management system is published and within its review date.",
      },
      {
        check: "records",
        count: "ai_systems",
        min: 1,
        label: "AI systems in the register",
        explanation: "The AI systems the AIMS covers are in the register (at least one, not archived).",
      },
    ],
  },
  {
    nodeId: "5.1",
    checks: [
      aiPolicyPublished,
      evidenceFor("a record of top management's commitment, such as minutes or a signed statement"),
    ],
    later: "A later release will also look at management review records (9.3).",
  },
  { nodeId: "5.2", checks: [aiPolicyInForce] },
  {
    nodeId: "5.3",
    checks: [
      {
        check: "records",
        count: "raci_activities",
        min: 1,
        label: "activities in the RACI matrix",
        explanation: "The RACI matrix lists at least one AIMS activity.",
      },
      {
        check: "no_records",
        count: "raci_activities_without_accountable",
        of: "raci_activities",
        label: "RACI activities without exactly one accountable party",
        explanation: "Every activity in the RACI matrix has exactly one accountable (A) member or role.",
      },
    ],
  },
  {
    nodeId: "6.1.1",
    checks: [
      riskProcedure,
      {
        check: "records",
        count: "context_issues_internal",
        min: 1,
        label: "internal issues",
        explanation: "Internal issues are recorded, as the starting point for risks and opportunities (4.1).",
      },
      {
        check: "records",
        count: "context_issues_external",
        min: 1,
        label: "external issues",
        explanation: "External issues are recorded, as the starting point for risks and opportunities (4.1).",
      },
    ],
    later: "A later release will check the risk register for risks and opportunities linked to the context.",
  },
  {
    nodeId: "6.1.2",
    checks: [riskProcedure, evidenceFor("the results of AI risk assessments, e.g. a risk assessment report")],
    later:
      "A later release will check the risk register instead: every AI system in scope has assessed risks with " +
      "likelihood, consequence and level.",
  },
  { nodeId: "6.1.3", checks: [approvedSoaComplete] },
  {
    nodeId: "6.1.4",
    checks: [impactProcedure, impactAssessed],
  },
  {
    nodeId: "6.2",
    checks: [
      {
        check: "records",
        count: "objectives",
        min: 1,
        label: "active AI objectives",
        explanation: "At least one AI objective is set and active.",
      },
      {
        check: "no_records",
        count: "objectives_incomplete",
        of: "objectives",
        label: "active AI objectives missing a measure, target, owner or due date",
        explanation:
          "Every active objective has a measure, a target, an owner and a due date (how it is planned).",
      },
      {
        check: "records",
        count: "objectives_with_progress",
        min: 1,
        label: "AI objectives with recorded progress",
        explanation: "Progress towards at least one objective has been recorded.",
      },
    ],
  },
  { nodeId: "6.3", checks: [documentLinkedTo("6.3", "a change management procedure")] },
  { nodeId: "7.1", checks: [evidenceFor("budgets, staffing plans or tool provisioning for the AIMS")] },
  {
    nodeId: "7.2",
    checks: [
      evidenceFor("training records, a competence matrix or qualifications"),
      {
        check: "records",
        count: "training_topics_ai_literacy",
        min: 1,
        label: "AI-literacy topics in the training catalogue",
        explanation: "The training catalogue has at least one live topic that counts as AI literacy.",
      },
      {
        check: "no_records",
        count: "members_without_ai_literacy",
        of: "members_active",
        label: "active members without a current AI-literacy training",
        explanation:
          "Every active member holds a current (not expired) completion of an AI-literacy topic, as recorded " +
          "under Training; AI literacy (EU AI Act Art. 4) applies to every provider and deployer.",
      },
    ],
  },
  {
    nodeId: "7.3",
    checks: [aiPolicyPublished, evidenceFor("awareness sessions, policy acknowledgements or communications")],
  },
  { nodeId: "7.4", checks: [documentLinkedTo("7.4", "a communication plan (what, when, with whom, how)")] },
  {
    nodeId: "7.5.1",
    checks: [
      {
        check: "published_document",
        label: "document",
        document: {},
        withinReview: true,
        explanation:
          "The AIMS has documented information: at least one document is published and within review.",
      },
      aiPolicyPublished,
    ],
  },
  {
    nodeId: "7.5.2",
    checks: [
      {
        check: "published_document",
        label: "document",
        document: {},
        withinReview: false,
        explanation:
          "At least one document has gone through the approval workflow and is published. OpenAIMS itself keeps " +
          "every version, and an approver must differ from the version's author.",
      },
    ],
  },
  {
    nodeId: "7.5.3",
    checks: [
      {
        check: "documents_reviewed",
        explanation:
          "Documented information is kept under control: every published document has a next review date and " +
          "none is past it.",
      },
    ],
  },
  {
    nodeId: "8.1",
    checks: [
      {
        check: "records",
        count: "applied_controls_implemented",
        min: 1,
        label: "implemented applied controls",
        explanation: "The organization's own controls are recorded, and at least one is implemented.",
      },
      evidenceFor("records showing that processes run as planned, e.g. release checklists or process logs"),
    ],
  },
  {
    nodeId: "8.2",
    checks: [riskProcedure, evidenceFor("risk assessments performed at planned intervals or on change")],
    later: "A later release will check that risk assessments in the risk register are current.",
  },
  { nodeId: "8.3", checks: [soaImplemented, evidenceFor("records of risk treatment carried out")] },
  {
    nodeId: "8.4",
    checks: [impactAssessed, impactAssessmentsReviewed, friaDone],
  },
  {
    nodeId: "9.1",
    checks: [
      {
        check: "records",
        count: "objectives_with_progress",
        min: 1,
        label: "AI objectives with recorded progress",
        explanation: "Something is measured: progress is recorded for at least one AI objective.",
      },
      evidenceFor("monitoring results, metrics reports or dashboards"),
    ],
  },
  {
    nodeId: "9.2.1",
    checks: [auditProcedure, evidenceFor("internal audit reports")],
    later: "A later release will check completed internal audits and their findings.",
  },
  {
    nodeId: "9.2.2",
    checks: [
      documentLinkedTo("9.2.2", "an internal audit programme (plan) or the internal audit procedure"),
      evidenceFor("the audit programme and schedule"),
    ],
    later: "A later release will check the audit programme and its audits.",
  },
  {
    nodeId: "9.3.1",
    checks: [evidenceFor("minutes of a management review")],
    later: "A later release will check management review records.",
  },
  {
    nodeId: "9.3.2",
    checks: [evidenceFor("the inputs presented to the management review")],
    later: "A later release will check that each management review covers every required input.",
  },
  {
    nodeId: "9.3.3",
    checks: [evidenceFor("decisions and actions recorded by the management review")],
    later: "A later release will check decisions and actions of management reviews.",
  },
  { nodeId: "10.1", checks: [evidenceFor("improvements made to the AIMS, e.g. an improvement log")] },
  {
    nodeId: "10.2",
    checks: [incidentProcedure, evidenceFor("nonconformity records and corrective actions")],
    later: "A later release will check nonconformities and their corrective actions.",
  },
];

/** Annex A: every control needs its SoA entry ready; some need a record of their own besides. */
const extra: Record<string, ReadinessRule["checks"]> = {
  "A.2.2": [aiPolicyInForce],
  "A.2.4": [aiPolicyInForce],
  "A.3.2": [
    {
      check: "no_records",
      count: "raci_activities_without_accountable",
      of: "raci_activities",
      label: "RACI activities without exactly one accountable party",
      explanation:
        "Roles are allocated: every activity in the RACI matrix has exactly one accountable party.",
    },
  ],
  "A.5.2": [impactProcedure, impactAssessed],
  "A.5.3": [impactAssessed, impactAssessmentsReviewed],
  "A.5.4": [impactAssessed, friaDone],
  "A.5.5": [impactAssessed],
  "A.8.4": [incidentProcedure],
  "A.9.4": [
    {
      check: "no_records",
      count: "ai_systems_without_purpose",
      of: "ai_systems",
      label: "AI systems without a documented purpose",
      explanation: "Every AI system in the register has its purpose (intended use) written down.",
    },
  ],
};

const laterAnnex: Record<string, string> = {
  "A.8.4": "A later release will check incident records and their communication.",
  "A.10.3": "A later release will check the supplier register.",
};

const annexControls = [
  "A.2.2",
  "A.2.3",
  "A.2.4",
  "A.3.2",
  "A.3.3",
  "A.4.2",
  "A.4.3",
  "A.4.4",
  "A.4.5",
  "A.4.6",
  "A.5.2",
  "A.5.3",
  "A.5.4",
  "A.5.5",
  "A.6.1.2",
  "A.6.1.3",
  "A.6.2.2",
  "A.6.2.3",
  "A.6.2.4",
  "A.6.2.5",
  "A.6.2.6",
  "A.6.2.7",
  "A.6.2.8",
  "A.7.2",
  "A.7.3",
  "A.7.4",
  "A.7.5",
  "A.7.6",
  "A.8.2",
  "A.8.3",
  "A.8.4",
  "A.8.5",
  "A.9.2",
  "A.9.3",
  "A.9.4",
  "A.10.2",
  "A.10.3",
  "A.10.4",
];

const controls: ReadinessRule[] = annexControls.map((nodeId) => ({
  nodeId,
  checks: [soaControlReady, ...(extra[nodeId] ?? [])],
  ...(laterAnnex[nodeId] ? { later: laterAnnex[nodeId] } : {}),
}));

export const iso42001ReadinessRules: ReadinessRuleSet = {
  frameworkId: "iso-iec-42001-2023",
  rules: [...clauses, ...controls],
};
