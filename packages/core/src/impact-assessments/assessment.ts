import type { Actor } from "../access/actor";
import { allows } from "../access/policy";
import { assertVersion } from "../ai-systems/ai-system";
import { diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { nextReviewDate } from "../documents/review-cycle";
import { invalidInput, invalidState } from "../shared/domain-error";
import { assertFourEyes } from "../shared/four-eyes";
import { impactAssessmentPolicy, type ImpactAssessmentPolicyAction } from "./policy";
import { assessmentGaps, linkedControlIds } from "./rules";
import type {
  ImpactAssessmentAction,
  ImpactAssessmentContent,
  RecordAuthorityNotificationInput,
} from "./schemas";
import { currentTemplate } from "./templates";
import type {
  ImpactAssessmentStatus,
  ImpactAssessmentVariant,
  ImpactAssessmentVersionKind,
} from "./vocabulary";

export interface ImpactAssessmentState {
  id: string;
  aiSystemId: string;
  title: string;
  variant: ImpactAssessmentVariant;
  templateId: string;
  status: ImpactAssessmentStatus;
  content: ImpactAssessmentContent;
  revision: number;
  authorId: string | null;
  editorIds: readonly string[];
  ownerId: string | null;
  reviewIntervalMonths: number;
  nextReviewDate: string | null;
  approvedVersion: number | null;
  /** how many frozen versions exist: the next one is this + 1 */
  versionCount: number;
  archivedAt: Date | null;
  version: number;
}

/** The columns a decision changes on the assessment row. */
export interface AssessmentChanges {
  title?: string;
  variant?: ImpactAssessmentVariant;
  templateId?: string;
  ownerId?: string | null;
  reviewIntervalMonths?: number;
  nextReviewDate?: string | null;
  content?: ImpactAssessmentContent;
  editorIds?: string[];
  status?: ImpactAssessmentStatus;
  revision?: number;
  authorId?: string;
  approvedVersion?: number;
  approvedAt?: Date;
  approvedBy?: string;
  reviewedAt?: Date;
  baselineSystemVersion?: number;
  reviewComment?: string;
  archivedAt?: Date | null;
}

export interface AssessmentDecision {
  changes: AssessmentChanges;
  /** a version to freeze from the assessment as it stands after `changes` */
  freeze?: { number: number; kind: ImpactAssessmentVersionKind; note: string };
  event: PendingEvent;
}

const event = (
  a: Pick<ImpactAssessmentState, "id" | "title" | "aiSystemId">,
  type: PendingEvent["type"],
  payload: Record<string, unknown>,
): PendingEvent => ({
  type,
  entityType: "impact_assessment",
  entityId: a.id,
  payload: { title: a.title, aiSystemId: a.aiSystemId, ...payload },
});

const statusWords: Record<ImpactAssessmentStatus, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  archived: "archived",
};

/** Which actions the status admits (mark-reviewed also needs an approved version). */
const allowed: Record<ImpactAssessmentStatus, readonly ImpactAssessmentAction[]> = {
  draft: ["submit", "archive", "mark-reviewed"],
  in_review: ["approve", "reject", "archive", "mark-reviewed"],
  approved: ["revise", "archive", "mark-reviewed"],
  archived: ["restore"],
};

export function assessmentActionAvailable(
  a: ImpactAssessmentState,
  action: ImpactAssessmentAction | "update" | "edit",
): boolean {
  if (a.status === "archived") return action === "restore";
  if (action === "update") return true;
  if (action === "edit") return a.status === "draft";
  if (action === "mark-reviewed") return a.approvedVersion !== null;
  return allowed[a.status].includes(action);
}

export function decideCreateImpactAssessment(
  a: Pick<ImpactAssessmentState, "id" | "title" | "aiSystemId" | "variant" | "templateId" | "ownerId">,
  friaRequired: boolean,
): PendingEvent {
  return event(a, "impact_assessment.created", {
    variant: a.variant,
    templateId: a.templateId,
    ownerId: a.ownerId,
    friaRequired,
  });
}

const metaFields = ["title", "variant", "ownerId", "reviewIntervalMonths", "nextReviewDate"] as const;

/**
 * An edit: metadata in any live state; the content and the variant only while a draft (409 otherwise). Whoever
 * changes the content joins those who may not approve this revision. Null when nothing differs.
 */
export function decideUpdateImpactAssessment(
  a: ImpactAssessmentState,
  input: {
    title?: string;
    variant?: ImpactAssessmentVariant;
    ownerId?: string | null;
    reviewIntervalMonths?: number;
    nextReviewDate?: string | null;
    content?: ImpactAssessmentContent;
  },
  expectedVersion: number,
  editorId: string,
): AssessmentDecision | null {
  assertVersion(a, expectedVersion, "This impact assessment");
  if (a.status === "archived") throw invalidState("An archived impact assessment can no longer change.");
  const d = diff(a as unknown as Record<string, unknown>, input, metaFields) as Record<
    string,
    [unknown, unknown]
  >;
  const contentChanged =
    input.content !== undefined && JSON.stringify(input.content) !== JSON.stringify(a.content);
  if ((contentChanged || d.variant) && a.status !== "draft")
    throw invalidState(
      `The assessment is ${statusWords[a.status]}; its content changes only in a draft (${
        a.status === "approved" ? "start a revision first" : "send it back to draft first"
      }).`,
      { status: a.status },
    );
  if (Object.keys(d).length === 0 && !contentChanged) return null;
  const changes: AssessmentChanges = Object.fromEntries(
    Object.keys(d).map((k) => [k, input[k as keyof typeof input]]),
  ) as AssessmentChanges;
  if (d.variant) changes.templateId = currentTemplate(input.variant!).id;
  if (contentChanged) {
    changes.content = input.content;
    if (editorId !== a.authorId && !a.editorIds.includes(editorId))
      changes.editorIds = [...a.editorIds, editorId];
  }
  const controlsBefore = linkedControlIds(a.content);
  const controlsAfter = contentChanged ? linkedControlIds(input.content!) : controlsBefore;
  return {
    changes,
    event: event(a, "impact_assessment.updated", {
      diff: d,
      ...(contentChanged
        ? {
            contentChanged: true,
            harms: [a.content.harms.length, input.content!.harms.length],
            ...(JSON.stringify(controlsBefore) !== JSON.stringify(controlsAfter)
              ? { appliedControls: [controlsBefore, controlsAfter] }
              : {}),
          }
        : {}),
    }),
  };
}

/** Approvers must differ from the revision's author and from everyone who changed its content (four-eyes). */
export function assertMayApproveAssessment(
  a: Pick<ImpactAssessmentState, "authorId" | "editorIds">,
  approverId: string,
) {
  assertFourEyes(a.authorId, approverId, "impact assessment");
  for (const editor of a.editorIds) assertFourEyes(editor, approverId, "impact assessment");
}

export interface AssessmentActionContext {
  actorId: string;
  now: Date;
  expectedVersion: number;
  comment?: string;
  /** the AI system's `version` now: approvals and reviews record it as the baseline for change detection */
  systemVersion: number;
  /** for a restore: the revision of the approved version in force (null without one) */
  approvedRevision?: number | null;
}

/**
 * Where a restored assessment resumes: approved when its approved version is still the latest frozen one and no
 * revision was started since (the content is then that version's); otherwise a draft, with any earlier approval
 * still in force — an interrupted review or revision is picked up again as a draft.
 */
export function restoredStatus(
  a: Pick<ImpactAssessmentState, "approvedVersion" | "versionCount" | "revision">,
  approvedRevision: number | null | undefined,
): ImpactAssessmentStatus {
  return a.approvedVersion !== null && a.approvedVersion === a.versionCount && approvedRevision === a.revision
    ? "approved"
    : "draft";
}

/**
 * One workflow step. Stale version → 409 `conflict`; wrong state → 409 `invalid_state`; an incomplete submission
 * → 400 `invalid_input` with `details.issues` naming each missing field; approving one's own work → 403 four_eyes.
 */
export function decideImpactAssessmentAction(
  a: ImpactAssessmentState,
  action: ImpactAssessmentAction,
  ctx: AssessmentActionContext,
): AssessmentDecision {
  assertVersion(a, ctx.expectedVersion, "This impact assessment");
  if (!assessmentActionAvailable(a, action))
    throw invalidState(
      action === "mark-reviewed" && a.status !== "archived"
        ? "Only an assessment with an approved version can be marked as reviewed."
        : `An impact assessment that is ${statusWords[a.status]} cannot be ${actionWords[action]}.`,
      { status: a.status, action },
    );
  const note = ctx.comment ?? "";
  const comment = note ? { comment: note } : {};
  const next = a.versionCount + 1;
  switch (action) {
    case "submit": {
      const gaps = assessmentGaps(a.content, a.variant, a.templateId);
      if (gaps.length > 0)
        throw invalidInput(`The assessment is not complete: ${gaps[0]!.path} — ${gaps[0]!.message}.`, {
          issues: gaps,
        });
      return {
        changes: { status: "in_review", reviewComment: "" },
        freeze: { number: next, kind: "submitted", note },
        event: event(a, "impact_assessment.submitted", {
          versionNumber: next,
          revision: a.revision,
          ...comment,
        }),
      };
    }
    case "approve": {
      assertMayApproveAssessment(a, ctx.actorId);
      const nextReview = nextReviewDate(ctx.now, a.reviewIntervalMonths);
      return {
        changes: {
          status: "approved",
          approvedVersion: next,
          approvedAt: ctx.now,
          approvedBy: ctx.actorId,
          reviewedAt: ctx.now,
          baselineSystemVersion: ctx.systemVersion,
          nextReviewDate: nextReview,
        },
        freeze: { number: next, kind: "approved", note },
        event: event(a, "impact_assessment.approved", {
          versionNumber: next,
          revision: a.revision,
          supersededVersion: a.approvedVersion,
          authorId: a.authorId,
          editorIds: a.editorIds,
          outcome: a.content.decision.outcome,
          nextReviewDate: nextReview,
          ...comment,
        }),
      };
    }
    case "reject":
      return {
        changes: { status: "draft", reviewComment: note },
        event: event(a, "impact_assessment.returned", { revision: a.revision, comment: note }),
      };
    case "revise":
      return {
        changes: {
          status: "draft",
          revision: a.revision + 1,
          authorId: ctx.actorId,
          editorIds: [],
          reviewComment: "",
        },
        event: event(a, "impact_assessment.revision_started", {
          revision: a.revision + 1,
          approvedVersion: a.approvedVersion,
          ...comment,
        }),
      };
    case "mark-reviewed": {
      const nextReview = nextReviewDate(ctx.now, a.reviewIntervalMonths);
      return {
        changes: {
          reviewedAt: ctx.now,
          baselineSystemVersion: ctx.systemVersion,
          nextReviewDate: nextReview,
        },
        event: event(a, "impact_assessment.reviewed", {
          approvedVersion: a.approvedVersion,
          previousReviewDate: a.nextReviewDate,
          nextReviewDate: nextReview,
          systemVersion: ctx.systemVersion,
          ...comment,
        }),
      };
    }
    case "archive":
      return {
        changes: { status: "archived", archivedAt: ctx.now },
        event: event(a, "impact_assessment.archived", { from: a.status, ...comment }),
      };
    case "restore": {
      const status = restoredStatus(a, ctx.approvedRevision);
      return {
        changes: { status, archivedAt: null },
        event: event(a, "impact_assessment.restored", {
          status,
          approvedVersion: a.approvedVersion,
          ...comment,
        }),
      };
    }
  }
}

const actionWords: Record<ImpactAssessmentAction, string> = {
  submit: "submitted",
  approve: "approved",
  reject: "sent back to draft",
  revise: "revised",
  "mark-reviewed": "marked as reviewed",
  archive: "archived",
  restore: "restored",
};

/**
 * Recording that the market-surveillance authority was notified of a FRIA's results (Art. 27(3)): only for a
 * FRIA with an approved version, not dated in the future. Append-only; names the approved version notified.
 */
export function decideRecordAuthorityNotification(
  a: ImpactAssessmentState,
  input: RecordAuthorityNotificationInput & { notifiedOn: string },
  today: string,
): PendingEvent {
  if (a.variant !== "fria")
    throw invalidState("Only a fundamental rights impact assessment (FRIA) is notified to the authority.");
  if (a.archivedAt) throw invalidState("An archived impact assessment can no longer change.");
  if (a.approvedVersion === null)
    throw invalidState("Approve the FRIA first: the authority is notified of the approved results.");
  if (input.notifiedOn > today)
    throw invalidInput("notifiedOn: must not be in the future.", {
      issues: [{ path: "notifiedOn", message: "must not be in the future" }],
    });
  return event(a, "impact_assessment.authority_notified", {
    versionNumber: a.approvedVersion,
    notifiedOn: input.notifiedOn,
    authority: input.authority,
    reference: input.reference ?? "",
  });
}

const abilityActions = [
  "update",
  "edit",
  "submit",
  "approve",
  "reject",
  "revise",
  "mark-reviewed",
  "archive",
  "restore",
  "notify",
] as const;
export type ImpactAssessmentAbility = "read" | (typeof abilityActions)[number];

const policyActionOf = (action: (typeof abilityActions)[number]): ImpactAssessmentPolicyAction =>
  action === "mark-reviewed" ? "markReviewed" : action === "edit" ? "update" : action;

/** The view's `abilities`: the role allows it, the state admits it, and for `approve`, four-eyes holds. */
export function impactAssessmentAbilities(
  actor: Actor,
  a: ImpactAssessmentState,
): Record<ImpactAssessmentAbility, boolean> {
  const out = { read: allows(actor, impactAssessmentPolicy, "read", {}) } as Record<
    ImpactAssessmentAbility,
    boolean
  >;
  for (const action of abilityActions) {
    const stateOk =
      action === "notify"
        ? a.variant === "fria" && a.approvedVersion !== null && a.status !== "archived"
        : assessmentActionAvailable(a, action);
    out[action] = stateOk && allows(actor, impactAssessmentPolicy, policyActionOf(action), {});
  }
  if (out.approve) out.approve = a.authorId !== actor.userId && !a.editorIds.includes(actor.userId);
  return out;
}
