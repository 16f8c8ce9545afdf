import { operatorRoles, type ObligationRule } from "./rules";

/**
 * The obligations of Regulation (EU) 2024/1689 as amended by 2026/1744, by role and classification: part of the
 * rule data in `eu-ai-act-2024-1689-amended-2026-1744.ts`, kept in a file of its own for length. Titles are
 * OpenAIMS's own short summaries; `appliesFrom` names a dated entry of that rule data.
 */

const highRisk = (
  id: string,
  article: string,
  title: string,
  roles: ObligationRule["roles"],
  condition: ObligationRule["condition"] = "high_risk",
): ObligationRule => ({ id, article, title, roles, condition, appliesFrom: { highRiskRoute: true } });

const gpai = (id: string, article: string, title: string, condition: "gpai" | "gpai_systemic_risk") =>
  ({
    id,
    article,
    title,
    roles: ["provider"],
    condition,
    appliesFrom: "gpai.obligations",
  }) satisfies ObligationRule;

export const obligations2024_1689Amended2026_1744: ObligationRule[] = [
  {
    id: "art4.ai-literacy",
    article: "Art. 4",
    title: "AI literacy of staff and others operating the system",
    roles: ["provider", "deployer"],
    condition: "always",
    appliesFrom: "general-provisions-and-prohibitions",
  },
  {
    id: "art5.stop-prohibited-practice",
    article: "Art. 5(1)",
    title: "Do not place on the market, put into service or use for a prohibited practice",
    roles: [...operatorRoles],
    condition: "prohibited",
    appliesFrom: "general-provisions-and-prohibitions",
  },

  highRisk("art9.risk-management", "Art. 9", "Risk management system over the whole lifecycle", ["provider"]),
  highRisk(
    "art10.data-governance",
    "Art. 10",
    "Data and data governance for training, validation and test sets",
    ["provider"],
  ),
  highRisk(
    "art11.technical-documentation",
    "Art. 11",
    "Technical documentation (Annex IV) before placing on the market",
    ["provider"],
  ),
  highRisk("art12.record-keeping", "Art. 12", "Automatic event logging", ["provider"]),
  highRisk("art13.instructions-for-use", "Art. 13", "Transparency and instructions for use for deployers", [
    "provider",
  ]),
  highRisk("art14.human-oversight", "Art. 14", "Design for effective human oversight", ["provider"]),
  highRisk("art15.accuracy-robustness-security", "Art. 15", "Accuracy, robustness and cybersecurity", [
    "provider",
  ]),
  highRisk("art17.quality-management", "Art. 17", "Quality management system", ["provider"]),
  highRisk("art18.documentation-keeping", "Art. 18", "Keep documentation for 10 years", ["provider"]),
  highRisk("art19.logs-keeping", "Art. 19", "Keep automatically generated logs (at least 6 months)", [
    "provider",
  ]),
  highRisk("art20.corrective-actions", "Art. 20", "Corrective actions and duty of information", ["provider"]),
  highRisk("art43.conformity-assessment", "Art. 43", "Conformity assessment before placing on the market", [
    "provider",
  ]),
  highRisk("art47.declaration-of-conformity", "Art. 47", "EU declaration of conformity", ["provider"]),
  highRisk("art48.ce-marking", "Art. 48", "CE marking", ["provider"]),
  highRisk("art72.post-market-monitoring", "Art. 72", "Post-market monitoring system and plan", ["provider"]),
  highRisk(
    "art73.serious-incidents",
    "Art. 73",
    "Report serious incidents to market-surveillance authorities",
    ["provider"],
  ),
  highRisk(
    "art25-3.product-manufacturer",
    "Art. 25(3)",
    "Take on the provider's obligations for the AI system in the product",
    ["product_manufacturer"],
    "high_risk_annex_i",
  ),
  highRisk(
    "art22.authorised-representative",
    "Art. 22",
    "Verify documentation and conformity, keep records and cooperate for the provider",
    ["authorised_representative"],
  ),
  highRisk(
    "art23.importer",
    "Art. 23",
    "Verify conformity before placing on the market; keep records 10 years",
    ["importer"],
  ),
  highRisk(
    "art24.distributor",
    "Art. 24",
    "Verify CE marking, declaration and instructions before making available",
    ["distributor"],
  ),
  highRisk("art26-1.use-per-instructions", "Art. 26(1)", "Use the system according to its instructions", [
    "deployer",
  ]),
  highRisk("art26-2.human-oversight", "Art. 26(2)", "Assign competent human oversight", ["deployer"]),
  highRisk(
    "art26-4.input-data",
    "Art. 26(4)",
    "Relevant and representative input data where under the deployer's control",
    ["deployer"],
  ),
  highRisk(
    "art26-5.monitor-and-report",
    "Art. 26(5)",
    "Monitor operation; inform the provider immediately of serious incidents",
    ["deployer"],
  ),
  highRisk(
    "art26-6.logs-keeping",
    "Art. 26(6)",
    "Keep logs under the deployer's control (at least 6 months)",
    ["deployer"],
  ),
  highRisk(
    "art26-11.inform-affected-persons",
    "Art. 26(11)",
    "Inform people that an Annex III system decides or assists decisions about them",
    ["deployer"],
    "high_risk_annex_iii",
  ),
  highRisk(
    "art27.fria",
    "Art. 27",
    "Fundamental rights impact assessment before first use",
    ["deployer"],
    "fria",
  ),
  highRisk(
    "art49-1.registration",
    "Art. 49(1)",
    "Register the system in the EU database before placing on the market",
    ["provider", "authorised_representative"],
    "registration_eu",
  ),
  highRisk(
    "art49-5.national-registration",
    "Art. 49(5)",
    "Register the critical-infrastructure system at national level",
    ["provider", "authorised_representative"],
    "registration_national",
  ),
  highRisk(
    "art49-3.public-deployer-registration",
    "Art. 49(3)",
    "Register as a public-authority deployer and the system's use before use",
    ["deployer"],
    "registration_public_deployer",
  ),

  {
    id: "art6-4.document-not-high-risk",
    article: "Art. 6(4)",
    title: "Document the not-high-risk assessment before placing on the market",
    roles: ["provider"],
    condition: "exempt_art6_3",
    appliesFrom: "high-risk.annex-iii",
  },
  {
    id: "art49-2.register-not-high-risk",
    article: "Art. 49(2)",
    title: "Register the system assessed as not high-risk",
    roles: ["provider", "authorised_representative"],
    condition: "exempt_art6_3",
    appliesFrom: "high-risk.annex-iii",
  },

  {
    id: "art50-1.ai-interaction-notice",
    article: "Art. 50(1)",
    title: "Tell people they are interacting with an AI system",
    roles: ["provider"],
    condition: "art50:50(1)",
    appliesFrom: "general-application",
  },
  {
    id: "art50-2.mark-synthetic-content",
    article: "Art. 50(2)",
    title: "Mark synthetic outputs as AI-generated",
    roles: ["provider"],
    condition: "art50:50(2)",
    appliesFrom: "general-application",
  },
  {
    id: "art50-3.emotion-biometric-notice",
    article: "Art. 50(3)",
    title: "Inform people exposed to emotion recognition or biometric categorisation",
    roles: ["deployer"],
    condition: "art50:50(3)",
    appliesFrom: "general-application",
  },
  {
    id: "art50-4.disclose-deep-fakes-and-text",
    article: "Art. 50(4)",
    title: "Disclose deep fakes and AI-generated public-interest text",
    roles: ["deployer"],
    condition: "art50:50(4)",
    appliesFrom: "general-application",
  },

  gpai(
    "art53-1-a.technical-documentation",
    "Art. 53(1)(a)",
    "Model technical documentation (Annex XI)",
    "gpai",
  ),
  gpai(
    "art53-1-b.downstream-information",
    "Art. 53(1)(b)",
    "Information for downstream providers (Annex XII)",
    "gpai",
  ),
  gpai(
    "art53-1-c.copyright-policy",
    "Art. 53(1)(c)",
    "Copyright-compliance policy incl. text-and-data-mining opt-outs",
    "gpai",
  ),
  gpai("art53-1-d.training-content-summary", "Art. 53(1)(d)", "Public summary of training content", "gpai"),
  gpai(
    "art52.notify-commission",
    "Art. 52(1)",
    "Notify the Commission within 2 weeks of meeting the systemic-risk condition",
    "gpai_systemic_risk",
  ),
  gpai(
    "art55-1-a.model-evaluation",
    "Art. 55(1)(a)",
    "Model evaluation incl. adversarial testing",
    "gpai_systemic_risk",
  ),
  gpai(
    "art55-1-b.systemic-risk-mitigation",
    "Art. 55(1)(b)",
    "Assess and mitigate Union-level systemic risks",
    "gpai_systemic_risk",
  ),
  gpai(
    "art55-1-c.serious-incidents",
    "Art. 55(1)(c)",
    "Track and report serious incidents to the AI Office",
    "gpai_systemic_risk",
  ),
  gpai(
    "art55-1-d.cybersecurity",
    "Art. 55(1)(d)",
    "Cybersecurity for the model and its infrastructure",
    "gpai_systemic_risk",
  ),
];
