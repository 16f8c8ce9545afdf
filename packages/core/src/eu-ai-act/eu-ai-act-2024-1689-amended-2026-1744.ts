import { operatorRoles, type EuAiActRules, type ObligationRule } from "./rules";

/**
 * EU AI Act rule data: Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744 (consolidated text
 * CELEX 02024R1689-20260727). Short titles are OpenAIMS's own summaries, not the legal text; the regulation
 * itself is the authority. Facts and confidence tags follow the project's reference notes (shared/reference).
 */

const ORIGINAL = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";
const CONSOLIDATED = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02024R1689-20260727";

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

export const euAiAct2024_1689Amended2026_1744: EuAiActRules = {
  id: "eu-ai-act-2024-1689-amended-2026-1744",
  title: "EU AI Act — Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744",
  instruments: [
    { basis: "2024/1689", title: "Artificial Intelligence Act", inForce: "2024-08-01", source: ORIGINAL },
    { basis: "2026/1744", title: "Digital Omnibus on AI", inForce: "2026-07-27", source: CONSOLIDATED },
  ],
  consolidatedText: { celex: "02024R1689-20260727", source: CONSOLIDATED },

  dates: [
    {
      id: "general-provisions-and-prohibitions",
      provisions: ["Chapter I (incl. Art. 4 AI literacy)", "Chapter II (Art. 5 prohibitions)"],
      appliesFrom: "2025-02-02",
      basis: "2024/1689",
      article: "Art. 113(a)",
      confidence: "V",
      source: ORIGINAL,
    },
    {
      id: "prohibitions.art5-1-ba-bb",
      provisions: ["Art. 5(1)(ba)", "Art. 5(1)(bb)"],
      appliesFrom: "2026-12-02",
      basis: "2026/1744",
      article: "Art. 113 as amended",
      confidence: "S",
      source: CONSOLIDATED,
      note: "New prohibitions added by 2026/1744; the date is from secondary sources (verify on EUR-Lex).",
    },
    {
      id: "gpai.obligations",
      provisions: ["Chapter V (general-purpose AI models)"],
      appliesFrom: "2025-08-02",
      basis: "2024/1689",
      article: "Art. 113(b)",
      confidence: "V24",
      source: ORIGINAL,
      note: "GPAI models placed on the market before this date must comply by 2027-08-02 (Art. 111(3)).",
    },
    {
      id: "general-application",
      provisions: ["Art. 50 transparency", "the rest of the regulation not listed elsewhere"],
      appliesFrom: "2026-08-02",
      basis: "2024/1689",
      article: "Art. 113",
      confidence: "V",
      source: ORIGINAL,
      note:
        "Under 2026/1744, systems placed on the market before 2026-08-02 have until 2026-12-02 for the " +
        "Art. 50(2) marking duty (secondary sources).",
    },
    {
      id: "high-risk.annex-iii",
      provisions: ["Chapter III Sections 1-3 (except Art. 6(5))", "Art. 6(2)", "Annex III"],
      appliesFrom: "2027-12-02",
      basis: "2026/1744",
      article: "Art. 113(c)(i) as amended",
      supersedes: { appliesFrom: "2026-08-02", basis: "2024/1689" },
      confidence: "V",
      source: CONSOLIDATED,
      note:
        "OpenAIMS dates every duty of an Annex III high-risk system (incl. registration, post-market " +
        "monitoring and serious-incident reporting) from here, since the classification rule itself applies from it.",
    },
    {
      id: "high-risk.annex-i",
      provisions: ["Chapter III Sections 1-3 (except Art. 6(5))", "Art. 6(1)", "Annex I"],
      appliesFrom: "2028-08-02",
      basis: "2026/1744",
      article: "Art. 113(c)(ii) as amended",
      supersedes: { appliesFrom: "2027-08-02", basis: "2024/1689" },
      confidence: "V",
      source: CONSOLIDATED,
    },
  ],

  thresholds: [
    {
      id: "gpai.systemic-risk.training-compute",
      value: 1e25,
      unit: "FLOP (cumulative training compute)",
      comparator: ">",
      article: "Art. 51(2)",
      amendableBy: "delegated act, Art. 51(3)",
      basis: "2024/1689",
      confidence: "V",
      source: ORIGINAL,
    },
  ],

  prohibitedPractices: [
    {
      point: "a",
      title: "Manipulative or deceptive techniques causing significant harm",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "b",
      title: "Exploiting vulnerabilities of age, disability or social or economic situation",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "ba",
      title: "Non-consensual intimate or sexually explicit images, video or audio of an identifiable person",
      appliesFrom: "prohibitions.art5-1-ba-bb",
      basis: "2026/1744",
    },
    {
      point: "bb",
      title: "Generating child sexual abuse material",
      appliesFrom: "prohibitions.art5-1-ba-bb",
      basis: "2026/1744",
    },
    {
      point: "c",
      title: "Social scoring leading to detrimental or disproportionate treatment",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "d",
      title: "Predicting criminal offending solely from profiling or personality traits",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "e",
      title: "Untargeted scraping of facial images for recognition databases",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "f",
      title: "Emotion inference in the workplace or education (save medical or safety reasons)",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "g",
      title: "Biometric categorisation inferring sensitive attributes",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
    {
      point: "h",
      title:
        "Real-time remote biometric identification in public spaces for law enforcement (narrow exceptions)",
      appliesFrom: "general-provisions-and-prohibitions",
      basis: "2024/1689",
    },
  ],

  annexIII: [
    {
      area: "1",
      title: "Biometrics",
      points: [
        { point: "1(a)", title: "Remote biometric identification" },
        { point: "1(b)", title: "Biometric categorisation by sensitive or protected attributes" },
        { point: "1(c)", title: "Emotion recognition" },
      ],
    },
    {
      area: "2",
      title: "Critical infrastructure",
      points: [
        {
          point: "2(a)",
          title: "Safety components of critical digital infrastructure, road traffic or utilities",
        },
      ],
    },
    {
      area: "3",
      title: "Education and vocational training",
      points: [
        { point: "3(a)", title: "Access, admission or assignment to institutions" },
        { point: "3(b)", title: "Evaluating learning outcomes" },
        { point: "3(c)", title: "Assessing the appropriate level of education" },
        { point: "3(d)", title: "Monitoring prohibited behaviour during tests" },
      ],
    },
    {
      area: "4",
      title: "Employment, workers' management and access to self-employment",
      points: [
        { point: "4(a)", title: "Recruitment or selection" },
        {
          point: "4(b)",
          title: "Decisions on work terms, promotion, termination, task allocation and monitoring",
        },
      ],
    },
    {
      area: "5",
      title: "Essential private and public services and benefits",
      points: [
        { point: "5(a)", title: "Eligibility for public assistance benefits and services" },
        { point: "5(b)", title: "Creditworthiness or credit score of natural persons" },
        { point: "5(c)", title: "Risk assessment and pricing in life and health insurance" },
        { point: "5(d)", title: "Emergency calls, dispatch and patient triage" },
      ],
    },
    {
      area: "6",
      title: "Law enforcement",
      points: [
        { point: "6(a)", title: "Risk of a person becoming a crime victim" },
        { point: "6(b)", title: "Polygraphs and similar tools" },
        { point: "6(c)", title: "Reliability of evidence" },
        {
          point: "6(d)",
          title: "Risk of offending or re-offending, personality traits or past criminal behaviour",
        },
        { point: "6(e)", title: "Profiling in detection, investigation or prosecution" },
      ],
    },
    {
      area: "7",
      title: "Migration, asylum and border control management",
      points: [
        { point: "7(a)", title: "Polygraphs and similar tools" },
        { point: "7(b)", title: "Security, irregular-migration or health risk posed by a person" },
        { point: "7(c)", title: "Examining asylum, visa or residence-permit applications" },
        { point: "7(d)", title: "Detecting, recognising or identifying persons" },
      ],
    },
    {
      area: "8",
      title: "Administration of justice and democratic processes",
      points: [
        { point: "8(a)", title: "Assisting judicial authorities in researching and applying the law" },
        { point: "8(b)", title: "Influencing elections, referendums or voting behaviour" },
      ],
    },
  ],

  art6_3Exceptions: [
    { letter: "a", title: "Performs a narrow procedural task" },
    { letter: "b", title: "Improves the result of a previously completed human activity" },
    { letter: "c", title: "Detects decision-making patterns or deviations without replacing human review" },
    { letter: "d", title: "Performs a preparatory task to an Annex III assessment" },
  ],

  art50: [
    {
      paragraph: "50(1)",
      role: "provider",
      flags: ["interactsWithPersons"],
      title: "Tell people they are interacting with an AI system",
    },
    {
      paragraph: "50(2)",
      role: "provider",
      flags: ["syntheticContent"],
      title: "Mark synthetic outputs as AI-generated in a machine-readable, detectable way",
    },
    {
      paragraph: "50(3)",
      role: "deployer",
      flags: ["emotionOrBiometricCategorisation"],
      title: "Inform people exposed to emotion recognition or biometric categorisation",
    },
    {
      paragraph: "50(4)",
      role: "deployer",
      flags: ["deepFake", "publicInterestText"],
      title: "Disclose deep fakes and AI-generated text on matters of public interest",
    },
  ],

  highRiskDates: { annex_i: "high-risk.annex-i", annex_iii: "high-risk.annex-iii" },
  gpaiSystemicRiskThreshold: "gpai.systemic-risk.training-compute",
  fria: { article: "Art. 27(1)", excludedAreas: ["2"], alwaysPoints: ["5(b)", "5(c)"] },
  registration: { nationalAreas: ["2"], nonPublicAreas: ["1", "6", "7"] },

  obligations: [
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

    highRisk("art9.risk-management", "Art. 9", "Risk management system over the whole lifecycle", [
      "provider",
    ]),
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
    highRisk("art20.corrective-actions", "Art. 20", "Corrective actions and duty of information", [
      "provider",
    ]),
    highRisk("art43.conformity-assessment", "Art. 43", "Conformity assessment before placing on the market", [
      "provider",
    ]),
    highRisk("art47.declaration-of-conformity", "Art. 47", "EU declaration of conformity", ["provider"]),
    highRisk("art48.ce-marking", "Art. 48", "CE marking", ["provider"]),
    highRisk("art72.post-market-monitoring", "Art. 72", "Post-market monitoring system and plan", [
      "provider",
    ]),
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
  ],

  // Art. 73 was not amended by 2026/1744 (consolidated text of 27 July 2026).
  incidentReporting: [
    {
      kind: "deployer_inform_provider",
      maxDays: 0,
      title:
        "Deployer informs the provider (first), then importer or distributor and authorities — immediately",
      role: "deployer",
      article: "Art. 26(5)",
      basis: "2024/1689",
      confidence: "V",
      source: ORIGINAL,
      note: "If the provider cannot be reached, Art. 73 applies to the deployer.",
    },
    {
      kind: "report_general",
      maxDays: 15,
      title: "Provider reports the serious incident to the market-surveillance authority — at the latest",
      role: "provider",
      article: "Art. 73(2)",
      basis: "2024/1689",
      confidence: "V",
      source: ORIGINAL,
      note: "Immediately once a causal link is established or reasonably likely; an initial incomplete report may be completed later.",
    },
    {
      kind: "report_death",
      maxDays: 10,
      title: "Provider reports a death (causal link established or suspected) — at the latest",
      role: "provider",
      article: "Art. 73(4)",
      basis: "2024/1689",
      confidence: "V",
      source: ORIGINAL,
    },
    {
      kind: "report_widespread_or_critical_infrastructure",
      maxDays: 2,
      title:
        "Provider reports a widespread infringement or a serious and irreversible critical-infrastructure disruption — at the latest",
      role: "provider",
      article: "Art. 73(3)",
      basis: "2024/1689",
      confidence: "V",
      source: ORIGINAL,
    },
  ],
};
