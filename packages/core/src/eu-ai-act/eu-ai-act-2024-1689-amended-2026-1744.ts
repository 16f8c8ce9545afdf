import { obligations2024_1689Amended2026_1744 } from "./eu-ai-act-2024-1689-amended-2026-1744-obligations";
import type { EuAiActRules } from "./rules";

/**
 * EU AI Act rule data: Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744 (consolidated text
 * CELEX 02024R1689-20260727). Short titles are OpenAIMS's own summaries, not the legal text; the regulation
 * itself is the authority. Facts and confidence tags follow the project's reference notes (shared/reference).
 */

const ORIGINAL = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";
const CONSOLIDATED = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02024R1689-20260727";

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

  obligations: obligations2024_1689Amended2026_1744,

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
