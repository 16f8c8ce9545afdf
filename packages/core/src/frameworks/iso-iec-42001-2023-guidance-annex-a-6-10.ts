import type { FrameworkGuidance } from "./framework";

/**
 * OpenAIMS guidance for ISO/IEC 42001:2023 Annex A groups A.6–A.10, written by contributors in their own
 * words. It is not text from Annex A or Annex B; check your licensed copy for what is normative.
 */
export const iso42001AnnexA6to10Guidance: Record<string, FrameworkGuidance> = {
  "A.6.1.2": {
    intent:
      "Set concrete goals for building AI responsibly (for example fairness, transparency, robustness) and " +
      "make them part of how development work is judged.",
    evidence: ["Documented responsible-development objectives", "Design reviews that check against them"],
    auditQuestions: [
      "Which responsible-development objectives apply to your teams?",
      "How do you show a system met them before release?",
    ],
  },
  "A.6.1.3": {
    intent:
      "Define the process teams follow to design and build AI systems responsibly, including stage gates, " +
      "reviews and sign-offs.",
    evidence: ["A documented AI development process with stage gates", "Completed gate checklists"],
    auditQuestions: [
      "What steps must a new AI system pass before it can be deployed?",
      "Who signs off each stage, and what happens when a gate fails?",
    ],
  },
  "A.6.2.2": {
    intent:
      "Write down what a new AI system, or a major change, must do and must not do — functional, performance " +
      "and responsible-AI requirements — before building it.",
    evidence: ["Requirement specifications per AI system", "Traceability from requirements to tests"],
    auditQuestions: [
      "Where are this system's requirements, including limits on what it may be used for?",
      "How were affected users' needs captured?",
    ],
  },
  "A.6.2.3": {
    intent:
      "Record design and development decisions — model choice, training approach, trade-offs made — so they " +
      "can be understood and revisited later.",
    evidence: ["Design documents or decision records", "Model cards or training reports"],
    auditQuestions: [
      "Why was this model architecture chosen over the alternatives?",
      "Where are the trade-offs between accuracy and other goals recorded?",
    ],
  },
  "A.6.2.4": {
    intent:
      "Test that the system was built right and is the right system: define verification and validation " +
      "methods, acceptance criteria and the data used to evaluate it.",
    evidence: [
      "Test and evaluation plans with acceptance criteria",
      "Evaluation results, including on held-out or real-world data",
      "A release decision referring to those results",
    ],
    auditQuestions: [
      "What acceptance criteria did this system have to meet, and did it meet them?",
      "How did you make sure evaluation data was representative of real use?",
    ],
  },
  "A.6.2.5": {
    intent:
      "Plan the deployment of an AI system and check its requirements are met before it goes live in the " +
      "target environment.",
    evidence: ["Deployment plans and go-live checklists", "Release approvals"],
    auditQuestions: [
      "Who approved this system going live, and on what basis?",
      "How do you roll back if a deployment causes problems?",
    ],
  },
  "A.6.2.6": {
    intent:
      "Operate the AI system as intended and watch it in production — performance, drift, errors, misuse — " +
      "with a plan for responding when something goes wrong.",
    evidence: [
      "Monitoring dashboards and alert rules",
      "Operating procedures and on-call arrangements",
      "Records of issues found in production and the response",
    ],
    auditQuestions: [
      "How would you notice that this model's performance has degraded?",
      "What happened the last time a monitoring alert fired?",
    ],
  },
  "A.6.2.7": {
    intent:
      "Keep technical documentation that lets the right audiences — operators, auditors, regulators — " +
      "understand how the system works and its limits.",
    evidence: ["Technical documentation per AI system, kept current", "Records of who receives it"],
    auditQuestions: [
      "Which audiences need technical documentation for this system, and what do they get?",
      "How do you keep it current when the system changes?",
    ],
  },
  "A.6.2.8": {
    intent:
      "Decide which events an AI system must log, and keep logs long enough to trace its behaviour and " +
      "investigate incidents.",
    evidence: ["A logging specification per AI system", "Samples of logs and the retention setting"],
    auditQuestions: [
      "Which events does this system log, and how long are logs kept?",
      "Could you reconstruct why the system produced a given output last month?",
    ],
  },
  "A.7.2": {
    intent:
      "Manage the data used to develop and improve AI systems through defined processes covering its whole " +
      "life, from selection to disposal.",
    evidence: ["Data management procedures for AI", "Records tying datasets to the systems trained on them"],
    auditQuestions: [
      "How do you decide which data may be used to train or improve a system?",
      "What happens to training data when a system is retired?",
    ],
  },
  "A.7.3": {
    intent:
      "Get data from suitable sources on suitable terms, and record what was acquired, from where and under " +
      "which rights.",
    evidence: ["Data acquisition records with source and licence or legal basis", "Supplier data agreements"],
    auditQuestions: [
      "On what basis may you use this dataset for this purpose?",
      "How do you vet a new external data source?",
    ],
  },
  "A.7.4": {
    intent:
      "Define what good-enough data means for each AI system — accuracy, completeness, representativeness — " +
      "and check data against it.",
    evidence: ["Data quality requirements per system", "Data quality reports or validation results"],
    auditQuestions: [
      "What data quality criteria apply to this system, and how are they checked?",
      "What did you do the last time data failed a quality check?",
    ],
  },
  "A.7.5": {
    intent:
      "Be able to trace where data came from and what happened to it along the way, for the whole time it is " +
      "used.",
    evidence: [
      "Lineage records or data catalogue entries",
      "Version identifiers for datasets used in training",
    ],
    auditQuestions: [
      "Which exact dataset version was this model trained on?",
      "Can you trace a training record back to its original source?",
    ],
  },
  "A.7.6": {
    intent:
      "Define and document how data is prepared — cleaning, labelling, transforming, splitting — so results " +
      "are repeatable and biases are not introduced unnoticed.",
    evidence: ["Documented preparation steps or pipeline code", "Labelling guidelines and quality checks"],
    auditQuestions: [
      "How were the labels produced, and how was labelling quality checked?",
      "Could you rerun the preparation and get the same dataset?",
    ],
  },
  "A.8.2": {
    intent:
      "Give users the information they need to use the AI system properly: what it does, its limits, and how " +
      "to interpret its outputs.",
    evidence: ["User documentation or instructions for use", "In-product notices that AI is involved"],
    auditQuestions: [
      "What do users learn about this system's limitations before relying on it?",
      "How do users know they are interacting with AI?",
    ],
  },
  "A.8.3": {
    intent:
      "Give interested parties a way to report adverse effects of an AI system to the organization, and act " +
      "on what they report.",
    evidence: ["A public reporting channel for AI issues", "A log of external reports and responses"],
    auditQuestions: [
      "How can someone outside the organization report a problem with this system?",
      "Show me how an external report was handled.",
    ],
  },
  "A.8.4": {
    intent:
      "Plan how incidents involving AI systems are communicated to users and other affected parties, " +
      "including who is told, when and by whom.",
    evidence: [
      "An incident communication plan covering AI",
      "Records of notifications sent for past incidents",
    ],
    auditQuestions: [
      "Who must be informed when this system causes harm, and how quickly?",
      "Which regulators or customers have notification deadlines you must meet?",
    ],
  },
  "A.8.5": {
    intent:
      "Decide which information about AI systems is owed to interested parties — regulators, customers, " +
      "affected people — and provide it.",
    evidence: ["A register of reporting obligations", "Copies of information provided"],
    auditQuestions: [
      "What information about your AI systems must you provide, and to whom?",
      "How do you make sure obligations are met on time?",
    ],
  },
  "A.9.2": {
    intent:
      "Define how AI systems may be used responsibly inside the organization, including approvals and " +
      "checks before a new use starts.",
    evidence: ["An acceptable-use procedure for AI systems", "Approval records for new uses"],
    auditQuestions: [
      "What must someone do before using an AI tool for a new purpose?",
      "How do you find AI use that bypassed the process?",
    ],
  },
  "A.9.3": {
    intent:
      "Set goals for using AI responsibly (for example human oversight, fairness, accountability) and check " +
      "that use meets them.",
    evidence: ["Documented responsible-use objectives", "Monitoring results against them"],
    auditQuestions: [
      "Which objectives guide how your staff use AI systems?",
      "How do you measure whether use stays within them?",
    ],
  },
  "A.9.4": {
    intent:
      "Use each AI system only for its intended purpose and according to its documentation, and watch for " +
      "use drifting beyond it.",
    evidence: [
      "A stated intended use per system in the AI register",
      "Usage reviews or monitoring for misuse",
    ],
    auditQuestions: [
      "What is this system's intended use, and where is it written?",
      "How would you detect the system being used for something else?",
    ],
  },
  "A.10.2": {
    intent:
      "Split responsibilities for an AI system clearly between the organization, its suppliers, partners and " +
      "customers.",
    evidence: ["Contracts or agreements stating AI responsibilities", "A responsibility matrix per system"],
    auditQuestions: [
      "Who is responsible for monitoring this system: you, the vendor or the customer?",
      "Where are those responsibilities agreed in writing?",
    ],
  },
  "A.10.3": {
    intent:
      "Choose and manage suppliers of AI systems, models, data and services so that what they deliver fits " +
      "your approach to responsible AI.",
    evidence: [
      "Supplier due-diligence questionnaires covering AI",
      "Contract clauses on AI obligations",
      "Periodic supplier reviews",
    ],
    auditQuestions: [
      "How did you assess the supplier of this model or dataset?",
      "What can you require of a supplier when their AI component changes?",
    ],
  },
  "A.10.4": {
    intent:
      "Take customers' needs and expectations into account when you provide AI systems or services to them, " +
      "and tell them what they need to use them responsibly.",
    evidence: ["Customer-facing AI documentation and terms", "Records of customer requirements and feedback"],
    auditQuestions: [
      "What do customers need to know to use your AI product responsibly, and how do they get it?",
      "How do customer complaints about AI behaviour reach the right team?",
    ],
  },
};
