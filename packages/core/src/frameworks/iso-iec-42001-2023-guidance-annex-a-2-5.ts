import type { FrameworkGuidance } from "./framework";

/**
 * OpenAIMS guidance for ISO/IEC 42001:2023 Annex A groups A.2–A.5, written by contributors in their own
 * words. It is not text from Annex A or Annex B; check your licensed copy for what is normative.
 */
export const iso42001AnnexA2to5Guidance: Record<string, FrameworkGuidance> = {
  "A.2.2": {
    intent: "Have a documented AI policy that tells people how the organization develops, buys and uses AI.",
    evidence: ["The approved AI policy", "Records of its publication to staff"],
    auditQuestions: [
      "Which activities does the AI policy cover: building, buying, using AI, or all of them?",
      "How is the policy kept consistent with your business strategy?",
    ],
  },
  "A.2.3": {
    intent:
      "Make sure the AI policy fits with other policies — security, privacy, quality, procurement — and " +
      "resolve overlaps and contradictions.",
    evidence: [
      "A mapping of the AI policy against related policies",
      "Cross-references or amendments made to other policies",
    ],
    auditQuestions: [
      "Which existing policies does AI touch, and how were conflicts resolved?",
      "Who checks alignment when another policy changes?",
    ],
  },
  "A.2.4": {
    intent:
      "Review the AI policy on a schedule and when circumstances change, so it stays suitable and effective.",
    evidence: [
      "Review dates and outcomes in the policy's version history",
      "Review minutes or approval records",
    ],
    auditQuestions: [
      "When was the AI policy last reviewed, and what changed as a result?",
      "What events trigger an unscheduled review?",
    ],
  },
  "A.3.2": {
    intent:
      "Define and assign the roles needed across the AI life cycle, such as system owner, risk owner, data " +
      "steward and human overseer.",
    evidence: ["A roles register with named people per AI system", "A RACI for AI life-cycle activities"],
    auditQuestions: [
      "Who owns this AI system, and who is accountable for its risks?",
      "How do you make sure every AI system in scope has its key roles filled?",
    ],
  },
  "A.3.3": {
    intent:
      "Give people — staff and outsiders — a way to raise concerns about an AI system, with protection from " +
      "retaliation and a process to investigate.",
    evidence: [
      "A documented reporting channel (form, mailbox, hotline) and its publicity",
      "A log of concerns received and how each was handled",
    ],
    auditQuestions: [
      "How would an employee raise a concern about an AI system, anonymously if needed?",
      "Show me how a recent concern was investigated and closed.",
      "How are reporters protected against reprisals?",
    ],
  },
  "A.4.2": {
    intent:
      "Record the resources each AI system depends on — data, tools, computing, people — so gaps and " +
      "dependencies are visible.",
    evidence: ["Resource inventories per AI system, linked from the AI register", "Dependency diagrams"],
    auditQuestions: [
      "What resources does this AI system depend on across its life cycle?",
      "How is the resource record kept current when the system changes?",
    ],
  },
  "A.4.3": {
    intent:
      "Document the data an AI system uses: where it comes from, what it covers, its categories and known " +
      "limitations.",
    evidence: ["Dataset descriptions or datasheets", "A data inventory linked to each AI system"],
    auditQuestions: [
      "Which datasets does this system use, and what are their known gaps?",
      "Where do you record a dataset's intended use and date of collection?",
    ],
  },
  "A.4.4": {
    intent:
      "Document the tools used to build and run AI systems — frameworks, libraries, pipelines, evaluation " +
      "tools — including their versions.",
    evidence: ["A tooling inventory with versions", "A software bill of materials for AI components"],
    auditQuestions: [
      "Which tools and libraries does this system's pipeline rely on?",
      "How do you track updates or vulnerabilities in those tools?",
    ],
  },
  "A.4.5": {
    intent:
      "Document the computing and system resources AI systems need, such as hardware, cloud services and " +
      "capacity, and where they run.",
    evidence: ["Infrastructure documentation per AI system", "Capacity plans or hosting records"],
    auditQuestions: [
      "Where does this AI system run, and who provides the infrastructure?",
      "How do you plan capacity for training and inference?",
    ],
  },
  "A.4.6": {
    intent:
      "Document the people and skills each AI system needs over its life cycle, so the right expertise is " +
      "available at every stage.",
    evidence: ["Skill requirements per AI system or role", "Staffing records matched to those requirements"],
    auditQuestions: [
      "Which skills does this AI system need to be built, operated and overseen?",
      "What happens when a key person leaves?",
    ],
  },
  "A.5.2": {
    intent:
      "Have a process for assessing what an AI system could do to people and society, covering when to assess, " +
      "who takes part and how results are used.",
    evidence: ["The impact assessment procedure", "Records showing the procedure is applied to new systems"],
    auditQuestions: [
      "Which AI systems have gone through the impact assessment process?",
      "How do you decide who must be involved in an assessment?",
    ],
  },
  "A.5.3": {
    intent: "Keep the results of impact assessments as records, retained for a defined period.",
    evidence: ["Completed, dated and approved impact assessments", "A retention rule for assessment records"],
    auditQuestions: [
      "Where are past impact assessments kept, and for how long?",
      "Can you show the assessment history of one AI system?",
    ],
  },
  "A.5.4": {
    intent:
      "Assess how an AI system could affect particular people or groups — fairness, safety, privacy, access " +
      "to services — and plan how to reduce harm.",
    evidence: [
      "Impact assessments naming affected groups and potential harms",
      "Bias or fairness analyses",
      "Mitigations linked to the harms they address",
    ],
    auditQuestions: [
      "Which groups of people could this system affect, including people who never use it directly?",
      "How did you check for unequal outcomes across groups?",
    ],
  },
  "A.5.5": {
    intent:
      "Assess wider effects of an AI system on society — environment, economy, democracy, public health — " +
      "where relevant to its use.",
    evidence: ["Societal impact sections in impact assessments", "Decisions on systems with broad reach"],
    auditQuestions: [
      "Which societal effects did you consider for this system, and which did you rule out?",
      "How did societal impacts influence design or deployment decisions?",
    ],
  },
};
