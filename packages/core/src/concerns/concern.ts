import { can } from "../access/actor";
import { definePolicy } from "../access/policy";
import type { PendingEvent } from "../audit/event-types";
import { assertVersion } from "../ai-systems/ai-system";
import { invalidInput, invalidState } from "../shared/domain-error";

/**
 * Reported concerns (A.3.3). A concern is confidential: only `concern.manage` holders (owners, governance leads)
 * read every concern; a reporter who did not ask for anonymity reads their own. Audit events carry ids, the
 * anonymous flag and status changes only — never the subject, description, category or response, because the
 * audit trail is read by people who may not read concerns.
 */
export const concernStatuses = ["received", "investigating", "resolved", "dismissed"] as const;
export type ConcernStatus = (typeof concernStatuses)[number];
export const concernStatusLabels: Record<ConcernStatus, string> = {
  received: "Received",
  investigating: "Investigating",
  resolved: "Resolved",
  dismissed: "Dismissed",
};

export const concernCategories = [
  "safety",
  "fairness",
  "privacy",
  "security",
  "transparency",
  "misuse",
  "policy_breach",
  "other",
] as const;
export type ConcernCategory = (typeof concernCategories)[number];
export const concernCategoryLabels: Record<ConcernCategory, string> = {
  safety: "Safety or harm to people",
  fairness: "Fairness or discrimination",
  privacy: "Privacy or data protection",
  security: "Security",
  transparency: "Transparency or explainability",
  misuse: "Misuse of an AI system",
  policy_breach: "Breach of the AI policy or a procedure",
  other: "Other",
};

/** Where a concern may go next. A closed concern can be reopened for further investigation. */
export const concernTransitions: Record<ConcernStatus, readonly ConcernStatus[]> = {
  received: ["investigating", "resolved", "dismissed"],
  investigating: ["resolved", "dismissed"],
  resolved: ["investigating"],
  dismissed: ["investigating"],
};

export interface ConcernSubject {
  /** null for anonymous concerns: nobody, not even the reporter, is recorded */
  reporterId: string | null;
}

export const concernPolicy = definePolicy<ConcernSubject>()("concern", {
  report: (a) => can(a, "concern.report"),
  read: (a, c) => can(a, "concern.manage") || (c.reporterId !== null && c.reporterId === a.userId),
  respond: (a) => can(a, "concern.manage"),
});

export interface ConcernState {
  id: string;
  status: ConcernStatus;
  response: string;
  version: number;
}

export function decideReportConcern(
  id: string,
  orgId: string,
  c: { anonymous: boolean; aiSystemId: string | null },
): PendingEvent {
  return {
    type: "concern.reported",
    entityType: "concern",
    entityId: id,
    orgId,
    payload: { anonymous: c.anonymous, status: "received", aiSystemId: c.aiSystemId },
  };
}

/**
 * A manager moves a concern along and answers the reporter. Closing (resolved, dismissed) needs a response, so
 * the reporter is never left with a bare "dismissed". Returns null when nothing changes.
 */
export function decideUpdateConcern(
  current: ConcernState,
  change: { status?: ConcernStatus | undefined; response?: string | undefined },
  expectedVersion: number,
): { status: ConcernStatus; response: string; event: PendingEvent } | null {
  assertVersion(current, expectedVersion, "This concern");
  const status = change.status ?? current.status;
  const response = change.response ?? current.response;
  const statusChanged = status !== current.status;
  const responseChanged = response !== current.response;
  if (!statusChanged && !responseChanged) return null;
  if (statusChanged && !concernTransitions[current.status].includes(status))
    throw invalidState(`A ${current.status} concern cannot become ${status}.`, {
      from: current.status,
      allowed: concernTransitions[current.status],
    });
  if ((status === "resolved" || status === "dismissed") && response.trim() === "")
    throw invalidInput("response: closing a concern needs a response to the reporter.", {
      issues: [{ path: "response", message: "must not be empty when the concern is resolved or dismissed" }],
    });
  const payload: Record<string, unknown> = { responseChanged };
  if (statusChanged) payload.status = [current.status, status];
  return {
    status,
    response,
    event: { type: "concern.updated", entityType: "concern", entityId: current.id, payload },
  };
}
