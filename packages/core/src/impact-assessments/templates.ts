import type { ImpactAssessmentVariant } from "./vocabulary";

/**
 * Impact assessment templates as versioned data: the sections an assessment walks through, each with our own
 * explanation and its fields. The web form is drawn from this, and `assessmentGaps` checks the `required` fields
 * before a submission. A new wording or field is a new template version; an assessment keeps the template id it
 * was created with (frozen versions record it too). All guidance is written by OpenAIMS; the FRIA section follows
 * the content list of EU AI Act Art. 27(1)(a)–(f) (see docs/impact-assessments.md).
 */
export type TemplateFieldInput = "text" | "textarea" | "date" | "choice" | "boolean";

export interface TemplateField {
  /** the path in the content, `section.field` */
  path: string;
  label: string;
  help: string;
  input: TemplateFieldInput;
  required: boolean;
  /** where a field comes from in law, e.g. "Art. 27(1)(a)" */
  basis?: string;
}

export interface TemplateSection {
  key: string;
  title: string;
  explanation: string;
  /** `harms` is the table of harms; every other section is a list of fields */
  kind: "fields" | "harms";
  fields: TemplateField[];
}

export interface ImpactAssessmentTemplate {
  id: string;
  variant: ImpactAssessmentVariant;
  version: number;
  title: string;
  description: string;
  sections: TemplateSection[];
}

const f = (
  path: string,
  label: string,
  help: string,
  input: TemplateFieldInput = "textarea",
  required = true,
  basis?: string,
): TemplateField => ({ path, label, help, input, required, ...(basis ? { basis } : {}) });

const standardSections: TemplateSection[] = [
  {
    key: "system",
    title: "System and intended use",
    explanation:
      "Describe the AI system as the people affected would meet it: what it does, what it is meant to be used " +
      "for, and where and by whom it is used. Anything outside the intended use is a foreseeable misuse to think " +
      "about under harms.",
    kind: "fields",
    fields: [
      f(
        "system.description",
        "What the system does",
        "Inputs, outputs and the decision or action they feed.",
      ),
      f("system.intendedUse", "Intended use", "The purpose it is used for, and uses that are ruled out."),
      f(
        "system.context",
        "Context of use",
        "Where, by whom and how often; who acts on its output.",
        "textarea",
        false,
      ),
    ],
  },
  {
    key: "affected",
    title: "Who is affected",
    explanation:
      "Name everyone on whom the system's use has an effect: the individuals it decides about or interacts with, " +
      "groups that may be affected differently (including people in vulnerable situations), and society at large.",
    kind: "fields",
    fields: [
      f(
        "affected.individuals",
        "Individuals",
        "The people the system's output is about or who interact with it.",
      ),
      f(
        "affected.groups",
        "Groups",
        "Groups that may be affected differently, e.g. by age, disability or language.",
        "textarea",
        false,
      ),
      f(
        "affected.society",
        "Society",
        "Wider effects: on a market, a public service, the environment, trust.",
        "textarea",
        false,
      ),
    ],
  },
  {
    key: "benefits",
    title: "Benefits",
    explanation:
      "State what good the system does and for whom. Benefits do not cancel harms, but the decision at the end " +
      "weighs one against the other, so both need to be written down.",
    kind: "fields",
    fields: [
      f(
        "benefits.description",
        "Expected benefits",
        "For the people affected, the organization and society.",
      ),
    ],
  },
  {
    key: "harms",
    title: "Potential harms",
    explanation:
      "Go through each dimension and record every harm you can foresee, including from misuse. Rate its severity " +
      "(1 minor to 4 severe) and likelihood (1 rare to 4 almost certain) before mitigation, then describe the " +
      "mitigations, link the applied controls and risks that carry them, and rate the harm again as it remains.",
    kind: "harms",
    fields: [],
  },
  {
    key: "residual",
    title: "Residual impact",
    explanation:
      "Looking at the harms as they remain after mitigation, say whether the remaining impact is acceptable and why.",
    kind: "fields",
    fields: [
      f("residual.summary", "Residual impact", "What remains after the mitigations, and who carries it."),
      f(
        "residual.acceptable",
        "Acceptable?",
        "Whether the remaining impact is acceptable.",
        "boolean",
        false,
      ),
    ],
  },
  {
    key: "consultation",
    title: "Stakeholder consultation",
    explanation:
      "Record whom you asked — affected people or their representatives, experts, staff who use the system — how, " +
      "and what they said. If no one was consulted, say why.",
    kind: "fields",
    fields: [
      f(
        "consultation.stakeholders",
        "Who was consulted",
        "People, groups or representatives.",
        "textarea",
        false,
      ),
      f("consultation.summary", "What they said", "Their main points and what changed because of them."),
      f("consultation.consultedOn", "When", "The day of the consultation (or its end).", "date", false),
    ],
  },
  {
    key: "decision",
    title: "Decision",
    explanation:
      "Conclude: proceed, proceed only under conditions, or do not proceed, with the reasons. Conditions become " +
      "work to track; the approver signs this decision off.",
    kind: "fields",
    fields: [
      f("decision.outcome", "Outcome", "Proceed, proceed with conditions, or do not proceed.", "choice"),
      f("decision.rationale", "Reasons", "Why this outcome, weighing benefits against the residual impact."),
      f("decision.conditions", "Conditions", "Required when proceeding with conditions.", "textarea", false),
    ],
  },
];

const friaSection: TemplateSection = {
  key: "fria",
  title: "Fundamental rights (EU AI Act Art. 27)",
  explanation:
    "A deployer of certain high-risk AI systems must assess the effect on fundamental rights before first use and " +
    "tell the market-surveillance authority the results. These questions follow the content the Act lists; " +
    "answers may refer to the sections above, and an existing data protection impact assessment can be built on.",
  kind: "fields",
  fields: [
    f(
      "fria.processes",
      "Our processes",
      "The processes of ours in which the system is used, within its intended purpose.",
      "textarea",
      true,
      "Art. 27(1)(a)",
    ),
    f(
      "fria.periodAndFrequency",
      "Period and frequency",
      "For how long and how often the system is meant to be used.",
      "textarea",
      true,
      "Art. 27(1)(b)",
    ),
    f(
      "fria.affectedCategories",
      "People and groups likely affected",
      "The categories of people and groups likely to be affected in this context.",
      "textarea",
      true,
      "Art. 27(1)(c)",
    ),
    f(
      "fria.specificRisks",
      "Specific risks of harm",
      "The risks of harm to those categories, using the provider's instructions and information.",
      "textarea",
      true,
      "Art. 27(1)(d)",
    ),
    f(
      "fria.humanOversight",
      "Human oversight",
      "How human oversight is carried out, following the instructions for use.",
      "textarea",
      true,
      "Art. 27(1)(e)",
    ),
    f(
      "fria.measuresIfMaterialised",
      "If the risks materialise",
      "What we do when a risk materialises.",
      "textarea",
      true,
      "Art. 27(1)(f)",
    ),
    f(
      "fria.governance",
      "Internal governance",
      "Who decides and who is told, inside the organization.",
      "textarea",
      true,
      "Art. 27(1)(f)",
    ),
    f(
      "fria.complaints",
      "Complaint mechanism",
      "How affected people can complain and how complaints are handled.",
      "textarea",
      true,
      "Art. 27(1)(f)",
    ),
  ],
};

export const impactAssessmentTemplates: readonly ImpactAssessmentTemplate[] = [
  {
    id: "impact-standard-v1",
    variant: "standard",
    version: 1,
    title: "AI system impact assessment",
    description: "Effects on individuals, groups and society (ISO/IEC 42001 6.1.4, 8.4, A.5).",
    sections: standardSections,
  },
  {
    id: "impact-fria-v1",
    variant: "fria",
    version: 1,
    title: "Fundamental rights impact assessment",
    description: "The impact assessment plus the content EU AI Act Art. 27(1)(a)–(f) asks of deployers.",
    sections: [...standardSections.slice(0, 4), friaSection, ...standardSections.slice(4)],
  },
];

/** The current template of a variant (the newest version). */
export function currentTemplate(variant: ImpactAssessmentVariant): ImpactAssessmentTemplate {
  const all = impactAssessmentTemplates.filter((t) => t.variant === variant);
  return all.reduce((a, b) => (b.version > a.version ? b : a));
}

/** A template by id; an unknown id (data from a later release) falls back to the variant's current one. */
export function findTemplate(id: string, variant: ImpactAssessmentVariant): ImpactAssessmentTemplate {
  return impactAssessmentTemplates.find((t) => t.id === id) ?? currentTemplate(variant);
}
