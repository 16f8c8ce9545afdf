import type { VendorRiskRating } from "../schemas/vendors";

/**
 * The AI-supplier due-diligence questionnaire (ISO/IEC 42001 A.10.2–A.10.4; EU AI Act Art. 13, 25, 47, 53 as
 * named in `/work/shared/reference/eu-ai-act.md`). Written by OpenAIMS: every question and help text is our own.
 * Versioned data: a completed response keeps the `version` it answered; change questions only by publishing a new
 * version (ids of kept questions stay the same so drafts carry over).
 */
export const choiceAnswers = ["yes", "partial", "no", "na"] as const;
export type ChoiceAnswer = (typeof choiceAnswers)[number];

interface QuestionBase {
  /** stable across questionnaire versions while the question means the same */
  id: string;
  text: string;
  help: string;
}
export interface ChoiceQuestion extends QuestionBase {
  type: "choice";
  /** 1–3: how much an unfavourable answer weighs in the score */
  weight: number;
  /** the answer that carries no risk; the other of yes/no carries the full weight, partial half of it */
  favourable: "yes" | "no";
  /** answers that are listed as concerns */
  concernWhen: ChoiceAnswer[];
  /** a concern here lifts the suggested rating to at least this */
  escalatesTo?: VendorRiskRating;
}
export interface DateQuestion extends QuestionBase {
  type: "date";
  weight: number;
  /** a missing date, or one older than this many months at scoring time, is a concern */
  staleAfterMonths: number;
}
export interface TextQuestion extends QuestionBase {
  type: "text";
}
export type Question = ChoiceQuestion | DateQuestion | TextQuestion;

export interface QuestionnaireSection {
  id: string;
  title: string;
  /** the ISO/IEC 42001 control or EU AI Act articles the section serves (IDs only) */
  refs: string[];
  questions: Question[];
}

export interface Questionnaire {
  version: string;
  title: string;
  sections: QuestionnaireSection[];
  /** share of the applicable weight that is at risk, at or above which a rating is suggested */
  thresholds: { medium: number; high: number; critical: number };
}

const yes = (
  id: string,
  weight: number,
  text: string,
  help: string,
  extra: Partial<Pick<ChoiceQuestion, "concernWhen" | "escalatesTo">> = {},
): ChoiceQuestion => ({
  id,
  type: "choice",
  weight,
  favourable: "yes",
  concernWhen: ["no"],
  text,
  help,
  ...extra,
});
const text = (id: string, t: string, help: string): TextQuestion => ({ id, type: "text", text: t, help });

export const aiSupplierQuestionnaire: Questionnaire = {
  version: "2026.1",
  title: "AI-supplier due diligence",
  thresholds: { medium: 0.15, high: 0.35, critical: 0.6 },
  sections: [
    {
      id: "supply",
      title: "The supplied AI and its intended use",
      refs: ["A.10.3"],
      questions: [
        text(
          "supply.description",
          "What AI system, model or service does the vendor supply, and in which version?",
          "Name the product, the model behind it if known, and the version or release you use.",
        ),
        yes(
          "supply.intended_use",
          2,
          "Has the vendor documented what the supply is meant for and the uses it does not support?",
          "Without a stated purpose you cannot tell whether your use is one the vendor designed and tested for.",
        ),
        yes(
          "supply.change_notice",
          2,
          "Does the vendor tell you in advance about new model versions, retraining or withdrawal?",
          "Silent model changes can alter behaviour you have already assessed; ask for notice and release notes.",
          { concernWhen: ["no", "partial"] },
        ),
      ],
    },
    {
      id: "data",
      title: "Data, training provenance and licensing",
      refs: ["A.7", "A.10.3"],
      questions: [
        yes(
          "data.provenance",
          2,
          "Can the vendor describe where its training data came from and how it was collected?",
          "A summary of sources and collection methods is enough; you need to know the data is not of unknown origin.",
        ),
        yes(
          "data.licensing",
          3,
          "Does the vendor confirm it had the right to use its training data (licences, copyright, text-and-data-mining opt-outs)?",
          "Unlicensed training data can expose you to claims and can force the vendor to withdraw the model.",
          { escalatesTo: "high" },
        ),
        yes(
          "data.personal_data",
          3,
          "If personal data was used to train the model, does the vendor name its lawful basis and safeguards?",
          "Answer n/a when the vendor states that no personal data was used for training.",
          { escalatesTo: "high" },
        ),
        {
          id: "data.customer_data_reuse",
          type: "choice",
          weight: 3,
          favourable: "no",
          concernWhen: ["yes", "partial"],
          escalatesTo: "high",
          text: "Does the vendor use the inputs and outputs you send it to train or improve its own models without your opt-in?",
          help: "A 'yes' means your data, and your customers' data, may leave your control; check the terms of service.",
        },
      ],
    },
    {
      id: "evaluation",
      title: "Evaluation and bias testing",
      refs: ["A.6.2.4", "A.10.3"],
      questions: [
        yes(
          "eval.performance",
          2,
          "Has the vendor shared evaluation results (accuracy, robustness) for conditions like yours?",
          "Benchmarks on data unlike yours say little about how the supply will behave in your setting.",
        ),
        yes(
          "eval.bias",
          3,
          "Has the vendor tested for unequal performance across groups of people and shared the results?",
          "Ask which groups were compared, on what data, and what differences were found and mitigated.",
          { concernWhen: ["no", "partial"] },
        ),
        {
          id: "eval.last_evaluated",
          type: "date",
          weight: 1,
          staleAfterMonths: 12,
          text: "When did the vendor last evaluate the version you use?",
          help: "Leave empty if the vendor cannot say; an evaluation older than a year counts as a concern.",
        },
      ],
    },
    {
      id: "security",
      title: "Security and incident notification",
      refs: ["A.10.2", "A.10.3"],
      questions: [
        yes(
          "security.assessment",
          2,
          "Is the service covered by an independent security certification or assessment?",
          "For example an ISO/IEC 27001 certificate or a SOC 2 report whose scope includes the AI service.",
        ),
        yes(
          "security.adversarial",
          2,
          "Does the vendor test the model against misuse and adversarial inputs?",
          "Prompt injection, data poisoning, model extraction and jailbreaks, as far as they apply to the supply.",
        ),
        yes(
          "security.incident_notice",
          3,
          "Will the vendor notify you of security incidents and AI malfunctions that affect you, within an agreed time?",
          "You may have your own reporting deadlines (serious incidents, personal-data breaches) that depend on it.",
          { escalatesTo: "high" },
        ),
        text(
          "security.notice_terms",
          "What notification time is agreed, and through which channel?",
          "For example: 24 hours, by e-mail to the security contact named in the contract.",
        ),
      ],
    },
    {
      id: "transparency",
      title: "Transparency and documentation",
      refs: ["A.8.2", "A.10.3", "EU AI Act Art. 13"],
      questions: [
        yes(
          "doc.model_card",
          2,
          "Does the vendor provide a model card or an equivalent technical description?",
          "It should cover the model's design, training data at a summary level, evaluation and known limits.",
        ),
        yes(
          "doc.instructions",
          2,
          "Does the vendor provide instructions for use: capabilities, limits, known risks and performance for specific groups?",
          "These are what your users and your own customers need to use the output correctly.",
          { concernWhen: ["no", "partial"] },
        ),
        yes(
          "doc.logs",
          1,
          "Can you obtain the logs you need to trace how the system reached its outputs?",
          "Needed for investigating incidents and complaints and for monitoring in operation.",
        ),
      ],
    },
    {
      id: "oversight",
      title: "Human oversight",
      refs: ["A.9", "EU AI Act Art. 14"],
      questions: [
        yes(
          "oversight.controls",
          2,
          "Does the supplied system let your people understand, override or stop its outputs?",
          "Look for confidence indicators, explanations, a way to reject a result and a way to switch the system off.",
        ),
      ],
    },
    {
      id: "eu_ai_act",
      title: "EU AI Act role and conformity",
      refs: ["A.10.2", "EU AI Act Art. 25, 47, 53"],
      questions: [
        text(
          "act.role",
          "Which role does the vendor take under the EU AI Act for what it supplies?",
          "Provider, importer or distributor of an AI system, or provider of a general-purpose AI model. Note whether your own use could make you the provider (a substantial modification, your name on it, a new high-risk purpose).",
        ),
        yes(
          "act.high_risk_conformity",
          3,
          "If the supply is a high-risk AI system, has the vendor completed the conformity assessment and the EU declaration of conformity?",
          "Answer n/a when the supply is not a high-risk AI system.",
          { concernWhen: ["no", "partial"], escalatesTo: "critical" },
        ),
        yes(
          "act.gpai_obligations",
          2,
          "If the supply is a general-purpose AI model, does the vendor meet the obligations of its provider?",
          "Technical documentation, information for those who build on the model, a copyright policy and a public summary of training content. Answer n/a otherwise.",
          { concernWhen: ["no", "partial"] },
        ),
      ],
    },
    {
      id: "subprocessors",
      title: "Sub-processors and upstream suppliers",
      refs: ["A.10.3"],
      questions: [
        yes(
          "sub.disclosed",
          2,
          "Does the vendor disclose its sub-processors and upstream model providers, and tell you before changing them?",
          "Many AI services are built on another company's model; its terms and failures reach you too.",
        ),
        text(
          "sub.locations",
          "Where is your data processed and stored?",
          "Countries or regions, including those of the sub-processors.",
        ),
      ],
    },
    {
      id: "contract",
      title: "Allocation of responsibilities",
      refs: ["A.10.2"],
      questions: [
        yes(
          "contract.responsibilities",
          3,
          "Does the contract say who is responsible for what: monitoring, incident handling, updates and regulatory duties?",
          "Record the allocation itself on the vendor's responsibilities list.",
          { concernWhen: ["no", "partial"] },
        ),
        yes(
          "contract.audit_rights",
          1,
          "Does the contract let you audit the vendor or receive evidence of its controls?",
          "Reports from independent auditors on request count.",
        ),
      ],
    },
    {
      id: "customers",
      title: "Support for your customers' obligations",
      refs: ["A.10.4"],
      questions: [
        yes(
          "customers.information",
          2,
          "Can the vendor give you the information your own customers need about the AI in your product?",
          "Documentation, transparency notices and explanations you pass on to the people who use your service.",
        ),
        yes(
          "customers.requests",
          1,
          "Will the vendor help you answer your customers' requests and complaints about the AI?",
          "For example access or deletion requests, or an explanation of a contested decision.",
        ),
      ],
    },
    {
      id: "exit",
      title: "Exit and continuity",
      refs: ["A.10.3"],
      questions: [
        yes(
          "exit.portability",
          2,
          "Can you get your data, and any model tuned for you, back and move to another supplier when the contract ends?",
          "Ask about formats, deadlines and deletion confirmation.",
        ),
        yes(
          "exit.continuity",
          1,
          "Does the vendor give notice before withdrawing the model or service and let you stay on a version?",
          "Version pinning and a deprecation period give you time to re-assess a replacement.",
        ),
      ],
    },
  ],
};

/** Every question of a questionnaire, in order, with the section it belongs to. */
export function questionsOf(q: Questionnaire): (Question & { sectionId: string })[] {
  return q.sections.flatMap((s) => s.questions.map((question) => ({ ...question, sectionId: s.id })));
}
