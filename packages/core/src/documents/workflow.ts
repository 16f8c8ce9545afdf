import { invalidState } from "../shared/domain-error";

/** What a document is: the kinds of documented information (7.5) an AIMS keeps. */
export const documentKinds = ["policy", "procedure", "record", "plan", "other"] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * The life of one version: draft → in_review → approved → published, then superseded (a later version was
 * published) or retired (the document was withdrawn). Only a draft's text may change.
 */
export const versionStatuses = [
  "draft",
  "in_review",
  "approved",
  "published",
  "superseded",
  "retired",
] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/** What can happen to a version. `supersede` is never asked for directly: publishing a later version does it. */
export const versionActions = [
  "edit",
  "submit",
  "approve",
  "reject",
  "publish",
  "supersede",
  "retire",
] as const;
export type VersionAction = (typeof versionActions)[number];

/** An open version is one still on its way to publication; a document has at most one. */
export const openVersionStatuses: readonly VersionStatus[] = ["draft", "in_review", "approved"];

const transitions: Record<VersionStatus, Partial<Record<VersionAction, VersionStatus>>> = {
  draft: { edit: "draft", submit: "in_review", retire: "retired" },
  // an approved version can still be sent back before it is published, e.g. when a mistake is spotted
  in_review: { approve: "approved", reject: "draft", retire: "retired" },
  approved: { publish: "published", reject: "draft", retire: "retired" },
  published: { supersede: "superseded", retire: "retired" },
  superseded: {},
  retired: {},
};

const actionWords: Record<VersionAction, string> = {
  edit: "edited",
  submit: "submitted for review",
  approve: "approved",
  reject: "sent back to draft",
  publish: "published",
  supersede: "superseded",
  retire: "retired",
};

const statusWords: Record<VersionStatus, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  published: "published",
  superseded: "superseded",
  retired: "retired",
};

/** Whether `action` is valid for a version in `status`. */
export function canTransition(status: VersionStatus, action: VersionAction): boolean {
  return transitions[status][action] !== undefined;
}

/** The status after `action`, or `invalid_state` (409) when the action does not apply in `status`. */
export function nextVersionStatus(status: VersionStatus, action: VersionAction): VersionStatus {
  const next = transitions[status][action];
  if (!next)
    throw invalidState(`A version that is ${statusWords[status]} cannot be ${actionWords[action]}.`, {
      status,
      action,
    });
  return next;
}
