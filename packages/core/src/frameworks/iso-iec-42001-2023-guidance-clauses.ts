import type { FrameworkGuidance } from "./framework";

/**
 * OpenAIMS guidance for the ISO/IEC 42001:2023 management-system clauses (4–10), written by contributors in
 * their own words from common management-system practice. It is not text from the standard; check your
 * licensed copy for what is normative.
 */
export const iso42001ClauseGuidance: Record<string, FrameworkGuidance> = {
  "4.1": {
    intent:
      "Know the situation you are building AI in: what you use or sell AI for, which internal and external " +
      "factors (laws, markets, culture, technology) shape it, and which role you play for each system.",
    evidence: [
      "A context analysis (for example a PESTLE or SWOT note) reviewed in the last year",
      "The organization's role per AI system (provider, deployer, user…) recorded in the AI register",
      "Notes on how climate, legal and ethical considerations were weighed",
    ],
    auditQuestions: [
      "Which external and internal issues matter most for your AI work, and where are they written down?",
      "How do you know your context analysis is still current?",
      "What role does the organization play for each AI system in scope?",
    ],
  },
  "4.2": {
    intent:
      "Identify who has a stake in your AI systems — customers, affected people, regulators, staff — and " +
      "decide which of their expectations you commit to meeting.",
    evidence: [
      "A register of interested parties with their relevant expectations",
      "A record of which expectations became obligations of the management system",
    ],
    auditQuestions: [
      "Who are the interested parties of your AI systems, including people affected but not using them?",
      "Which of their expectations have you taken on as requirements, and why those?",
    ],
  },
  "4.3": {
    intent:
      "Draw the boundary of the AI management system: which units, sites, products and AI systems it covers, " +
      "and justify anything left out.",
    evidence: [
      "A written, approved scope statement",
      "The list of AI systems in scope, traceable to the AI register",
      "Reasons for any exclusions",
    ],
    auditQuestions: [
      "Show me the scope statement. Which AI systems does it cover?",
      "How did the context and interested parties influence where the boundary sits?",
      "Is any AI system in use outside the scope, and why?",
    ],
  },
  "4.4": {
    intent:
      "Run AI governance as a connected set of processes that is set up, operated, maintained and improved " +
      "over time, rather than as one-off projects.",
    evidence: [
      "A description or map of the management-system processes and how they interact",
      "Process owners named for each process",
      "Records showing the processes ran and were improved",
    ],
    auditQuestions: [
      "Which processes make up your AI management system and who owns each?",
      "How do the processes hand work to each other, for example risk assessment to treatment?",
    ],
  },
  "5.1": {
    intent:
      "Top management visibly owns AI governance: it sets direction, provides resources, ties the system " +
      "into business processes and holds people accountable for results.",
    evidence: [
      "Minutes of leadership meetings where AI governance decisions were taken",
      "Approved budget or staffing for the management system",
      "Communications from leadership on responsible AI",
    ],
    auditQuestions: [
      "How does top management show it is accountable for the AI management system?",
      "What did leadership decide about AI governance in the last review cycle?",
      "How are AI governance requirements built into everyday business processes?",
    ],
  },
  "5.2": {
    intent:
      "Leadership issues a short AI policy that sets direction, commits to meeting obligations and to " +
      "improvement, and frames the AI objectives.",
    evidence: [
      "The approved AI policy under document control",
      "Proof it was communicated to staff and is available to interested parties where appropriate",
    ],
    auditQuestions: [
      "Who approved the AI policy and when was it last reviewed?",
      "How do staff learn about the policy, and can they explain what it means for their work?",
      "How does the policy connect to your AI objectives?",
    ],
  },
  "5.3": {
    intent:
      "Make it clear who is responsible and who has authority for each part of AI governance, including who " +
      "reports on performance to top management.",
    evidence: [
      "A roles and responsibilities register or RACI for AI governance",
      "Appointment records for key roles",
      "Job descriptions that mention AI governance duties",
    ],
    auditQuestions: [
      "Who is accountable for AI risk, and who can stop a system from going live?",
      "Who reports on the performance of the management system to top management, and how often?",
    ],
  },
  "6.1.1": {
    intent:
      "When planning the management system, look at what could stop it from working or help it work better, " +
      "and plan actions for both risks and opportunities.",
    evidence: [
      "A list of risks and opportunities for the management system itself",
      "Planned actions with owners and a way to check they worked",
      "Documented criteria separating acceptable from unacceptable AI risk",
    ],
    auditQuestions: [
      "Which risks and opportunities did you identify for the management system, and what are you doing about them?",
      "How did you decide what level of AI risk is acceptable?",
    ],
  },
  "6.1.2": {
    intent:
      "Define a repeatable way to assess AI risks — how risks are found, analysed and rated against criteria " +
      "— so that different assessors reach comparable results.",
    evidence: [
      "A documented AI risk assessment method with likelihood and consequence scales",
      "Risk acceptance criteria approved by management",
      "A template or tool used for every assessment",
    ],
    auditQuestions: [
      "Walk me through your AI risk assessment method. Who approved it?",
      "How do you make sure two assessors would rate the same risk the same way?",
      "How do impact assessment results feed into risk ratings?",
    ],
  },
  "6.1.3": {
    intent:
      "Define how AI risks are treated: choose options, pick the controls needed, compare them with Annex A, " +
      "and record the choice and justification in a Statement of Applicability and a treatment plan.",
    evidence: [
      "A Statement of Applicability listing each control, whether it applies, why, and its implementation status",
      "A risk treatment plan with owners and dates",
      "Risk owners' approval of the plan and of the residual risk",
    ],
    auditQuestions: [
      "Show me your Statement of Applicability. Why did you exclude the controls you excluded?",
      "How did you check that no necessary control was missed?",
      "Who accepted the residual risks, and where is that recorded?",
    ],
  },
  "6.1.4": {
    intent:
      "Define how you assess the consequences an AI system can have for people, groups and society, and when " +
      "such an assessment must be done or redone.",
    evidence: [
      "A documented impact assessment procedure with triggers (new system, major change, new use)",
      "Criteria for which systems need a full assessment",
      "A standard template for assessments",
    ],
    auditQuestions: [
      "When is an impact assessment required, and who decides?",
      "How do impact assessment results flow into the risk assessment?",
    ],
  },
  "6.2": {
    intent:
      "Set measurable AI objectives consistent with the policy and plan how to reach them: what, who, with " +
      "what resources, by when, and how results are judged.",
    evidence: [
      "A list of AI objectives with measures and targets",
      "Plans with owners, resources and deadlines",
      "Progress reports against the objectives",
    ],
    auditQuestions: [
      "What are your current AI objectives and how are they measured?",
      "How are you doing against them, and what happens when one slips?",
    ],
  },
  "6.3": {
    intent:
      "Change the management system deliberately: plan changes, consider their consequences and keep the " +
      "system working while they happen.",
    evidence: [
      "A change log for the management system",
      "Change requests showing impact was considered before approval",
    ],
    auditQuestions: [
      "What significant changes did you make to the management system recently, and how were they planned?",
      "How did you make sure a change did not weaken existing controls?",
    ],
  },
  "7.1": {
    intent: "Provide the people, budget, tools and infrastructure the AI management system needs to work.",
    evidence: [
      "Budget and staffing decisions for AI governance",
      "A resource plan or inventory linked to AI systems in scope",
    ],
    auditQuestions: [
      "How did you determine what resources the management system needs?",
      "Where have resource shortfalls affected AI governance, and what was done?",
    ],
  },
  "7.2": {
    intent:
      "Make sure people whose work affects AI performance or risk are competent, and close gaps through " +
      "training, mentoring or hiring.",
    evidence: [
      "A competence matrix for AI-related roles",
      "Training records and certificates",
      "Evaluations showing training was effective",
    ],
    auditQuestions: [
      "What competence do you require for roles such as model developer or AI risk owner?",
      "How do you check that someone is competent before they take on the role?",
      "How do you know training actually worked?",
    ],
  },
  "7.3": {
    intent:
      "Staff know the AI policy, how their work contributes to responsible AI, and what happens if they do " +
      "not follow the management system.",
    evidence: [
      "Awareness sessions or onboarding material on the AI policy",
      "Attendance records or completion tracking",
    ],
    auditQuestions: [
      "Can staff explain the AI policy and their part in it?",
      "How do people learn what is expected of them when they start working with AI systems?",
    ],
  },
  "7.4": {
    intent:
      "Decide what is communicated about AI governance, to whom, when, how and by whom — inside the " +
      "organization and outside it.",
    evidence: [
      "A communication plan or matrix",
      "Records of communications sent (notices, reports, announcements)",
    ],
    auditQuestions: [
      "Which internal and external communications does the management system require?",
      "Who may speak externally about your AI systems?",
    ],
  },
  "7.5.1": {
    intent:
      "Keep the documents and records the standard expects plus whatever else you need to run AI governance " +
      "effectively — no more, no less.",
    evidence: [
      "A list of mandatory and organization-chosen documented information",
      "Links from each list entry to the current document or record",
    ],
    auditQuestions: [
      "Which documents did you decide are needed beyond the mandatory ones, and why?",
      "Where would I find the current version of each?",
    ],
  },
  "7.5.2": {
    intent:
      "Documents carry an identity (title, owner, date, version), use a suitable format, and are reviewed and " +
      "approved before use.",
    evidence: ["Documents with version history and named approvers", "A document template or style guide"],
    auditQuestions: [
      "How is a new governance document reviewed and approved?",
      "How can a reader tell whether a document is current?",
    ],
  },
  "7.5.3": {
    intent:
      "Documented information is available where needed, protected from misuse or loss, and its " +
      "distribution, change, retention and disposal are controlled.",
    evidence: [
      "Access controls on the document repository",
      "A retention schedule",
      "Version control showing superseded documents are withdrawn",
    ],
    auditQuestions: [
      "Who can change a controlled document, and how is that enforced?",
      "How long do you keep AI assessment records, and why that long?",
      "How do you handle documents that come from outside the organization?",
    ],
  },
  "8.1": {
    intent:
      "Plan and run the processes that deliver AI governance day to day, with criteria for each, and control " +
      "planned changes and outsourced work.",
    evidence: [
      "Operating procedures for AI development, deployment and use",
      "Records showing processes ran as planned",
      "Controls over externally provided processes or AI components",
    ],
    auditQuestions: [
      "How do you know your AI processes are running as planned?",
      "How are outsourced AI activities controlled?",
      "What happened the last time an unplanned change occurred?",
    ],
  },
  "8.2": {
    intent:
      "Actually carry out AI risk assessments with the agreed method — at planned intervals and when " +
      "significant changes happen — and keep the results.",
    evidence: [
      "Completed risk assessments for the AI systems in scope",
      "A risk register with ratings and dates",
      "Reassessments triggered by significant changes",
    ],
    auditQuestions: [
      "Show me the latest risk assessment for one of your AI systems.",
      "What triggered your most recent reassessment?",
      "Are any AI systems in scope without a current risk assessment?",
    ],
  },
  "8.3": {
    intent: "Carry out the risk treatment plan and check that it worked; keep the results.",
    evidence: [
      "Implemented treatment actions with completion evidence",
      "Residual risk ratings after treatment",
      "Updates to the treatment plan when actions proved ineffective",
    ],
    auditQuestions: [
      "Which treatment actions are overdue, and what are you doing about it?",
      "How did you confirm a treatment reduced the risk as intended?",
    ],
  },
  "8.4": {
    intent:
      "Carry out AI system impact assessments as the procedure requires — at planned intervals and on " +
      "significant change — and keep the results.",
    evidence: [
      "Completed impact assessments for the AI systems that need one",
      "Reassessment records after significant changes",
    ],
    auditQuestions: [
      "Show me a completed impact assessment. Who took part in it?",
      "Which changes to an AI system triggered a new impact assessment?",
    ],
  },
  "9.1": {
    intent:
      "Decide what to monitor and measure about AI systems and the management system, how and when, and " +
      "analyse the results to judge performance and effectiveness.",
    evidence: [
      "A monitoring and measurement plan with metrics and frequencies",
      "Dashboards or reports with results",
      "Analyses that led to decisions",
    ],
    auditQuestions: [
      "What do you measure to know the management system is effective?",
      "Who analyses the results, and what did the last analysis change?",
    ],
  },
  "9.2.1": {
    intent:
      "Check through internal audits, at planned intervals, that the AI management system meets your own " +
      "requirements and the standard's, and that it is working in practice.",
    evidence: ["Internal audit reports", "Findings tracked to closure"],
    auditQuestions: [
      "When was the last internal audit and what did it find?",
      "How are audit findings followed up?",
    ],
  },
  "9.2.2": {
    intent:
      "Plan audits as a programme: frequency, methods, responsibilities, criteria and scope of each audit, " +
      "with auditors who are objective and impartial.",
    evidence: [
      "The audit programme covering the whole management system over a cycle",
      "Audit plans per audit with scope and criteria",
      "Evidence of auditor independence and competence",
    ],
    auditQuestions: [
      "How did you decide how often each area is audited?",
      "How do you make sure auditors do not audit their own work?",
    ],
  },
  "9.3.1": {
    intent:
      "Top management reviews the AI management system at planned intervals to confirm it is still suitable, " +
      "adequate and effective.",
    evidence: ["A schedule of management reviews", "Minutes of the latest review with attendees"],
    auditQuestions: [
      "When did top management last review the management system, and who attended?",
      "How often are reviews held, and why that frequency?",
    ],
  },
  "9.3.2": {
    intent:
      "The review looks at the right inputs: status of earlier actions, changes in context, performance " +
      "trends, audit results, feedback from interested parties and improvement opportunities.",
    evidence: ["A review agenda or pack covering each input", "Reports presented at the review"],
    auditQuestions: [
      "What information did top management receive for the last review?",
      "How were audit results and nonconformity trends presented?",
    ],
  },
  "9.3.3": {
    intent:
      "The review ends in decisions — improvements, changes to the management system, resource needs — that " +
      "are recorded and followed up.",
    evidence: [
      "Decisions and actions from the review with owners and due dates",
      "Follow-up of review actions in later reviews",
    ],
    auditQuestions: [
      "What did the last management review decide, and what has been done since?",
      "Which review decisions changed the management system?",
    ],
  },
  "10.1": {
    intent:
      "Keep making the AI management system more suitable, adequate and effective, using what monitoring, " +
      "audits and reviews reveal.",
    evidence: [
      "An improvement log or backlog with completed items",
      "Trend data showing the effect of improvements",
    ],
    auditQuestions: [
      "Give me an example of an improvement made in the last year and what prompted it.",
      "How do you choose which improvements to pursue?",
    ],
  },
  "10.2": {
    intent:
      "When something does not conform, contain it, deal with the consequences, find the root cause, fix it " +
      "so it does not recur, and check the fix worked.",
    evidence: [
      "A nonconformity and corrective action register",
      "Root-cause analyses",
      "Effectiveness checks on closed actions",
    ],
    auditQuestions: [
      "Show me a recent nonconformity from detection to closure.",
      "How did you confirm the corrective action was effective?",
      "Did you look for similar problems elsewhere?",
    ],
  },
};
