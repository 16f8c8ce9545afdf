import type { DocumentKind } from "./workflow";
import { aiPolicyBody, aiRiskProcedureBody } from "./template-bodies-policy";
import {
  impactAssessmentProcedureBody,
  incidentProcedureBody,
  internalAuditProcedureBody,
} from "./template-bodies-procedures";

/**
 * Starter templates: a document created from one starts as a draft with this body, these metadata and links
 * to the framework nodes it usually addresses (bare ids are ISO/IEC 42001). The texts are our own.
 */
export interface DocumentTemplate {
  key: string;
  title: string;
  kind: DocumentKind;
  /** one sentence on what the document is for */
  summary: string;
  reviewIntervalMonths: number;
  /** framework node references the document usually addresses */
  links: readonly string[];
  body: string;
}

export const documentTemplates: readonly DocumentTemplate[] = [
  {
    key: "ai_policy",
    title: "AI policy",
    kind: "policy",
    summary:
      "Top management's commitments for AI: purpose, principles, red lines, responsibilities and how the policy is reviewed.",
    reviewIntervalMonths: 12,
    links: ["5.2", "A.2.2", "A.2.3", "A.2.4"],
    body: aiPolicyBody,
  },
  {
    key: "ai_risk_management_procedure",
    title: "AI risk management procedure",
    kind: "procedure",
    summary: "How AI risks are identified, rated against fixed criteria, treated, approved and monitored.",
    reviewIntervalMonths: 12,
    links: ["6.1.1", "6.1.2", "6.1.3", "8.2", "8.3"],
    body: aiRiskProcedureBody,
  },
  {
    key: "ai_impact_assessment_procedure",
    title: "AI system impact assessment procedure",
    kind: "procedure",
    summary: "When and how the effects of an AI system on individuals, groups and society are assessed.",
    reviewIntervalMonths: 12,
    links: ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"],
    body: impactAssessmentProcedureBody,
  },
  {
    key: "ai_incident_procedure",
    title: "AI incident procedure",
    kind: "procedure",
    summary: "How AI incidents are reported, triaged, notified, investigated, corrected and learned from.",
    reviewIntervalMonths: 12,
    links: ["A.8.4", "A.6.2.6", "10.2"],
    body: incidentProcedureBody,
  },
  {
    key: "internal_audit_procedure",
    title: "Internal audit procedure",
    kind: "procedure",
    summary: "How the internal audit programme is planned and audits are run, reported and followed up.",
    reviewIntervalMonths: 24,
    links: ["9.2.1", "9.2.2"],
    body: internalAuditProcedureBody,
  },
];

export const documentTemplateKeys = documentTemplates.map((t) => t.key);

export const findDocumentTemplate = (key: string): DocumentTemplate | undefined =>
  documentTemplates.find((t) => t.key === key);
