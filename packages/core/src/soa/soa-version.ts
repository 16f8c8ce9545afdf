import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidState } from "../shared/domain-error";
import { assertFourEyes } from "../shared/four-eyes";
import type { SoaVersionStatus } from "./vocabulary";

export interface SoaVersionState {
  id: string;
  number: number;
  status: SoaVersionStatus;
  createdBy: string | null;
  version: number;
}

/**
 * Freezing the working state: the next number, and only one version in review at a time (decide it first, so
 * reviewers never approve a snapshot that a newer one silently replaced).
 */
export function decideCreateSoaVersion(
  id: string,
  latest: { number: number } | null,
  inReview: { number: number } | null,
  counts: { entries: number; applicable: number; undecided: number },
): { number: number; event: PendingEvent } {
  if (inReview)
    throw invalidState(
      `SoA version ${inReview.number} is still in review; approve or reject it before freezing another.`,
      { inReview: inReview.number },
    );
  const number = (latest?.number ?? 0) + 1;
  return {
    number,
    event: {
      type: "soa_version.created",
      entityType: "soa_version",
      entityId: id,
      payload: { number, ...counts },
    },
  };
}

function assertInReview(v: SoaVersionState, expectedVersion: number): void {
  assertVersion(v, expectedVersion, `SoA version ${v.number}`);
  if (v.status !== "in_review")
    throw invalidState(`SoA version ${v.number} is ${v.status.replace("_", " ")}, not in review.`, {
      status: v.status,
    });
}

/**
 * Approval: the version must be in review, and the approver must not be its creator (four-eyes). The approved
 * version in force before it, if any, becomes superseded.
 */
export function decideApproveSoaVersion(
  v: SoaVersionState,
  approverId: string,
  expectedVersion: number,
  previouslyApproved: SoaVersionState | null,
  note: string,
): PendingEvent[] {
  assertInReview(v, expectedVersion);
  assertFourEyes(v.createdBy, approverId, "SoA version");
  const events: PendingEvent[] = [
    {
      type: "soa_version.approved",
      entityType: "soa_version",
      entityId: v.id,
      payload: { number: v.number, note, supersedes: previouslyApproved?.number ?? null },
    },
  ];
  if (previouslyApproved)
    events.push({
      type: "soa_version.superseded",
      entityType: "soa_version",
      entityId: previouslyApproved.id,
      payload: { number: previouslyApproved.number, by: v.number },
    });
  return events;
}

export function decideRejectSoaVersion(
  v: SoaVersionState,
  expectedVersion: number,
  note: string,
): PendingEvent {
  assertInReview(v, expectedVersion);
  return {
    type: "soa_version.rejected",
    entityType: "soa_version",
    entityId: v.id,
    payload: { number: v.number, note },
  };
}
