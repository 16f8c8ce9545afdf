import type { Actor } from "../access/actor";
import { allows } from "../access/policy";
import { assertVersion } from "../ai-systems/ai-system";
import { creationDiff, diff } from "../audit/diff";
import type { PendingEvent } from "../audit/event-types";
import { invalidState } from "../shared/domain-error";
import { assertFourEyes } from "../shared/four-eyes";
import { documentFieldNames, type DocumentFields } from "../schemas/documents";
import { documentPolicy, type DocumentPolicyAction } from "./document-policy";
import { nextReviewDate } from "./review-cycle";
import { canTransition, nextVersionStatus, openVersionStatuses, type VersionStatus } from "./workflow";

export interface DocumentVersionState {
  number: number;
  status: VersionStatus;
  authorId: string | null;
  /** members other than the author who changed the draft's text */
  editorIds: readonly string[];
  body: string;
  changeSummary: string;
}

export interface DocumentState extends DocumentFields {
  id: string;
  orgId: string;
  templateKey: string | null;
  status: VersionStatus;
  latestVersion: number;
  publishedVersion: number | null;
  nextReviewAt: string | null;
  retiredAt: Date | null;
  version: number;
}

/** The workflow stamp a status change leaves on the version row. */
export type VersionStamp = "submitted" | "approved" | "published" | "superseded" | "retired" | "rejected";
export interface VersionChange {
  number: number;
  status: VersionStatus;
  stamp: VersionStamp;
  reviewComment?: string;
}

/** Everything an action changes: document columns, version statuses, perhaps a new version, and the event. */
export interface DocumentDecision {
  document: {
    status?: VersionStatus;
    latestVersion?: number;
    publishedVersion?: number | null;
    publishedAt?: Date;
    lastReviewedAt?: Date;
    lastReviewedBy?: string;
    nextReviewAt?: string | null;
    retiredAt?: Date;
  };
  versions: VersionChange[];
  newVersion?: { number: number; body: string; changeSummary: string; authorId: string };
  event: PendingEvent;
}

export type DocumentAction =
  "submit" | "approve" | "reject" | "publish" | "retire" | "newDraft" | "markReviewed";

export interface ActionContext {
  actorId: string;
  now: Date;
  expectedVersion: number;
  comment?: string;
}

const event = (
  doc: DocumentState,
  type: PendingEvent["type"],
  payload: Record<string, unknown>,
): PendingEvent => ({
  type,
  entityType: "document",
  entityId: doc.id,
  payload: { title: doc.title, ...payload },
});

function assertWritable(doc: DocumentState, expectedVersion: number): void {
  assertVersion(doc, expectedVersion, "This document");
  if (doc.retiredAt) throw invalidState("This document is retired; it can no longer change.");
}

/** Approvers must differ from the author and from everyone who changed the draft (four-eyes). */
export function assertMayApprove(version: DocumentVersionState, approverId: string): void {
  assertFourEyes(version.authorId, approverId, "document version");
  for (const editor of version.editorIds) assertFourEyes(editor, approverId, "document version");
}

export function decideCreateDocument(
  id: string,
  fields: DocumentFields & { templateKey: string | null },
): PendingEvent {
  return {
    type: "document.created",
    entityType: "document",
    entityId: id,
    payload: {
      title: fields.title,
      templateKey: fields.templateKey,
      diff: creationDiff(fields, documentFieldNames),
    },
  };
}

/** Metadata changes; null when nothing differs. Link changes are added to the event by the caller. */
export function decideUpdateDocument(
  doc: DocumentState,
  changes: Partial<DocumentFields>,
  expectedVersion: number,
): {
  changes: Partial<DocumentFields>;
  diff: Record<string, [unknown, unknown]>;
  nextReviewAt?: string | null;
} {
  assertWritable(doc, expectedVersion);
  const d = diff(doc, changes, documentFieldNames) as Record<string, [unknown, unknown]>;
  const changed = Object.fromEntries(Object.keys(d).map((k) => [k, changes[k as keyof DocumentFields]]));
  return { changes: changed as Partial<DocumentFields>, diff: d };
}

/** The new review date when the interval changes on a document in force (counted from its last review). */
export function rescheduleReview(lastReviewedAt: Date | null, intervalMonths: number): string | null {
  return lastReviewedAt ? nextReviewDate(lastReviewedAt, intervalMonths) : null;
}

/** Edits the open draft's text; null when nothing differs. Whoever edits joins those who may not approve it. */
export function decideEditDraft(
  doc: DocumentState,
  draft: DocumentVersionState,
  changes: { body?: string; changeSummary?: string },
  expectedVersion: number,
  editorId: string,
): { changes: { body?: string; changeSummary?: string; editorIds: string[] }; event: PendingEvent } | null {
  assertWritable(doc, expectedVersion);
  nextVersionStatus(draft.status, "edit");
  const bodyChanged = changes.body !== undefined && changes.body !== draft.body;
  const summaryChanged = changes.changeSummary !== undefined && changes.changeSummary !== draft.changeSummary;
  if (!bodyChanged && !summaryChanged) return null;
  const editorIds =
    editorId === draft.authorId || draft.editorIds.includes(editorId)
      ? [...draft.editorIds]
      : [...draft.editorIds, editorId];
  return {
    changes: {
      ...(bodyChanged ? { body: changes.body } : {}),
      ...(summaryChanged ? { changeSummary: changes.changeSummary } : {}),
      editorIds,
    },
    event: event(doc, "document.draft_edited", {
      number: draft.number,
      // the text itself is kept by the version; the trail records that it changed and by how much
      ...(bodyChanged
        ? { body: { beforeLength: draft.body.length, afterLength: changes.body!.length } }
        : {}),
      ...(summaryChanged ? { diff: { changeSummary: [draft.changeSummary, changes.changeSummary] } } : {}),
    }),
  };
}

/**
 * One workflow action on a document. `latest` is its newest version; `published` the version in force, if
 * any. Throws `conflict` for a stale version, `invalid_state` when the action does not fit the state, and
 * `forbidden` (rule four_eyes) when an author approves their own version.
 */
export function decideDocumentAction(
  doc: DocumentState,
  latest: DocumentVersionState,
  action: DocumentAction,
  ctx: ActionContext,
): DocumentDecision {
  assertWritable(doc, ctx.expectedVersion);
  const comment = ctx.comment ? { comment: ctx.comment } : {};
  switch (action) {
    case "submit": {
      const status = nextVersionStatus(latest.status, "submit");
      if (latest.body.trim() === "") throw invalidState("An empty draft cannot be submitted for review.");
      return {
        document: { status },
        versions: [{ number: latest.number, status, stamp: "submitted" }],
        event: event(doc, "document.version_submitted", { number: latest.number, ...comment }),
      };
    }
    case "approve": {
      const status = nextVersionStatus(latest.status, "approve");
      assertMayApprove(latest, ctx.actorId);
      return {
        document: { status },
        versions: [{ number: latest.number, status, stamp: "approved" }],
        event: event(doc, "document.version_approved", {
          number: latest.number,
          authorId: latest.authorId,
          ...comment,
        }),
      };
    }
    case "reject": {
      const status = nextVersionStatus(latest.status, "reject");
      const reviewComment = ctx.comment ?? "";
      return {
        document: { status },
        versions: [{ number: latest.number, status, stamp: "rejected", reviewComment }],
        event: event(doc, "document.version_rejected", {
          number: latest.number,
          from: latest.status,
          comment: reviewComment,
        }),
      };
    }
    case "publish": {
      const status = nextVersionStatus(latest.status, "publish");
      const versions: VersionChange[] = [{ number: latest.number, status, stamp: "published" }];
      if (doc.publishedVersion !== null)
        versions.unshift({
          number: doc.publishedVersion,
          status: nextVersionStatus("published", "supersede"),
          stamp: "superseded",
        });
      const nextReviewAt = nextReviewDate(ctx.now, doc.reviewIntervalMonths);
      return {
        document: {
          status,
          publishedVersion: latest.number,
          publishedAt: ctx.now,
          lastReviewedAt: ctx.now,
          lastReviewedBy: ctx.actorId,
          nextReviewAt,
        },
        versions,
        event: event(doc, "document.version_published", {
          number: latest.number,
          supersededNumber: doc.publishedVersion,
          nextReviewAt,
          ...comment,
        }),
      };
    }
    case "retire": {
      const numbers = new Set<number>();
      if (doc.publishedVersion !== null) numbers.add(doc.publishedVersion);
      if (openVersionStatuses.includes(latest.status)) numbers.add(latest.number);
      const versions = [...numbers].map((number) => ({
        number,
        status: "retired" as const,
        stamp: "retired" as const,
      }));
      return {
        document: { status: "retired", publishedVersion: null, nextReviewAt: null, retiredAt: ctx.now },
        versions,
        event: event(doc, "document.retired", {
          retiredVersions: versions.map((v) => v.number),
          publishedVersion: doc.publishedVersion,
          ...comment,
        }),
      };
    }
    case "newDraft": {
      if (latest.status !== "published")
        throw invalidState(
          openVersionStatuses.includes(latest.status)
            ? `Version ${latest.number} is still open (${latest.status.replace("_", " ")}); finish or send it back first.`
            : "A new draft starts from the version in force, and none is.",
        );
      const number = latest.number + 1;
      return {
        document: { status: "draft", latestVersion: number },
        versions: [],
        newVersion: { number, body: latest.body, changeSummary: "", authorId: ctx.actorId },
        event: event(doc, "document.draft_started", { number, fromVersion: latest.number, ...comment }),
      };
    }
    case "markReviewed": {
      if (doc.publishedVersion === null)
        throw invalidState("Only a document with a version in force can be marked as reviewed.");
      const nextReviewAt = nextReviewDate(ctx.now, doc.reviewIntervalMonths);
      return {
        document: { lastReviewedAt: ctx.now, lastReviewedBy: ctx.actorId, nextReviewAt },
        versions: [],
        event: event(doc, "document.reviewed", {
          publishedVersion: doc.publishedVersion,
          previousReviewAt: doc.nextReviewAt,
          nextReviewAt,
          ...comment,
        }),
      };
    }
  }
}

/** Whether the document's state lets an action happen at all (independent of who asks). */
export function actionAvailable(
  doc: DocumentState,
  latest: DocumentVersionState,
  action: DocumentAction | "editDraft" | "update",
): boolean {
  if (doc.retiredAt) return false;
  switch (action) {
    case "update":
    case "retire":
      return true;
    case "editDraft":
      return canTransition(latest.status, "edit");
    case "submit":
    case "approve":
    case "reject":
    case "publish":
      return canTransition(latest.status, action);
    case "newDraft":
      return latest.status === "published";
    case "markReviewed":
      return doc.publishedVersion !== null;
  }
}

const abilityActions = [
  "update",
  "editDraft",
  "submit",
  "approve",
  "reject",
  "publish",
  "retire",
  "newDraft",
  "markReviewed",
] as const;

/**
 * The `abilities` of a document view: the role allows it, the state admits it, and for `approve` the caller
 * did not write the version. The UI shows exactly the buttons that would succeed.
 */
export function documentAbilities(
  actor: Actor,
  doc: DocumentState,
  latest: DocumentVersionState,
): Record<"read" | (typeof abilityActions)[number], boolean> {
  const out = { read: allows(actor, documentPolicy, "read", {}) } as Record<
    "read" | (typeof abilityActions)[number],
    boolean
  >;
  for (const action of abilityActions)
    out[action] =
      allows(actor, documentPolicy, action as DocumentPolicyAction, {}) &&
      actionAvailable(doc, latest, action);
  if (out.approve) out.approve = mayApprove(latest, actor.userId);
  return out;
}

function mayApprove(version: DocumentVersionState, userId: string): boolean {
  return version.authorId !== userId && !version.editorIds.includes(userId);
}
