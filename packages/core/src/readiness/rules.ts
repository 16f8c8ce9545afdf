import type { DocumentKind } from "../documents/workflow";

/**
 * Readiness rules as data: for every assessable node of a framework, a list of declarative checks over facts
 * loaded from live records. The evaluator (`evaluate-readiness.ts`) is the only code that interprets them, so a
 * rule change is a data change reviewed like any other.
 */

/** Where a gap is fixed; the UI turns this into a link to the right page. */
export const readinessAreas = [
  "scope",
  "context",
  "documents",
  "responsibilities",
  "soa",
  "applied_controls",
  "evidence",
  "objectives",
  "ai_systems",
  "training",
  "impact_assessments",
] as const;
export type ReadinessArea = (typeof readinessAreas)[number];

/**
 * Named counts the facts loader computes in SQL, each with its exact meaning. A count absent from the facts
 * means the area's records do not exist in this installation yet; checks on it then report what is missing.
 */
export const recordCounts = {
  context_issues: { area: "context", meaning: "issues of the organization's context" },
  context_issues_internal: { area: "context", meaning: "internal issues of the organization's context" },
  context_issues_external: { area: "context", meaning: "external issues of the organization's context" },
  context_issues_review_overdue: {
    area: "context",
    meaning: "context issues whose review date has passed",
  },
  interested_parties: { area: "context", meaning: "interested parties" },
  interested_party_requirements: { area: "context", meaning: "requirements of interested parties" },
  interested_party_requirements_undecided: {
    area: "context",
    meaning: "interested-party requirements with no decision on whether the AIMS addresses them",
  },
  org_ai_roles: { area: "context", meaning: "AI roles the organization has recorded for itself" },
  raci_activities: { area: "responsibilities", meaning: "activities in the RACI matrix" },
  raci_activities_without_accountable: {
    area: "responsibilities",
    meaning: "RACI activities with nobody accountable",
  },
  objectives: { area: "objectives", meaning: "active AI objectives" },
  objectives_incomplete: {
    area: "objectives",
    meaning: "active AI objectives missing a measure, target, owner or due date",
  },
  objectives_with_progress: {
    area: "objectives",
    meaning: "active AI objectives with at least one progress entry",
  },
  applied_controls: { area: "applied_controls", meaning: "applied controls" },
  applied_controls_implemented: {
    area: "applied_controls",
    meaning: "applied controls that are implemented",
  },
  ai_systems: { area: "ai_systems", meaning: "AI systems in the register (not archived)" },
  ai_systems_without_purpose: {
    area: "ai_systems",
    meaning: "AI systems in the register with no purpose written down",
  },
  members_active: { area: "training", meaning: "active members" },
  members_without_ai_literacy: {
    area: "training",
    meaning: "active members without a current AI-literacy training (a live topic marked AI literacy)",
  },
  training_topics_ai_literacy: { area: "training", meaning: "AI-literacy topics in the training catalogue" },
  ai_systems_in_scope: {
    area: "ai_systems",
    meaning: "AI systems in scope (in the register, not archived and not retired)",
  },
  ai_systems_without_impact_assessment: {
    area: "impact_assessments",
    meaning: "AI systems in scope without an approved impact assessment (archived assessments do not count)",
  },
  impact_assessments_approved: {
    area: "impact_assessments",
    meaning: "impact assessments of AI systems in scope with an approved version in force (not archived)",
  },
  impact_assessments_review_overdue: {
    area: "impact_assessments",
    meaning: "approved impact assessments of AI systems in scope whose next review date has passed",
  },
  ai_systems_fria_required: {
    area: "ai_systems",
    meaning: "AI systems in scope whose newest EU AI Act classification requires a FRIA",
  },
  ai_systems_without_fria: {
    area: "impact_assessments",
    meaning: "AI systems in scope that require a FRIA and have no approved FRIA-variant impact assessment",
  },
} as const satisfies Record<string, { area: ReadinessArea; meaning: string }>;
export type RecordCountKey = keyof typeof recordCounts;

/**
 * Which documents count. A document matches when its kind matches (if given) and it either was created from
 * `templateKey` or is linked to one of `nodes`; with neither, the kind alone decides.
 */
export interface DocumentMatch {
  kind?: DocumentKind;
  templateKey?: string;
  nodes?: string[];
}

interface CheckBase {
  /** What satisfies the check, in plain words (shown in the UI, the CLI and the API). */
  explanation: string;
}

export type ReadinessCheck = CheckBase &
  (
    | {
        /** A document matching `document` has a published version (and, if asked, its review is not overdue). */
        check: "published_document";
        /** how the document is named in messages: "AI policy" */
        label: string;
        document: DocumentMatch;
        withinReview: boolean;
      }
    | {
        /** At least one document is published, and every published one has a review date that has not passed. */
        check: "documents_reviewed";
      }
    | {
        /** An approved version of the AIMS scope statement exists. */
        check: "approved_scope";
      }
    | {
        /**
         * An approved SoA version exists, nothing changed since, every Annex A control has a decision with a
         * justification, and every applicable entry has an owner and at least one current evidence item.
         */
        check: "approved_soa_complete";
      }
    | {
        /** Every applicable SoA entry is implemented. */
        check: "soa_implemented";
      }
    | {
        /**
         * The node's own SoA entry: applicable, justified, owned, implemented, with current evidence and part of
         * an approved version; or not applicable with a justification (the node is then not applicable).
         */
        check: "soa_control_ready";
      }
    | {
        /** At least `min` records counted by `count`. */
        check: "records";
        count: RecordCountKey;
        min: number;
        /** plural noun for messages: "external issues" */
        label: string;
      }
    | {
        /**
         * No record counted by `count` (e.g. nothing overdue) among the records counted by `of`, of which there
         * must be at least one: "nothing overdue" says nothing while nothing is recorded.
         */
        check: "no_records";
        count: RecordCountKey;
        of: RecordCountKey;
        label: string;
      }
    | {
        /**
         * Every record counted by `of` is covered: `lacking` counts those that are not (e.g. AI systems in scope
         * without an approved impact assessment). Satisfied at 0, partial while some are covered, missing when
         * none is. With nothing counted by `of`, `whenNone` (if given) satisfies the check — "no AI system needs
         * a FRIA" — as long as something is counted by `whenNone.given` (no AI system at all is no answer);
         * otherwise it is missing.
         */
        check: "coverage";
        of: RecordCountKey;
        lacking: RecordCountKey;
        /** the gap, with `{n}` and `{of}` filled in: "{n} of {of} AI systems in scope have no approved …" */
        gap: string;
        /** what is in place, with `{of}`: "all {of} AI systems in scope have an approved impact assessment" */
        satisfied: string;
        whenNone?: { satisfied: string; given: RecordCountKey };
      }
    | {
        /** At least `min` (default 1) current evidence items linked to `node` (default: the rule's node). */
        check: "evidence_linked";
        node?: string;
        min?: number;
      }
  );
export type ReadinessCheckKind = ReadinessCheck["check"];

export interface ReadinessRule {
  /** a requirement or control of the framework */
  nodeId: string;
  checks: ReadinessCheck[];
  /** What a later release will check as well, when the records it needs exist (risks, audits …). */
  later?: string;
}

export interface ReadinessRuleSet {
  frameworkId: string;
  rules: ReadinessRule[];
}
